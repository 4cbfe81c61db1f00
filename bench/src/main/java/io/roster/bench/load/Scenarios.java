package io.roster.bench.load;

import io.roster.api.common.PageRequest;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberQuery;
import io.roster.api.member.MemberSort;
import io.roster.api.member.MemberStatus;
import io.roster.api.pipeline.DueBucket;
import io.roster.api.timeline.TimelineQuery;
import io.roster.bench.generate.Latin;
import io.roster.bench.generate.Person;
import io.roster.impl.common.Ids;
import io.roster.impl.interaction.ContactFactsStore;
import io.roster.impl.member.MemberRows;
import io.roster.impl.member.MemberSearch;
import io.roster.impl.member.NameKeys;
import io.roster.impl.member.PhoneNumbers;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.pipeline.TaskSql;
import io.roster.impl.security.Access;
import io.roster.impl.timeline.TimelineSql;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The scenarios that exist today. Extension point: a scenario is registered here once its endpoint exists, with its
 * raw SQL. Not registered yet, because their endpoints are still being built — and listed as such in
 * docs/performance.md: board view and my tasks (pipelines issue); broadcast enqueue and dispatch (notifications
 * issue). The one-shot bulk logging measurement ({@code bulk-log-5000}) is not a wrk scenario: see
 * {@link BulkLog}.
 */
public final class Scenarios {
    /** The tag carried by members the load creates, so the runner can remove them and a data set stays reusable. */
    public static final String LOAD_TAG = "bench-load";

    static final PhoneNumbers PHONES = new PhoneNumbers("RU");
    /** roster.search.name-threshold's default; the service sets it per transaction the same way. */
    static final String NAME_THRESHOLD = "0.5";

    private Scenarios() {}

