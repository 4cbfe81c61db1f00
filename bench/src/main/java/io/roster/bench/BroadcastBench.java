package io.roster.bench;

import io.roster.bench.load.Api;
import io.roster.bench.load.RosterServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench/run.sh broadcasts [--members N]}: the broadcast targets of the notifications issue. On a fresh
 * zero-install server it creates {@code N} (100,000) members with an e-mail address and e-mail consent, a segment of
 * them and a broadcast over EMAIL, whose transport is the log channel with its logging off (a local fake channel,
 * unthrottled). It measures the start (the set-based enqueue of every recipient, over HTTP) and the dispatch
 * throughput from the first message to the last, and writes them into {@code docs/performance.md}.
 */
public final class BroadcastBench {
    static final String SECTION = "broadcasts";
    private static final String KEY = "rst_bench-broadcast-admin-0123456789";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private BroadcastBench() {}

    /** What one run measured. */
    record Result(int members, double enqueueMs, int recipients, double dispatchSeconds, long sent, String commit) {
        double rate() {
            return sent / dispatchSeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int members = 100_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--members")) {
                members = Integer.parseInt(args[++i]);
            }
        }
        Path jar = Path.of("module-web", "target", "quarkus-app", "quarkus-run.jar");
        Result r = run(jar, Path.of("bench", "target", "broadcasts"), members);
        write(Path.of("docs", "performance.md"), r);
    }

    static Result run(Path jar, Path work, int members) throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        int port = freePort();
        int pgPort = freePort();
        Map<String, String> env = Map.of(
                "ROSTER_DATA_DIR", work.resolve("data").toAbsolutePath().toString(),
                "ROSTER_DB_EMBEDDED_PORT", Integer.toString(pgPort),
                "ROSTER_BOOTSTRAP_ADMIN_KEY", KEY,
                "ROSTER_NOTIFICATIONS_LOG_CHANNELS", "EMAIL",
                "ROSTER_NOTIFICATIONS_QUIET_HOURS", "none",
                "ROSTER_NOTIFICATIONS_POLL_INTERVAL", "PT0.05S",
                "ROSTER_NOTIFICATIONS_SEND_THREADS", "8",
                "ROSTER_NOTIFICATIONS_BATCH", "1000",
                // the log channel with its logging off: a local fake transport that costs nothing
                "QUARKUS_LOG_CATEGORY__IO_ROSTER_NOTIFICATIONS__LEVEL", "WARN");
        try (RosterServer server = RosterServer.start(jar, port, env, work.resolve("roster.log"))) {
            say("server ready after " + server.readyMillis() + " ms");
            Api api = new Api("http://127.0.0.1:" + port, KEY);
            String unit = id(api.post(
                    "/api/v1/org-units",
                    "{\"code\":\"BENCH-" + UUID.randomUUID().toString().substring(0, 8)
                            + "\",\"name\":\"Bench\",\"kind\":\"NATIONAL\"}"));
            String password = Files.readString(work.resolve("data").resolve("pg-password"))
                    .strip();
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", password)) {
                members(c, UUID.fromString(unit), members);
            }
            say(String.format(Locale.ROOT, "%,d members written in %.1f s", members, (System.nanoTime() - t0) / 1e9));
            String template = id(api.post(
                    "/api/v1/message-templates",
                    "{\"orgUnitId\":\"" + unit + "\",\"name\":\"Bench\",\"variants\":{"
                            + "\"ru\":{\"subject\":\"Собрание\",\"text\":\"Здравствуйте, {{givenName}}!\"},"
                            + "\"uk\":{\"subject\":\"Збори\",\"text\":\"Вітаємо, {{givenName}}!\"},"
                            + "\"en\":{\"subject\":\"Meeting\",\"text\":\"Hello, {{givenName}}!\"}}}"));
            String segment = id(api.post(
                    "/api/v1/segments",
                    "{\"orgUnitId\":\"" + unit + "\",\"name\":\"All\",\"filter\":{\"consentChannel\":\"EMAIL\"}}"));
            say("segment count: "
                    + api.get("/api/v1/segments/" + segment + "/count").body());
            // starting a few seconds ahead measures the enqueue alone, then the dispatch alone
            Instant startAt = Instant.now().plusSeconds(20);
            String broadcast = id(api.post(
                    "/api/v1/broadcasts",
                    "{\"orgUnitId\":\"" + unit + "\",\"name\":\"Bench\",\"templateId\":\"" + template
                            + "\",\"segmentId\":\"" + segment + "\",\"channels\":[\"EMAIL\"],\"startAt\":\"" + startAt
                            + "\"}"));
            Api.Answer started = api.post("/api/v1/broadcasts/" + broadcast + "/start", "");
            if (started.status() != 200) {
                throw new IOException("start: " + started.status() + " " + started.body());
            }
            double enqueueMs = started.nanos() / 1e6;
            int recipients = number(started.body(), "recipients").intValue();
            say(String.format(Locale.ROOT, "enqueue of %,d recipients: %.0f ms", recipients, enqueueMs));
            long first = 0;
            long last;
            long sent;
            while (true) {
                String s = api.get("/api/v1/broadcasts/" + broadcast + "/statistics")
                        .body();
                long done =
                        number(s, "sent").longValue() + number(s, "delivered").longValue();
                long pending =
                        number(s, "queued").longValue() + number(s, "sending").longValue();
                if (first == 0 && done > 0) {
                    first = System.nanoTime();
                }
                if (pending == 0) {
                    last = System.nanoTime();
                    sent = done
                            + number(s, "failed").longValue()
                            + number(s, "skipped").longValue();
                    break;
                }
                Thread.sleep(100);
            }
            double seconds = (last - first) / 1e9;
            Result r = new Result(members, enqueueMs, recipients, seconds, sent, BenchMain.commit());
            say(String.format(
                    Locale.ROOT, "dispatch: %,d messages in %.1f s = %,.0f messages/s", sent, seconds, r.rate()));
            return r;
        }
    }

    /** Members in one unit, each with an e-mail address and e-mail consent, in three statements. */
    private static void members(Connection c, UUID unit, int n) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("insert into member (id, org_unit_id, given_name, family_name,"
                + " preferred_language, status, search_key, sort_key, created_at, updated_at, version)"
                + " select gen_random_uuid(), ?, 'Иван', 'Петров ' || g,"
                + " (array['RU', 'UK', 'EN'])[1 + g % 3], 'MEMBER', 'ivan petrov ' || g,"
                + " 'petrov ' || lpad(g::text, 7, '0'), now(), now(), 0 from generate_series(1, ?) g")) {
            ps.setObject(1, unit);
            ps.setInt(2, n);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into member_consent (member_id, channel, granted,"
                + " source, recorded_at, recorded_by) select id, 'EMAIL', true, 'bench', now(), 'bench' from member"
                + " where org_unit_id = ?")) {
            ps.setObject(1, unit);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into member_contact (id, member_id, kind, position,"
                + " value, lookup, is_primary, status) select gen_random_uuid(), id, 'EMAIL', 0,"
                + " 'm' || replace(id::text, '-', '') || '@example.org',"
                + " 'm' || replace(id::text, '-', '') || '@example.org', true, 'ACTIVE' from member"
                + " where org_unit_id = ?")) {
            ps.setObject(1, unit);
            ps.executeUpdate();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    /** Replaces the broadcast section of the performance report (the runner keeps it on its own runs). */
    static void write(Path md, Result r) throws IOException {
        String old = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "";
        String section = Report.start(SECTION)
                + "## Latest run: broadcasts\n\n"
                + "`bench/run.sh broadcasts` on "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atZone(ZoneOffset.UTC)) + ", commit "
                + r.commit() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores shared with other builds. A fresh"
                + " zero-install server (embedded PostgreSQL), " + String.format(Locale.ROOT, "%,d", r.members())
                + " members with e-mail consent and an address, one segment of them, one broadcast over EMAIL"
                + " whose transport is the log channel with logging off (a local fake, unthrottled; 8 send"
                + " threads, batches of 1,000).\n\n"
                + "| target | measured | met |\n|---|---|---|\n"
                + String.format(
                        Locale.ROOT,
                        "| enqueue a broadcast to 100k members ≤ 10 s (`POST /broadcasts/{id}/start`: one INSERT …"
                                + " SELECT of the segment's query) | %,d recipients in %.2f s | %s |%n",
                        r.recipients(),
                        r.enqueueMs() / 1000,
                        r.enqueueMs() <= 10_000 && r.recipients() >= 100_000 ? "yes" : "no")
                + String.format(
                        Locale.ROOT,
                        "| dispatch ≥ 2,000 messages/s to a local fake channel, unthrottled (claim, decide, render,"
                                + " send, record each result and its timeline entry) | %,d messages in %.1f s ="
                                + " %,.0f messages/s | %s |%n",
                        r.sent(),
                        r.dispatchSeconds(),
                        r.rate(),
                        r.rate() >= 2000 ? "yes" : "no")
                + "\n" + Report.end(SECTION);
        String kept = Report.kept(old, SECTION);
        String updated = kept != null ? old.replace(kept, section) : old + (old.endsWith("\n") ? "" : "\n") + section;
        Files.writeString(md, updated, StandardCharsets.UTF_8);
    }

    private static String id(Api.Answer a) throws IOException {
        if (a.status() != 201 && a.status() != 200) {
            throw new IOException(a.status() + " " + a.body());
        }
        Matcher m = ID.matcher(a.body());
        if (!m.find()) {
            throw new IOException("no id in " + a.body());
        }
        return m.group(1);
    }

    private static Number number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*([0-9.]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.valueOf(m.group(1));
    }

    private static void say(String s) {
        System.out.println("[bench] " + s);
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
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
