package io.roster.impl.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.PageRequest;
import io.roster.api.timeline.EntryKind;
import io.roster.api.timeline.TimelineQuery;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.persistence.FlywaySchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Timeline pages against a table of 250,000 entries, one member holding 100,000 of them: every page must be one
 * range scan of a (member, [kind,] time, id) index that stops after {@code limit + 1} rows, at any depth. A
 * sequential scan, a sort of the member's history, or an index scan that reads and discards the rows before the
 * cursor fails the test, because its cost would grow with the history instead of the page. The SQL explained is the
 * service's own, from {@link TimelineSql#build}.
 */
class TimelinePlanTest {
    static final int BIG_HISTORY = 100_000;
    static final int OTHER_MEMBERS = 3_000;
    static final int OTHER_HISTORY = 50;
    static final int LIMIT = PageRequest.DEFAULT_LIMIT;
    /** Entry n of the big member happened n minutes before this. */
    static final Instant BASE = Instant.parse("2025-06-01T00:00:00Z");

    static final UUID BIG = UUID.fromString("00000000-0000-7000-a000-000000000000");
    private static final Pattern INDEX_NODE = Pattern.compile(
            "(Index Scan|Index Only Scan)(?: Backward)? using (timeline_member_time_idx|timeline_member_kind_time_idx)"
                    + " on timeline_entry");
    private static final Pattern REMOVED = Pattern.compile("Rows Removed by (?:Filter|Index Recheck): (\\d+)");
    private static final Pattern ACTUAL_ROWS = Pattern.compile("actual (?:time=\\S+ )?rows=(\\d+)(?:\\.\\d+)?");

    static EmbeddedPostgres pg;

