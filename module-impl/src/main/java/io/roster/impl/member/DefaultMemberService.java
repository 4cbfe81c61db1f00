package io.roster.impl.member;

import io.roster.api.common.Language;
import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.interaction.ContactFacts;
import io.roster.api.member.Address;
import io.roster.api.member.AttributeConflictRule;
import io.roster.api.member.Consent;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.ContactPointStatus;
import io.roster.api.member.DuplicateCandidate;
import io.roster.api.member.DuplicateMemberException;
import io.roster.api.member.Email;
import io.roster.api.member.Gender;
import io.roster.api.member.Member;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberQuery;
import io.roster.api.member.MemberService;
import io.roster.api.member.MemberSort;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.MemberSummary;
import io.roster.api.member.Phone;
import io.roster.api.member.Position;
import io.roster.api.member.StatusChange;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.api.timeline.EntryKind;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Snapshots;
import io.roster.impl.common.Texts;
import io.roster.impl.interaction.ContactFactsStore;
import io.roster.impl.persistence.AttributeDefinitionEntity;
import io.roster.impl.persistence.Flush;
import io.roster.impl.persistence.MemberConsentEntity;
import io.roster.impl.persistence.MemberContactEntity;
import io.roster.impl.persistence.MemberEntity;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import io.roster.impl.timeline.TimelineWriter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultMemberService implements MemberService {
    private static final int MAX_DUPLICATE_CANDIDATES = 10;
    /** How many merges a lookup follows from a merged-away id to its survivor. */
    public static final int MAX_MERGE_HOPS = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    TimelineWriter timeline;

    @Inject
    ContactFactsStore facts;

    @Inject
    AuditLog audit;

    @ConfigProperty(name = "roster.search.name-threshold", defaultValue = "0.5")
    double nameThreshold;

    @Inject
    PhoneNumberSettings phoneSettings;

    PhoneNumbers phones;

    @PostConstruct
    void init() {
        phones = phoneSettings.numbers();
    }

    @Override
    @Transactional
    public Member create(MemberDraft input, boolean allowDuplicates) {
        Caller caller = access.require(Permission.MEMBER_WRITE);
        MemberDraft draft = withDefaults(input, null);
        validate(draft);
        OrgUnitEntity unit = unitForWrite(draft.orgUnitId());
        MemberDraft normalized = normalize(draft, null);
        requireFreeMembershipNumber(normalized.membershipNumber(), null);
        if (!allowDuplicates) {
            List<DuplicateCandidate> candidates = findDuplicates(normalized);
            if (!candidates.isEmpty()) {
                // A key that may only write (a sign-up form) learns that a duplicate exists, not who it is.
                throw new DuplicateMemberException(caller.has(Permission.MEMBER_READ) ? candidates : List.of());
            }
        }
        MemberEntity e = new MemberEntity();
        e.id = Ids.newUuid();
        e.createdAt = clock.now();
        e.updatedAt = e.createdAt;
        List<Runnable> history = apply(e, unit, normalized, caller);
        em.persist(e);
        Flush.now(em);
        history.forEach(Runnable::run);
        Member created = map(e);
        audit.record("member.created", "member", e.id, e.id, Snapshots.of(created.toDraft()));
        return created;
    }

    @Override
    @Transactional
    public Member get(String id) {
        access.require(Permission.MEMBER_READ);
        Access.Scope scope = access.scope();
        // Read over JDBC into a detached entity: the most frequent request takes no snapshots and dirty-checks
        // nothing. A flush first, so that a caller's own transaction sees what it changed (cheap when nothing is
        // loaded, which is the case of a request that only reads).
        em.flush();
        Instant now = clock.now();
        MemberRows.Loaded loaded = em.unwrap(Session.class).doReturningWork(c -> {
            UUID current = Ids.parse(id).orElse(null);
            for (int hop = 0; current != null && hop <= MAX_MERGE_HOPS; hop++) {
                MemberRows.Loaded row = MemberRows.profile(c, current, now);
                if (row == null) {
                    return null;
                }
                if (row.member().mergedIntoId == null) {
                    return scope.contains(row.unitPath()) ? row : null;
                }
                current = row.member().mergedIntoId;
            }
            return null;
        });
        if (loaded == null) {
            throw new NotFoundException("member", id);
        }
        return map(loaded.member(), loaded.facts());
    }

    @Override
    @Transactional
    public Member update(String id, Long expectedVersion, UnaryOperator<MemberDraft> changes) {
        // The answer is the whole profile, so writing needs reading too.
        access.require(Permission.MEMBER_READ);
        Caller caller = access.require(Permission.MEMBER_WRITE);
        MemberEntity e = loadForWrite(id);
        checkVersion(e, expectedVersion);
        MemberDraft current = map(e, false).toDraft();
        MemberDraft wanted = withDefaults(changes.apply(current), current);
        validate(wanted, current.customAttributes());
        MemberDraft normalized = normalize(wanted, e);
        if (normalized.equals(current)) {
            return map(e);
        }
        OrgUnitEntity unit = Objects.equals(normalized.orgUnitId(), current.orgUnitId())
                ? em.find(OrgUnitEntity.class, e.orgUnitId)
                : unitForWrite(normalized.orgUnitId());
        requireFreeMembershipNumber(normalized.membershipNumber(), e.id);
        List<Runnable> history = apply(e, unit, normalized, caller);
        e.updatedAt = clock.now();
        flushChecked(e);
        history.forEach(Runnable::run);
        audit.record(
                "member.updated",
                "member",
                e.id,
                e.id,
                Snapshots.diff(Snapshots.of(current), Snapshots.of(normalized)));
        return map(e);
    }

    @Override
    @Transactional
    public Member archive(String id, Long expectedVersion) {
        access.require(Permission.MEMBER_READ);
        access.require(Permission.MEMBER_WRITE);
        MemberEntity e = resolveForScope(id, false);
        if (e.mergedIntoId != null) {
            throw new InvalidStateException("member-merged", "this member was merged into another profile");
        }
        checkVersion(e, expectedVersion);
        if (e.archivedAt == null) {
            e.archivedAt = clock.now();
            e.updatedAt = e.archivedAt;
            flushChecked(e);
            audit.record("member.archived", "member", e.id, e.id, Map.of("archivedAt", e.archivedAt));
        }
        return map(e);
    }

    @Override
    @Transactional
    public Page<MemberSummary> search(MemberQuery query) {
        access.require(Permission.MEMBER_READ);
        validateQuery(query);
        Access.Scope scope = access.scope();
        if (!scope.unrestricted() && scope.paths().isEmpty()) {
            return Page.empty();
        }
        String subtree = null;
        if (query.orgUnitId() != null) {
            try {
                subtree = access.visibleUnit(query.orgUnitId()).path;
            } catch (NotFoundException e) {
                throw ValidationException.of("orgUnitId", "unknown-org-unit", "no such org unit in your scope");
            }
        }
        MemberSearch.TextKind kind = MemberSearch.textKind(query.q());
        MemberSort sort = MemberSearch.effectiveSort(query, kind);
        String subtreePath = subtree;
        PageRequest page = query.page() == null ? PageRequest.first() : query.page();
        List<MemberSearch.Row> keys = new ArrayList<>();
        List<MemberSummary> rows = em.unwrap(Session.class).doReturningWork(c -> {
            SqlQuery sql = MemberSearch.build(
                    query,
                    scope,
                    subtreePath,
                    phones,
                    clock.now(),
                    MemberSearch.perUnitApplies(c, query, scope, subtreePath));
            if (kind == MemberSearch.TextKind.NAME) {
                try (PreparedStatement set =
                        c.prepareStatement("select set_config('pg_trgm.word_similarity_threshold', ?, true)")) {
                    set.setString(1, Double.toString(nameThreshold));
                    set.execute();
                }
            }
            List<MemberSummary> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    float score = rs.getFloat("score");
                    boolean hasScore = !rs.wasNull();
                    UUID id = rs.getObject("id", UUID.class);
                    out.add(new MemberSummary(
                            id.toString(),
                            rs.getString("given_name"),
                            rs.getString("patronymic"),
                            rs.getString("family_name"),
                            MemberStatus.valueOf(rs.getString("status")),
                            rs.getObject("org_unit_id", UUID.class).toString(),
                            (Integer) (rs.getObject("support_level") == null ? null : rs.getInt("support_level")),
                            new TreeSet<>(Arrays.asList(strings(rs.getArray("tags")))),
                            instant(rs.getTimestamp("archived_at")),
                            instant(rs.getTimestamp("updated_at")),
                            rs.getLong("version"),
                            hasScore ? (double) score : null));
                    keys.add(new MemberSearch.Row(
                            id,
                            rs.getString("sort_key"),
                            instant(rs.getTimestamp("updated_at")),
                            instant(rs.getTimestamp("created_at")),
                            score));
                }
            }
            return out;
        });
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = MemberSearch.nextCursor(query, sort, kind, keys.get(page.limit() - 1));
        }
        return new Page<>(rows, next);
    }

    @Override
    @Transactional
    public Page<StatusChange> statusHistory(String id, PageRequest page) {
        access.require(Permission.MEMBER_READ);
        MemberEntity e = resolve(id);
        StringBuilder sql = new StringBuilder(
                "select id, from_status, to_status, changed_at, changed_by from member_status_change where member_id = ?1");
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "status-history", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
            sql.append(" and (changed_at, id) < (?2, ?3)");
        }
        sql.append(" order by changed_at desc, id desc limit ").append(page.limit() + 1);
        var q = em.createNativeQuery(sql.toString(), Object[].class).setParameter(1, e.id);
        if (afterId != null) {
            q.setParameter(2, afterAt).setParameter(3, afterId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<StatusChange> items = new ArrayList<>();
        String next = null;
        for (int i = 0; i < Math.min(rows.size(), page.limit()); i++) {
            Object[] r = rows.get(i);
            Instant at = toInstant(r[3]);
            items.add(new StatusChange(
                    r[1] == null ? null : MemberStatus.valueOf((String) r[1]),
                    MemberStatus.valueOf((String) r[2]),
                    at,
                    (String) r[4]));
            if (i == page.limit() - 1 && rows.size() > page.limit()) {
                next = Cursors.encode("status-history", at, r[0]);
            }
        }
        return new Page<>(items, next);
    }

    @Override
    @Transactional
    public Member merge(String targetId, String sourceId, AttributeConflictRule rule, Long expectedTargetVersion) {
        Caller caller = access.require(Permission.MEMBER_MERGE);
        access.require(Permission.MEMBER_WRITE);
        access.require(Permission.MEMBER_READ);
        if (rule == null) {
            throw ValidationException.of("attributeConflictRule", "required", "attributeConflictRule is required");
        }
        MemberEntity target = loadForWrite(targetId);
        MemberEntity source = resolveForScope(sourceId, false);
        if (source.mergedIntoId != null || source.archivedAt != null) {
            throw new InvalidStateException("member-not-mergeable", "the source member is archived or merged");
        }
        if (source.id.equals(target.id)) {
            throw new InvalidStateException("member-merge-self", "a member cannot be merged into itself");
        }
        checkVersion(target, expectedTargetVersion);
        MemberDraft merged = MemberMerging.merge(
                map(target, false).toDraft(), map(source, false).toDraft(), rule);
        // The membership number moves with the person: free it on the source before the target takes it.
        String sourceNumber = source.membershipNumber;
        boolean adoptNumber = sourceNumber != null && merged.membershipNumber() == null;
        if (adoptNumber) {
            source.membershipNumber = null;
        }
        source.archivedAt = clock.now();
        source.mergedIntoId = target.id;
        source.updatedAt = source.archivedAt;
        Flush.now(em);
        if (adoptNumber) {
            merged = merged.withMembershipNumber(sourceNumber);
        }
        validate(merged);
        MemberDraft normalized = normalize(merged, target);
        List<Runnable> history = apply(target, em.find(OrgUnitEntity.class, target.orgUnitId), normalized, caller);
        target.updatedAt = clock.now();
        history.forEach(Runnable::run);
        moveHistory(source.id, target.id);
        em.createNativeQuery("update member set merged_into_id = ?1 where merged_into_id = ?2")
                .setParameter(1, target.id)
                .setParameter(2, source.id)
                .executeUpdate();
        em.createNativeQuery("insert into member_merge (id, target_id, source_id, attribute_rule, merged_at, merged_by)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Ids.newUuid())
                .setParameter(2, target.id)
                .setParameter(3, source.id)
                .setParameter(4, rule.name())
                .setParameter(5, target.updatedAt)
                .setParameter(6, caller.id())
                .executeUpdate();
        flushChecked(target);
        facts.recompute(target.id);
        audit.record(
                "member.merged",
                "member",
                target.id,
                target.id,
                Map.of("sourceMemberId", source.id.toString(), "attributeConflictRule", rule.name()));
        audit.record(
                "member.merged-away", "member", source.id, source.id, Map.of("mergedIntoId", target.id.toString()));
        return map(target);
    }

    /** The merged-away member's interactions, attendance, cards and timeline go to the survivor. */
    private void moveHistory(UUID from, UUID to) {
        em.createNativeQuery("update interaction set member_id = ?2 where member_id = ?1")
                .setParameter(1, from)
                .setParameter(2, to)
                .executeUpdate();
        // Where both were at the same event, the survivor's attendance stands, and the event's counters lose the
        // merged-away one's line.
        em.createNativeQuery("update event e set"
                        + " registered = e.registered - case when f.status in ('REGISTERED', 'ATTENDED') then 1 else 0 end,"
                        + " attended = e.attended - case when f.status = 'ATTENDED' then 1 else 0 end"
                        + " from event_attendance f where f.event_id = e.id and f.member_id = ?1 and exists"
                        + " (select 1 from event_attendance t where t.member_id = ?2 and t.event_id = f.event_id)")
                .setParameter(1, from)
                .setParameter(2, to)
                .executeUpdate();
        em.createNativeQuery("delete from event_attendance f where f.member_id = ?1 and exists"
                        + " (select 1 from event_attendance t where t.member_id = ?2 and t.event_id = f.event_id)")
                .setParameter(1, from)
                .setParameter(2, to)
                .executeUpdate();
        em.createNativeQuery("update event_attendance set member_id = ?2 where member_id = ?1")
                .setParameter(1, from)
                .setParameter(2, to)
                .executeUpdate();
        // Cards about the merged-away member are about the survivor now; their unit (their scope) stays.
        em.createNativeQuery("update task set member_id = ?2, version = version + 1 where member_id = ?1")
                .setParameter(1, from)
                .setParameter(2, to)
                .executeUpdate();
        timeline.moveAll(from, to);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The member a history record (an interaction, an attendance) is about: visible to the caller, a merged-away id
     * resolved to the survivor.
     *
     * @throws NotFoundException when unknown or outside scope
     */
    public MemberEntity memberForHistory(String id) {
        return resolveForScope(id, true);
    }

    /**
     * The id of the member whose history {@code id} names, merges followed, without loading the profile: one indexed
     * lookup of the member's merge pointer and home-unit path per hop. Sees what the transaction has flushed.
     *
     * @throws NotFoundException when unknown or outside scope
     */
    public UUID memberIdForHistory(String id) {
        UUID current = Ids.parse(id).orElseThrow(() -> new NotFoundException("member", id));
        em.flush();
        Session session = em.unwrap(Session.class);
        for (int hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
            UUID lookup = current;
            String[] row = session.doReturningWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(MemberRows.HISTORY_LOOKUP)) {
                    ps.setObject(1, lookup);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                    }
                }
            });
            if (row == null) {
                break;
            }
            if (row[0] == null) {
                if (!access.scope().contains(row[1])) {
                    break;
                }
                return current;
            }
            current = UUID.fromString(row[0]);
        }
        throw new NotFoundException("member", id);
    }

    /**
     * Applies a change that a rule derives from history (an interaction's outcome: a wrong number, a move, a death),
     * in the caller's transaction. It needs no member permission of the caller: the caller recorded the fact, Roster
     * draws the consequence. Recorded in the status history, timeline and audit trail like any change.
     */
    @Transactional
    public void applyRule(UUID memberId, UnaryOperator<MemberDraft> rule, String reason) {
        MemberEntity e = em.find(MemberEntity.class, memberId);
        if (e == null || e.mergedIntoId != null) {
            return;
        }
        Caller caller = access.caller();
        MemberDraft current = map(e, false).toDraft();
        MemberDraft wanted = rule.apply(current);
        if (wanted == current || wanted.equals(current)) {
            return;
        }
        MemberDraft normalized = normalize(wanted, e);
        List<Runnable> history = apply(e, em.find(OrgUnitEntity.class, e.orgUnitId), normalized, caller);
        e.updatedAt = clock.now();
        flushChecked(e);
        history.forEach(Runnable::run);
        Map<String, Object> changes =
                new LinkedHashMap<>(Snapshots.diff(Snapshots.of(current), Snapshots.of(normalized)));
        changes.put("reason", reason);
        audit.record("member.updated", "member", e.id, e.id, changes);
    }

    private MemberEntity resolve(String id) {
        return resolveForScope(id, true);
    }

    /** The member with this id, following merges when asked to; outside scope counts as not found. */
    private MemberEntity resolveForScope(String id, boolean followMerges) {
        MemberEntity e = Ids.parse(id).map(u -> em.find(MemberEntity.class, u)).orElse(null);
        int hops = 0;
        while (followMerges && e != null && e.mergedIntoId != null && hops++ < MAX_MERGE_HOPS) {
            e = em.find(MemberEntity.class, e.mergedIntoId);
        }
        if (e == null) {
            throw new NotFoundException("member", id);
        }
        OrgUnitEntity unit = em.find(OrgUnitEntity.class, e.orgUnitId);
        if (!access.scope().contains(unit.path)) {
            throw new NotFoundException("member", id);
        }
        return e;
    }

    private MemberEntity loadForWrite(String id) {
        MemberEntity e = resolveForScope(id, false);
        if (e.mergedIntoId != null) {
            throw new InvalidStateException("member-merged", "this member was merged into another profile");
        }
        if (e.archivedAt != null) {
            throw new InvalidStateException("member-archived", "an archived member cannot be changed");
        }
        return e;
    }

    private OrgUnitEntity unitForWrite(String orgUnitId) {
        try {
            return access.visibleUnit(orgUnitId);
        } catch (NotFoundException ex) {
            throw ValidationException.of("orgUnitId", "unknown-org-unit", "no such org unit in your scope");
        }
    }

    private static void checkVersion(MemberEntity e, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != e.version) {
            throw new StaleVersionException("member", e.version);
        }
    }

    private void flushChecked(MemberEntity e) {
        long before = e.version;
        try {
            Flush.now(em);
            // A change of the member row already took the next version at flush. Only when nothing of the row
            // itself changed (e.g. only contact rows did) is one forced, and right away (not at commit, as
            // OPTIMISTIC_FORCE_INCREMENT would, on top of the flush's increment), so that the version returned is
            // the committed one and increments by exactly one.
            if (e.version == before) {
                em.lock(e, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            }
        } catch (OptimisticLockException ex) {
            throw new StaleVersionException("member", e.version);
        }
    }

    private MemberDraft withDefaults(MemberDraft d, MemberDraft current) {
        if (d == null) {
            throw ValidationException.of("", "required", "a member is required");
        }
        MemberStatus status = d.status();
        if (status == null && current == null) {
            status = MemberStatus.PROSPECT;
        }
        Language lang = d.preferredLanguage() == null ? Language.RU : d.preferredLanguage();
        return d.toBuilder().preferredLanguage(lang).status(status).build();
    }

    private void validate(MemberDraft d) {
        validate(d, null);
    }

    /**
     * @param previousAttributes the custom attributes before an update, or {@code null} for a new member: an update
     *     checks only the attributes it changes, so a definition made stricter later does not block unrelated edits
     */
    private void validate(MemberDraft d, Map<String, Object> previousAttributes) {
        List<FieldError> errors = new ArrayList<>(MemberRules.validate(d, phones, clock.clock()));
        if (d.status() == null) {
            errors.add(new FieldError("status", "required", "status is required"));
        }
        Map<String, Object> given = d.customAttributes() == null ? Map.of() : d.customAttributes();
        Map<String, Object> values = given;
        Collection<io.roster.api.member.AttributeDefinition> definitions = attributeDefinitions();
        if (previousAttributes != null) {
            Set<String> changed = new java.util.HashSet<>(given.keySet());
            changed.addAll(previousAttributes.keySet());
            changed.removeIf(k -> Objects.equals(given.get(k), previousAttributes.get(k)));
            values = new TreeMap<>(given);
            values.keySet().retainAll(changed);
            definitions = definitions.stream()
                    .filter(def -> changed.contains(def.key()))
                    .toList();
        }
        errors.addAll(AttributeValues.validate(values, definitions));
        List<Position> positions = d.positions() == null ? List.of() : d.positions();
        for (int i = 0; i < positions.size(); i++) {
            String unitId = positions.get(i) == null ? null : positions.get(i).orgUnitId();
            if (unitId != null) {
                try {
                    access.visibleUnit(unitId);
                } catch (NotFoundException e) {
                    errors.add(new FieldError(
                            "positions[" + i + "].orgUnitId", "unknown-org-unit", "no such org unit in your scope"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private Collection<io.roster.api.member.AttributeDefinition> attributeDefinitions() {
        return em
                .createQuery(
                        "select a from AttributeDefinitionEntity a order by a.key", AttributeDefinitionEntity.class)
                .getResultList()
                .stream()
                .map(DefaultAttributeDefinitionService::map)
                .toList();
    }

    private static void validateQuery(MemberQuery q) {
        List<FieldError> errors = new ArrayList<>();
        if (q.q() != null && q.q().length() > 200) {
            errors.add(new FieldError("q", "too-long", "q is at most 200 characters"));
        }
        if (q.supportLevelMin() != null && (q.supportLevelMin() < 1 || q.supportLevelMin() > 5)) {
            errors.add(new FieldError("supportLevelMin", "range", "supportLevelMin is 1–5"));
        }
        if (q.supportLevelMax() != null && (q.supportLevelMax() < 1 || q.supportLevelMax() > 5)) {
            errors.add(new FieldError("supportLevelMax", "range", "supportLevelMax is 1–5"));
        }
        if (q.notContactedForDays() != null && (q.notContactedForDays() < 1 || q.notContactedForDays() > 36_500)) {
            errors.add(new FieldError("notContactedForDays", "range", "notContactedForDays is 1–36500"));
        }
        if (q.tags() != null && q.tags().size() > 20) {
            errors.add(new FieldError("tags", "too-many", "at most 20 tags"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * The canonical form of a valid draft: trimmed text, E.164 phones, normalised e-mails, sorted sets, consent times
     * kept when a consent did not change. Two drafts that mean the same thing are equal in this form.
     */
    MemberDraft normalize(MemberDraft d, MemberEntity existing) {
        Map<ContactChannel, MemberConsentEntity> current = new HashMap<>();
        if (existing != null) {
            existing.consents.forEach(c -> current.put(ContactChannel.valueOf(c.channel), c));
        }
        Instant now = clock.now();
        List<Consent> consents = new ArrayList<>();
        for (Consent c : nullToEmpty(d.consents())) {
            MemberConsentEntity old = current.get(c.channel());
            String source = Texts.clean(c.source());
            String evidence = Texts.clean(c.evidence());
            Instant at;
            if (c.recordedAt() != null) {
                at = c.recordedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            } else if (old != null
                    && Boolean.valueOf(old.granted).equals(c.granted())
                    && Objects.equals(old.source, source)
                    && Objects.equals(old.evidence, evidence)) {
                at = old.recordedAt;
            } else {
                at = now;
            }
            consents.add(new Consent(c.channel(), c.granted(), source, evidence, at));
            current.remove(c.channel());
        }
        // A consent dropped from the profile is a withdrawal, and stays on record as one: forgetting it would let a
        // merge with an older profile bring the consent back.
        for (MemberConsentEntity dropped : current.values()) {
            consents.add(
                    dropped.granted
                            ? new Consent(
                                    ContactChannel.valueOf(dropped.channel),
                                    false,
                                    "profile edit",
                                    "consent removed",
                                    now)
                            : new Consent(
                                    ContactChannel.valueOf(dropped.channel),
                                    false,
                                    dropped.source,
                                    dropped.evidence,
                                    dropped.recordedAt));
        }
        consents.sort(java.util.Comparator.comparing(Consent::channel));
        List<Phone> phoneList = nullToEmpty(d.phones()).stream()
                .map(p -> new Phone(
                        phones.toE164(p.number()).orElseThrow(),
                        Texts.clean(p.label()),
                        p.primary(),
                        p.status() == null ? ContactPointStatus.ACTIVE : p.status()))
                .toList();
        List<Email> emailList = nullToEmpty(d.emails()).stream()
                .map(m -> new Email(
                        EmailAddresses.normalize(m.address()).orElseThrow(),
                        Texts.clean(m.label()),
                        m.primary(),
                        m.status() == null ? ContactPointStatus.ACTIVE : m.status()))
                .toList();
        List<Address> addressList = nullToEmpty(d.addresses()).stream()
                .map(a -> new Address(
                        Texts.clean(a.label()),
                        Texts.clean(a.postalCode()),
                        a.country() == null ? null : a.country().strip().toUpperCase(Locale.ROOT),
                        Texts.clean(a.region()),
                        Texts.clean(a.locality()),
                        Texts.clean(a.street()),
                        Texts.clean(a.building()),
                        Texts.clean(a.apartment()),
                        a.primary(),
                        a.status() == null ? ContactPointStatus.ACTIVE : a.status()))
                .toList();
        List<Position> positions = nullToEmpty(d.positions()).stream()
                .map(p -> new Position(p.title().strip(), p.orgUnitId(), p.since(), p.until()))
                .toList();
        return new MemberDraft(
                d.orgUnitId(),
                Texts.clean(d.givenName()),
                Texts.clean(d.patronymic()),
                Texts.clean(d.familyName()),
                d.birthDate(),
                d.gender(),
                d.preferredLanguage(),
                d.status(),
                Texts.clean(d.membershipNumber()),
                d.joinedOn(),
                d.leftOn(),
                d.supportLevel(),
                positions,
                cleanSet(d.tags()),
                cleanSet(d.skills()),
                phoneList,
                emailList,
                MemberRules.normalizeTelegram(d.telegramUsername()),
                addressList,
                consents,
                d.doNotContact() == null || d.doNotContact().isEmpty()
                        ? Set.of()
                        : Set.copyOf(EnumSet.copyOf(d.doNotContact())),
                AttributeValues.normalize(d.customAttributes() == null ? Map.of() : d.customAttributes()));
    }

    /**
     * Writes a normalised draft onto the entity.
     *
     * @return the status and consent history rows to insert once the member row exists
     */
    private List<Runnable> apply(MemberEntity e, OrgUnitEntity unit, MemberDraft d, Caller caller) {
        List<Runnable> history = new ArrayList<>();
        Instant now = clock.now();
        MemberStatus previous = e.status == null ? null : MemberStatus.valueOf(e.status);
        UUID previousUnit = e.orgUnitId;
        if (previous != null) {
            MemberRules.checkTransition(previous, d.status());
        }
        LocalDate joinedOn = d.joinedOn();
        LocalDate leftOn = d.leftOn();
        if (previous != d.status()) {
            if (d.status() == MemberStatus.MEMBER && joinedOn == null) {
                joinedOn = clock.today();
            }
            if (d.status() == MemberStatus.LEFT && leftOn == null) {
                leftOn = clock.today();
            }
            // Rejoining starts a new membership: the old leaving date no longer describes the person.
            if (previous == MemberStatus.LEFT && Objects.equals(leftOn, e.leftOn)) {
                leftOn = null;
            }
        }
        e.orgUnitId = unit.id;
        e.givenName = d.givenName();
        e.patronymic = d.patronymic();
        e.familyName = d.familyName();
        e.birthDate = d.birthDate();
        e.gender = d.gender() == null ? null : d.gender().name();
        e.preferredLanguage = d.preferredLanguage().name();
        e.status = d.status().name();
        e.membershipNumber = d.membershipNumber();
        e.joinedOn = joinedOn;
        e.leftOn = leftOn;
        e.supportLevel = d.supportLevel() == null ? null : d.supportLevel().shortValue();
        e.positions = new ArrayList<>(d.positions().stream()
                .map(p -> new MemberEntity.PositionJson(p.title(), p.orgUnitId(), str(p.since()), str(p.until())))
                .toList());
        e.tags = d.tags().toArray(String[]::new);
        e.skills = d.skills().toArray(String[]::new);
        e.telegramUsername = d.telegramUsername();
        e.doNotContact = d.doNotContact().stream().map(Enum::name).sorted().toArray(String[]::new);
        e.customAttributes = new TreeMap<>(d.customAttributes());
        e.searchKey = NameKeys.searchKey(d.givenName(), d.patronymic(), d.familyName());
        e.sortKey = NameKeys.sortKey(d.familyName(), d.givenName(), d.patronymic());
        replaceContacts(e, d);
        replaceConsents(e, d.consents(), caller, history);
        if (previousUnit != null && !previousUnit.equals(unit.id)) {
            Map<String, Object> moved =
                    Map.of("from", previousUnit.toString(), "to", unit.id.toString(), "by", caller.id());
            history.add(
                    () -> timeline.append(e.id, EntryKind.ORG_UNIT_CHANGE, now, "ORG_UNIT", null, unit.name, moved));
        }
        if (previous != d.status()) {
            MemberStatus to = d.status();
            Map<String, Object> data = new LinkedHashMap<>();
            if (previous != null) {
                data.put("from", previous.name());
            }
            data.put("to", to.name());
            data.put("by", caller.id());
            String title = (previous == null ? "" : previous.name() + " → ") + to.name();
            history.add(() -> timeline.append(e.id, EntryKind.STATUS_CHANGE, now, to.name(), null, title, data));
            history.add(() -> em.createNativeQuery(
                            "insert into member_status_change (id, member_id, from_status, to_status, changed_at,"
                                    + " changed_by) values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .setParameter(1, Ids.newUuid())
                    .setParameter(2, e.id)
                    .setParameter(3, previous == null ? null : previous.name())
                    .setParameter(4, to.name())
                    .setParameter(5, now)
                    .setParameter(6, caller.id())
                    .executeUpdate());
        }
        return history;
    }

    private void replaceContacts(MemberEntity e, MemberDraft d) {
        List<MemberContactEntity> wanted = new ArrayList<>();
        int i = 0;
        for (Phone p : d.phones()) {
            wanted.add(contact(
                    e,
                    MemberContactEntity.PHONE,
                    i++,
                    p.number(),
                    p.number(),
                    p.label(),
                    p.primary(),
                    p.status(),
                    null));
        }
        i = 0;
        for (Email m : d.emails()) {
            wanted.add(contact(
                    e,
                    MemberContactEntity.EMAIL,
                    i++,
                    m.address(),
                    m.address().toLowerCase(Locale.ROOT),
                    m.label(),
                    m.primary(),
                    m.status(),
                    null));
        }
        i = 0;
        for (Address a : d.addresses()) {
            Map<String, String> details = new LinkedHashMap<>();
            put(details, "postalCode", a.postalCode());
            put(details, "country", a.country());
            put(details, "region", a.region());
            put(details, "locality", a.locality());
            put(details, "street", a.street());
            put(details, "building", a.building());
            put(details, "apartment", a.apartment());
            String line = String.join(", ", details.values());
            wanted.add(contact(
                    e,
                    MemberContactEntity.ADDRESS,
                    i++,
                    line,
                    line.toLowerCase(Locale.ROOT),
                    a.label(),
                    a.primary(),
                    a.status(),
                    details));
        }
        // Keep rows whose content is unchanged, so an edit of one phone rewrites one row.
        Map<String, MemberContactEntity> existing = new HashMap<>();
        for (MemberContactEntity c : e.contacts) {
            existing.put(c.kind + "\u001f" + c.position, c);
        }
        List<MemberContactEntity> result = new ArrayList<>();
        for (MemberContactEntity w : wanted) {
            MemberContactEntity old = existing.remove(w.kind + "\u001f" + w.position);
            if (old != null) {
                old.value = w.value;
                old.lookup = w.lookup;
                old.label = w.label;
                old.primary = w.primary;
                old.status = w.status;
                old.details = w.details;
                result.add(old);
            } else {
                result.add(w);
            }
        }
        e.contacts.clear();
        e.contacts.addAll(result);
    }

    private static MemberContactEntity contact(
            MemberEntity member,
            String kind,
            int position,
            String value,
            String lookup,
            String label,
            boolean primary,
            ContactPointStatus status,
            Map<String, String> details) {
        MemberContactEntity c = new MemberContactEntity();
        c.id = Ids.newUuid();
        c.member = member;
        c.kind = kind;
        c.position = position;
        c.value = value;
        c.lookup = lookup;
        c.label = label;
        c.primary = primary;
        c.status = status.name();
        c.details = details;
        return c;
    }

    private void replaceConsents(MemberEntity e, List<Consent> consents, Caller caller, List<Runnable> history) {
        Map<String, MemberConsentEntity> existing = new HashMap<>();
        e.consents.forEach(c -> existing.put(c.channel, c));
        List<MemberConsentEntity> result = new ArrayList<>();
        for (Consent c : consents) {
            MemberConsentEntity row = existing.remove(c.channel().name());
            boolean changed = row == null
                    || row.granted != c.granted()
                    || !Objects.equals(row.source, c.source())
                    || !Objects.equals(row.evidence, c.evidence())
                    || !Objects.equals(row.recordedAt, c.recordedAt());
            if (row == null) {
                row = new MemberConsentEntity();
                row.member = e;
                row.channel = c.channel().name();
            }
            if (changed) {
                row.granted = c.granted();
                row.source = c.source();
                row.evidence = c.evidence();
                row.recordedAt = c.recordedAt();
                row.recordedBy = caller.id();
                history.add(() -> consentEvent(e.id, c, caller));
            }
            result.add(row);
        }
        e.consents.clear();
        e.consents.addAll(result);
    }

    private void consentEvent(UUID memberId, Consent c, Caller caller) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("granted", c.granted());
        if (c.source() != null) {
            data.put("source", c.source());
        }
        data.put("by", caller.id());
        timeline.append(
                memberId,
                EntryKind.CONSENT_CHANGE,
                c.recordedAt(),
                c.channel().name(),
                null,
                c.channel().name() + (c.granted() ? " +" : " −"),
                data);
        em.createNativeQuery("insert into member_consent_event (id, member_id, channel, granted, source, evidence,"
                        + " recorded_at, recorded_by) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, Ids.newUuid())
                .setParameter(2, memberId)
                .setParameter(3, c.channel().name())
                .setParameter(4, c.granted())
                .setParameter(5, c.source())
                .setParameter(6, c.evidence())
                .setParameter(7, c.recordedAt())
                .setParameter(8, caller.id())
                .executeUpdate();
    }

    private void requireFreeMembershipNumber(String number, UUID except) {
        if (number == null) {
            return;
        }
        List<UUID> taken = em.createQuery("select m.id from MemberEntity m where m.membershipNumber = :n", UUID.class)
                .setParameter("n", number)
                .getResultList();
        if (taken.stream().anyMatch(t -> !t.equals(except))) {
            throw new ConflictException("membership-number-taken", "another member already has this membership number");
        }
    }

    /** Members in the caller's scope that the draft may duplicate, best first. */
    private List<DuplicateCandidate> findDuplicates(MemberDraft d) {
        Set<String> draftPhones = d.phones().stream().map(Phone::number).collect(Collectors.toSet());
        Set<String> draftEmails = d.emails().stream()
                .map(m -> m.address().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Set<UUID> ids = new LinkedHashSet<>();
        List<String> lookups = new ArrayList<>();
        lookups.addAll(draftPhones);
        lookups.addAll(draftEmails);
        if (!lookups.isEmpty()) {
            ids.addAll(em.createQuery(
                            "select distinct c.member.id from MemberContactEntity c"
                                    + " where c.kind in ('PHONE', 'EMAIL') and c.lookup in :lookups",
                            UUID.class)
                    .setParameter("lookups", lookups)
                    .setMaxResults(50)
                    .getResultList());
        }
        List<String> nameKeys = NameKeys.queryKeys(
                (d.familyName() == null ? "" : d.familyName()) + " " + (d.givenName() == null ? "" : d.givenName()));
        if (d.birthDate() != null && !nameKeys.isEmpty()) {
            // Same birth date and a similar name, found by the trigram index rather than by reading every person
            // born that day; the scorer then applies the stricter rule.
            @SuppressWarnings("unchecked")
            List<UUID> similar = em.createNativeQuery(
                            "select m.id from member m where m.birth_date = ?1"
                                    + " and m.merged_into_id is null and (m.search_key %> ?2 or m.search_key %> ?3)"
                                    + " limit 50",
                            UUID.class)
                    .setParameter(1, d.birthDate())
                    .setParameter(2, nameKeys.get(0))
                    .setParameter(3, nameKeys.get(nameKeys.size() - 1))
                    .getResultList();
            ids.addAll(similar);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        Access.Scope scope = access.scope();
        List<DuplicateCandidate> out = new ArrayList<>();
        for (MemberEntity m : em.createQuery(
                        "select distinct m from MemberEntity m left join fetch m.contacts where m.id in :ids"
                                + " and m.mergedIntoId is null and m.archivedAt is null",
                        MemberEntity.class)
                .setParameter("ids", ids)
                .getResultList()) {
            if (!scope.contains(em.find(OrgUnitEntity.class, m.orgUnitId).path)) {
                continue;
            }
            Set<String> mPhones = new java.util.HashSet<>();
            Set<String> mEmails = new java.util.HashSet<>();
            for (MemberContactEntity c : m.contacts) {
                if (MemberContactEntity.PHONE.equals(c.kind)) {
                    mPhones.add(c.lookup);
                } else if (MemberContactEntity.EMAIL.equals(c.kind)) {
                    mEmails.add(c.lookup);
                }
            }
            DuplicateScorer.score(
                            d,
                            draftPhones,
                            draftEmails,
                            new DuplicateScorer.CandidateData(
                                    m.id.toString(),
                                    m.givenName,
                                    m.patronymic,
                                    m.familyName,
                                    m.birthDate,
                                    mPhones,
                                    mEmails))
                    .ifPresent(out::add);
        }
        out.sort(java.util.Comparator.comparingDouble(DuplicateCandidate::score).reversed());
        return out.size() > MAX_DUPLICATE_CANDIDATES ? out.subList(0, MAX_DUPLICATE_CANDIDATES) : out;
    }

    Member map(MemberEntity e) {
        return map(e, true);
    }

    /** The member; with {@code withFacts} false its contact facts are left out (for drafts and merges). */
    Member map(MemberEntity e, boolean withFacts) {
        return map(e, withFacts ? facts.facts(e.id, clock.now()) : null);
    }

    /** The member with these contact facts (null: left out). */
    private Member map(MemberEntity e, ContactFacts contactFacts) {
        List<Phone> phoneList = new ArrayList<>();
        List<Email> emailList = new ArrayList<>();
        List<Address> addressList = new ArrayList<>();
        for (MemberContactEntity c : e.contacts) {
            ContactPointStatus status = ContactPointStatus.valueOf(c.status);
            switch (c.kind) {
                case MemberContactEntity.PHONE -> phoneList.add(new Phone(c.value, c.label, c.primary, status));
                case MemberContactEntity.EMAIL -> emailList.add(new Email(c.value, c.label, c.primary, status));
                default -> {
                    Map<String, String> a = c.details == null ? Map.of() : c.details;
                    addressList.add(new Address(
                            c.label,
                            a.get("postalCode"),
                            a.get("country"),
                            a.get("region"),
                            a.get("locality"),
                            a.get("street"),
                            a.get("building"),
                            a.get("apartment"),
                            c.primary,
                            status));
                }
            }
        }
        List<Consent> consents = e.consents.stream()
                .map(c -> new Consent(ContactChannel.valueOf(c.channel), c.granted, c.source, c.evidence, c.recordedAt))
                .sorted(java.util.Comparator.comparing(Consent::channel))
                .toList();
        Set<ContactChannel> dnc = e.doNotContact.length == 0
                ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(Arrays.stream(e.doNotContact)
                        .map(ContactChannel::valueOf)
                        .toList()));
        return new Member(
                e.id.toString(),
                e.orgUnitId.toString(),
                e.givenName,
                e.patronymic,
                e.familyName,
                e.birthDate,
                e.gender == null ? null : Gender.valueOf(e.gender),
                Language.valueOf(e.preferredLanguage),
                MemberStatus.valueOf(e.status),
                e.membershipNumber,
                e.joinedOn,
                e.leftOn,
                e.supportLevel == null ? null : e.supportLevel.intValue(),
                e.positions.stream()
                        .map(p -> new Position(p.title(), p.orgUnitId(), date(p.since()), date(p.until())))
                        .toList(),
                java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(e.tags))),
                java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(e.skills))),
                phoneList,
                emailList,
                e.telegramUsername,
                addressList,
                consents,
                dnc,
                Map.copyOf(e.customAttributes),
                e.archivedAt,
                e.createdAt,
                e.updatedAt,
                e.version,
                contactFacts);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Set<String> cleanSet(Set<String> values) {
        if (values == null) {
            return Set.of();
        }
        return Set.copyOf(
                values.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static String[] strings(Array a) throws java.sql.SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }
}
