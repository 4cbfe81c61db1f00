package io.roster.impl.member;

import io.roster.api.common.Language;
import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.member.AttributeDefinition;
import io.roster.api.member.AttributeDefinitionService;
import io.roster.api.member.AttributeOption;
import io.roster.api.member.AttributeType;
import io.roster.api.member.NewAttributeDefinition;
import io.roster.api.security.Permission;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.RosterClock;
import io.roster.impl.persistence.AttributeDefinitionEntity;
import io.roster.impl.persistence.Flush;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@ApplicationScoped
public class DefaultAttributeDefinitionService implements AttributeDefinitionService {
    static final int MAX_DEFINITIONS = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Override
    @Transactional
    public AttributeDefinition define(NewAttributeDefinition d) {
        requireOrganisationAdmin();
        check(d);
        if (em.find(AttributeDefinitionEntity.class, d.key()) != null) {
            throw new ConflictException("attribute-key-taken", "an attribute with this key exists");
        }
        long count = em.createQuery("select count(a) from AttributeDefinitionEntity a", Long.class)
                .getSingleResult();
        if (count >= MAX_DEFINITIONS) {
            throw ValidationException.of("key", "too-many", "at most " + MAX_DEFINITIONS + " attributes may exist");
        }
        AttributeDefinitionEntity e = new AttributeDefinitionEntity();
        e.key = d.key();
        e.type = d.type().name();
        e.createdAt = clock.now();
        e.updatedAt = e.createdAt;
        write(e, d);
        em.persist(e);
        Flush.now(em);
        return map(e);
    }

    @Override
    @Transactional
    public AttributeDefinition update(String key, Long expectedVersion, NewAttributeDefinition d) {
        requireOrganisationAdmin();
        AttributeDefinitionEntity e = find(key);
        if (expectedVersion != null && expectedVersion != e.version) {
            throw new StaleVersionException("attribute definition", e.version);
        }
        List<FieldError> errors = new ArrayList<>();
        if (!key.equals(d.key())) {
            errors.add(new FieldError("key", "immutable", "the key cannot change"));
        }
        if (d.type() != null && !e.type.equals(d.type().name())) {
            errors.add(new FieldError("type", "immutable", "the type cannot change"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        check(d);
        write(e, d);
        e.updatedAt = clock.now();
        Flush.now(em);
        return map(e);
    }

    @Override
    @Transactional
    public AttributeDefinition get(String key) {
        access.require(Permission.MEMBER_READ);
        return map(find(key));
    }

    @Override
    @Transactional
    public Page<AttributeDefinition> list(PageRequest page) {
        access.require(Permission.MEMBER_READ);
        String after = page.cursor() == null
                ? null
                : Cursors.decode(page.cursor(), "attributes", 1).get(0);
        var q = em.createQuery(
                "select a from AttributeDefinitionEntity a" + (after == null ? "" : " where a.key > :after")
                        + " order by a.key",
                AttributeDefinitionEntity.class);
        if (after != null) {
            q.setParameter("after", after);
        }
        List<AttributeDefinitionEntity> rows = q.setMaxResults(page.limit() + 1).getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = Cursors.encode("attributes", rows.get(rows.size() - 1).key);
        }
        return new Page<>(
                rows.stream().map(DefaultAttributeDefinitionService::map).toList(), next);
    }

    @Override
    @Transactional
    public List<AttributeDefinition> all() {
        access.require(Permission.MEMBER_READ);
        return em
                .createQuery(
                        "select a from AttributeDefinitionEntity a order by a.key", AttributeDefinitionEntity.class)
                .setMaxResults(MAX_DEFINITIONS)
                .getResultList()
                .stream()
                .map(DefaultAttributeDefinitionService::map)
                .toList();
    }

    /** Definitions apply to the whole organisation, so a caller confined to a subtree may not change them. */
    private void requireOrganisationAdmin() {
        if (!access.require(Permission.ATTRIBUTE_ADMIN).unrestricted()) {
            throw new io.roster.api.error.ForbiddenException(
                    "custom attributes apply to the whole organisation; only an unrestricted caller may change them");
        }
    }

    private AttributeDefinitionEntity find(String key) {
        AttributeDefinitionEntity e = key == null ? null : em.find(AttributeDefinitionEntity.class, key);
        if (e == null) {
            throw new NotFoundException("attribute definition", key);
        }
        return e;
    }

    private static void check(NewAttributeDefinition d) {
        List<FieldError> errors = AttributeValues.validateDefinition(d);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void write(AttributeDefinitionEntity e, NewAttributeDefinition d) {
        e.required = d.required();
        e.labels = codes(d.labels());
        e.options = new ArrayList<>();
        if (d.options() != null) {
            for (AttributeOption o : d.options()) {
                e.options.add(new AttributeDefinitionEntity.OptionJson(o.value().strip(), codes(o.labels())));
            }
        }
    }

    private static Map<String, String> codes(Map<Language, String> labels) {
        Map<String, String> out = new TreeMap<>();
        if (labels != null) {
            labels.forEach((l, v) -> {
                if (v != null && !v.isBlank()) {
                    out.put(l.code(), v.strip());
                }
            });
        }
        return out;
    }

    private static Map<Language, String> languages(Map<String, String> labels) {
        Map<Language, String> out = new EnumMap<>(Language.class);
        if (labels != null) {
            labels.forEach((k, v) -> {
                Language l = Language.fromTag(k);
                if (l != null) {
                    out.put(l, v);
                }
            });
        }
        return out;
    }

    static AttributeDefinition map(AttributeDefinitionEntity e) {
        List<AttributeOption> options = e.options == null
                ? List.of()
                : e.options.stream()
                        .map(o -> new AttributeOption(o.value(), languages(o.labels())))
                        .toList();
        return new AttributeDefinition(
                e.key,
                AttributeType.valueOf(e.type),
                e.required,
                languages(e.labels),
                options,
                e.createdAt,
                e.updatedAt,
                e.version);
    }
}
