package io.roster.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.PageRequest;
import io.roster.api.member.MemberQuery;
import io.roster.bench.generate.BenchKey;
import io.roster.bench.generate.Generator;
import io.roster.bench.generate.Latin;
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
        assertEquals(
                Files.readString(samples.resolve("members.tsv")),
                Files.readString(temp.resolve("again").resolve("members.tsv")));
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
        assertTrue(scenarios.size() >= 8);
        String url = pg.getJdbcUrl("postgres", "first_run");
        for (Scenario scenario : scenarios) {
            assertTrue(Files.exists(Path.of("wrk", scenario.script())), scenario.script() + " is missing");
            assertTrue(!scenario.requests().isEmpty(), scenario.name() + " has no requests");
            if (scenario.raw() != null) {
                Measurement m = RawSqlTimer.measure(url, "postgres", "", scenario.raw(), 1, 10, 3);
                assertEquals(0, m.errors(), scenario.name());
                assertEquals(3, m.requests(), scenario.name());
            }
        }
        BenchMain.removeLoadRows(url);
        try (Connection c = connect("first_run");
                Statement st = c.createStatement()) {
            assertEquals(0, count(st, "select count(*) from member where tags @> array['" + Scenarios.LOAD_TAG + "']"));
        }
    }

    private static List<String> tables() {
        return Generator.stages().stream().flatMap(st -> st.tables().stream()).toList();
    }

    private static Map<String, String> checksums(String database) throws Exception {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            for (String table : tables()) {
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