    @BeforeAll
    static void generate() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        new FlywaySchemaMigrator().migrate(pg.getPostgresDatabase());
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into org_unit (id, code, name, kind, parent_id, path, created_at, updated_at, version)"
                    + " values ('00000000-0000-7000-8000-000000000000', 'ROOT', 'Root', 'NATIONAL', null, 'r', now(),"
                    + " now(), 0)");
            // Member 0 is the one with the long history; members 1..3000 have 50 entries each.
            s.execute("insert into member (id, org_unit_id, given_name, family_name, preferred_language, status,"
                    + " support_level, tags, search_key, sort_key, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-a000-' || lpad(n::text, 12, '0'))::uuid,"
                    + " '00000000-0000-7000-8000-000000000000', 'given' || n, 'family' || n, 'RU', 'SUPPORTER', 3,"
                    + " '{}', 'family' || n || ' given' || n, 'family' || n || ' given' || n, now(), now(), 0"
                    + " from generate_series(0, " + OTHER_MEMBERS + ") n");
            // Kinds of the big history: 80% interactions, 10% attendance, 5% status, 5% consent changes.
            s.execute(
                    "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title, data)"
                            + " select ('00000000-0000-7000-b000-' || lpad(n::text, 12, '0'))::uuid, '" + BIG + "',"
                            + " k.kind, timestamptz '" + BASE + "' - n * interval '1 minute',"
                            + " case k.kind when 'INTERACTION' then 'CALL' when 'ATTENDANCE' then 'ATTENDED'"
                            + "   when 'STATUS_CHANGE' then 'MEMBER' else 'SMS' end,"
                            + " case when k.kind = 'INTERACTION' then 'PHONE' end,"
                            + " case when k.kind in ('INTERACTION', 'ATTENDANCE') then gen_random_uuid() end,"
                            + " 'entry ' || n, jsonb_build_object('outcome', 'REACHED')"
                            + " from generate_series(1, " + BIG_HISTORY + ") n, lateral (select case"
                            + "   when n % 20 < 16 then 'INTERACTION' when n % 20 < 18 then 'ATTENDANCE'"
                            + "   when n % 20 = 18 then 'STATUS_CHANGE' else 'CONSENT_CHANGE' end as kind) k");
            s.execute(
                    "insert into timeline_entry (id, member_id, kind, occurred_at, type, channel, ref_id, title, data)"
                            + " select gen_random_uuid(), ('00000000-0000-7000-a000-' || lpad(m::text, 12, '0'))::uuid,"
                            + " case when e % 5 = 0 then 'ATTENDANCE' else 'INTERACTION' end,"
                            + " timestamptz '" + BASE + "' - (e * 1440 + m) * interval '1 minute', 'CALL', 'PHONE',"
                            + " gen_random_uuid(), 'entry', '{}'"
                            + " from generate_series(1, " + OTHER_MEMBERS + ") m, generate_series(1, " + OTHER_HISTORY
                            + ") e");
            s.execute("analyze");
            try (ResultSet rs = s.executeQuery(
                    "select count(*), count(*) filter (where member_id = '" + BIG + "') from timeline_entry")) {
                rs.next();
                assertTrue(rs.getLong(1) >= 200_000, "rows: " + rs.getLong(1));
                assertEquals(BIG_HISTORY, rs.getLong(2));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    /** The id of entry n of the big member, and when it happened. */
    static UUID entryId(int n) {
        return UUID.fromString(String.format("00000000-0000-7000-b000-%012d", n));
    }

    static Instant entryAt(int n) {
        return BASE.minus(Duration.ofMinutes(n));
    }

    private static TimelineQuery query(Set<EntryKind> kinds, Instant from, Instant to) {
        return new TimelineQuery(BIG.toString(), kinds, Set.of(), Set.of(), from, to, PageRequest.first());
    }

    @Test
    void firstPageReadsOnePageFromTheTimeIndex() throws Exception {
        Plan plan = explain(TimelineSql.build(BIG, query(Set.of(), null, null), null, null, LIMIT + 1));
        plan.assertRangeScan("timeline_member_time_idx");
        assertEquals(LIMIT + 1, plan.indexRows(), plan.text);
        assertEquals(entryId(1), plan.firstId);
    }

    @Test
    void deepPageAfter50000EntriesStillReadsOnePage() throws Exception {
        int n = 50_000;
        Plan plan = explain(TimelineSql.build(BIG, query(Set.of(), null, null), entryAt(n), entryId(n), LIMIT + 1));
        plan.assertRangeScan("timeline_member_time_idx");
        assertEquals(LIMIT + 1, plan.indexRows(), plan.text);
        assertEquals(entryId(n + 1), plan.firstId, "the page continues right after the cursor");
    }

    @Test
    void kindFilterUsesTheKindIndexAtAnyDepth() throws Exception {
        Plan first =
                explain(TimelineSql.build(BIG, query(Set.of(EntryKind.ATTENDANCE), null, null), null, null, LIMIT + 1));
        first.assertRangeScan("timeline_member_kind_time_idx");
        assertEquals(LIMIT + 1, first.indexRows(), first.text);

        // entry 50,016 is an attendance (n % 20 == 16)
        int n = 50_016;
        Plan deep = explain(TimelineSql.build(
                BIG, query(Set.of(EntryKind.ATTENDANCE), null, null), entryAt(n), entryId(n), LIMIT + 1));
        deep.assertRangeScan("timeline_member_kind_time_idx");
        assertEquals(LIMIT + 1, deep.indexRows(), deep.text);
        assertEquals(entryId(n + 1), deep.firstId);
    }

    @Test
    void dateRangeIsAnIndexRange() throws Exception {
        // entries 60,000 (inclusive, the newest) to 70,000 (exclusive bound "from" is entry 70,000's time)
        Instant from = entryAt(70_000);
        Instant to = entryAt(60_000).plusSeconds(1);
        Plan plan = explain(TimelineSql.build(BIG, query(Set.of(), from, to), null, null, LIMIT + 1));
        plan.assertRangeScan("timeline_member_time_idx");
        assertEquals(LIMIT + 1, plan.indexRows(), plan.text);
        assertEquals(entryId(60_000), plan.firstId);

        Plan kindAndRange = explain(TimelineSql.build(
                BIG, query(Set.of(EntryKind.STATUS_CHANGE), from, to), entryAt(65_018), entryId(65_018), LIMIT + 1));
        kindAndRange.assertRangeScan("timeline_member_kind_time_idx");
        assertEquals(LIMIT + 1, kindAndRange.indexRows(), kindAndRange.text);
        assertEquals(entryId(65_038), kindAndRange.firstId);
    }

    @Test
    void aShortHistoryIsAnIndexScanToo() throws Exception {
        UUID small = UUID.fromString("00000000-0000-7000-a000-000000000042");
        Plan plan = explain(TimelineSql.build(
                small,
                new TimelineQuery(small.toString(), Set.of(), Set.of(), Set.of(), null, null, null),
                null,
                null,
                LIMIT + 1));
        plan.assertRangeScan("timeline_member_time_idx");
        assertEquals(OTHER_HISTORY, plan.indexRows(), plan.text);
    }

    @Test
    void aLongHistoryRunsOnTheCachedGenericPlanInsteadOfBeingPlannedEachTime() throws Exception {
        // Prepared statements get five custom plans, then PostgreSQL keeps the generic one unless a custom plan looks
        // cheaper. Had the member's id reached the timeline scan as a parameter, the big member's own statistics
        // would make its custom plan look cheaper, and each page would be planned again (measured: half the time).
        int n = 50_000;
        for (SqlQuery sql : List.of(
                TimelineSql.build(BIG, query(Set.of(), null, null), null, null, LIMIT + 1),
                TimelineSql.build(BIG, query(Set.of(), null, null), entryAt(n), entryId(n), LIMIT + 1))) {
            int[] plans = plansAfterTenExecutions(sql);
            assertEquals(5, plans[1], "custom plans; then generic ones:\n" + sql.sql());
            assertEquals(5, plans[0], "generic plans after the first five:\n" + sql.sql());
        }
    }

    /** {generic, custom} plans PostgreSQL made for ten executions of the statement, prepared as a server would. */
    private static int[] plansAfterTenExecutions(SqlQuery sql) throws Exception {
        StringBuilder text = new StringBuilder();
        int p = 0;
        for (char ch : sql.sql().toCharArray()) {
            text.append(ch == '?' ? "$" + (++p) : String.valueOf(ch));
        }
        StringBuilder args = new StringBuilder();
        for (Object v : sql.params()) {
            args.append(args.length() == 0 ? "" : ", ").append('\'').append(v).append('\'');
        }
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("prepare page as " + text);
            for (int i = 0; i < 10; i++) {
                try (ResultSet rs = s.executeQuery("execute page(" + args + ")")) {
                    assertTrue(rs.next());
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "select generic_plans, custom_plans from pg_prepared_statements where name = 'page'")) {
                assertTrue(rs.next());
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    /** The EXPLAIN ANALYZE of a statement, and the first row it returns. */
    private record Plan(String text, UUID firstId) {
        /** One index range scan on timeline_entry, no sequential scan, no sort, nothing read and thrown away. */
        void assertRangeScan(String index) {
            Matcher m = INDEX_NODE.matcher(text);
            assertTrue(m.find(), "no index scan on timeline_entry:\n" + text);
            assertEquals(index, m.group(2), text);
            assertFalse(m.find(), "more than one scan of timeline_entry:\n" + text);
            // the member's own row is looked up in the same statement; its tables are tiny here and may be scanned
            assertFalse(text.contains("Seq Scan on timeline_entry"), "sequential scan:\n" + text);
            assertFalse(text.contains("Seq Scan on member "), "sequential scan of members:\n" + text);
            assertFalse(text.contains("Bitmap"), "a bitmap scan reads the whole range:\n" + text);
            assertFalse(text.contains("Sort"), "sort over the member's history:\n" + text);
            assertFalse(text.contains("Rows Removed by Filter"), "rows read and discarded:\n" + text);
        }

        /**
         * The index entries the scan read: EXPLAIN ANALYZE's "actual rows" of a node counts the rows it returned, so
         * the rows its own filter threw away ("Rows Removed by Filter", printed under the node) are added back.
         */
        int indexRows() {
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (INDEX_NODE.matcher(lines[i]).find()) {
                    Matcher m = ACTUAL_ROWS.matcher(lines[i]);
                    assertTrue(m.find(), "no actual rows on the index node: " + lines[i]);
                    int rows = Integer.parseInt(m.group(1));
                    for (int j = i + 1; j < lines.length && !lines[j].contains("->"); j++) {
                        Matcher removed = REMOVED.matcher(lines[j]);
                        if (removed.find()) {
                            rows += Integer.parseInt(removed.group(1));
                        }
                    }
                    return rows;
                }
            }
            throw new AssertionError("no index node in\n" + text);
        }
    }

    private static Plan explain(SqlQuery sql) throws Exception {
        StringBuilder text = new StringBuilder();
        UUID first = null;
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = sql.prepare(c, "explain (analyze, buffers, timing off) " + sql.sql());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject("id", UUID.class));
                }
            }
            assertFalse(ids.isEmpty(), "the query should find entries:\n" + sql.sql());
            first = ids.get(0);
        }
        assertNotNull(first);
        return new Plan(text.toString() + "for\n" + sql.sql(), first);
    }
}
