package io.roster.bench.generate;

import io.roster.bench.Scale;
import io.roster.impl.persistence.FlywaySchemaMigrator;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fills an empty Roster database: migrates it with Roster's own migrations, drops the secondary indexes of the
 * tables the stages write, runs the stages (COPY), rebuilds the indexes, and runs VACUUM (ANALYZE) — the fastest path PostgreSQL
 * offers, timed per table.
 */
public final class Generator {
    /** The fixed present of every data set, so that a seed gives the same rows whenever it is generated. */
    public static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    /**
     * Bump when generated data changes (a stage added, a distribution changed): the runner regenerates a stored data
     * set of another version instead of reusing it. 3: interactions, events, attendance, timeline, the capital region.
     * 4: task cards of the member-question pipeline.
     */
    public static final int VERSION = 4;

    /** The stages, in order; each later capability adds its own. */
    public static List<GeneratorStage> stages() {
        return List.of(
                new OrgTreeStage(),
                new ApiKeyStage(),
                new MemberStage(),
                new InteractionStage(),
                new EventStage(),
                new TaskStage());
    }

    /** What a generation wrote and how long each part took. */
    public record Report(
            Scale scale,
            long seed,
            List<GeneratorStage.TableLoad> tables,
            long indexNanos,
            long analyzeNanos,
            long totalNanos) {
        /** Rows added (rows a set-based UPDATE changed afterwards are not counted again). */
        public long rows() {
            return tables.stream()
                    .filter(t -> !t.update())
                    .mapToLong(GeneratorStage.TableLoad::rows)
                    .sum();
        }

        /**
         * Rows per second of the loading phase alone (COPY and set-based INSERT … SELECT, without the UPDATEs, index
         * builds and ANALYZE).
         */
        public double copyRowsPerSecond() {
            long nanos = tables.stream()
                    .filter(t -> !t.update())
                    .mapToLong(GeneratorStage.TableLoad::nanos)
                    .sum();
            return nanos == 0 ? 0 : rows() * 1e9 / nanos;
        }
    }

    /**
     * Generates the data set into the database at {@code url}, which must hold no Roster data yet.
     *
     * @param samplesDir where request samples for the load scenarios are written
     */
    public static Report generate(String url, String user, String password, Scale scale, long seed, Path samplesDir)
            throws Exception {
        long started = System.nanoTime();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        new FlywaySchemaMigrator().migrate(ds);
        List<GeneratorStage> stages = stages();
        try (Connection c = ds.getConnection()) {
            requireEmpty(c);
            try (Statement s = c.createStatement()) {
                // Generated rows are consistent by construction: skip per-row foreign-key triggers while loading.
                s.execute("set session_replication_role = replica");
                s.execute("set synchronous_commit = off");
                s.execute("set maintenance_work_mem = '256MB'");
            }
            c.setAutoCommit(false);
            List<String> tables =
                    stages.stream().flatMap(st -> st.tables().stream()).toList();
            Map<String, String> indexes = dropSecondaryIndexes(c, tables);
            c.commit();
            GenerationContext ctx = new GenerationContext(
                    c,
                    scale,
                    seed,
                    NOW,
                    OrgTree.build(scale, seed, NOW.minusSeconds(8L * 365 * 24 * 3600)),
                    BenchKey.forSeed(seed),
                    samplesDir);
            Files.createDirectories(samplesDir);
            writeUnits(ctx);
            List<GeneratorStage.TableLoad> loads = new ArrayList<>();
            for (GeneratorStage stage : stages) {
                loads.addAll(stage.load(ctx));
            }
            long indexStart = System.nanoTime();
            try (Statement s = c.createStatement()) {
                for (String ddl : indexes.values()) {
                    s.execute(ddl);
                }
            }
            c.commit();
            long indexNanos = System.nanoTime() - indexStart;
            c.setAutoCommit(true);
            long analyzeStart = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("set session_replication_role = origin");
                // VACUUM as well: it sets hint bits and the visibility map, as autovacuum would have on a live
                // database, so the first reads of the load do not pay for dirtying every freshly loaded page.
                s.execute("vacuum (analyze)");
            }
            long analyzeNanos = System.nanoTime() - analyzeStart;
            return new Report(scale, seed, loads, indexNanos, analyzeNanos, System.nanoTime() - started);
        }
    }

    private static void requireEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select exists (select 1 from member) or exists (select 1 from org_unit)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                throw new IllegalStateException("the database already holds Roster data; generate into an empty one");
            }
        }
    }

    /**
     * Drops the indexes of these tables that back no constraint (primary and unique keys stay: they are needed for
     * correctness and cheap on ordered ids) and returns their definitions for rebuilding.
     */
    static Map<String, String> dropSecondaryIndexes(Connection c, List<String> tables) throws SQLException {
        Map<String, String> defs = new LinkedHashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
                        + " from pg_index i where i.indrelid = cast(? as regclass) and not i.indisprimary"
                        + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)"
                        + " order by 1")) {
            for (String table : tables) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        defs.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String index : defs.keySet()) {
                s.execute("drop index " + index);
            }
        }
        return defs;
    }

    /** {@code units.tsv}: every unit with its kind and path, for scenarios that filter by subtree. */
    private static void writeUnits(GenerationContext ctx) throws Exception {
        try (BufferedWriter w =
                Files.newBufferedWriter(ctx.samplesDir().resolve("units.tsv"), StandardCharsets.UTF_8)) {
            w.write("id\tkind\tcode\tpath\n");
            for (OrgTree.Unit u : ctx.orgTree().all()) {
                w.write(u.id() + "\t" + u.kind() + "\t" + u.code() + "\t" + u.path() + "\n");
            }
        }
    }
}
