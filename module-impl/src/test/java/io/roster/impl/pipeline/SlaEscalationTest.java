package io.roster.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roster.impl.persistence.FlywaySchemaMigrator;
import io.roster.spi.pipeline.TaskNotification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SLA job against real PostgreSQL, as two app instances run it: two job objects on two connections at once. Each
 * breached card must be escalated exactly once (one history line, one notification, priority raised one step), and
 * cards not breached or already escalated are left alone.
 */
class SlaEscalationTest {
    static final int BREACHED = 300;
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String PIPELINE = "00000000-0000-7000-8000-00000000b001";
    static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        new FlywaySchemaMigrator().migrate(pg.getPostgresDatabase());
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into org_unit (id, code, name, kind, parent_id, path, created_at, updated_at, version)"
                    + " values ('00000000-0000-7000-8000-000000000000', 'ROOT', 'Root', 'NATIONAL', null, 'r', now(),"
                    + " now(), 0)");
            s.execute("insert into pipeline (id, key, org_unit_id, names, stages, automations, created_at, updated_at,"
                    + " version) values ('" + PIPELINE + "', 'sla', null, '{\"en\":\"SLA\"}',"
                    + " '[{\"key\":\"work\",\"names\":{\"en\":\"Work\"},\"category\":\"IN_PROGRESS\",\"slaDays\":1,"
                    + "\"wipLimit\":null,\"requiredFields\":[],\"allowedNext\":null,\"assigneeRule\":null}]',"
                    + " '[{\"on\":\"SLA_BREACH\",\"stage\":\"work\",\"action\":\"ASSIGN\",\"staffId\":\"lead\"},"
                    + " {\"on\":\"SLA_BREACH\",\"stage\":\"work\",\"action\":\"RAISE_PRIORITY\"},"
                    + " {\"on\":\"SLA_BREACH\",\"stage\":\"work\",\"action\":\"NOTIFY\",\"message\":\"Просрочено\"},"
                    + " {\"on\":\"ENTER_STAGE\",\"stage\":\"work\",\"action\":\"NOTIFY\",\"message\":\"not now\"}]',"
                    + " now(), now(), 0)");
            // breached cards, a card not yet breached, and one escalated already
            s.execute("insert into task (id, pipeline_id, org_unit_id, stage, stage_category, rank, title,"
                    + " assignee_id, watchers, priority, stage_entered_at, sla_due_at, escalated_at, created_by,"
                    + " created_at, updated_at, version)"
                    + " select ('00000000-0000-7000-9000-' || lpad(n::text, 12, '0'))::uuid, '" + PIPELINE + "',"
                    + " '00000000-0000-7000-8000-000000000000', 'work', 'IN_PROGRESS', 'V' || n, 'Card ' || n,"
                    + " 'worker', '{watcher}', 'NORMAL', timestamptz '" + NOW + "' - interval '2 days',"
                    + " timestamptz '" + NOW + "' - interval '1 day' + n * interval '1 second',"
                    + " case when n = " + (BREACHED + 2) + " then timestamptz '" + NOW + "' end, 'test', now(),"
                    + " now(), 0 from generate_series(1, " + (BREACHED + 2) + ") n");
            s.execute("update task set sla_due_at = timestamptz '" + NOW + "' + interval '1 hour'"
                    + " where id = '00000000-0000-7000-9000-" + String.format("%012d", BREACHED + 1) + "'");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    /** One app instance: its own job object and connection, batches until nothing is left. */
    static Callable<Integer> instance(CountDownLatch go, List<TaskNotification> sent) {
        return () -> {
            SlaEscalation job = new SlaEscalation(sent::add);
            int total = 0;
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.setAutoCommit(false);
                go.await();
                while (true) {
                    int n = job.run(c, NOW, 7);
                    c.commit();
                    total += n;
                    if (n == 0) {
                        return total;
                    }
                }
            }
        };
    }

    @Test
    void twoInstancesRunningAtOnceEscalateEachBreachedCardOnce() throws Exception {
        List<TaskNotification> sent = Collections.synchronizedList(new ArrayList<>());

        ExecutorService pool = Executors.newFixedThreadPool(2);
        // While one instance holds its claim, the other one claims other cards instead of repeating them; its audit
        // entries then wait for the first transaction's end (the audit hash chain is appended to in commit order).
        try (Connection a = pg.getPostgresDatabase().getConnection();
                Connection b = pg.getPostgresDatabase().getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertEquals(10, new SlaEscalation(sent::add).run(a, NOW, 10));
            Future<Integer> second = pool.submit(() -> new SlaEscalation(sent::add).run(b, NOW, 10));
            a.commit();
            assertEquals(10, second.get(60, TimeUnit.SECONDS));
            b.commit();
        }

        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<Integer> one = pool.submit(instance(go, sent));
            Future<Integer> two = pool.submit(instance(go, sent));
            go.countDown();
            assertEquals(BREACHED - 20, one.get() + two.get());
        } finally {
            pool.shutdownNow();
        }

        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            assertEquals(
                    List.of(),
                    longs(
                            s,
                            "select count(*) from task_history where kind = 'ESCALATED'"
                                    + " group by task_id having count(*) <> 1"));
            assertEquals(
                    List.of((long) BREACHED), longs(s, "select count(*) from task_history where kind = 'ESCALATED'"));
            assertEquals(
                    List.of((long) BREACHED),
                    longs(
                            s,
                            "select count(distinct entity_id) from audit_event where action = 'task.escalated'"
                                    + " and actor_id = 'system'"));
            assertEquals(
                    List.of((long) BREACHED),
                    longs(
                            s,
                            "select count(*) from task where escalated_at = timestamptz '" + NOW
                                    + "' and assignee_id = 'lead' and priority = 'HIGH' and version = 1"));
            assertEquals(
                    List.of((long) BREACHED),
                    longs(
                            s,
                            "select count(*) from task_history where kind = 'ASSIGNEE' and from_assignee = 'worker'"
                                    + " and to_assignee = 'lead' and by_id = 'system'"));
            assertEquals(
                    List.of(0L),
                    longs(
                            s,
                            "select count(*) from task where sla_due_at > timestamptz '" + NOW
                                    + "' and escalated_at is not null"),
                    "a card not breached yet is left alone");
            assertEquals(
                    List.of(0L),
                    longs(
                            s,
                            "select count(*) from task_history where task_id = '00000000-0000-7000-9000-"
                                    + String.format("%012d", BREACHED + 2) + "'"),
                    "an escalated card is not escalated again");
        }
        assertEquals(BREACHED, sent.size());
        assertEquals(
                BREACHED, sent.stream().map(TaskNotification::taskId).distinct().count());
        TaskNotification n = sent.get(0);
        assertEquals("SLA_BREACH", n.kind());
        assertEquals("Просрочено", n.message());
        assertEquals(List.of("lead", "watcher"), n.recipients());

        // a day later only the card whose SLA fell due since then is escalated; the others stay escalated once
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            assertEquals(1, new SlaEscalation(sent::add).run(c, NOW.plusSeconds(24 * 3600), 100));
            c.rollback();
        }
    }

    private static List<Long> longs(Statement s, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
