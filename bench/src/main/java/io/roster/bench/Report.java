package io.roster.bench;

import io.roster.bench.load.BulkLog;
import io.roster.bench.load.Measurement;
import io.roster.bench.load.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code docs/performance.md} (how to reproduce, what each scenario means, and the latest run of each scale,
 * kept between runs of other scales) and appends to {@code docs/performance.csv} (every run, for comparison).
 */
public final class Report {
    static final String CSV_HEADER = "date,commit,scale,seed,scenario,rps,p50_ms,p95_ms,p99_ms,errors,"
            + "raw_counterpart,raw_rps,raw_p50_ms,raw_p95_ms,raw_p99_ms,ratio_rps,ratio_p95";

    private Report() {}

    public static void write(Path docs, Figures f, List<String[]> scenarioDescriptions) throws IOException {
        Files.createDirectories(docs);
        Path md = docs.resolve("performance.md");
        String old = Files.exists(md) ? Files.readString(md, StandardCharsets.UTF_8) : "";
        StringBuilder out = new StringBuilder(header(scenarioDescriptions));
        for (Scale s : Scale.PRESETS) {
            String section = s.name().equals(f.scale().name()) ? section(f) : kept(old, s.name());
            if (section != null) {
                out.append(section);
            }
        }
        String broadcasts = kept(old, BroadcastBench.SECTION);
        if (broadcasts != null) {
            out.append(broadcasts);
        }
        Files.writeString(md, out.toString(), StandardCharsets.UTF_8);
        appendCsv(docs.resolve("performance.csv"), f);
    }

