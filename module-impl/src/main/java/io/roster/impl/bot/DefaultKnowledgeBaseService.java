package io.roster.impl.bot;

import io.roster.api.bot.KnowledgeBaseService;
import io.roster.api.bot.KnowledgeEntry;
import io.roster.api.bot.KnowledgeEntryDraft;
import io.roster.api.bot.KnowledgeMatch;
import io.roster.api.bot.KnowledgeQuery;
import io.roster.api.bot.QuestionStatistics;
import io.roster.api.bot.QuestionVariant;
import io.roster.api.common.Language;
import io.roster.api.common.Page;
import io.roster.api.error.FieldError;
import io.roster.api.error.ForbiddenException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.ValidationException;
import io.roster.api.security.Caller;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Cursors;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Snapshots;
import io.roster.impl.common.Texts;
import io.roster.impl.persistence.OrgUnitEntity;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hibernate.Session;

@ApplicationScoped
public class DefaultKnowledgeBaseService implements KnowledgeBaseService {
    static final int MAX_QUESTIONS = 50;
    static final int MAX_QUESTION_LENGTH = 500;
    static final int MAX_ANSWER_LENGTH = 4000;
    static final int MAX_ASKED_LENGTH = 1000;
    private static final Set<String> LANGUAGES = Set.of("ru", "uk", "en");

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    AuditLog audit;

    @Inject
    RosterClock clock;

    @Inject
    KnowledgeMatcher matcher;

    @Inject
    BotSettings settings;

    @Override
    @Transactional
    public KnowledgeEntry create(KnowledgeEntryDraft draft) {
        Caller caller = access.require(Permission.KNOWLEDGE_BASE_WRITE);
        KnowledgeEntryDraft d = validate(draft, caller);
        UUID id = Ids.newUuid();
        Instant now = clock.now();
        em.createNativeQuery("insert into kb_entry (id, org_unit_id, answers, created_at, updated_at, version)"
                        + " values (?1, cast(?2 as uuid), cast(?3 as jsonb), ?4, ?4, 0)")
                .setParameter(1, id)
                .setParameter(2, d.orgUnitId())
                .setParameter(3, Json.write(d.answers()))
                .setParameter(4, now)
                .executeUpdate();
        writeQuestions(id, d.questions());
        audit.record("knowledge-entry.created", "knowledge-entry", id, null, Snapshots.of(d));
        return load(id);
    }

    @Override
    @Transactional
    public KnowledgeEntry get(String id) {
        access.require(Permission.KNOWLEDGE_BASE_READ);
        return visible(id);
    }

