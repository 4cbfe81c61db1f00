package io.roster.bench;

import io.roster.bench.generate.BenchKey;
import io.roster.bench.generate.CopyWriter;
import io.roster.bench.generate.Generator;
import io.roster.bench.load.Api;
import io.roster.bench.load.BulkLog;
import io.roster.bench.load.Measurement;
import io.roster.bench.load.PgBench;
import io.roster.bench.load.RawSqlTimer;
import io.roster.bench.load.RosterServer;
import io.roster.bench.load.Samples;
import io.roster.bench.load.Scenario;
import io.roster.bench.load.Scenarios;
import io.roster.bench.load.Wrk;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runner behind {@code bench/run.sh}: generate (or reuse) a data set, time the server's start-up, load it with
 * every registered scenario, measure the limits (pgbench, raw SQL, COPY) on the same PostgreSQL, and write the report.
 * Run from the repository root.
 */
public final class BenchMain {
    private static final Path DATASETS = Path.of("bench", "target", "datasets");
    private static final Path JAR = Path.of("module-web", "target", "quarkus-app", "quarkus-run.jar");
    private static final String PGBENCH = "/usr/lib/postgresql/15/bin/pgbench";
    /** Scenarios also measured one request at a time, over HTTP and as raw SQL (their targets compare page times). */
    private static final java.util.Set<String> PAGE_TIME = java.util.Set.of("timeline-first", "timeline-page50");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            usage("a scale is required");
        }
        if (args[0].equals(BroadcastBench.SECTION)) {
            BroadcastBench.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Scale scale = Scale.named(args[0]);
        long seed = 1;
        int seconds = 15;
        // Long enough for C2 to finish compiling a scenario's path on 2 busy cores: with 5 s its compilations (0.2-1.5
        // s
        // of a core each, measured with JFR) ran on into the measured window of the first scenario to use that path.
        int warmup = 15;
        int connections = 8;
        boolean generateOnly = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--duration" -> seconds = Integer.parseInt(value(args, ++i));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i));
                case "--connections" -> connections = Integer.parseInt(value(args, ++i));
                case "--generate-only" -> generateOnly = true;
                default -> usage("unknown option " + args[i]);
            }
        }
        Path dataSet = DATASETS.resolve(scale.name() + "-" + seed).toAbsolutePath();
        Figures.Generation generation = dataSet(dataSet, scale, seed);
        if (generateOnly) {
            return;
        }
        Path work = Path.of(
                "bench",
                "target",
                "runs",
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                        .withZone(ZoneOffset.UTC)
                        .format(Instant.now()));
        Files.createDirectories(work);
        Samples samples = Samples.load(dataSet.resolve("samples"));
        BenchKey key = BenchKey.forSeed(seed);
        List<Scenario> scenarios = Scenarios.all(samples, key.secretHash());
        int port = freePort();

        say("start-up in zero-install mode (embedded PostgreSQL on the data set)");
        long startupEmbedded;
        try (RosterServer server = RosterServer.start(
                JAR, port, Map.of("ROSTER_DATA_DIR", dataSet.toString()), work.resolve("roster-embedded.log"))) {
            startupEmbedded = server.readyMillis();
        }
        say("  ready after " + startupEmbedded + " ms");

        List<Figures.Row> rows = new ArrayList<>();
        long startupExternal;
        double busy;
        double rss;
        double[] pgbench;
        double copyRate;
        String pgVersion;
        BulkLog.Result bulk;
        BulkLog.Batch batch;
        List<Double> bulkHttp;
        try (BenchDatabase db = BenchDatabase.start(dataSet)) {
            String url = db.jdbcUrl();
            pgVersion = scalar(url, "show server_version");
            Map<String, String> env =
                    Map.of("ROSTER_DB_URL", url, "ROSTER_DB_USER", "postgres", "ROSTER_DB_PASSWORD", "");
            List<Measurement> http = new ArrayList<>();
            try (RosterServer server = RosterServer.start(JAR, port, env, work.resolve("roster.log"))) {
                startupExternal = server.readyMillis();
                say("server on external PostgreSQL ready after " + startupExternal + " ms");
                // The server and PostgreSQL are idle now: whatever keeps the CPUs busy is someone else's.
                busy = otherCpuShare();
                say(String.format(Locale.ROOT, "CPU busy before the load (other processes): %.0f %%", busy * 100));
                Wrk wrk = new Wrk(
                        Path.of("bench", "wrk"), work, "http://127.0.0.1:" + port, key.secret(), 2, connections);
                Api api = new Api("http://127.0.0.1:" + port, key.secret());
                List<Scenario> prepared = new ArrayList<>();
                for (Scenario s : scenarios) {
                    if (s.prepare() != null) {
                        say("preparing " + s.name() + " through the API");
                    }
                    prepared.add(s.prepared(api));
                }
                scenarios = prepared;
                for (Scenario s : scenarios) {
                    http.add(measure(wrk, s, warmup, seconds));
                    settle(url);
                }
                // The page time of the scenarios whose target compares it with the raw SQL's: at the shared
                // concurrency both sides saturate the CPUs and their latency is mostly waiting for one.
                Wrk single = new Wrk(Path.of("bench", "wrk"), work, "http://127.0.0.1:" + port, key.secret(), 1, 1);
                for (Scenario s : List.copyOf(scenarios)) {
                    if (PAGE_TIME.contains(s.name())) {
                        Scenario alone = s.alone();
                        http.add(measure(single, alone, warmup, seconds));
                        scenarios.add(alone);
                        settle(url);
                    }
                }
                rss = server.rssMb();
                say(String.format(Locale.ROOT, "RSS after load: %.0f MB", rss));
                batch = BulkLog.batch(url, samples);
                say("bulk-log-5000: POST /interaction-batches with "
                        + batch.ids().size() + " members (" + batch.fromRegion() + " of region " + batch.region()
                        + "), " + BulkLog.RUNS + " times");
                bulkHttp = BulkLog.http(api, batch, BulkLog.RUNS);
                say("  " + ms(bulkHttp));
            }
            removeLoadRows(url);
            say("pgbench -S, " + connections + " clients, " + seconds + " s");
            PgBench pg = new PgBench(PGBENCH, db.port(), work);
            boolean exists = "1".equals(scalar(url, "select count(*) from pg_database where datname = 'pgbench'"));
            if (!exists) {
                execute(url, "create database pgbench");
            }
            pg.initialiseIfMissing(exists);
            pgbench = pg.selectOnly(connections, 2, seconds);
            say(String.format(Locale.ROOT, "  %.0f tps", pgbench[0]));
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                Measurement raw = null;
                if (s.raw() != null) {
                    int rawConnections = s.name().endsWith(Scenario.ALONE) ? 1 : connections;
                    raw = RawSqlTimer.measure(
                            url, "postgres", "", s.raw(), rawConnections, Math.min(seconds, 10), Long.MAX_VALUE);
                    say(String.format(
                            Locale.ROOT, "raw SQL %s: %.0f qps, p95 %.2f ms", s.name(), raw.rps(), raw.p95Ms()));
                }
                rows.add(new Figures.Row(s.name(), s.description(), http.get(i), raw));
            }
            List<Double> bulkRaw = BulkLog.raw(url, batch, BulkLog.RUNS);
            say("raw SQL bulk-log-5000 (same statements over JDBC, one transaction): " + ms(bulkRaw));
            bulk = new BulkLog.Result(batch, bulkHttp, bulkRaw);
            removeLoadRows(url);
            copyRate = copyRate(url);
            say(String.format(Locale.ROOT, "COPY: %.0f rows/s", copyRate));
        }
        String note = busy > 0.15
                ? String.format(
                        Locale.ROOT,
                        "other processes kept the %d cores %.0f %% busy just before the load (e.g. other builds):"
                                + " figures are noisy; re-run on a quiet machine before comparing.",
                        Runtime.getRuntime().availableProcessors(),
                        busy * 100)
                : "";
        Figures f = new Figures(
                DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atZone(ZoneOffset.UTC)),
                commit(),
                scale,
                seed,
                machine(pgVersion),
                note,
                generation,
                startupEmbedded,
                startupExternal,
                rss,
                pgbench[0],
                pgbench[1],
                copyRate,
                connections,
                seconds,
                rows,
                bulk);
        Report.write(
                Path.of("docs"),
                f,
                scenarios.stream()
                        .map(s -> new String[] {s.name(), s.description()})
                        .toList());
        say("wrote docs/performance.md and docs/performance.csv (logs in " + work + ")");
    }

    /** Generates the data set unless a complete one of this scale and seed exists; returns its generation figures. */
    static Figures.Generation dataSet(Path dir, Scale scale, long seed) throws Exception {
        Path marker = dir.resolve("generated.properties");
        Properties p = new Properties();
        if (Files.exists(marker)) {
            try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        if (Integer.toString(Generator.VERSION).equals(p.getProperty("version"))) {
            say("reusing the data set in " + dir);
            List<String[]> tables = Arrays.stream(p.getProperty("tables").split(";"))
                    .map(t -> t.split(":"))
                    .toList();
            return new Figures.Generation(
                    true,
                    Long.parseLong(p.getProperty("rows")),
                    Double.parseDouble(p.getProperty("seconds")),
                    Double.parseDouble(p.getProperty("copyRowsPerSecond")),
                    Double.parseDouble(p.getProperty("indexSeconds")),
                    Double.parseDouble(p.getProperty("analyzeSeconds")),
                    tables);
        }
        deleteTree(dir);
        say("generating " + scale.name() + " (" + scale.members() + " members, seed " + seed + ") into " + dir);
        Generator.Report report;
        try (BenchDatabase db = BenchDatabase.start(dir)) {
            report = Generator.generate(db.jdbcUrl(), "postgres", "", scale, seed, dir.resolve("samples"));
        }
        Figures.Generation g = Figures.Generation.of(report);
        for (String[] t : g.tables()) {
            say(String.format(Locale.ROOT, "  %-22s %10s rows %10s rows/s", t[0], t[1], t[2]));
        }
        say(String.format(
                Locale.ROOT,
                "  %d rows in %.1f s (COPY %.0f rows/s; indexes %.1f s; VACUUM ANALYZE %.1f s)",
                g.rows(),
                g.seconds(),
                g.copyRowsPerSecond(),
                g.indexSeconds(),
                g.analyzeSeconds()));
        p.clear();
        p.setProperty("version", Integer.toString(Generator.VERSION));
        p.setProperty("rows", Long.toString(g.rows()));
        p.setProperty("seconds", Double.toString(g.seconds()));
        p.setProperty("copyRowsPerSecond", Double.toString(g.copyRowsPerSecond()));
        p.setProperty("indexSeconds", Double.toString(g.indexSeconds()));
        p.setProperty("analyzeSeconds", Double.toString(g.analyzeSeconds()));
        p.setProperty(
                "tables",
                String.join(
                        ";", g.tables().stream().map(t -> String.join(":", t)).toList()));
        try (Writer w = Files.newBufferedWriter(marker, StandardCharsets.UTF_8)) {
            p.store(w, "complete data set: " + scale + ", seed " + seed);
        }
        return g;
    }

    /** The share of CPU time spent on anything but idle and I/O wait over two seconds, from /proc/stat. */
    static double otherCpuShare() throws IOException, InterruptedException {
        long[] before = cpuTimes();
        Thread.sleep(2000);
        long[] after = cpuTimes();
        long total = after[0] - before[0];
        long idle = after[1] - before[1];
        return total <= 0 ? 0 : 1.0 - (double) idle / total;
    }

    private static long[] cpuTimes() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /**
     * Removes what the load wrote, so that a data set stays reusable: interactions carry the load tag (their timeline
     * entries go with them, and the last contact of their members is recomputed from the rest of the history, as the
     * service does after a deletion); members carry it too (their contacts, consents and history go with them, their
     * timeline entries explicitly); card moves leave history lines and timeline entries later than the data set's
     * present (the cards stay in the columns the moves left them in); the raw SQL's audit rows are by "bench". Then
     * VACUUM (ANALYZE) of the tables touched.
     */
    static void removeLoadRows(String url) throws Exception {
        String tag = "array['" + Scenarios.LOAD_TAG + "']";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temporary table bench_touched on commit drop as"
                    + " select distinct member_id from interaction where tags @> " + tag);
            s.execute("delete from timeline_entry t using interaction i where i.tags @> " + tag
                    + " and t.member_id = i.member_id and t.kind = 'INTERACTION' and t.ref_id = i.id");
            s.execute("delete from interaction_revision r using interaction i where i.tags @> " + tag
                    + " and r.interaction_id = i.id");
            s.execute("delete from interaction where tags @> " + tag);
            s.execute("update member m set last_contact_at = c.at, last_contact_channel = c.channel,"
                    + " last_outcome = c.outcome from bench_touched x left join lateral ("
                    + " select at, channel, outcome from ("
                    + " (select i.occurred_at as at, i.channel, i.outcome from interaction i"
                    + " join interaction_type t on t.key = i.type where i.member_id = x.member_id"
                    + " and i.deleted_at is null and t.counts_as_contact order by i.occurred_at desc, i.id desc limit 1)"
                    + " union all (select e.starts_at, 'IN_PERSON', null from event_attendance a"
                    + " join event e on e.id = a.event_id where a.member_id = x.member_id and a.status = 'ATTENDED'"
                    + " order by e.starts_at desc limit 1)) u order by at desc limit 1) c on true"
                    + " where m.id = x.member_id");
            s.execute("delete from timeline_entry t using member m where m.tags @> " + tag + " and t.member_id = m.id");
            s.execute("delete from member where tags @> " + tag);
            // Card moves: generated history and timeline entries are all dated at or before the data set's present.
            String present = "timestamptz '" + io.roster.bench.generate.Generator.NOW + "'";
            s.execute("delete from task_history where at > " + present);
            s.execute("delete from timeline_entry where kind = 'TASK' and occurred_at > " + present);
            // The audit trail is append-only; the load's rows are removed behind the trigger's back, which breaks
            // the hash chain of this throw-away data set on purpose.
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            s.execute("delete from audit_event where actor_id = 'bench'");
            s.execute("alter table audit_event enable trigger audit_event_append_only");
            c.commit();
            // back to the steady state of a generated data set: no dead rows or unset hint bits left by the load
            // for the next measurement (the raw SQL runs after this) to trip over
            c.setAutoCommit(true);
            s.execute("vacuum (analyze) member, interaction, timeline_entry, task, task_history");
        }
    }

    private static String ms(List<Double> values) {
        return String.join(
                        ", ",
                        values.stream()
                                .map(v -> String.format(Locale.ROOT, "%.0f ms", v))
                                .toList())
                + String.format(Locale.ROOT, " (median %.0f ms)", BulkLog.median(values));
    }

    /** COPY throughput into an unindexed temporary copy of a narrow history table, 500k rows. */
    static double copyRate(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table copy_probe (like member_status_change)");
            }
            long started = System.nanoTime();
            int rows = 500_000;
            try (CopyWriter w =
                    CopyWriter.open(c, "copy_probe", "id, member_id, from_status, to_status, changed_at, changed_by")) {
                Instant at = Generator.NOW;
                for (int i = 0; i < rows; i++) {
                    w.value(Seeds.uuid(1, "copy_probe", i, at.toEpochMilli()))
                            .value(Seeds.uuid(1, "copy_probe_member", i / 3, at.toEpochMilli()))
                            .value("PROSPECT")
                            .value("SUPPORTER")
                            .value(at)
                            .value("bench");
                    w.endRow();
                }
                w.finish();
            }
            return rows * 1e9 / (System.nanoTime() - started);
        }
    }

    /** Warms the scenario up, then measures it and says what it measured. */
    private static Measurement measure(Wrk wrk, Scenario s, int warmup, int seconds) throws Exception {
        say("scenario " + s.name() + ": warm-up " + warmup + " s, measure " + seconds + " s");
        wrk.run(s, warmup);
        Measurement m = wrk.run(s, seconds);
        say(String.format(
                Locale.ROOT,
                "  %.0f rps, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d errors",
                m.rps(),
                m.p50Ms(),
                m.p95Ms(),
                m.p99Ms(),
                m.errors()));
        return m;
    }

    /**
     * Lets PostgreSQL finish what a scenario left behind before the next one starts: a checkpoint writes the buffers
     * it dirtied (otherwise the next scenario's reads pay for evicting them), and running autovacuum workers are
     * waited for (at most a minute). Without this the scenario after a writing one measured part of the writer's debt
     * (the first timeline page, run right after {@code create-member}: p99 46 ms at large, page 50 after it 3.7 ms).
     */
    private static void settle(String url) throws Exception {
        execute(url, "checkpoint");
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < until
                && !"0"
                        .equals(scalar(
                                url,
                                "select count(*) from pg_stat_activity"
                                        + " where backend_type = 'autovacuum worker'"))) {
            Thread.sleep(500);
        }
    }

    private static String scalar(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String machine(String pgVersion) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst()
                .orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(0L);
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %.0f GB RAM, Java %s, PostgreSQL %s (embedded)",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memKb / 1024.0 / 1024.0,
                System.getProperty("java.version"),
                pgVersion);
    }

    static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("bench: " + problem + "\nUsage: bench/run.sh <small|medium|large> [--seed N] [--duration S]"
                + " [--warmup S] [--connections C] [--generate-only]");
        System.exit(2);
    }

    private static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
