package io.roster.impl.interaction;

import io.roster.api.common.Language;
import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.ForbiddenException;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.interaction.BulkResult;
import io.roster.api.interaction.ContactFacts;
import io.roster.api.interaction.Direction;
import io.roster.api.interaction.Interaction;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.InteractionDraft;
import io.roster.api.interaction.InteractionService;
import io.roster.api.interaction.InteractionSource;
import io.roster.api.interaction.InteractionType;
import io.roster.api.interaction.Outcome;
import io.roster.api.interaction.Revision;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.api.timeline.EntryKind;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Snapshots;
import io.roster.impl.common.Texts;
import io.roster.impl.member.DefaultMemberService;
import io.roster.impl.member.PhoneNumberSettings;
import io.roster.impl.member.PhoneNumbers;
import io.roster.impl.persistence.Flush;
import io.roster.impl.persistence.InteractionEntity;
import io.roster.impl.persistence.InteractionRevisionEntity;
import io.roster.impl.persistence.InteractionTypeEntity;
import io.roster.impl.persistence.MemberEntity;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import io.roster.impl.timeline.TimelineWriter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultInteractionService implements InteractionService {
    private static final Set<Outcome> CONSEQUENTIAL =
            Set.of(Outcome.WRONG_NUMBER, Outcome.MOVED, Outcome.DECEASED, Outcome.REFUSED);

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    RosterClock clock;

    @Inject
    DefaultMemberService members;

    @Inject
    TimelineWriter timeline;

    @Inject
    ContactFactsStore facts;

    @Inject
    AuditLog audit;

    @Inject
    PhoneNumberSettings phoneSettings;

    PhoneNumbers phones;

    @PostConstruct
    void init() {
        phones = phoneSettings.numbers();
    }

    @Override
    @Transactional
    public Logged log(InteractionDraft input) {
        Caller caller = access.require(Permission.INTERACTION_WRITE);
        Instant now = clock.now();
        List<FieldError> errors = new ArrayList<>(InteractionRules.validate(input, now, "", false));
        throwIfAny(errors);
        MemberEntity member = memberOrError(input.memberId(), "memberId");
        InteractionDraft d = normalize(input, member, caller, now, "");
        if (d.externalRef() != null) {
            // Serialises syncs of the same record, so two deliveries of one change never make two interactions.
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "interaction:" + d.externalRef())
                    .getSingleResult();
            List<InteractionEntity> existing = em.createQuery(
                            "select i from InteractionEntity i where i.externalRef = :ref", InteractionEntity.class)
                    .setParameter("ref", d.externalRef())
                    .getResultList();
            if (!existing.isEmpty()) {
                InteractionEntity e = existing.get(0);
                if (!visible(e)) {
                    throw new ConflictException("external-ref-taken", "this externalRef belongs to another record");
                }
                if (!e.memberId.equals(member.id)) {
                    throw ValidationException.of(
                            "memberId", "immutable", "an interaction cannot move to another member");
                }
                return new Logged(correctEntity(e, d, caller), false);
            }
        }
        InteractionEntity e = new InteractionEntity();
        e.id = Ids.newUuid();
        e.createdAt = now;
        e.authorId = caller.id();
        e.authorName = caller.displayName();
        write(e, d);
        e.updatedAt = now;
        em.persist(e);
        Flush.now(em);
        afterWrite(e, null, d.doNotContact(), caller);
        audit.record("interaction.created", "interaction", e.id, e.memberId, Snapshots.of(map(e).toDraft()));
        return new Logged(map(e), true);
    }

    @Override
    @Transactional
    public BulkResult logForMembers(InteractionDraft template, List<String> memberIds) {
        Caller caller = access.require(Permission.INTERACTION_WRITE);
        Instant now = clock.now();
        List<FieldError> errors = new ArrayList<>(InteractionRules.validate(template, now, "interaction.", true));
        if (memberIds == null || memberIds.isEmpty() || memberIds.size() > InteractionRules.MAX_BULK) {
            errors.add(new FieldError(
                    "memberIds", "size", "memberIds holds 1 to " + InteractionRules.MAX_BULK + " member ids"));
            throw new ValidationException(errors);
        }
        Map<UUID, Integer> firstIndex = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            UUID id = Ids.parse(memberIds.get(i)).orElse(null);
            if (id == null) {
                errors.add(new FieldError("memberIds[" + i + "]", "unknown-member", "no such member in your scope"));
            } else if (firstIndex.putIfAbsent(id, i) != null) {
                errors.add(new FieldError("memberIds[" + i + "]", "duplicate", "this member is listed twice"));
            }
            ids.add(id);
        }
        Map<UUID, UUID> unitOf = visibleMembers(firstIndex.keySet());
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null && !unitOf.containsKey(ids.get(i))) {
                errors.add(new FieldError("memberIds[" + i + "]", "unknown-member", "no such member in your scope"));
            }
        }
        throwIfAny(errors);
        InteractionDraft d = normalize(template, null, caller, now, "interaction.");
        boolean contact = countsAsContact(d.type());
        List<BulkResult.Item> items = new ArrayList<>();
        List<UUID> interactionIds = new ArrayList<>();
        for (UUID memberId : ids) {
            UUID id = Ids.newUuid();
            interactionIds.add(id);
            items.add(new BulkResult.Item(memberId.toString(), id.toString()));
        }
        UUID fixedUnit = d.orgUnitId() == null ? null : UUID.fromString(d.orgUnitId());
        Map<String, Object> entryData = entryData(d);
        String entryData0 = Json.write(entryData);
        String title = title(d);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ins = c.prepareStatement("insert into interaction (id, member_id, org_unit_id, type,"
                            + " direction, channel, occurred_at, duration_seconds, subject, body, outcome, phone, event_id,"
                            + " campaign_id, task_id, tags, source, external_ref, author_id, author_name, created_at,"
                            + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?,"
                            + " ?, ?, 0)");
                    PreparedStatement tl = c.prepareStatement("insert into timeline_entry (id, member_id, kind,"
                            + " occurred_at, type, channel, ref_id, title, data) values (?, ?, 'INTERACTION', ?, ?, ?, ?,"
                            + " ?, cast(? as jsonb))")) {
                java.sql.Array tags = c.createArrayOf("text", sortedTags(d.tags()));
                Timestamp at = Timestamp.from(d.occurredAt());
                Timestamp created = Timestamp.from(now);
                for (int i = 0; i < ids.size(); i++) {
                    UUID memberId = ids.get(i);
                    UUID id = interactionIds.get(i);
                    int p = 1;
                    ins.setObject(p++, id);
                    ins.setObject(p++, memberId);
                    ins.setObject(p++, fixedUnit != null ? fixedUnit : unitOf.get(memberId));
                    ins.setString(p++, d.type());
                    ins.setString(p++, d.direction().name());
                    ins.setString(p++, d.channel().name());
                    ins.setTimestamp(p++, at);
                    ins.setObject(p++, d.durationSeconds());
                    ins.setString(p++, d.subject());
                    ins.setString(p++, d.body());
                    ins.setString(p++, d.outcome() == null ? null : d.outcome().name());
                    ins.setString(p++, d.phone());
                    ins.setObject(p++, d.eventId() == null ? null : UUID.fromString(d.eventId()));
                    ins.setObject(p++, d.campaignId() == null ? null : UUID.fromString(d.campaignId()));
                    ins.setObject(p++, d.taskId() == null ? null : UUID.fromString(d.taskId()));
                    ins.setArray(p++, tags);
                    ins.setString(p++, d.source().name());
                    ins.setString(p++, caller.id());
                    ins.setString(p++, caller.displayName());
                    ins.setTimestamp(p++, created);
                    ins.setTimestamp(p++, created);
                    ins.addBatch();
                    int q = 1;
                    tl.setObject(q++, id);
                    tl.setObject(q++, memberId);
                    tl.setTimestamp(q++, at);
                    tl.setString(q++, d.type());
                    tl.setString(q++, d.channel().name());
                    tl.setObject(q++, id);
                    tl.setString(q++, title);
                    tl.setString(q++, entryData0);
                    tl.addBatch();
                }
                ins.executeBatch();
                tl.executeBatch();
            }
        });
        if (contact) {
            facts.recordContacts(ids, d.occurredAt(), d.channel(), d.outcome());
        }
        if (d.outcome() != null && CONSEQUENTIAL.contains(d.outcome())) {
            for (UUID memberId : ids) {
                consequences(memberId, d, d.doNotContact());
            }
        }
        Map<String, Object> changes = new LinkedHashMap<>(Snapshots.of(d));
        changes.put("members", ids.size());
        audit.record("interaction.bulk-logged", "interaction", null, null, changes);
        return new BulkResult(items);
    }

    @Override
    @Transactional
    public Interaction get(String id) {
        access.require(Permission.MEMBER_READ);
        return map(find(id, true));
    }

    @Override
    @Transactional
    public Interaction correct(String id, Long expectedVersion, UnaryOperator<InteractionDraft> changes) {
        Caller caller = access.require(Permission.INTERACTION_WRITE);
        InteractionEntity e = find(id, false);
        if (expectedVersion != null && expectedVersion != e.version) {
            throw new StaleVersionException("interaction", e.version);
        }
        InteractionDraft current = map(e).toDraft();
        InteractionDraft wanted = changes.apply(current);
        if (wanted == null) {
            throw ValidationException.of("", "required", "an interaction is required");
        }
        List<FieldError> errors = new ArrayList<>(InteractionRules.validate(wanted, clock.now(), "", false));
        if (!Objects.equals(wanted.memberId(), current.memberId())) {
            errors.add(new FieldError("memberId", "immutable", "an interaction cannot move to another member"));
        }
        if (!Objects.equals(wanted.externalRef(), current.externalRef())) {
            errors.add(new FieldError("externalRef", "immutable", "the externalRef of an interaction cannot change"));
        }
        throwIfAny(errors);
        MemberEntity member = em.find(MemberEntity.class, e.memberId);
        return correctEntity(e, normalize(wanted, member, caller, clock.now(), ""), caller);
    }

    @Override
    @Transactional
    public Interaction delete(String id, Long expectedVersion) {
        Caller caller = access.require(Permission.INTERACTION_WRITE);
        InteractionEntity e = find(id, true);
        if (expectedVersion != null && expectedVersion != e.version) {
            throw new StaleVersionException("interaction", e.version);
        }
        if (e.deletedAt != null) {
            return map(e);
        }
        e.deletedAt = clock.now();
        e.deletedBy = caller.id();
        e.updatedAt = e.deletedAt;
        Flush.now(em);
        revision(e.id, Map.of("deletedAt", change(null, e.deletedAt.toString())), true, caller);
        timeline.remove(e.memberId, EntryKind.INTERACTION, e.id);
        facts.recompute(e.memberId);
        audit.record("interaction.deleted", "interaction", e.id, e.memberId, Map.of("deletedAt", e.deletedAt));
        return map(e);
    }

    @Override
    @Transactional
    public Page<Revision> revisions(String id, PageRequest page) {
        access.require(Permission.MEMBER_READ);
        InteractionEntity e = find(id, true);
        int after = 0;
        if (page.cursor() != null) {
            try {
                after = Integer.parseInt(
                        Cursors.decode(page.cursor(), "revisions", 1).get(0));
            } catch (NumberFormatException ex) {
                throw ValidationException.of("cursor", "invalid-cursor", "the cursor is not one of this list");
            }
        }
        List<InteractionRevisionEntity> rows = em.createQuery(
                        "select r from InteractionRevisionEntity r where r.interactionId = :i and r.revision > :after"
                                + " order by r.revision",
                        InteractionRevisionEntity.class)
                .setParameter("i", e.id)
                .setParameter("after", after)
                .setMaxResults(page.limit() + 1)
                .getResultList();
        List<Revision> items = new ArrayList<>();
        for (int i = 0; i < Math.min(rows.size(), page.limit()); i++) {
            InteractionRevisionEntity r = rows.get(i);
            items.add(new Revision(r.revision, r.changedAt, r.changedBy, r.changedByName, r.changes, r.deleted));
        }
        String next = rows.size() > page.limit()
                ? Cursors.encode("revisions", items.get(items.size() - 1).revision())
                : null;
        return new Page<>(items, next);
    }

    @Override
    @Transactional
    public Page<Interaction> ofMember(String memberId, PageRequest page) {
        access.require(Permission.MEMBER_READ);
        UUID member = members.memberIdForHistory(memberId);
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> v = Cursors.decode(page.cursor(), "member-interactions", 2);
            afterAt = Cursors.instant(v.get(0));
            afterId = Cursors.id(v.get(1));
        }
        var q = em.createQuery(
                "select i from InteractionEntity i where i.memberId = :m and i.deletedAt is null"
                        + (afterId == null ? "" : " and (i.occurredAt, i.id) < (:at, :id)")
                        + " order by i.occurredAt desc, i.id desc",
                InteractionEntity.class);
        q.setParameter("m", member);
        if (afterId != null) {
            q.setParameter("at", afterAt).setParameter("id", afterId);
        }
        List<InteractionEntity> rows = q.setMaxResults(page.limit() + 1).getResultList();
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            InteractionEntity last = rows.get(rows.size() - 1);
            next = Cursors.encode("member-interactions", last.occurredAt, last.id);
        }
        return new Page<>(rows.stream().map(DefaultInteractionService::map).toList(), next);
    }

    @Override
    @Transactional
    public ContactFacts factsOf(String memberId) {
        access.require(Permission.MEMBER_READ);
        return facts.facts(members.memberIdForHistory(memberId), clock.now());
    }

    @Override
    @Transactional
    public List<InteractionType> types() {
        access.require(Permission.MEMBER_READ);
        List<InteractionType> out = new ArrayList<>();
        for (InteractionTypeEntity t : em.createQuery(
                        "select t from InteractionTypeEntity t order by t.builtin desc, t.key",
                        InteractionTypeEntity.class)
                .setMaxResults(500)
                .getResultList()) {
            Map<Language, String> labels = new EnumMap<>(Language.class);
            t.labels.forEach((k, v) -> {
                Language l = Language.fromTag(k);
                if (l != null && v != null) {
                    labels.put(l, v);
                }
            });
            out.add(new InteractionType(t.key, labels, t.builtin, t.countsAsContact));
        }
        return out;
    }

    @Override
    @Transactional
    public InteractionType defineType(InteractionType type) {
        Caller caller = access.require(Permission.INTERACTION_ADMIN);
        if (!caller.unrestricted()) {
            throw new ForbiddenException("interaction types apply to the whole organisation");
        }
        List<FieldError> errors = new ArrayList<>();
        if (type.key() == null || !type.key().matches("[A-Z][A-Z0-9_]{1,39}")) {
            errors.add(new FieldError("key", "invalid", "key is 2–40 of A–Z, 0–9 and _, starting with a letter"));
        }
        Map<String, String> labels = new java.util.TreeMap<>();
        if (type.labels() != null) {
            type.labels().forEach((l, v) -> {
                if (v != null && !v.isBlank()) {
                    labels.put(l.code(), v.strip());
                }
            });
        }
        if (labels.isEmpty()) {
            errors.add(new FieldError("labels", "required", "at least one label"));
        }
        labels.forEach((k, v) -> {
            if (v.length() > 200 || Texts.hasControl(v)) {
                errors.add(new FieldError("labels." + k, "invalid", "a label is up to 200 characters"));
            }
        });
        throwIfAny(errors);
        int inserted = em.createNativeQuery("insert into interaction_type (key, labels, builtin, counts_as_contact,"
                        + " created_at) values (?1, cast(?2 as jsonb), false, ?3, ?4) on conflict do nothing")
                .setParameter(1, type.key())
                .setParameter(2, Json.write(labels))
                .setParameter(3, type.countsAsContact())
                .setParameter(4, clock.now())
                .executeUpdate();
        if (inserted == 0) {
            throw new ConflictException("interaction-type-taken", "an interaction type with this key exists");
        }
        audit.record("interaction-type.defined", "interaction-type", null, null, Snapshots.of(type));
        return types().stream()
                .filter(t -> t.key().equals(type.key()))
                .findFirst()
                .orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Interaction correctEntity(InteractionEntity e, InteractionDraft d, Caller caller) {
        if (e.deletedAt != null) {
            throw new InvalidStateException("interaction-deleted", "a deleted interaction cannot be corrected");
        }
        InteractionDraft before = map(e).toDraft();
        Map<String, Map<String, Object>> diff =
                Snapshots.diff(Snapshots.of(withoutFlag(before)), Snapshots.of(withoutFlag(d)));
        if (diff.isEmpty()) {
            return map(e);
        }
        Outcome previousOutcome = before.outcome();
        write(e, d);
        e.updatedAt = clock.now();
        Flush.now(em);
        revision(e.id, diff, false, caller);
        afterWrite(e, previousOutcome, d.doNotContact(), caller);
        facts.recompute(e.memberId);
        audit.record("interaction.corrected", "interaction", e.id, e.memberId, diff);
        return map(e);
    }

    /** The timeline entry, the contact facts and the outcome's consequences of a written interaction. */
    private void afterWrite(InteractionEntity e, Outcome previousOutcome, boolean doNotContact, Caller caller) {
        InteractionDraft d = map(e).toDraft();
        timeline.put(
                e.id, e.memberId, EntryKind.INTERACTION, e.id, e.occurredAt, e.type, e.channel, title(d), entryData(d));
        if (countsAsContact(e.type)) {
            facts.recordContact(e.memberId, e.occurredAt, d.channel(), d.outcome());
        }
        if (d.outcome() != null && CONSEQUENTIAL.contains(d.outcome()) && d.outcome() != previousOutcome) {
            consequences(e.memberId, d, doNotContact);
        } else if (d.outcome() == Outcome.REFUSED && doNotContact) {
            consequences(e.memberId, d, true);
        }
    }

    private void consequences(UUID memberId, InteractionDraft d, boolean doNotContact) {
        members.applyRule(
                memberId,
                m -> OutcomeConsequences.apply(m, d.outcome(), d.channel(), d.phone(), doNotContact),
                "interaction outcome " + d.outcome());
    }

    private void revision(UUID interactionId, Map<String, ?> changes, boolean deleted, Caller caller) {
        em.createNativeQuery("insert into interaction_revision (id, interaction_id, revision, changed_at, changed_by,"
                        + " changed_by_name, changes, deleted) select ?1, ?2, coalesce(max(revision), 0) + 1, ?3, ?4, ?5,"
                        + " cast(?6 as jsonb), ?7 from interaction_revision where interaction_id = ?2")
                .setParameter(1, Ids.newUuid())
                .setParameter(2, interactionId)
                .setParameter(3, clock.now())
                .setParameter(4, caller.id())
                .setParameter(5, caller.displayName())
                .setParameter(6, Json.write(changes))
                .setParameter(7, deleted)
                .executeUpdate();
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }

    private static InteractionDraft withoutFlag(InteractionDraft d) {
        return new InteractionDraft(
                d.memberId(),
                d.orgUnitId(),
                d.type(),
                d.direction(),
                d.channel(),
                d.occurredAt(),
                d.durationSeconds(),
                d.subject(),
                d.body(),
                d.outcome(),
                d.phone(),
                d.eventId(),
                d.campaignId(),
                d.taskId(),
                d.tags(),
                d.source(),
                d.externalRef(),
                false);
    }

    /** Fills defaults and checks references; every broken reference is reported with its path. */
    private InteractionDraft normalize(
            InteractionDraft d, MemberEntity member, Caller caller, Instant now, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (!typeExists(d.type())) {
            errors.add(new FieldError(prefix + "type", "unknown-type", "no such interaction type"));
        }
        String unit = d.orgUnitId();
        if (unit != null) {
            try {
                access.visibleUnit(unit);
            } catch (NotFoundException e) {
                errors.add(new FieldError(prefix + "orgUnitId", "unknown-org-unit", "no such org unit in your scope"));
            }
        } else if (member != null) {
            unit = member.orgUnitId.toString();
        }
        String phone = null;
        if (d.phone() != null && !d.phone().isBlank()) {
            phone = phones.toE164(d.phone()).orElse(null);
            if (phone == null) {
                errors.add(new FieldError(prefix + "phone", "invalid-phone", "not a phone number"));
            }
        }
        if (d.eventId() != null && !eventVisible(d.eventId())) {
            errors.add(new FieldError(prefix + "eventId", "unknown-event", "no such event in your scope"));
        }
        throwIfAny(errors);
        InteractionSource source = d.source() != null
                ? d.source()
                : switch (caller.source()) {
                    case UI -> InteractionSource.UI;
                    case BOT -> InteractionSource.BOT;
                    case IMPORT -> InteractionSource.IMPORT;
                    default -> InteractionSource.API;
                };
        Set<String> tags = new TreeSet<>();
        if (d.tags() != null) {
            d.tags().forEach(t -> tags.add(t.strip()));
        }
        return new InteractionDraft(
                member == null ? d.memberId() : member.id.toString(),
                unit,
                d.type(),
                d.direction() == null ? Direction.OUTBOUND : d.direction(),
                d.channel(),
                (d.occurredAt() == null ? now : d.occurredAt()).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                d.durationSeconds(),
                Texts.clean(d.subject()),
                d.body() == null || d.body().isBlank() ? null : d.body(),
                d.outcome(),
                phone,
                d.eventId(),
                d.campaignId(),
                d.taskId(),
                tags,
                source,
                Texts.clean(d.externalRef()),
                d.doNotContact());
    }

    private static void write(InteractionEntity e, InteractionDraft d) {
        e.memberId = UUID.fromString(d.memberId());
        e.orgUnitId = UUID.fromString(d.orgUnitId());
        e.type = d.type();
        e.direction = d.direction().name();
        e.channel = d.channel().name();
        e.occurredAt = d.occurredAt();
        e.durationSeconds = d.durationSeconds();
        e.subject = d.subject();
        e.body = d.body();
        e.outcome = d.outcome() == null ? null : d.outcome().name();
        e.phone = d.phone();
        e.eventId = d.eventId() == null ? null : UUID.fromString(d.eventId());
        e.campaignId = d.campaignId() == null ? null : UUID.fromString(d.campaignId());
        e.taskId = d.taskId() == null ? null : UUID.fromString(d.taskId());
        e.tags = sortedTags(d.tags());
        e.source = d.source().name();
        e.externalRef = d.externalRef();
    }

    private static String[] sortedTags(Set<String> tags) {
        return tags == null ? new String[0] : new TreeSet<>(tags).toArray(String[]::new);
    }

    private static String title(InteractionDraft d) {
        if (d.subject() != null) {
            return d.subject();
        }
        return d.type() + (d.outcome() == null ? "" : " · " + d.outcome().name());
    }

    private static Map<String, Object> entryData(InteractionDraft d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("direction", d.direction().name());
        if (d.outcome() != null) {
            data.put("outcome", d.outcome().name());
        }
        if (d.durationSeconds() != null) {
            data.put("durationSeconds", d.durationSeconds());
        }
        return data;
    }

    private InteractionEntity find(String id, boolean allowDeletedForAdmin) {
        InteractionEntity e =
                Ids.parse(id).map(u -> em.find(InteractionEntity.class, u)).orElse(null);
        if (e == null || !visible(e)) {
            throw new NotFoundException("interaction", id);
        }
        if (e.deletedAt != null && !(allowDeletedForAdmin && access.caller().has(Permission.INTERACTION_ADMIN))) {
            throw new NotFoundException("interaction", id);
        }
        return e;
    }

    private boolean visible(InteractionEntity e) {
        MemberEntity m = em.find(MemberEntity.class, e.memberId);
        return m != null && access.scope().contains(em.find(OrgUnitEntity.class, m.orgUnitId).path);
    }

    private MemberEntity memberOrError(String id, String path) {
        try {
            return members.memberForHistory(id);
        } catch (NotFoundException e) {
            throw ValidationException.of(path, "unknown-member", "no such member in your scope");
        }
    }

    /** The visible, unmerged members among the ids, with their home units. */
    private Map<UUID, UUID> visibleMembers(Set<UUID> ids) {
        Map<UUID, UUID> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        Access.Scope scope = access.scope();
        StringBuilder sql = new StringBuilder(
                "select m.id, m.org_unit_id from member m where m.id = any(?1)" + " and m.merged_into_id is null");
        if (!scope.unrestricted()) {
            sql.append(" and m.org_unit_id in (select u.id from org_unit u where u.path <@ cast(?2 as ltree[]))");
        }
        var q = em.createNativeQuery(sql.toString(), Object[].class).setParameter(1, ids.toArray(UUID[]::new));
        if (!scope.unrestricted()) {
            q.setParameter(2, scope.pathsLiteral());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        for (Object[] r : rows) {
            out.put((UUID) r[0], (UUID) r[1]);
        }
        return out;
    }

    private boolean typeExists(String key) {
        return key != null
                && !em.createNativeQuery("select 1 from interaction_type where key = ?1")
                        .setParameter(1, key)
                        .getResultList()
                        .isEmpty();
    }

    private boolean countsAsContact(String key) {
        List<?> r = em.createNativeQuery("select counts_as_contact from interaction_type where key = ?1")
                .setParameter(1, key)
                .getResultList();
        return !r.isEmpty() && Boolean.TRUE.equals(r.get(0));
    }

    private boolean eventVisible(String eventId) {
        UUID id = Ids.parse(eventId).orElse(null);
        if (id == null) {
            return false;
        }
        List<?> rows = em.createNativeQuery(
                        "select cast(u.path as text) from event e join org_unit u on u.id = e.org_unit_id"
                                + " where e.id = ?1")
                .setParameter(1, id)
                .getResultList();
        return !rows.isEmpty() && access.scope().contains((String) rows.get(0));
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static Interaction map(InteractionEntity e) {
        return new Interaction(
                e.id.toString(),
                e.memberId.toString(),
                e.orgUnitId.toString(),
                e.type,
                Direction.valueOf(e.direction),
                InteractionChannel.valueOf(e.channel),
                e.occurredAt,
                e.durationSeconds,
                e.subject,
                e.body,
                e.outcome == null ? null : Outcome.valueOf(e.outcome),
                e.phone,
                e.eventId == null ? null : e.eventId.toString(),
                e.campaignId == null ? null : e.campaignId.toString(),
                e.taskId == null ? null : e.taskId.toString(),
                java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Arrays.asList(e.tags))),
                InteractionSource.valueOf(e.source),
                e.externalRef,
                e.authorId,
                e.authorName,
                e.createdAt,
                e.updatedAt,
                e.deletedAt,
                e.version);
    }
}
