package io.roster.api.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a host CRM gives its staff, each a fixed set of {@link Permission}s. This is the one table from roles to
 * permissions (documented in {@code docs/security.md}); a signed-in staff member holds the union of the permissions of
 * their roles. API keys carry permissions directly, so an integrator can be given exactly what it needs.
 */
public enum Role {
    /** Looks members up and reads profiles and histories, with contact details masked. */
    VIEWER(EnumSet.of(
            Permission.ORG_READ, Permission.MEMBER_READ, Permission.TASK_READ, Permission.KNOWLEDGE_BASE_READ)),
    /** Works with members of their branch: profiles, contact details, interactions, events, pipeline cards. */
    ORGANISER(EnumSet.of(
            Permission.ORG_READ,
            Permission.MEMBER_READ,
            Permission.MEMBER_WRITE,
            Permission.MEMBER_CONTACTS_READ,
            Permission.INTERACTION_WRITE,
            Permission.EVENT_WRITE,
            Permission.TASK_READ,
            Permission.TASK_WRITE,
            Permission.NOTIFICATION_READ,
            Permission.SEGMENT_WRITE,
            Permission.KNOWLEDGE_BASE_READ)),
    /** An organiser who also shapes the org tree, merges duplicates and manages interaction types. */
    COORDINATOR(EnumSet.of(
            Permission.ORG_READ,
            Permission.ORG_WRITE,
            Permission.MEMBER_READ,
            Permission.MEMBER_WRITE,
            Permission.MEMBER_CONTACTS_READ,
            Permission.MEMBER_MERGE,
            Permission.INTERACTION_WRITE,
            Permission.INTERACTION_ADMIN,
            Permission.EVENT_WRITE,
            Permission.TASK_READ,
            Permission.TASK_WRITE,
            Permission.TASK_WIP_OVERRIDE,
            Permission.PIPELINE_ADMIN,
            Permission.NOTIFICATION_READ,
            Permission.NOTIFICATION_SEND,
            Permission.TEMPLATE_WRITE,
            Permission.SEGMENT_WRITE,
            Permission.KNOWLEDGE_BASE_READ,
            Permission.KNOWLEDGE_BASE_WRITE)),
    /** Everything, including keys, webhooks, attribute definitions and the audit trail. */
    ADMIN(EnumSet.allOf(Permission.class)),
    /**
     * Reads the audit trail (which holds before/after values, contact details included) and verifies it; sees
     * profiles masked, and changes nothing.
     */
    AUDITOR(EnumSet.of(Permission.ORG_READ, Permission.MEMBER_READ, Permission.AUDIT_READ)),
    /** A system that syncs the host CRM with Roster: members with contact details, interactions, webhooks. */
    INTEGRATOR(EnumSet.of(
            Permission.ORG_READ,
            Permission.MEMBER_READ,
            Permission.MEMBER_WRITE,
            Permission.MEMBER_CONTACTS_READ,
            Permission.INTERACTION_WRITE,
            Permission.EVENT_WRITE,
            Permission.TASK_READ,
            Permission.TASK_WRITE,
            Permission.WEBHOOK_ADMIN,
            Permission.KNOWLEDGE_BASE_READ,
            Permission.KNOWLEDGE_BASE_WRITE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Collections.unmodifiableSet(permissions);
    }

    /** What the role may do. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** The role a host calls {@code name} (case-insensitive, e.g. {@code organiser}), if it is one of these. */
    public static Optional<Role> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The union of the permissions of some roles. */
    public static Set<Permission> permissionsOf(Set<Role> roles) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions));
        return all;
    }
}
