package io.roster.web.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The packaged server ({@code target/quarkus-app}) run as a process of its own, for tests of instances and crashes. */
public final class PackagedServers {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PackagedServers() {}

    /** Starts the server with only these {@code ROSTER_*} variables, its output in {@code log}. */
    public static Process start(Map<String, String> env, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ROSTER_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Waits for the first 200 of the readiness probe; fails with the log when the server exits or takes 120 s. */
    public static void awaitReady(int port, Process p, Path log) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).toSeconds() < 120) {
            if (!p.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 120 s: " + Files.readString(log));
    }

    /** A free local port. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
