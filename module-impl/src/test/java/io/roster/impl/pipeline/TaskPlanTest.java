package io.roster.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.pipeline.DueBucket;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.persistence.FlywaySchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Board columns and "my tasks" against 110,000 cards: a pipeline of 50,000 (10,000 per stage) among others, and an
 * assignee with 5,000 open cards among 100 assignees. Every page must be one range scan of its index that stops after
 * {@code limit + 1} rows, at any depth; a sequential scan, a sort, or rows read and thrown away fail the test. The SQL
 * explained is the service's own, from {@link TaskSql}.
 */
class TaskPlanTest {
    static final int LIMIT = 20;
    static final int PER_STAGE = 10_000;
    static final String[] STAGES = {"s0", "s1", "s2", "s3", "s4"};
    static final UUID BIG = UUID.fromString("00000000-0000-7000-8000-00000000c001");
    static final UUID OTHER = UUID.fromString("00000000-0000-7000-8000-00000000c002");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final String ME = "staff-000";
    private static final Pattern INDEX_NODE =
            Pattern.compile("(Index Scan|Index Only Scan)(?: Backward)? using (\\w+) on task");
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
            for (UUID p : List.of(BIG, OTHER)) {
                s.execute("insert into pipeline (id, key, names, stages, created_at, updated_at, version) values ('" + p
                        + "', '" + p + "', '{}', '[]', now(), now(), 0)");
            }
            // card n of the big pipeline: stage n % 5, rank by n within its stage; assignee n % 100 ("staff-000" has
            // 500 cards here), due dates spread over 200 days around today, one in ten undated
            s.execute("insert into task (id, pipeline_id, org_unit_id, stage, stage_category, rank, title, assignee_id,"
                    + " priority, due_on, stage_entered_at, created_by, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, '" + BIG + "',"
                    + " '00000000-0000-7000-8000-000000000000', 's' || (n % 5), 'OPEN',"
                    + " 'V' || lpad((n / 5)::text, 6, '0'), 'Card ' || n, 'staff-' || lpad((n % 100)::text, 3, '0'),"
                    + " 'NORMAL', case when n % 10 = 3 then null else date '" + TODAY + "' + (n % 200 - 100) end,"
                    + " now(), 'gen', now(), now(), 0 from generate_series(0, " + (STAGES.length * PER_STAGE - 1)
                    + ") n");
            // another pipeline, with the rest of staff-000's 5,000 cards, one in seven undated
            s.execute("insert into task (id, pipeline_id, org_unit_id, stage, stage_category, rank, title, assignee_id,"
                    + " priority, due_on, stage_entered_at, created_by, created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-a000-' || lpad(n::text, 12, '0'))::uuid, '" + OTHER + "',"
                    + " '00000000-0000-7000-8000-000000000000', 's0', 'OPEN', 'V' || lpad(n::text, 6, '0'),"
                    + " 'Other ' || n, case when n < 4500 then 'staff-000' else 'staff-' || lpad((n % 100)::text, 3,"
                    + " '0') end, 'NORMAL', case when n % 7 = 0 then null else date '" + TODAY
                    + "' + (n % 300 - 150) end,"
                    + " now(), 'gen', now(), now(), 0 from generate_series(0, 59999) n");
            s.execute("analyze");
            try (ResultSet rs = s.executeQuery("select count(*), count(*) filter (where assignee_id = '" + ME
                    + "' and closed_at is null) from task")) {
                rs.next();
                assertEquals(110_000, rs.getLong(1));
                assertTrue(rs.getLong(2) >= 5_000, "my cards: " + rs.getLong(2));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void firstPageOfABoardColumnReadsOnePage() throws Exception {
        Plan plan = explain(TaskSql.column(BIG, "s2", null, null, null, null, LIMIT + 1));
        plan.assertRangeScan("task_board_idx");
        assertEquals(LIMIT + 1, plan.indexRows(), plan.text);
    }

    @Test
    void deepPageOfABoardColumnStillReadsOnePage() throws Exception {
        // card 5 * 7000 + 2 is the 7001st of stage s2, rank V007000
        UUID after = UUID.fromString(String.format("00000000-0000-7000-9000-%012d", 35_002));
        Plan plan = explain(TaskSql.column(BIG, "s2", null, null, "V007000", after, LIMIT + 1));
        plan.assertRangeScan("task_board_idx");
        assertEquals(LIMIT + 1, plan.indexRows(), plan.text);
        assertEquals(UUID.fromString(String.format("00000000-0000-7000-9000-%012d", 35_007)), plan.firstId);
    }

    @Test
    void aScopedColumnIsStillOneRangeScan() throws Exception {
        Plan plan = explain(TaskSql.column(BIG, "s4", "{r}", null, null, null, LIMIT + 1));
        plan.assertRangeScan("task_board_idx");
        assertEquals(LIMIT + 1, plan.indexRows(), plan.text);
    }

    @Test
    void myTasksSectionsAreOneRangeScanAtAnyDepth() throws Exception {
        for (DueBucket bucket : DueBucket.values()) {
            Plan plan = explain(TaskSql.mine(ME, bucket, TODAY, null, null, null, LIMIT + 1));
            plan.assertRangeScan("task_my_idx");
            assertTrue(plan.indexRows() <= LIMIT + 1, plan.text);
        }
        // deep in the upcoming section: after the cards due 40 days from now
        Plan deep = explain(TaskSql.mine(
                ME, DueBucket.UPCOMING, TODAY, "{r}", TODAY.plusDays(40).toString(), new UUID(0, 0), LIMIT + 1));
        deep.assertRangeScan("task_my_idx");
        assertEquals(LIMIT + 1, deep.indexRows(), deep.text);
        // and past the last dated card, into the undated ones
        Plan undated =
                explain(TaskSql.mine(ME, DueBucket.UPCOMING, TODAY, null, "infinity", new UUID(0, 0), LIMIT + 1));
        undated.assertRangeScan("task_my_idx");
        assertEquals(LIMIT + 1, undated.indexRows(), undated.text);
    }

    /** The EXPLAIN ANALYZE of a statement, and the first row it returns. */
    private record Plan(String text, UUID firstId) {
        void assertRangeScan(String index) {
            Matcher m = INDEX_NODE.matcher(text);
            assertTrue(m.find(), "no index scan on task:\n" + text);
            assertEquals(index, m.group(2), text);
            assertFalse(m.find(), "more than one scan of task:\n" + text);
            assertFalse(text.contains("Seq Scan on task"), "sequential scan:\n" + text);
            assertFalse(text.contains("Bitmap"), "a bitmap scan reads the whole range:\n" + text);
            assertFalse(text.contains("Sort"), "a sort of the column:\n" + text);
            assertFalse(text.contains("Rows Removed by Filter"), "rows read and discarded:\n" + text);
        }

        int indexRows() {
            for (String line : text.split("\n")) {
                if (INDEX_NODE.matcher(line).find()) {
                    Matcher m = ACTUAL_ROWS.matcher(line);
                    assertTrue(m.find(), "no actual rows on the index node: " + line);
                    return Integer.parseInt(m.group(1));
                }
            }
            throw new AssertionError("no index node in\n" + text);
        }
    }

    private static Plan explain(SqlQuery sql) throws Exception {
        StringBuilder text = new StringBuilder();
        List<UUID> ids = new ArrayList<>();
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            try (PreparedStatement ps = sql.prepare(c, "explain (analyze, buffers, timing off) " + sql.sql());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    text.append(rs.getString(1)).append('\n');
                }
            }
            try (PreparedStatement ps = sql.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject("id", UUID.class));
                }
            }
        }
        assertFalse(ids.isEmpty(), "the query should find cards:\n" + sql.sql());
        return new Plan(text + "for\n" + sql.sql(), ids.get(0));
    }
}
