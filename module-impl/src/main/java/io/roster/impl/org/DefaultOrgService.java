package io.roster.impl.org;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.ForbiddenException;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.org.NewOrgUnit;
import io.roster.api.org.OrgService;
import io.roster.api.org.OrgUnit;
import io.roster.api.org.OrgUnitChanges;
import io.roster.api.org.OrgUnitKind;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Texts;
import io.roster.impl.persistence.Flush;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

@ApplicationScoped
public class DefaultOrgService implements OrgService {
    static final int MAX_DEPTH = 16;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String CURSOR_TAG = "org-children";

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Override
    @Transactional
    public OrgUnit create(NewOrgUnit unit) {
        Caller caller = access.require(Permission.ORG_WRITE);
        List<FieldError> errors = new ArrayList<>();
        checkCode(unit.code(), errors, true);
        checkName(unit.name(), errors, true);
        if (unit.kind() == null) {
            errors.add(new FieldError("kind", "required", "kind is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OrgUnitEntity parent = null;
        if (unit.parentId() != null) {
            lockTree();
            parent = parentForWrite(unit.parentId());
            if (parent.depth() + 1 >= MAX_DEPTH) {
                throw ValidationException.of("parentId", "too-deep", "the tree may be at most " + MAX_DEPTH + " deep");
            }
        } else if (!caller.unrestricted()) {
            throw new ForbiddenException("only a caller who sees the whole organisation may create a root unit");
        }
        requireFreeCode(unit.code().strip(), null);
        OrgUnitEntity e = new OrgUnitEntity();
        e.id = Ids.newUuid();
        e.code = unit.code().strip();
        e.name = unit.name().strip();
        e.kind = unit.kind().name();
        e.parentId = parent == null ? null : parent.id;
        e.path = (parent == null ? "" : parent.path + ".") + OrgUnitEntity.label(e.id);
        e.createdAt = clock.now();
        e.updatedAt = e.createdAt;
        em.persist(e);
        Flush.now(em);
        return map(e);
    }

    @Override
    @Transactional
    public OrgUnit get(String id) {
        access.require(Permission.ORG_READ);
        return map(access.visibleUnit(id));
    }

    @Override
    @Transactional
    public OrgUnit update(String id, Long expectedVersion, OrgUnitChanges changes) {
        access.require(Permission.ORG_WRITE);
        OrgUnitEntity e = access.visibleUnit(id);
        if (expectedVersion != null && expectedVersion != e.version) {
            throw new StaleVersionException("org unit", e.version);
        }
        List<FieldError> errors = new ArrayList<>();
        checkCode(changes.code(), errors, false);
        checkName(changes.name(), errors, false);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean changed = false;
        if (changes.code() != null && !changes.code().strip().equals(e.code)) {
            requireFreeCode(changes.code().strip(), e.id);
            e.code = changes.code().strip();
            changed = true;
        }
        if (changes.name() != null && !changes.name().strip().equals(e.name)) {
            e.name = changes.name().strip();
            changed = true;
        }
        if (changes.kind() != null && !changes.kind().name().equals(e.kind)) {
            e.kind = changes.kind().name();
            changed = true;
        }
        if (changes.parentId() != null && !changes.parentId().equals(String.valueOf(e.parentId))) {
            lockTree();
            em.refresh(e);
            if (expectedVersion != null && expectedVersion != e.version) {
                throw new StaleVersionException("org unit", e.version);
            }
            move(e, parentForWrite(changes.parentId()));
            changed = true;
        }
        if (changed) {
            e.updatedAt = clock.now();
            Flush.now(em);
        }
        return map(e);
    }

    /**
     * Serialises changes of the tree's shape. A child's path is computed from its parent's, and a move rewrites a
     * whole subtree: without this lock a child created during a move would keep the old prefix, and two crossing
     * moves could each pass the cycle check.
     */
    private void lockTree() {
        em.createNativeQuery("select pg_advisory_xact_lock(7353002)").getSingleResult();
    }

    /** The new parent as it is now (under the tree lock), visible to the caller. */
    private OrgUnitEntity parentForWrite(String parentId) {
        OrgUnitEntity parent;
        try {
            parent = access.visibleUnit(parentId);
        } catch (NotFoundException e) {
            throw ValidationException.of("parentId", "unknown-org-unit", "no such org unit in your scope");
        }
        em.refresh(parent);
        return parent;
    }

    private void move(OrgUnitEntity unit, OrgUnitEntity newParent) {
        if (newParent.isWithin(unit.path)) {
            throw new InvalidStateException("org-unit-cycle", "a unit cannot be moved under itself or its descendant");
        }
        int subtreeLevels = ((Number)
                        em.createNativeQuery("select max(nlevel(path)) from org_unit where path <@ cast(?1 as ltree)")
                                .setParameter(1, unit.path)
                                .getSingleResult())
                .intValue();
        int height = subtreeLevels - 1 - unit.depth();
        if (newParent.depth() + 1 + height >= MAX_DEPTH) {
            throw ValidationException.of("parentId", "too-deep", "the tree may be at most " + MAX_DEPTH + " deep");
        }
        String oldPath = unit.path;
        String newPath = newParent.path + "." + OrgUnitEntity.label(unit.id);
        Flush.now(em);
        // One statement rewrites the whole subtree's paths; the unit's own label stays last.
        em.createNativeQuery(
                        "update org_unit set path = cast(?1 as ltree) || subpath(path, nlevel(cast(?2 as ltree)) - 1)"
                                + " where path <@ cast(?2 as ltree)")
                .setParameter(1, newParent.path)
                .setParameter(2, oldPath)
                .executeUpdate();
        unit.path = newPath;
        unit.parentId = newParent.id;
    }

    @Override
    @Transactional
    public Page<OrgUnit> children(String parentId, PageRequest page) {
        access.require(Permission.ORG_READ);
        String afterName = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> values = Cursors.decode(page.cursor(), CURSOR_TAG, 3);
            if (!String.valueOf(parentId).equals(values.get(0))) {
                throw ValidationException.of("cursor", "invalid-cursor", "the cursor is not one of this list");
            }
            afterName = values.get(1);
            afterId = Cursors.id(values.get(2));
        }
        StringBuilder jpql = new StringBuilder("select u from OrgUnitEntity u where ");
        Access.Scope scope = access.scope();
        if (parentId != null) {
            OrgUnitEntity parent = access.visibleUnit(parentId);
            jpql.append("u.parentId = :parent");
            if (afterId != null) {
                jpql.append(" and (u.name, u.id) > (:afterName, :afterId)");
            }
            jpql.append(" order by u.name, u.id");
            TypedQuery<OrgUnitEntity> q =
                    em.createQuery(jpql.toString(), OrgUnitEntity.class).setParameter("parent", parent.id);
            return page(q, afterName, afterId, page, parentId);
        }
        if (scope.unrestricted()) {
            jpql.append("u.parentId is null");
        } else {
            jpql.append("u.path in :roots");
        }
        if (afterId != null) {
            jpql.append(" and (u.name, u.id) > (:afterName, :afterId)");
        }
        jpql.append(" order by u.name, u.id");
        TypedQuery<OrgUnitEntity> q = em.createQuery(jpql.toString(), OrgUnitEntity.class);
        if (!scope.unrestricted()) {
            if (scope.paths().isEmpty()) {
                return Page.empty();
            }
            q.setParameter("roots", scope.paths());
        }
        return page(q, afterName, afterId, page, null);
    }

    private Page<OrgUnit> page(
            TypedQuery<OrgUnitEntity> q, String afterName, UUID afterId, PageRequest page, String parentId) {
        if (afterId != null) {
            q.setParameter("afterName", afterName).setParameter("afterId", afterId);
        }
        List<OrgUnitEntity> rows = q.setMaxResults(page.limit() + 1).getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            OrgUnitEntity last = rows.get(rows.size() - 1);
            next = Cursors.encode(CURSOR_TAG, String.valueOf(parentId), last.name, last.id);
        }
        return new Page<>(rows.stream().map(DefaultOrgService::map).toList(), next);
    }

    @Override
    @Transactional
    public List<OrgUnit> ancestors(String id) {
        access.require(Permission.ORG_READ);
        OrgUnitEntity unit = access.visibleUnit(id);
        Access.Scope scope = access.scope();
        List<UUID> ids = new ArrayList<>();
        String[] labels = unit.path.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            ids.add(fromLabel(labels[i]));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery("select u from OrgUnitEntity u where u.id in :ids", OrgUnitEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .filter(u -> scope.contains(u.path))
                .sorted(java.util.Comparator.comparingInt(OrgUnitEntity::depth))
                .map(DefaultOrgService::map)
                .toList();
    }

    private void requireFreeCode(String code, UUID except) {
        List<UUID> taken = em.createQuery("select u.id from OrgUnitEntity u where u.code = :code", UUID.class)
                .setParameter("code", code)
                .getResultList();
        if (taken.stream().anyMatch(t -> !t.equals(except))) {
            throw new ConflictException("org-unit-code-taken", "another org unit already has this code");
        }
    }

    private static void checkCode(String code, List<FieldError> errors, boolean required) {
        if (code == null) {
            if (required) {
                errors.add(new FieldError("code", "required", "code is required"));
            }
        } else if (!CODE.matcher(code.strip()).matches()) {
            errors.add(new FieldError("code", "invalid", "code is 1–64 letters, digits, '-' or '_'"));
        }
    }

    private static void checkName(String name, List<FieldError> errors, boolean required) {
        String clean = Texts.clean(name);
        if (clean == null) {
            if (required || name != null) {
                errors.add(new FieldError("name", "required", "name is required"));
            }
        } else if (clean.length() > 200 || Texts.hasControl(clean)) {
            errors.add(new FieldError("name", "invalid", "name is up to 200 characters without control characters"));
        }
    }

    static UUID fromLabel(String label) {
        return UUID.fromString(label.substring(0, 8) + "-" + label.substring(8, 12) + "-" + label.substring(12, 16)
                + "-" + label.substring(16, 20) + "-" + label.substring(20));
    }

    public static OrgUnit map(OrgUnitEntity e) {
        return new OrgUnit(
                e.id.toString(),
                e.code,
                e.name,
                OrgUnitKind.valueOf(e.kind),
                e.parentId == null ? null : e.parentId.toString(),
                e.depth(),
                e.createdAt,
                e.updatedAt,
                e.version);
    }
}