    private static String header(List<String[]> scenarios) {
        StringBuilder b = new StringBuilder();
        b.append("""
                # Performance

                Figures of Roster over HTTP next to the limits of the PostgreSQL under it, measured by the benchmark in
                [`bench/`](../bench). This file and [`performance.csv`](performance.csv) are written by the runner; the
                section of a scale is replaced by its latest run, the CSV keeps every run.

                ## Reproduce

                ```sh
                bench/run.sh small            # 10k members, 100k interactions; ~15 minutes in all
                bench/run.sh medium --seed 7  # 200k members, 2M interactions (3 members with 100k each)
                bench/run.sh large            # 1M members, 10M interactions, a capital region of ~100k members
                bench/run.sh broadcasts       # a broadcast to 100k members: enqueue, then dispatch to a local fake channel
                ```

                The runner installs `wrk` and Debian's `postgresql-15` (for `pgbench`) when they are missing, builds
                Roster (`mvn -q -DskipTests package`), then:

                1. **Generates** the data set into an embedded PostgreSQL under `bench/target/datasets/<scale>-<seed>`
                   (reused when that scale and seed were generated before): org tree (the first region, the capital,
                   holds about a tenth of the members), members with Russian and Ukrainian names, patronymics, phones,
                   e-mails, addresses, consents, tags and status histories; interactions (calls and canvassing most,
                   then notes, SMS, visits; a long-tailed count per member, ~12 % never contacted, and a few members
                   with a very long history — 100k interactions at medium and large), events per district with
                   registrations and attendance, every member's timeline (interactions, attendance, status and
                   consent changes, exactly as the service writes them) and last contact — all through `COPY` and
                   set-based SQL, secondary indexes rebuilt afterwards, then `VACUUM (ANALYZE)`. Same seed, same rows.
                2. **Start-up**: starts the packaged server in its zero-install mode on that directory (embedded
                   PostgreSQL, warm data) and times the launch to the first 200 of `/q/health/ready`; stops it.
                3. **Load**: starts PostgreSQL, then the server with `ROSTER_DB_URL` pointing at it (and the per-key rate
                   limit off, `ROSTER_RATE_LIMIT_PER_MINUTE=0`: the load is one key at full speed); for each scenario
                   runs wrk (`bench/wrk/*.lua`, 2 threads, a fixed number of connections) for a warm-up and then for
                   the measured duration, with ids, names, phones and units drawn from the generated samples;
                   between scenarios a `CHECKPOINT` and a wait for running autovacuum workers (at most a minute), so
                   that no scenario pays for the buffers and vacuuming its predecessor left behind.
                   The timeline pages are then measured once more one request at a time (`…-1conn`: 1 wrk
                   connection, and 1 JDBC connection for their raw SQL), which is their page time: at the shared
                   concurrency both sides keep the 2 CPUs busy, so latency there is mostly waiting for a CPU and the
                   REST/raw ratio is the ratio of CPU spent per request.
                   The deep timeline page's cursor is found first by walking the pages through the same API. RSS of
                   the server's JVM is read after the load. Then `bulk-log-5000`: `POST /interaction-batches` with
                   5,000 members of the biggest region, timed 5 times one after another. What the load wrote (members,
                   interactions, their timeline entries) is removed and the last contacts recomputed.
                4. **Limits**, with the server stopped: `pgbench -S` (select-only) on the same PostgreSQL, the raw SQL
                   of each scenario over JDBC with as many connections as wrk used, every value of every row read
                   as text (the member search SQL is
                   `MemberSearch.build`'s and the profile SQL `MemberRows.PROFILE`, so they are exactly the service's;
                   the timeline runs the service's one statement (`TimelineSql`: the member's row joined laterally to the
                   keyset page `… where member_id = <the member row's id> [and (occurred_at, id) < (?, ?)] order by
                   occurred_at desc, id desc limit 51`); no raw call looks up the
                   API key, because the server remembers authenticated keys for `roster.security.api-key-cache`, so a
                   request under load makes no such lookup either), the same 5,000-member
                   batch written over JDBC in one transaction with the service's statements, and `COPY` rows/s.

                Options: `--seed N` (default 1), `--duration S` per scenario (default 15), `--warmup S` (15: the JIT compiler finishes a scenario's path within it),
                `--connections C` (8), `--generate-only`. Only loopback traffic; every wait is bounded.

                `ratio rps` is Roster's throughput over the raw SQL's at the same concurrency (the share of the database's
                capacity the HTTP, JSON, security and ORM layers leave); `ratio p95` is Roster's p95 latency over the raw
                SQL's. CSV columns: `""").append(CSV_HEADER).append("""
                `; the start-up, RSS, pgbench and COPY figures are rows of their own (value in `rps`); the
                `bulk-log-5000` row has members/s at the median in `rps`, the median run in `p50_ms` and the slowest
                in `p99_ms`, for HTTP and raw SQL alike.

                The machine the runner uses may be shared with other builds: the runner measures how busy the CPUs
                were just before the load and says so in the run's section when they were; such figures are noisy
                and only good for spotting gross problems — compare runs of a quiet machine.

                ## Scenarios

                | scenario | what |
                |---|---|
                """);
        for (String[] s : scenarios) {
            b.append("| `")
                    .append(s[0])
                    .append("` | ")
                    .append(s[1].replace("|", "\\|"))
                    .append(" |\n");
        }
        b.append("""

                Broadcasts are measured by a run of their own, `bench/run.sh broadcasts` (a fresh server, 100,000 members,
                the enqueue and the dispatch to a local fake channel; its section is at the end). The task scenarios run
                on the cards of `TaskStage`: 50,000 open cards of the shipped member-question pipeline at every scale,
                5,000 of them the load caller's.

                One-shot, not a wrk scenario: `bulk-log-5000` — `POST /interaction-batches` with 5,000 member ids of
                the biggest region (filled up from other regions where it has fewer), 5 runs one after another; each
                run and the median are reported, next to the same rows written over JDBC (batched inserts of 5,000
                interactions and 5,000 timeline entries and one UPDATE of the last contact, one transaction).

                """);
        return b.toString();
    }

