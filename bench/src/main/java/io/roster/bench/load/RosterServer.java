package io.roster.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged server ({@code quarkus-run.jar}) as a child process: start, time to ready, RSS, stop. */
public final class RosterServer implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final long readyMillis;

    private RosterServer(Process process, long readyMillis) {
        this.process = process;
        this.readyMillis = readyMillis;
    }

    /**
     * Starts the server with these environment variables and waits for the first 200 of {@code /q/health/ready}.
     *
     * @throws IOException when it exits or is not ready within two minutes (the log says why)
     */
    public static RosterServer start(Path jar, int port, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(
                        "java",
                        // As docs/operations.md and the README run it.
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("ROSTER_HTTP_PORT", Integer.toString(port));
        // The load is one API key at full speed: measure capacity, not the per-key rate limit (1,200 a minute).
        pb.environment().put("ROSTER_RATE_LIMIT_PER_MINUTE", "0");
        pb.environment().put("ROSTER_HTTP_HOST", "127.0.0.1");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long started = System.nanoTime();
        Process p = pb.start();
        long deadline = started + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("Roster exited with " + p.exitValue() + " before it was ready; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new RosterServer(p, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        p.destroyForcibly();
        throw new IOException("Roster was not ready within " + START_LIMIT.toSeconds() + " s; see " + log);
    }

    /** Milliseconds from launching the JVM to the first 200 of the readiness probe. */
    public long readyMillis() {
        return readyMillis;
    }

    /** Resident set size of the server's JVM, in MB (from ps). */
    public double rssMb() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", Long.toString(process.pid())).start();
        String out = new String(ps.getInputStream().readAllBytes()).strip();
        ps.waitFor(10, TimeUnit.SECONDS);
        return out.isEmpty() ? 0 : Long.parseLong(out) / 1024.0;
    }

    /** Stops it as an operator would (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