    @Override
    @Transactional
    public KnowledgeEntry update(String id, Long expectedVersion, UnaryOperator<KnowledgeEntryDraft> changes) {
        Caller caller = access.require(Permission.KNOWLEDGE_BASE_WRITE);
        KnowledgeEntry current = visibleForWrite(id, caller);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("knowledge entry", current.version());
        }
        KnowledgeEntryDraft before = current.toDraft();
        KnowledgeEntryDraft d = validate(changes.apply(before), caller);
        if (d.equals(before)) {
            return current;
        }
        UUID uuid = UUID.fromString(current.id());
        em.createNativeQuery("update kb_entry set org_unit_id = cast(?2 as uuid), answers = cast(?3 as jsonb),"
                        + " updated_at = ?4, version = version + 1 where id = ?1")
                .setParameter(1, uuid)
                .setParameter(2, d.orgUnitId())
                .setParameter(3, Json.write(d.answers()))
                .setParameter(4, clock.now())
                .executeUpdate();
        if (!Objects.equals(d.questions(), before.questions())) {
            em.createNativeQuery("delete from kb_question where entry_id = ?1")
                    .setParameter(1, uuid)
                    .executeUpdate();
            writeQuestions(uuid, d.questions());
        }
        audit.record(
                "knowledge-entry.updated",
                "knowledge-entry",
                uuid,
                null,
                Snapshots.diff(Snapshots.of(before), Snapshots.of(d)));
        return load(uuid);
    }

    @Override
    @Transactional
    public void delete(String id, Long expectedVersion) {
        Caller caller = access.require(Permission.KNOWLEDGE_BASE_WRITE);
        KnowledgeEntry current = visibleForWrite(id, caller);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new StaleVersionException("knowledge entry", current.version());
        }
        UUID uuid = UUID.fromString(current.id());
        em.createNativeQuery("update kb_entry set deleted_at = ?2, version = version + 1 where id = ?1")
                .setParameter(1, uuid)
                .setParameter(2, clock.now())
                .executeUpdate();
        audit.record("knowledge-entry.deleted", "knowledge-entry", uuid, null, Map.of());
    }

    @Override
    @Transactional
    public Page<KnowledgeEntry> list(KnowledgeQuery query) {
        access.require(Permission.KNOWLEDGE_BASE_READ);
        Access.Scope scope = access.scope();
        UUID unit = null;
        if (query.orgUnitId() != null) {
            unit = access.visibleUnit(query.orgUnitId()).id;
        }
        UUID after = null;
        if (query.page().cursor() != null) {
            after = Cursors.id(Cursors.decode(query.page().cursor(), "kb", 1).get(0));
        }
        int limit = query.page().limit();
        StringBuilder sql = new StringBuilder("select e.id from kb_entry e where e.deleted_at is null");
        List<Object> params = new ArrayList<>();
        if (unit != null) {
            sql.append(" and e.org_unit_id = ?");
            params.add(unit);
        } else if (!scope.unrestricted()) {
            sql.append(" and (e.org_unit_id is null or e.org_unit_id in (select u.id from org_unit u"
                    + " where u.path <@ cast(? as ltree[])))");
            params.add(scope.pathsLiteral());
        }
        if (after != null) {
            sql.append(" and e.id < ?");
            params.add(after);
        }
        sql.append(" order by e.id desc limit ?");
        params.add(limit + 1);
        List<UUID> ids = em.unwrap(Session.class).doReturningWork(c -> {
            List<UUID> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return out;
        });
        boolean more = ids.size() > limit;
        List<UUID> page = more ? ids.subList(0, limit) : ids;
        List<KnowledgeEntry> items = new ArrayList<>();
        for (UUID id : page) {
            items.add(load(id));
        }
        return new Page<>(
                items, more ? Cursors.encode("kb", page.get(page.size() - 1).toString()) : null);
    }

    @Override
    @Transactional
    public KnowledgeMatch match(String text, Language language, String orgUnitId) {
        access.require(Permission.KNOWLEDGE_BASE_READ);
        String t = Texts.clean(text);
        if (t == null) {
            throw ValidationException.of("text", "required", "text is required");
        }
        if (t.length() > MAX_ASKED_LENGTH) {
            throw ValidationException.of("text", "too-long", "at most " + MAX_ASKED_LENGTH + " characters");
        }
        List<UUID> units = List.of();
        if (orgUnitId != null) {
            OrgUnitEntity u;
            try {
                u = access.visibleUnit(orgUnitId);
            } catch (NotFoundException e) {
                throw ValidationException.of("orgUnitId", "unknown-org-unit", "no such org unit in your scope");
            }
            units = unitAndAncestors(em, u.id);
        }
        KnowledgeMatcher.Result r = matcher.match(t, units);
        List<KnowledgeMatch.Candidate> candidates = r.ranked().stream()
                .limit(3)
                .map(s -> new KnowledgeMatch.Candidate(
                        s.entryId().toString(), s.question(), Math.round(s.confidence() * 1000) / 1000.0))
                .toList();
        return new KnowledgeMatch(r.decision().name(), candidates);
    }

    @Override
    @Transactional
    public QuestionStatistics statistics(Instant from, Instant to, String orgUnitId, int limit) {
        access.require(Permission.KNOWLEDGE_BASE_READ);
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(new FieldError("from", "required", "from is required"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "required", "to is required"));
        }
        if (from != null
                && to != null
                && (!to.isAfter(from) || Duration.between(from, to).toDays() > 366)) {
            errors.add(new FieldError("to", "range", "to must be after from, at most 366 days later"));
        }
        if (limit < 1 || limit > 50) {
            errors.add(new FieldError("limit", "range", "limit must be between 1 and 50"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Access.Scope scope = access.scope();
        String unitFilter;
        List<Object> unitParams = new ArrayList<>();
        if (orgUnitId != null) {
            OrgUnitEntity u = access.visibleUnit(orgUnitId);
            unitFilter = " and l.org_unit_id in (select x.id from org_unit x where x.path <@ cast(? as ltree))";
            unitParams.add(u.path);
        } else if (!scope.unrestricted()) {
            unitFilter = " and l.org_unit_id in (select x.id from org_unit x where x.path <@ cast(? as ltree[]))";
            unitParams.add(scope.pathsLiteral());
        } else {
            unitFilter = "";
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            long asked;
            long answered;
            try (PreparedStatement ps = c.prepareStatement("select count(*), count(*) filter (where l.outcome in"
                    + " ('ANSWERED', 'CHOSEN')) from kb_question_log l where l.asked_at >= ? and l.asked_at < ?"
                    + unitFilter)) {
                bind(ps, from, to, unitParams);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    asked = rs.getLong(1);
                    answered = rs.getLong(2);
                }
            }
            List<QuestionStatistics.EntryCount> top = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select l.entry_id, count(*) n,"
                    + " (select q.text from kb_question q where q.entry_id = l.entry_id order by q.position limit 1)"
                    + " from kb_question_log l where l.asked_at >= ? and l.asked_at < ? and l.entry_id is not null"
                    + " and l.outcome in ('ANSWERED', 'CHOSEN')" + unitFilter
                    + " group by l.entry_id order by n desc, l.entry_id limit ?")) {
                int next = bind(ps, from, to, unitParams);
                ps.setInt(next, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        top.add(new QuestionStatistics.EntryCount(rs.getString(1), rs.getString(3), rs.getLong(2)));
                    }
                }
            }
            List<QuestionStatistics.QuestionCount> unanswered = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select lower(l.text collate \"und-x-icu\") t, count(*) n"
                    + " from kb_question_log l where l.asked_at >= ? and l.asked_at < ?"
                    + " and l.outcome = 'UNANSWERED' and l.text is not null" + unitFilter
                    + " group by 1 order by n desc, t limit ?")) {
                int next = bind(ps, from, to, unitParams);
                ps.setInt(next, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        unanswered.add(new QuestionStatistics.QuestionCount(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            return new QuestionStatistics(from, to, asked, answered, top, unanswered);
        });
    }

    private static int bind(PreparedStatement ps, Instant from, Instant to, List<Object> unitParams)
            throws java.sql.SQLException {
        ps.setTimestamp(1, Timestamp.from(from));
        ps.setTimestamp(2, Timestamp.from(to));
        int i = 3;
        for (Object p : unitParams) {
            ps.setObject(i++, p);
        }
        return i;
    }

    /** The unit and its ancestors: the units whose entries a member of {@code unit} gets. */
    static List<UUID> unitAndAncestors(EntityManager em, UUID unit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                        "select a.id from org_unit a, org_unit u where u.id = ?1" + " and a.path @> u.path")
                .setParameter(1, unit)
                .getResultList();
        return ids;
    }

    private KnowledgeEntry visible(String id) {
        UUID uuid = Ids.parse(id).orElseThrow(() -> new NotFoundException("knowledge entry", id));
        Object[] row = entryRow(uuid);
        if (row == null || (row[1] != null && !access.scope().contains((String) row[2]))) {
            throw new NotFoundException("knowledge entry", id);
        }
        return load(uuid);
    }

    private KnowledgeEntry visibleForWrite(String id, Caller caller) {
        KnowledgeEntry e = visible(id);
        if (e.orgUnitId() == null && !caller.unrestricted()) {
            throw new ForbiddenException("organisation-wide entries are changed by unrestricted callers only");
        }
        em.createNativeQuery("select id from kb_entry where id = ?1 for update")
                .setParameter(1, UUID.fromString(e.id()))
                .getResultList();
        return load(UUID.fromString(e.id()));
    }

    private Object[] entryRow(UUID id) {
        List<?> rows = em.createNativeQuery("select e.id, e.org_unit_id, u.path::text from kb_entry e left join"
                        + " org_unit u on u.id = e.org_unit_id where e.id = ?1 and e.deleted_at is null")
                .setParameter(1, id)
                .getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    KnowledgeEntry load(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select e.id, e.org_unit_id, null, e.created_at,"
                        + " e.updated_at, e.version from kb_entry e where e.id = ?1")
                .setParameter(1, id)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> qs = em.createNativeQuery(
                        "select language, text from kb_question where entry_id = ?1 order by position")
                .setParameter(1, id)
                .getResultList();
        List<QuestionVariant> questions = qs.stream()
                .map(q -> new QuestionVariant(Language.fromTag((String) q[0]), (String) q[1]))
                .toList();
        Map<String, String> answers = answers(em, id);
        return new KnowledgeEntry(
                row[0].toString(),
                row[1] == null ? null : row[1].toString(),
                questions,
                answers,
                instant(row[3]),
                instant(row[4]),
                ((Number) row[5]).longValue());
    }

    /** An entry's answers by language code. */
    static Map<String, String> answers(EntityManager em, UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select a.key, a.value from kb_entry e, jsonb_each_text(e.answers) a where e.id = ?1")
                .setParameter(1, id)
                .getResultList();
        Map<String, String> out = new TreeMap<>();
        rows.forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return o == null ? null : Instant.parse(o.toString());
    }

    private void writeQuestions(UUID entryId, List<QuestionVariant> questions) {
        int position = 0;
        for (QuestionVariant q : questions) {
            em.createNativeQuery("insert into kb_question (id, entry_id, position, language, text)"
                            + " values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, Ids.newUuid())
                    .setParameter(2, entryId)
                    .setParameter(3, position++)
                    .setParameter(4, q.language().code())
                    .setParameter(5, q.text())
                    .executeUpdate();
        }
    }

    private KnowledgeEntryDraft validate(KnowledgeEntryDraft d, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw ValidationException.of("", "required", "a body is required");
        }
        String unit = Texts.clean(d.orgUnitId());
        if (unit == null) {
            if (!caller.unrestricted()) {
                errors.add(new FieldError(
                        "orgUnitId", "required", "only unrestricted callers create organisation-wide entries"));
            }
        } else {
            try {
                unit = access.visibleUnit(unit).id.toString();
            } catch (NotFoundException e) {
                errors.add(new FieldError("orgUnitId", "unknown-org-unit", "no such org unit in your scope"));
            }
        }
        List<QuestionVariant> questions = new ArrayList<>();
        if (d.questions() == null || d.questions().isEmpty()) {
            errors.add(new FieldError("questions", "required", "at least one question variant"));
        } else if (d.questions().size() > MAX_QUESTIONS) {
            errors.add(new FieldError("questions", "size", "at most " + MAX_QUESTIONS + " question variants"));
        } else {
            for (int i = 0; i < d.questions().size(); i++) {
                QuestionVariant q = d.questions().get(i);
                String path = "questions[" + i + "]";
                if (q == null) {
                    errors.add(new FieldError(path, "required", "a question variant"));
                    continue;
                }
                if (q.language() == null) {
                    errors.add(new FieldError(path + ".language", "required", "ru, uk or en"));
                }
                String text = Texts.clean(q.text());
                if (text == null) {
                    errors.add(new FieldError(path + ".text", "required", "text is required"));
                } else if (text.codePointCount(0, text.length()) > MAX_QUESTION_LENGTH) {
                    errors.add(new FieldError(path + ".text", "too-long", "at most " + MAX_QUESTION_LENGTH));
                } else if (Texts.hasControl(text)) {
                    errors.add(new FieldError(path + ".text", "invalid-characters", "no control characters"));
                }
                questions.add(new QuestionVariant(q.language(), text));
            }
        }
        Map<String, String> answers = new TreeMap<>();
        if (d.answers() == null || d.answers().isEmpty()) {
            errors.add(new FieldError("answers", "required", "an answer in at least one of ru, uk, en"));
        } else {
            for (Map.Entry<String, String> a : new LinkedHashMap<>(d.answers()).entrySet()) {
                String path = "answers." + a.getKey();
                if (!LANGUAGES.contains(a.getKey())) {
                    errors.add(new FieldError(path, "unknown-language", "answers are keyed ru, uk or en"));
                    continue;
                }
                String text = Texts.clean(a.getValue());
                if (text == null) {
                    errors.add(new FieldError(path, "required", "the answer text"));
                } else if (text.codePointCount(0, text.length()) > MAX_ANSWER_LENGTH) {
                    errors.add(new FieldError(path, "too-long", "at most " + MAX_ANSWER_LENGTH + " characters"));
                } else {
                    answers.put(a.getKey(), text);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new KnowledgeEntryDraft(unit, List.copyOf(questions), answers);
    }
}