    private static String section(Figures f) {
        StringBuilder b = new StringBuilder();
        b.append(start(f.scale().name()));
        b.append("## Latest run: ").append(f.scale().name()).append("\n\n");
        b.append(String.format(
                Locale.ROOT,
                "%s, commit `%s`, seed %d, %s members, %s interactions (%d with %s each); %s.%n%n",
                f.date(),
                f.commit(),
                f.seed(),
                f.scale().members(),
                f.scale().interactions(),
                f.scale().longHistoryMembers(),
                f.scale().longHistoryInteractions(),
                f.machine()));
        if (!f.note().isBlank()) {
            b.append("> **Note:** ").append(f.note()).append("\n\n");
        }
        b.append(String.format(
                Locale.ROOT,
                "wrk: 2 threads, %d connections, %d s per scenario after warm-up.%n%n",
                f.connections(),
                f.seconds()));
        b.append("### Targets\n\n| target | measured | met |\n|---|---|---|\n");
        Figures.Row get = row(f, "get-member");
        double share = get == null || f.pgbenchTps() == 0 ? 0 : get.roster().rps() / f.pgbenchTps();
        b.append(String.format(
                Locale.ROOT,
                "| GET member ≥ 25 %% of pgbench select-only TPS | %.0f rps / %.0f tps = %.1f %% | %s |%n",
                get == null ? 0 : get.roster().rps(),
                f.pgbenchTps(),
                share * 100,
                share >= 0.25 ? "yes" : "**no**"));
        double fuzzy = f.rows().stream()
                .filter(r -> r.scenario().startsWith("search-name"))
                .mapToDouble(r -> r.roster().p95Ms())
                .max()
                .orElse(0);
        boolean large = f.scale().name().equals("large");
        b.append(String.format(
                Locale.ROOT,
                "| fuzzy search p95 ≤ 100 ms at 1M members | %.1f ms (worst of Cyrillic and Latin) at %s | %s |%n",
                fuzzy,
                f.scale().name(),
                fuzzy <= 100 ? (large ? "yes" : "yes at this scale; the target is for large") : "**no**"));
        issue3(b, f);
        issue4(b, f);
        b.append(String.format(
                Locale.ROOT,
                "| start-up ≤ 10 s (embedded PostgreSQL, warm data) | %.1f s | %s |%n",
                f.startupEmbeddedMs() / 1000.0,
                f.startupEmbeddedMs() <= 10_000 ? "yes" : "**no**"));
        b.append(String.format(
                Locale.ROOT,
                "| RSS ≤ 400 MB after load | %.0f MB | %s |%n%n",
                f.rssMb(),
                f.rssMb() <= 400 ? "yes" : "**no**"));
        b.append("### Scenarios: Roster over HTTP and the same SQL over JDBC\n\n");
        b.append(
                "| scenario | rps | p50 ms | p95 ms | p99 ms | errors | raw qps | raw p50 | raw p95 | raw p99 | ratio rps | ratio p95 |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Figures.Row r : f.rows()) {
            Measurement m = r.roster();
            Measurement raw = r.raw();
            b.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %.0f | %.2f | %.2f | %.2f | %d |",
                    r.scenario(),
                    m.rps(),
                    m.p50Ms(),
                    m.p95Ms(),
                    m.p99Ms(),
                    m.errors()));
            if (raw == null) {
                b.append(" — | — | — | — | — | — |\n");
            } else {
                b.append(String.format(
                        Locale.ROOT,
                        " %.0f | %.2f | %.2f | %.2f | %.2f | %.1f× |%n",
                        raw.rps(),
                        raw.p50Ms(),
                        raw.p95Ms(),
                        raw.p99Ms(),
                        m.rps() / Math.max(raw.rps(), 1e-9),
                        m.p95Ms() / Math.max(raw.p95Ms(), 1e-9)));
            }
        }
        if (f.bulk() != null) {
            BulkLog.Result bulk = f.bulk();
            b.append(String.format(
                    Locale.ROOT,
                    "%n### Bulk logging: `bulk-log-5000`%n%n`POST /interaction-batches` with %d members (%d of region"
                            + " %s), %d runs one after another, and the same rows over JDBC in one transaction.%n%n",
                    bulk.batch().ids().size(),
                    bulk.batch().fromRegion(),
                    bulk.batch().region(),
                    bulk.httpMs().size()));
            b.append("| | runs, ms | median ms | members/s |\n|---|---|---:|---:|\n");
            bulkLine(b, "Roster over HTTP", bulk.httpMs(), bulk.batch().ids().size());
            bulkLine(
                    b,
                    "raw SQL over JDBC (batched inserts + UPDATE)",
                    bulk.rawMs(),
                    bulk.batch().ids().size());
        }
        b.append("\n### Limits and process\n\n| figure | value |\n|---|---|\n");
        b.append(String.format(
                Locale.ROOT,
                "| pgbench -S (select-only), %d clients | %.0f tps, %.2f ms average |%n",
                f.connections(),
                f.pgbenchTps(),
                f.pgbenchLatencyMs()));
        b.append(String.format(
                Locale.ROOT,
                "| COPY into an unindexed copy of `member_status_change` | %.0f rows/s |%n",
                f.copyRowsPerSecond()));
        b.append(String.format(
                Locale.ROOT,
                "| start-up to first 200, embedded PostgreSQL (zero-install) | %d ms |%n",
                f.startupEmbeddedMs()));
        b.append(String.format(
                Locale.ROOT,
                "| start-up to first 200, external PostgreSQL (`ROSTER_DB_URL`) | %d ms |%n",
                f.startupExternalMs()));
        b.append(String.format(Locale.ROOT, "| RSS of the server after load | %.0f MB |%n%n", f.rssMb()));
        Figures.Generation g = f.generation();
        b.append("### Generation")
                .append(g.reused() ? " (data set reused; figures of its generation)" : "")
                .append("\n\n");
        b.append(String.format(
                Locale.ROOT,
                "%d rows in %.1f s: COPY %.0f rows/s overall, index rebuild %.1f s, VACUUM ANALYZE %.1f s.%n%n",
                g.rows(),
                g.seconds(),
                g.copyRowsPerSecond(),
                g.indexSeconds(),
                g.analyzeSeconds()));
        b.append("| table | rows | rows/s |\n|---|---:|---:|\n");
        for (String[] t : g.tables()) {
            b.append("| `")
                    .append(t[0])
                    .append("` | ")
                    .append(t[1])
                    .append(" | ")
                    .append(t[2])
                    .append(" |\n");
        }
        b.append('\n').append(end(f.scale().name()));
        return b.toString();
    }

    /** The targets of the task pipelines issue (#4). */
    private static void issue4(StringBuilder b, Figures f) {
        for (String[] t : new String[][] {
            {"board-view", "board view of a pipeline with 50k open cards ≤ 50 ms p95 over REST"},
            {"my-tasks", "\"my tasks\" of a user with 5k tasks ≤ 50 ms p95 over REST"}
        }) {
            Figures.Row r = row(f, t[0]);
            if (r != null) {
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | p95 %.1f ms (p50 %.1f, %.0f rps) | %s |%n",
                        t[1],
                        r.roster().p95Ms(),
                        r.roster().p50Ms(),
                        r.roster().rps(),
                        r.roster().p95Ms() <= 50 ? "yes" : "**no**"));
            }
        }
        Figures.Row moves = row(f, "move-task");
        if (moves != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "| 1,000 card moves/s sustained, no rank rebalancing storms | %.0f moves/s over %d s (p95 %.1f ms,"
                            + " %d errors) | %s |%n",
                    moves.roster().rps(),
                    f.seconds(),
                    moves.roster().p95Ms(),
                    moves.roster().errors(),
                    moves.roster().rps() >= 1000 && moves.roster().errors() == 0 ? "yes" : "**no**"));
        }
    }

    /** The targets of the interactions / events / timeline issue (#3). */
    private static void issue3(StringBuilder b, Figures f) {
        boolean large = f.scale().name().equals("large");
        String scaleNote = large ? "" : " at this scale; the target is for ≥ 5M interactions (large)";
        Figures.Row first = row(f, "timeline-first");
        Figures.Row deep = row(f, "timeline-page50");
        Figures.Row alone = row(f, "timeline-first" + Scenario.ALONE);
        if (first != null && first.raw() != null) {
            // The page time is the time of one request: compared one request at a time. At the shared concurrency
            // both sides keep the CPUs saturated, and the ratio of their latencies is that of their CPU per request.
            Figures.Row page = alone != null && alone.raw() != null ? alone : first;
            double r50 = page.roster().p50Ms() / Math.max(page.raw().p50Ms(), 1e-9);
            double r95 = page.roster().p95Ms() / Math.max(page.raw().p95Ms(), 1e-9);
            boolean met = r50 <= 2 && r95 <= 2;
            String loaded = page == first
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "; at %d connections (CPUs saturated): p50 %.2f / %.2f ms = %.1f×, p95 %.2f / %.2f ms ="
                                    + " %.1f×",
                            f.connections(),
                            first.roster().p50Ms(),
                            first.raw().p50Ms(),
                            first.roster().p50Ms() / Math.max(first.raw().p50Ms(), 1e-9),
                            first.roster().p95Ms(),
                            first.raw().p95Ms(),
                            first.roster().p95Ms() / Math.max(first.raw().p95Ms(), 1e-9));
            b.append(String.format(
                    Locale.ROOT,
                    "| timeline first page ≤ 2× the raw SQL page time | %sp50 %.2f / %.2f ms = %.1f×, p95 %.2f / %.2f"
                            + " ms = %.1f×%s | %s |%n",
                    page == first ? "" : "one request at a time: ",
                    page.roster().p50Ms(),
                    page.raw().p50Ms(),
                    r50,
                    page.roster().p95Ms(),
                    page.raw().p95Ms(),
                    r95,
                    loaded,
                    met ? "yes" + scaleNote : "**no**"));
            boolean fast = first.roster().p95Ms() <= 20;
            b.append(String.format(
                    Locale.ROOT,
                    "| timeline first page p95 ≤ 20 ms over REST | %.2f ms | %s |%n",
                    first.roster().p95Ms(),
                    fast ? "yes" + scaleNote : "**no**"));
        }
        if (first != null && deep != null) {
            double s50 = deep.roster().p50Ms() / Math.max(first.roster().p50Ms(), 1e-9);
            double s95 = deep.roster().p95Ms() / Math.max(first.roster().p95Ms(), 1e-9);
            boolean met = s50 <= 1.2 && s95 <= 1.2;
            b.append(String.format(
                    Locale.ROOT,
                    "| timeline page 50 no more than 20 %% slower than page 1 (REST) | p50 %.2f vs %.2f ms (%+.0f %%),"
                            + " p95 %.2f vs %.2f ms (%+.0f %%) | %s |%n",
                    deep.roster().p50Ms(),
                    first.roster().p50Ms(),
                    (s50 - 1) * 100,
                    deep.roster().p95Ms(),
                    first.roster().p95Ms(),
                    (s95 - 1) * 100,
                    met ? "yes" + scaleNote : "**no**"));
        }
        BulkLog.Result bulk = f.bulk();
        if (bulk != null) {
            double median = bulk.httpMedianMs();
            b.append(String.format(
                    Locale.ROOT,
                    "| bulk logging of 5,000 members ≤ 2 s | median %.0f ms over HTTP (runs: %s); raw SQL median %.0f"
                            + " ms | %s |%n",
                    median,
                    String.join(
                            ", ",
                            bulk.httpMs().stream()
                                    .map(v -> String.format(Locale.ROOT, "%.0f", v))
                                    .toList()),
                    bulk.rawMedianMs(),
                    median <= 2000 ? "yes" : "**no**"));
        }
        Figures.Row idle = row(f, "not-contacted-90d");
        if (idle != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "| \"not contacted for 90 days\" in a region of 100k members ≤ 500 ms | p95 %.1f ms (p50 %.1f) in"
                            + " the biggest region at %s | %s |%n",
                    idle.roster().p95Ms(),
                    idle.roster().p50Ms(),
                    f.scale().name(),
                    idle.roster().p95Ms() <= 500
                            ? (large ? "yes" : "yes at this scale; the target is for a 100k region (large)")
                            : "**no**"));
        }
    }

    private static void bulkLine(StringBuilder b, String what, List<Double> ms, int members) {
        double median = BulkLog.median(ms);
        b.append(String.format(
                Locale.ROOT,
                "| %s | %s | %.0f | %.0f |%n",
                what,
                String.join(
                        ", ",
                        ms.stream()
                                .map(v -> String.format(Locale.ROOT, "%.0f", v))
                                .toList()),
                median,
                members * 1000.0 / Math.max(median, 1e-9)));
    }

    private static Figures.Row row(Figures f, String scenario) {
        return f.rows().stream()
                .filter(r -> r.scenario().equals(scenario))
                .findFirst()
                .orElse(null);
    }

    static String kept(String old, String scale) {
        int from = old.indexOf(start(scale));
        int to = old.indexOf(end(scale));
        return from < 0 || to < from
                ? null
                : old.substring(from, to + end(scale).length());
    }

    static String start(String scale) {
        return "<!-- run:" + scale + " -->\n";
    }

    static String end(String scale) {
        return "<!-- /run:" + scale + " -->\n\n";
    }

    private static void appendCsv(Path csv, Figures f) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(csv)) {
            lines.add(CSV_HEADER);
        }
        String prefix = String.join(",", f.date(), f.commit(), f.scale().name(), Long.toString(f.seed()));
        for (Figures.Row r : f.rows()) {
            Measurement m = r.roster();
            Measurement raw = r.raw();
            String rawPart = raw == null
                    ? ",,,,,,"
                    : String.format(
                            Locale.ROOT,
                            "jdbc same SQL %d connections,%.1f,%.3f,%.3f,%.3f,%.4f,%.3f",
                            f.connections(),
                            raw.rps(),
                            raw.p50Ms(),
                            raw.p95Ms(),
                            raw.p99Ms(),
                            m.rps() / Math.max(raw.rps(), 1e-9),
                            m.p95Ms() / Math.max(raw.p95Ms(), 1e-9));
            lines.add(prefix
                    + String.format(
                            Locale.ROOT,
                            ",%s,%.1f,%.3f,%.3f,%.3f,%d,",
                            r.scenario(),
                            m.rps(),
                            m.p50Ms(),
                            m.p95Ms(),
                            m.p99Ms(),
                            m.errors())
                    + rawPart);
        }
        Figures.Row get = row(f, "get-member");
        if (get != null) {
            lines.add(prefix
                    + String.format(
                            Locale.ROOT,
                            ",get-member-vs-pgbench,%.1f,,,,,pgbench -S tps,%.1f,,,,%.4f,",
                            get.roster().rps(),
                            f.pgbenchTps(),
                            get.roster().rps() / Math.max(f.pgbenchTps(), 1e-9)));
        }
        if (f.bulk() != null) {
            BulkLog.Result bulk = f.bulk();
            int n = bulk.batch().ids().size();
            double httpMax = bulk.httpMs().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(0);
            double rawMax =
                    bulk.rawMs().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            // rps = members per second at the median; p50 = median ms of the runs; p99 = the slowest run
            lines.add(prefix
                    + String.format(
                            Locale.ROOT,
                            ",bulk-log-5000,%.1f,%.3f,,%.3f,0,jdbc same statements one transaction,%.1f,%.3f,,%.3f,"
                                    + "%.4f,",
                            n * 1000.0 / Math.max(bulk.httpMedianMs(), 1e-9),
                            bulk.httpMedianMs(),
                            httpMax,
                            n * 1000.0 / Math.max(bulk.rawMedianMs(), 1e-9),
                            bulk.rawMedianMs(),
                            rawMax,
                            bulk.rawMedianMs() / Math.max(bulk.httpMedianMs(), 1e-9)));
        }
        lines.add(prefix + String.format(Locale.ROOT, ",pgbench-select-only,%.1f,,,,,,,,,,,", f.pgbenchTps()));
        lines.add(prefix + String.format(Locale.ROOT, ",copy-rows-per-s,%.0f,,,,,,,,,,,", f.copyRowsPerSecond()));
        lines.add(prefix + String.format(Locale.ROOT, ",startup-embedded-ms,%d,,,,,,,,,,,", f.startupEmbeddedMs()));
        lines.add(prefix + String.format(Locale.ROOT, ",startup-external-ms,%d,,,,,,,,,,,", f.startupExternalMs()));
        lines.add(prefix + String.format(Locale.ROOT, ",rss-after-load-mb,%.0f,,,,,,,,,,,", f.rssMb()));
        Files.write(csv, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