    /** All registered scenarios over these samples, authenticated with this key secret (hashed for the raw SQL). */
    public static List<Scenario> all(Samples s, byte[] keyHash) {
        List<Samples.Member> members = s.members();
        List<Samples.Member> withPhone =
                members.stream().filter(m -> m.phone() != null).toList();
        List<Samples.Member> withEmail =
                members.stream().filter(m -> m.email() != null).toList();
        List<Samples.Unit> districts = s.units("DISTRICT");
        List<Samples.Unit> branches = s.units("BRANCH");
        List<Scenario> list = new ArrayList<>();

        list.add(new Scenario(
                "get-member",
                "GET /members/{id}: one profile with contacts and consents, ids drawn from the whole table",
                "get.lua",
                paths(members, m -> "/api/v1/members/" + m.id()),
                (c, r) -> {
                    UUID id = UUID.fromString(pick(r, members).id());
                    // The service's one statement: the member, its unit's path, contacts, consents, contact facts.
                    Map<String, Object> values =
                            new java.util.HashMap<>(ContactFactsStore.countParameters(Instant.now()));
                    values.put("member", id);
                    try (PreparedStatement ps = c.prepareStatement(MemberRows.PROFILE.sql())) {
                        MemberRows.PROFILE.bind(ps, values);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getString(1);
                            }
                        }
                    }
                }));
        list.add(search(
                "search-name-cyrillic",
                "GET /members?q=Фамилия Имя: fuzzy name search typed in Cyrillic (family name, half the time with the given name)",
                members,
                Scenarios::cyrillicQuery));
        list.add(search(
                "search-name-latin",
                "GET /members?q=Familiia Imia: the same names typed in Latin with passport spelling (Sutiagin for Сутягин)",
                members,
                m -> Latin.of(cyrillicQuery(m), m.ukrainian())));
        list.add(search(
                "search-phone",
                "GET /members?q=8 (913) 123-45-67: a phone as people type it, exact after normalisation",
                withPhone,
                m -> Person.typed(m.phone())));
        list.add(search(
                "search-email",
                "GET /members?q=ivan.petrov@mail.ru: an e-mail, exact after normalisation",
                withEmail,
                Samples.Member::email));
        list.add(new Scenario(
                "list-filtered",
                "GET /members?orgUnitId={district}&status=MEMBER&status=SUPPORTER&sort=name: first page of a district's"
                        + " members and supporters",
                "get.lua",
                paths(
                        districts,
                        d -> "/api/v1/members?orgUnitId=" + d.id()
                                + "&status=MEMBER&status=SUPPORTER&sort=name&limit=50"),
                (c, r) -> {
                    Samples.Unit d = pick(r, districts);
                    query(c, "select path from org_unit where id = ?", UUID.fromString(d.id()));
                    MemberQuery q = new MemberQuery(
                            null,
                            d.id(),
                            Set.of(MemberStatus.MEMBER, MemberStatus.SUPPORTER),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            false,
                            MemberSort.NAME,
                            new PageRequest(50, null));
                    // The service's statements: the unit count that chooses the per-unit read, then the page.
                    boolean perUnit = MemberSearch.perUnitApplies(c, q, Access.Scope.UNRESTRICTED, d.path());
                    run(
                            c,
                            MemberSearch.build(q, Access.Scope.UNRESTRICTED, d.path(), PHONES, Instant.now(), perUnit),
                            false);
                }));
        list.add(new Scenario(
                "list-segment",
                "GET /members?tag=агитатор&consent=EMAIL&sort=-updatedAt: a broadcast segment, most recently changed first",
                "get.lua",
                List.of("/api/v1/members?tag=" + enc(Person.RU_ACTIVIST_TAG)
                        + "&consent=EMAIL&sort=-updatedAt&limit=50"),
                (c, r) -> {
                    MemberQuery q = new MemberQuery(
                            null,
                            null,
                            null,
                            Set.of(Person.RU_ACTIVIST_TAG),
                            null,
                            null,
                            ContactChannel.EMAIL,
                            null,
                            null,
                            null,
                            null,
                            false,
                            MemberSort.UPDATED_AT_DESC,
                            new PageRequest(50, null));
                    run(c, MemberSearch.build(q, Access.Scope.UNRESTRICTED, null, PHONES), false);
                }));
        list.add(new Scenario(
                "status-history",
                "GET /members/{id}/status-changes: a member's status history, newest first",
                "get.lua",
                paths(members, m -> "/api/v1/members/" + m.id() + "/status-changes"),
                (c, r) -> {
                    UUID id = UUID.fromString(pick(r, members).id());
                    query(c, "select * from member where id = ?", id);
                    query(
                            c,
                            "select id, from_status, to_status, changed_at, changed_by from member_status_change"
                                    + " where member_id = ? order by changed_at desc, id desc limit 51",
                            id);
                }));
        list.add(new Scenario(
                "create-member",
                "POST /members: a new supporter with a phone and a consent, duplicate check included",
                "create-member.lua",
                paths(
                        members,
                        m -> pick(new SplittableRandom(m.id().hashCode()), branches)
                                        .id() + "\t" + m.family() + "\t" + m.given() + "\t"
                                + (m.patronymic() == null ? "" : m.patronymic())),
                (c, r) -> createRaw(c, r, members, branches)));
        list.addAll(interactionScenarios(s));
        list.addAll(taskScenarios(s, keyHash));
        return List.copyOf(list);
    }

    /** Rows per timeline page, as the scenarios ask for them. */
    public static final int TIMELINE_PAGE = 50;
    /** The deep page measured: the 50th page of 50. */
    public static final int DEEP_PAGE = 50;

    /** The member-history scenarios of the interactions / events / timeline issue (#3). */
    static List<Scenario> interactionScenarios(Samples s) {
        List<Scenario> list = new ArrayList<>();
        List<Samples.LongHistory> longHistory = s.longHistory();
        Set<String> longIds = new java.util.HashSet<>();
        longHistory.forEach(l -> longIds.add(l.id()));
        List<Samples.Member> ordinary =
                s.members().stream().filter(m -> !longIds.contains(m.id())).toList();
        int longest = longHistory.stream()
                .mapToInt(Samples.LongHistory::interactions)
                .max()
                .orElse(0);
        list.add(new Scenario(
                "timeline-first",
                "GET /members/{id}/timeline?limit=50: first page of the timeline of a member with " + longest
                        + " interactions",
                "get.lua",
                paths(longHistory, l -> timelinePath(l.id()) + "?limit=" + TIMELINE_PAGE),
                (c, r) -> {
                    UUID id = UUID.fromString(pick(r, longHistory).id());
                    query(c, TimelineSql.build(id, timelineQuery(id), null, null, TIMELINE_PAGE + 1));
                }));
        Map<UUID, Object[]> deepBoundary = new ConcurrentHashMap<>();
        list.add(new Scenario(
                "timeline-page50",
                "GET /members/{id}/timeline?limit=50&cursor=…: page " + DEEP_PAGE + " of the same timeline (cursor"
                        + " found by walking the pages once before the load)",
                "get.lua",
                paths(longHistory, l -> timelinePath(l.id()) + "?limit=" + TIMELINE_PAGE),
                (c, r) -> {
                    UUID id = UUID.fromString(pick(r, longHistory).id());
                    Object[] after = deepBoundary.computeIfAbsent(id, m -> boundary(c, m));
                    query(
                            c,
                            TimelineSql.build(
                                    id,
                                    timelineQuery(id),
                                    ((java.time.OffsetDateTime) after[0]).toInstant(),
                                    (UUID) after[1],
                                    TIMELINE_PAGE + 1));
                },
                api -> {
                    List<String> paths = new ArrayList<>();
                    for (Samples.LongHistory l : longHistory) {
                        String cursor = api.cursorOfPage(timelinePath(l.id()), TIMELINE_PAGE, DEEP_PAGE);
                        paths.add(timelinePath(l.id()) + "?limit=" + TIMELINE_PAGE + "&cursor=" + enc(cursor));
                    }
                    return paths;
                }));
        Samples.Region region = s.biggestRegion();
        list.add(new Scenario(
                "not-contacted-90d",
                "GET /members?orgUnitId={region}&notContactedForDays=90: first page of the members of the biggest"
                        + " region (" + region.members() + " members) not contacted for 90 days",
                "get.lua",
                List.of("/api/v1/members?orgUnitId=" + region.id() + "&notContactedForDays=90&limit=50"),
                (c, r) -> {
                    query(c, "select path from org_unit where id = ?", UUID.fromString(region.id()));
                    MemberQuery q = new MemberQuery(
                            null,
                            region.id(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            90,
                            null,
                            null,
                            false,
                            null,
                            new PageRequest(50, null));
                    run(
                            c,
                            MemberSearch.build(
                                    q,
                                    Access.Scope.UNRESTRICTED,
                                    region.path(),
                                    PHONES,
                                    Instant.now(),
                                    MemberSearch.perUnitApplies(c, q, Access.Scope.UNRESTRICTED, region.path())),
                            false);
                }));
        list.add(new Scenario(
                "create-interaction",
                "POST /interactions: a call logged for a random member (timeline entry and last contact in the same"
                        + " transaction)",
                "create-interaction.lua",
                paths(ordinary, Samples.Member::id),
                (c, r) -> createInteractionRaw(c, r, ordinary)));
        return list;
    }

    /** The shipped member-question pipeline, which the generator fills with {@code TaskStage.OPEN_CARDS} cards. */
    static final UUID BOARD_PIPELINE = UUID.fromString("00000000-0000-7000-8000-00000000a002");

    static final int BOARD_PER_COLUMN = 20;
    static final int MY_TASKS_PER_SECTION = 20;

    /** Board, "my tasks" and card moves, over the cards of {@code io.roster.bench.generate.TaskStage}. */
    static List<Scenario> taskScenarios(Samples s, byte[] keyHash) {
        List<Scenario> list = new ArrayList<>();
        List<String> stages = List.of("new", "assigned", "in-progress", "answered", "closed", "dropped");
        list.add(new Scenario(
                "board-view",
                "GET /pipelines/member-question/board?perColumn=" + BOARD_PER_COLUMN + ": the six columns of a"
                        + " pipeline with 50,000 open cards, each column's count and first cards by rank",
                "get.lua",
                List.of("/api/v1/pipelines/member-question/board?perColumn=" + BOARD_PER_COLUMN),
                (c, r) -> {
                    transaction(c, () -> {
                        query(c, "select * from pipeline where key = ?", "member-question");
                        query(c, TaskSql.counts(BOARD_PIPELINE, null, null));
                        for (String stage : stages) {
                            query(
                                    c,
                                    TaskSql.column(
                                            BOARD_PIPELINE, stage, null, null, null, null, BOARD_PER_COLUMN + 1));
                        }
                    });
                }));
        java.util.concurrent.atomic.AtomicReference<String> me = new java.util.concurrent.atomic.AtomicReference<>();
        list.add(new Scenario(
                "my-tasks",
                "GET /my-tasks?limit=" + MY_TASKS_PER_SECTION + ": the caller's open cards ("
                        + s.myTasks().size() + "), overdue, due today and upcoming, a page of each",
                "get.lua",
                List.of("/api/v1/my-tasks?limit=" + MY_TASKS_PER_SECTION),
                (c, r) -> {
                    String assignee = me.updateAndGet(v -> v != null ? v : keyId(c, keyHash));
                    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
                    transaction(c, () -> {
                        for (DueBucket bucket : DueBucket.values()) {
                            query(c, TaskSql.mine(assignee, bucket, today, null, null, null, MY_TASKS_PER_SECTION + 1));
                        }
                    });
                }));
        list.add(new Scenario(
                "move-task",
                "PATCH /tasks/{id} {\"stage\": …}: one of the caller's cards moved to the end of another column (a new"
                        + " rank, history, timeline entry and audit entry in one transaction)",
                "move-task.lua",
                s.myTasks(),
                (c, r) -> moveRaw(c, r, s.myTasks(), stages.subList(1, 4))));
        return list;
    }

    /** What a move makes Roster run: lock the pipeline and card, the column's last rank, the update, the records. */
    private static void moveRaw(Connection c, SplittableRandom r, List<String> cards, List<String> stages)
            throws Exception {
        UUID id = UUID.fromString(pick(r, cards));
        String stage = pick(r, stages);
        transaction(c, () -> {
            query(c, "select * from pipeline where id = ? for share", BOARD_PIPELINE);
            query(c, "select * from task where id = ? for update", id);
            String last = null;
            try (PreparedStatement ps = c.prepareStatement("select rank from task where pipeline_id = ? and stage = ?"
                    + " order by rank desc, id desc limit 1")) {
                ps.setObject(1, BOARD_PIPELINE);
                ps.setString(2, stage);
                try (ResultSet rs = ps.executeQuery()) {
                    last = rs.next() ? rs.getString(1) : "V";
                }
            }
            update(
                    c,
                    "update task set stage = ?, stage_category = 'IN_PROGRESS', rank = ?, stage_entered_at = now(),"
                            + " updated_at = now(), version = version + 1 where id = ?",
                    stage,
                    last + "V",
                    id);
            update(
                    c,
                    "insert into task_history (id, task_id, pipeline_id, org_unit_id, kind, from_stage, to_stage,"
                            + " from_entered_at, at, by_id) select ?, t.id, t.pipeline_id, t.org_unit_id, 'STAGE',"
                            + " t.stage, ?, t.stage_entered_at, now(), 'bench' from task t where t.id = ?",
                    Ids.newUuid(),
                    stage,
                    id);
            update(
                    c,
                    "insert into timeline_entry (id, member_id, kind, occurred_at, type, ref_id, title, data)"
                            + " select ?, t.member_id, 'TASK', now(), 'MOVED', t.id, t.title,"
                            + " jsonb_build_object('stage', t.stage) from task t where t.id = ?",
                    Ids.newUuid(),
                    id);
            query(
                    c,
                    "select audit_append(?, now(), 'bench', 'API_KEY', 'bench', 'API', 'task.moved', 'task', ?,"
                            + " null, null, null, '{}'::jsonb)",
                    Ids.newUuid(),
                    id);
        });
    }

    /** A unit of raw SQL work. */
    @FunctionalInterface
    private interface SqlWork {
        void run() throws Exception;
    }

    /** Runs {@code work} in one transaction on {@code c}: committed, or rolled back on failure; auto-commit after. */
    private static void transaction(Connection c, SqlWork work) throws Exception {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String keyId(Connection c, byte[] keyHash) {
        try (PreparedStatement ps = c.prepareStatement(API_KEY)) {
            ps.setBytes(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void query(Connection c, SqlQuery sql) throws Exception {
        try (PreparedStatement ps = sql.prepare(c);
                ResultSet rs = ps.executeQuery()) {
            readAll(rs);
        }
    }

    /**
     * Reads every value of every row, as text: a raw client that fetched a page has its values in hand, as the
     * service does before it answers (reading only the first column left the rest undecoded in the driver).
     */
    private static void readAll(ResultSet rs) throws Exception {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                rs.getString(i);
            }
        }
    }

    static final String API_KEY = "select id, revoked_at, permissions, org_unit_ids from api_key where secret_hash = ?";

    /** The unfiltered query of a member's timeline; the statement is the service's own, {@link TimelineSql}. */
    private static TimelineQuery timelineQuery(UUID member) {
        return new TimelineQuery(member.toString(), Set.of(), Set.of(), Set.of(), null, null, null);
    }

    static String timelinePath(String memberId) {
        return "/api/v1/members/" + memberId + "/timeline";
    }

    /** The (occurred_at, id) of the last entry before the deep page: what its cursor carries. */
    private static Object[] boundary(Connection c, UUID member) {
        try (PreparedStatement ps = c.prepareStatement("select occurred_at, id from timeline_entry where member_id = ?"
                + " order by occurred_at desc, id desc offset ? limit 1")) {
            ps.setObject(1, member);
            ps.setInt(2, TIMELINE_PAGE * (DEEP_PAGE - 1) - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("member " + member + " has no page " + DEEP_PAGE);
                }
                return new Object[] {rs.getObject(1, java.time.OffsetDateTime.class), rs.getObject(2, UUID.class)};
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What logging one call makes Roster run: the member, the type, the row, its timeline entry, the contact, audit. */
    private static void createInteractionRaw(Connection c, SplittableRandom r, List<Samples.Member> members)
            throws Exception {
        Samples.Member m = pick(r, members);
        UUID memberId = UUID.fromString(m.id());
        UUID id = Ids.newUuid();
        transaction(c, () -> {
            query(c, "select * from member where id = ?", memberId);
            query(c, "select counts_as_contact from interaction_type where key = ?", "CALL");
            update(
                    c,
                    "insert into interaction (id, member_id, org_unit_id, type, direction, channel, occurred_at,"
                            + " duration_seconds, subject, outcome, tags, source, author_id, author_name, created_at,"
                            + " updated_at, version) values (?, ?, ?, 'CALL', 'OUTBOUND', 'PHONE', now(), 120, ?,"
                            + " 'REACHED', ?, 'API', 'bench', 'bench', now(), now(), 0)",
                    id,
                    memberId,
                    UUID.fromString(m.unitId()),
                    "Приглашение на собрание отделения",
                    c.createArrayOf("text", new String[] {LOAD_TAG}));
            update(
                    c,
                    "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title, data)"
                            + " values (?, ?, 'INTERACTION', now(), 'CALL', 'PHONE', ?, ?, cast(? as jsonb))"
                            + " on conflict (member_id, kind, ref_id) where kind in ('INTERACTION', 'ATTENDANCE')"
                            + " do update set occurred_at = excluded.occurred_at, type = excluded.type,"
                            + " channel = excluded.channel, title = excluded.title, data = excluded.data",
                    id,
                    memberId,
                    id,
                    "Приглашение на собрание отделения",
                    "{\"direction\":\"OUTBOUND\",\"outcome\":\"REACHED\",\"durationSeconds\":120}");
            update(
                    c,
                    "update member set last_contact_at = now(), last_contact_channel = 'PHONE',"
                            + " last_outcome = 'REACHED' where id = any(?)"
                            + " and (last_contact_at is null or last_contact_at <= now())",
                    c.createArrayOf("uuid", new Object[] {memberId}));
            update(
                    c,
                    // appended to the hash chain as Roster does it (the row lock on the chain head included)
                    "select audit_append(?, now(), 'bench', 'API_KEY', null, 'API', 'interaction.created',"
                            + " 'interaction', ?, ?, null, null, cast(? as jsonb))",
                    Ids.newUuid(),
                    id,
                    memberId,
                    "{\"type\":\"CALL\",\"channel\":\"PHONE\",\"outcome\":\"REACHED\"}");
        });
    }

    private static Scenario search(
            String name, String description, List<Samples.Member> members, Function<Samples.Member, String> text) {
        List<String> queries = members.stream().map(text).toList();
        return new Scenario(
                name,
                description,
                "get.lua",
                queries.stream()
                        .map(q -> "/api/v1/members?q=" + enc(q) + "&limit=50")
                        .toList(),
                (c, r) -> {
                    String q = queries.get(r.nextInt(queries.size()));
                    MemberQuery query = new MemberQuery(
                            q,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            false,
                            null,
                            new PageRequest(50, null));
                    run(
                            c,
                            MemberSearch.build(query, Access.Scope.UNRESTRICTED, null, PHONES),
                            MemberSearch.textKind(q) == MemberSearch.TextKind.NAME);
                });
    }

    /** What people type: the family name, and half the time the given name after it. */
    static String cyrillicQuery(Samples.Member m) {
        return Math.floorMod(m.id().hashCode(), 2) == 0 ? m.family() : m.family() + " " + m.given();
    }

    /** Runs a search as the service does: in a transaction that sets the trigram threshold first. */
    private static void run(Connection c, SqlQuery sql, boolean name) throws Exception {
        transaction(c, () -> {
            if (name) {
                try (PreparedStatement set =
                        c.prepareStatement("select set_config('pg_trgm.word_similarity_threshold', ?, true)")) {
                    set.setString(1, NAME_THRESHOLD);
                    set.execute();
                }
            }
            query(c, sql);
        });
    }

    private static void createRaw(
            Connection c, SplittableRandom r, List<Samples.Member> members, List<Samples.Unit> branches)
            throws Exception {
        Samples.Member m = pick(r, members);
        UUID id = Ids.newUuid();
        transaction(c, () -> {
            String phone = "+38044" + String.format("%07d", r.nextInt(10_000_000));
            query(
                    c,
                    "select path from org_unit where id = ?",
                    UUID.fromString(pick(r, branches).id()));
            query(c, "select c.member_id from member_contact c where c.kind = 'PHONE' and c.lookup = ?", phone);
            try (PreparedStatement ps =
                    c.prepareStatement("insert into member (id, org_unit_id, given_name, patronymic,"
                            + " family_name, preferred_language, status, tags, search_key, sort_key, created_at, updated_at, version)"
                            + " values (?, ?, ?, ?, ?, 'RU', 'SUPPORTER', ?, ?, ?, now(), now(), 0)")) {
                ps.setObject(1, id);
                ps.setObject(2, UUID.fromString(pick(r, branches).id()));
                ps.setString(3, m.given());
                ps.setString(4, m.patronymic());
                ps.setString(5, m.family());
                ps.setArray(6, c.createArrayOf("text", new String[] {LOAD_TAG}));
                ps.setString(7, NameKeys.searchKey(m.given(), m.patronymic(), m.family()));
                ps.setString(8, NameKeys.sortKey(m.family(), m.given(), m.patronymic()));
                ps.executeUpdate();
            }
            update(
                    c,
                    "insert into member_contact (id, member_id, kind, position, value, lookup, is_primary, status)"
                            + " values (?, ?, 'PHONE', 0, ?, ?, true, 'ACTIVE')",
                    Ids.newUuid(),
                    id,
                    phone,
                    phone);
            update(
                    c,
                    "insert into member_consent (member_id, channel, granted, source, recorded_at, recorded_by)"
                            + " values (?, 'SMS', true, 'bench', now(), 'bench')",
                    id);
            update(
                    c,
                    "insert into member_consent_event (id, member_id, channel, granted, source, recorded_at, recorded_by)"
                            + " values (?, ?, 'SMS', true, 'bench', now(), 'bench')",
                    Ids.newUuid(),
                    id);
            update(
                    c,
                    "insert into member_status_change (id, member_id, to_status, changed_at, changed_by)"
                            + " values (?, ?, 'SUPPORTER', now(), 'bench')",
                    Ids.newUuid(),
                    id);
        });
    }

    private static void query(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                readAll(rs);
            }
        }
    }

    private static void update(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private static <T> List<String> paths(List<T> items, Function<T, String> path) {
        return items.stream().map(path).toList();
    }

    private static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
