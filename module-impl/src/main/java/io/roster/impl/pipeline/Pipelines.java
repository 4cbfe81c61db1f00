package io.roster.impl.pipeline;

import io.roster.api.error.ForbiddenException;
import io.roster.api.error.NotFoundException;
import io.roster.api.pipeline.Pipeline;
import io.roster.api.pipeline.Stage;
import io.roster.impl.common.Ids;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.persistence.PipelineEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Finding pipelines and deciding who sees them. A pipeline of a unit is visible to callers who see the unit (it is in
 * their subtree) and to callers inside its subtree (it is their branch's pipeline); an organisation-wide pipeline is
 * visible to all. Changing one needs sight of its unit itself, or unrestricted scope for an organisation-wide one.
 */
@ApplicationScoped
public class Pipelines {
    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    /**
     * A visible pipeline by id or key.
     *
     * @throws NotFoundException when unknown or not visible
     */
    public PipelineEntity visible(String idOrKey, boolean lock) {
        PipelineEntity p = find(idOrKey, lock);
        if (p == null || !visible(p)) {
            throw new NotFoundException("pipeline", idOrKey);
        }
        return p;
    }

    /** A pipeline by id or key, whoever may see it; {@code null} when unknown. */
    public PipelineEntity find(String idOrKey, boolean lock) {
        if (idOrKey == null) {
            return null;
        }
        LockModeType mode = lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
        UUID id = Ids.parse(idOrKey.strip()).orElse(null);
        if (id != null) {
            return em.find(PipelineEntity.class, id, mode);
        }
        List<PipelineEntity> rows = em.createQuery(
                        "select p from PipelineEntity p where p.key = :k", PipelineEntity.class)
                .setParameter("k", idOrKey.strip())
                .setLockMode(mode)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    public boolean visible(PipelineEntity p) {
        if (p.orgUnitId == null) {
            return true;
        }
        Access.Scope scope = access.scope();
        if (scope.unrestricted()) {
            return true;
        }
        String path = unitPath(p.orgUnitId);
        if (path == null) {
            return false;
        }
        if (scope.contains(path)) {
            return true;
        }
        for (String root : scope.paths()) {
            if (root.startsWith(path + ".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the caller may change a pipeline owned by a unit ({@code null}: organisation-wide).
     *
     * @throws ForbiddenException when it may not
     */
    public void requireAdminOf(UUID orgUnitId) {
        Access.Scope scope = access.scope();
        if (orgUnitId == null) {
            if (!scope.unrestricted()) {
                throw new ForbiddenException("organisation-wide pipelines can be changed only with unrestricted scope");
            }
            return;
        }
        String path = unitPath(orgUnitId);
        if (path == null || !scope.contains(path)) {
            throw new ForbiddenException("this pipeline belongs to a unit outside your scope");
        }
    }

    String unitPath(UUID orgUnitId) {
        OrgUnitEntity u = em.find(OrgUnitEntity.class, orgUnitId);
        return u == null ? null : u.path;
    }

    /** The stage of a pipeline by key, or {@code null}. */
    public static Stage stage(PipelineEntity p, String key) {
        for (Stage s : p.stages) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    public static Pipeline map(PipelineEntity p) {
        return new Pipeline(
                p.id.toString(),
                p.key,
                p.names,
                p.orgUnitId == null ? null : p.orgUnitId.toString(),
                List.copyOf(p.stages),
                List.copyOf(p.automations),
                Arrays.asList(p.abandonReasons),
                p.template,
                p.createdAt,
                p.updatedAt,
                p.version);
    }
}
