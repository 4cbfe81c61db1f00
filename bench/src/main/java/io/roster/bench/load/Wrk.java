package io.roster.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk with a scenario's Lua script and reads the JSON line its {@code done()} prints. */
public final class Wrk {
    private static final Pattern FIGURE = Pattern.compile("\"(\\w+)\":(\\d+)");

    private final Path wrkDir;
    private final Path workDir;
    private final String baseUrl;
    private final String key;
    private final int threads;
    private final int connections;
    private int runs;

    public Wrk(Path wrkDir, Path workDir, String baseUrl, String key, int threads, int connections) {
        this.wrkDir = wrkDir.toAbsolutePath();
        this.workDir = workDir;
        this.baseUrl = baseUrl;
        this.key = key;
        this.threads = threads;
        this.connections = connections;
    }

    public int connections() {
        return connections;
    }

    /** Runs the scenario for this many seconds. */
    public Measurement run(Scenario scenario, int seconds) throws IOException, InterruptedException {
        Path requests = workDir.resolve("requests-" + scenario.name() + ".txt");
        Files.write(requests, scenario.requests(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                "-s",
                wrkDir.resolve(scenario.script()).toString(),
                baseUrl));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("BENCH_KEY", key);
        pb.environment().put("BENCH_REQUESTS", requests.toAbsolutePath().toString());
        pb.environment().put("BENCH_WRK_DIR", wrkDir.toString());
        pb.environment().put("BENCH_RUN", Integer.toString(runs++));
        Path log = workDir.resolve("wrk-" + scenario.name() + ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("wrk did not finish for " + scenario.name());
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        String json = out.lines()
                .filter(l -> l.startsWith("{\"requests\""))
                .reduce((a, b) -> b)
                .orElse(null);
        if (p.exitValue() != 0 || json == null) {
            throw new IOException("wrk failed for " + scenario.name() + ":\n" + out);
        }
        Map<String, Long> v = new HashMap<>();
        Matcher m = FIGURE.matcher(json);
        while (m.find()) {
            v.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return new Measurement(
                v.get("requests"),
                v.get("duration_us") / 1e6,
                v.get("p50_us") / 1000.0,
                v.get("p95_us") / 1000.0,
                v.get("p99_us") / 1000.0,
                v.get("errors"));
    }
}
