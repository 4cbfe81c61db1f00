package io.roster.impl.security;

import io.roster.api.error.ForbiddenException;
import io.roster.api.error.NotFoundException;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.Permission;
import io.roster.impl.common.Ids;
import io.roster.impl.persistence.OrgUnitEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Permission and org-unit scope checks, done in the service layer so that every way in (REST, bot, a Java host)
 * gets the same answer. Outside scope is reported as not found, never as forbidden.
 */
@ApplicationScoped
public class Access {
    @Inject
    CallerContext callers;

    @PersistenceContext
    EntityManager em;

    /**
     * The current caller, after checking it holds the permission.
     *
     * @throws ForbiddenException when it does not
     */
    public Caller require(Permission permission) {
        Caller caller = callers.current();
        if (!caller.has(permission)) {
            throw new ForbiddenException("this operation needs the " + permission + " permission");
        }
        return caller;
    }

    /** The current caller, whatever its permissions. */
    public Caller caller() {
        return callers.current();
    }

    /** The current caller's scope as ltree paths. */
    public Scope scope() {
        Caller caller = callers.current();
        if (caller.unrestricted()) {
            return Scope.UNRESTRICTED;
        }
        List<UUID> ids = caller.scopeOrgUnitIds().stream()
                .map(Ids::parse)
                .flatMap(java.util.Optional::stream)
                .toList();
        if (ids.isEmpty()) {
            return new Scope(false, List.of());
        }
        List<String> paths = em.createQuery("select u.path from OrgUnitEntity u where u.id in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList();
        return new Scope(false, paths);
    }

    /**
     * A unit the caller may see.
     *
     * @throws NotFoundException when unknown or outside scope
     */
    public OrgUnitEntity visibleUnit(String id) {
        OrgUnitEntity unit =
                Ids.parse(id).map(u -> em.find(OrgUnitEntity.class, u)).orElse(null);
        if (unit == null || !scope().contains(unit.path)) {
            throw new NotFoundException("org unit", id);
        }
        return unit;
    }

    /** The subtrees a caller sees. */
    public record Scope(boolean unrestricted, List<String> paths) {
        public static final Scope UNRESTRICTED = new Scope(true, List.of());

        public boolean contains(String path) {
            if (unrestricted) {
                return true;
            }
            for (String root : paths) {
                if (path.equals(root) || path.startsWith(root + ".")) {
                    return true;
                }
            }
            return false;
        }

        /** The scope roots as a PostgreSQL ltree[] literal, for {@code path <@ any(cast(? as ltree[]))}. */
        public String pathsLiteral() {
            return "{" + String.join(",", paths) + "}";
        }
    }
}
