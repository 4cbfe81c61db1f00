package io.roster.api.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The principal on whose behalf a service call runs.
 *
 * @param id stable id of the principal (API key id, staff id, {@code system})
 * @param kind what kind of principal it is
 * @param displayName a name to show in histories; never a secret
 * @param permissions what the caller may do
 * @param scopeOrgUnitIds the org units whose subtrees the caller may see; ignored when {@code unrestricted}
 * @param unrestricted {@code true} when the caller sees the whole organisation
 * @param source through what the call came in
 */
public record Caller(
        String id,
        CallerKind kind,
        String displayName,
        Set<Permission> permissions,
        Set<String> scopeOrgUnitIds,
        boolean unrestricted,
        Source source) {

    public Caller {
        permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(permissions));
        scopeOrgUnitIds = Set.copyOf(scopeOrgUnitIds);
    }

    /** Roster itself, with every permission and the whole tree in scope. */
    public static Caller system() {
        return new Caller(
                "system", CallerKind.SYSTEM, "Roster", EnumSet.allOf(Permission.class), Set.of(), true, Source.SYSTEM);
    }

    /** Whether the caller holds a permission. */
    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
