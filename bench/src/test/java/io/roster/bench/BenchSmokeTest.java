package io.roster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.PageRequest;
import io.roster.api.member.MemberQuery;
import io.roster.bench.generate.BenchKey;
import io.roster.bench.generate.Generator;
import io.roster.bench.generate.Latin;
import io.roster.bench.load.BulkLog;
import io.roster.bench.load.Measurement;
import io.roster.bench.load.RawSqlTimer;
import io.roster.bench.load.Samples;
import io.roster.bench.load.Scenario;
import io.roster.bench.load.Scenarios;
import io.roster.impl.member.MemberSearch;
import io.roster.impl.member.PhoneNumbers;
import io.roster.impl.member.SqlQuery;
import io.roster.impl.security.Access;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the benchmark from rotting without slowing the build: a tiny data set generated twice with one seed, search
 * over it with the service's own SQL, and a handful of raw-SQL calls of every scenario. No HTTP server, no wrk.
 */
class BenchSmokeTest {
    static final Scale TINY = Scale.tiny(500);
    static final long SEED = 42;

    static EmbeddedPostgres pg;
    static Path samples;

    @TempDir
    static Path temp;

    @BeforeAll
    static void generate() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create database first_run");
            s.execute("create database second_run");
            s.execute("create database other_seed");
        }
        samples = temp.resolve("samples");
        Generator.generate(pg.getJdbcUrl("postgres", "first_run"), "postgres", "", TINY, SEED, samples);
        Generator.generate(pg.getJdbcUrl("postgres", "second_run"), "postgres", "", TINY, SEED, temp.resolve("again"));
        Generator.generate(
                pg.getJdbcUrl("postgres", "other_seed"), "postgres", "", TINY, SEED + 1, temp.resolve("other"));
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void sameSeedGivesTheSameRowsAndAnotherSeedOthers() throws Exception {
        Map<String, String> first = checksums("first_run");
        assertEquals(first, checksums("second_run"));
        for (String file : List.of("members.tsv", "long-history.tsv", "regions.tsv")) {
            assertEquals(
                    Files.readString(samples.resolve(file)),
                    Files.readString(temp.resolve("again").resolve(file)),
                    file);
        }
        assertNotEquals(first.get("member"), checksums("other_seed").get("member"));
    }

    @Test
    void everyStageTableIsFilledAndConsistent() throws Exception {
        try (Connection c = connect("first_run");
                Statement s = c.createStatement()) {
            // members the raw create scenario may have added meanwhile carry the load tag
            assertEquals(TINY.members(), count(s, "select count(*) from member where not tags @> array['bench-load']"));
            assertEquals(TINY.units(), count(s, "select count(*) from org_unit"));
            for (String table : tables()) {
                assertTrue(count(s, "select count(*) from " + table) > 0, table + " is empty");
            }
            // Foreign keys were not checked during the load: check them now.
            assertEquals(
                    0,
                    count(
                            s,
                            "select count(*) from member m left join org_unit u on u.id = m.org_unit_id where u.id is null"));
            assertEquals(
                    0,
                    count(
                            s,
                            "select count(*) from member_contact c left join member m on m.id = c.member_id where m.id is null"));
            // The indexes dropped for the load are back.
            assertTrue(count(s, "select count(*) from pg_indexes where indexname = 'member_search_key_trgm'") == 1);
            assertEquals(1, count(s, "select count(*) from pg_indexes where indexname = 'timeline_member_time_idx'"));
        }
    }

    @Test
    void interactionsEventsAndTimelineAreConsistent() throws Exception {
        try (Connection c = connect("first_run");
                Statement s = c.createStatement()) {
            String live = " where not tags @> array['bench-load']";
            long interactions = count(s, "select count(*) from interaction" + live);
            assertTrue(interactions > TINY.members() * 3L, "interactions: " + interactions);
            // one timeline entry per interaction, with the interaction's id, and per attendance and history row
            assertEquals(
                    interactions,
                    count(
                            s,
                            "select count(*) from timeline_entry t join interaction i on i.id = t.id"
                                    + " and i.id = t.ref_id and i.member_id = t.member_id and t.kind = 'INTERACTION'"
                                    + " and t.occurred_at = i.occurred_at and t.data ->> 'direction' = i.direction"
                                    + " and t.data ->> 'outcome' is not distinct from i.outcome"
                                    + " where not i.tags @> array['bench-load']"));
            assertEquals(
                    count(s, "select count(*) from event_attendance"),
                    count(s, "select count(*) from timeline_entry where kind = 'ATTENDANCE'"));
            assertTrue(count(s, "select count(*) from event_attendance") > 0);
            assertEquals(
                    count(s, "select count(*) from member_status_change"),
                    count(s, "select count(*) from timeline_entry where kind = 'STATUS_CHANGE'"));
            assertEquals(
                    count(s, "select count(*) from member_consent_event"),
                    count(s, "select count(*) from timeline_entry where kind = 'CONSENT_CHANGE'"));
            // the long-history member has its interactions
            Samples.LongHistory longest = Samples.load(samples).longHistory().get(0);
            assertEquals(TINY.longHistoryInteractions(), longest.interactions());
            assertEquals(
                    longest.interactions(),
                    count(s, "select count(*) from interaction where member_id = '" + longest.id() + "'"));
            // last contact: set, and exactly the latest counting interaction or attended event
            assertTrue(count(s, "select count(*) from member where last_contact_at is not null") > TINY.members() / 2);
            assertEquals(
                    0,
                    count(
                            s,
                            "select count(*) from member m where m.last_contact_at is distinct from greatest("
                                    + " (select max(i.occurred_at) from interaction i join interaction_type t"
                                    + " on t.key = i.type where i.member_id = m.id and t.counts_as_contact),"
                                    + " (select max(e.starts_at) from event_attendance a join event e"
                                    + " on e.id = a.event_id where a.member_id = m.id and a.status = 'ATTENDED'))"));
            // counters of events match their attendance
            assertEquals(
                    0,
                    count(
                            s,
                            "select count(*) from event e where e.registered <> (select count(*) from"
                                    + " event_attendance a where a.event_id = e.id and a.status in"
                                    + " ('REGISTERED', 'ATTENDED')) or e.attended <> (select count(*) from"
                                    + " event_attendance a where a.event_id = e.id and a.status = 'ATTENDED')"
                                    + " or e.capacity < e.registered"));
            assertEquals(
                    0,
                    count(
                            s,
                            "select count(*) from interaction i left join member m on m.id = i.member_id"
                                    + " where m.id is null"));
        }
    }

    @Test
    void aGeneratedCyrillicNameIsFoundByItsPassportSpelling() throws Exception {
        Samples s = Samples.load(samples);
        Samples.Member m = s.members().stream()
                .filter(x -> x.family().matches("\\p{IsCyrillic}+"))
                .findFirst()
                .orElseThrow();
        String latin = Latin.of(m.family() + " " + m.given(), m.ukrainian());
        assertNotEquals(m.family(), latin);
        MemberQuery query = new MemberQuery(
                latin,
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
                new PageRequest(200, null));
        SqlQuery sql = MemberSearch.build(query, Access.Scope.UNRESTRICTED, null, new PhoneNumbers("RU"));
        List<String> found = new ArrayList<>();
        try (Connection c = connect("first_run")) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("select set_config('pg_trgm.word_similarity_threshold', '0.5', true)");
            }
            try (PreparedStatement ps = sql.prepare(c);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString("id"));
                }
            }
            c.rollback();
        }
        assertTrue(found.contains(m.id()), latin + " should find " + m.family() + " " + m.given());
    }

    @Test
    void everyScenarioRawSqlRuns() throws Exception {
        Samples s = Samples.load(samples);
        List<Scenario> scenarios = Scenarios.all(s, BenchKey.forSeed(SEED).secretHash());
        assertTrue(scenarios.size() >= 12);
        assertTrue(scenarios.stream().anyMatch(x -> x.name().equals("timeline-page50") && x.prepare() != null));
        String url = pg.getJdbcUrl("postgres", "first_run");
        List<String> restored = List.of("member", "interaction", "timeline_entry");
        Map<String, String> before = checksums("first_run", restored);
        for (Scenario scenario : scenarios) {
            assertTrue(Files.exists(Path.of("wrk", scenario.script())), scenario.script() + " is missing");
            assertTrue(!scenario.requests().isEmpty(), scenario.name() + " has no requests");
            if (scenario.raw() != null) {
                Measurement m = RawSqlTimer.measure(url, "postgres", "", scenario.raw(), 1, 10, 3);
                assertEquals(0, m.errors(), scenario.name());
                assertEquals(3, m.requests(), scenario.name());
            }
        }
        // the bulk measurement's raw writes, once
        BulkLog.Batch batch = BulkLog.batch(url, s);
        assertTrue(batch.ids().size() > TINY.members() * 9 / 10, "live members but the long-history one");
        assertEquals(1, BulkLog.raw(url, batch, 1).size());
        assertTrue(BulkLog.body(batch).contains(batch.ids().get(0).toString()));
        BenchMain.removeLoadRows(url);
        try (Connection c = connect("first_run");
                Statement st = c.createStatement()) {
            assertEquals(0, count(st, "select count(*) from member where tags @> array['" + Scenarios.LOAD_TAG + "']"));
            assertEquals(
                    0, count(st, "select count(*) from interaction where tags @> array['" + Scenarios.LOAD_TAG + "']"));
        }
        // what the load wrote is gone and the last contacts are back as generated
        assertEquals(before, checksums("first_run", restored));
    }

    private static List<String> tables() {
        return Generator.stages().stream().flatMap(st -> st.tables().stream()).toList();
    }

    private static Map<String, String> checksums(String database) throws Exception {
        return checksums(database, tables());
    }

    private static Map<String, String> checksums(String database, List<String> tables) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery(
                        "select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        return sums;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(String database) throws Exception {
        return pg.getDatabase("postgres", database).getConnection();
    }
}
