package io.roster.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server, started as the README says: it comes up on the embedded PostgreSQL with demo data and an
 * admin key printed once; a second start with --demo changes nothing; SIGTERM stops PostgreSQL too.
 */
class PackagedServerIT {
    private static final Pattern KEY = Pattern.compile("(rst_[A-Za-z0-9_-]{20,})");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void startsWithDemoDataOnceAndStopsCleanly(@TempDir Path dataDir) throws Exception {
        int port = freePort();
        Path log1 = dataDir.resolve("run1.log");
        Process first = start(dataDir, port, log1);
        String key;
        int members;
        try {
            Duration startUp = awaitReady(port, first, log1);
            String output = Files.readString(log1);
            Matcher m = KEY.matcher(output);
            assertTrue(m.find(), "the admin key is printed on first start:\n" + output);
            key = m.group(1);
            assertTrue(output.contains("Demo data    loaded"), output);
            members = countMembers(port, key);
            assertTrue(members >= 300, "demo members: " + members);
            JsonNode sutyagin = get(port, key, "/api/v1/members?q=Sutyagin&limit=1");
            assertEquals(
                    "Сутягин", sutyagin.get("items").get(0).get("familyName").asText());
            System.out.println("first start to ready: " + startUp.toMillis() + " ms");
        } finally {
            stop(first);
        }
        assertTrue(!Files.exists(dataDir.resolve("pg/postmaster.pid")), "PostgreSQL stopped with the server");

        Path log2 = dataDir.resolve("run2.log");
        Process second = start(dataDir, port, log2);
        try {
            Duration warm = awaitReady(port, second, log2);
            String output = Files.readString(log2);
            assertTrue(output.contains("already present"), output);
            assertTrue(!KEY.matcher(output).find(), "the admin key is printed only once");
            assertEquals(members, countMembers(port, key), "a second --demo changes nothing");
            System.out.println("warm start to ready: " + warm.toMillis() + " ms");
        } finally {
            stop(second);
        }
    }

    private static Process start(Path dataDir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-Xmx256m", "-XX:+UseSerialGC", "-jar", "target/quarkus-app/quarkus-run.jar", "--demo")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ROSTER_"));
        pb.environment().put("ROSTER_DATA_DIR", dataDir.toString());
        pb.environment().put("ROSTER_HTTP_PORT", String.valueOf(port));
        return pb.start();
    }

    private static Duration awaitReady(int port, Process p, Path log) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).toSeconds() < 120) {
            if (!p.isAlive()) {
                throw new AssertionError("the server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Duration.between(start, Instant.now());
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 120 s: " + Files.readString(log));
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the server did not stop on SIGTERM within 60 s");
        }
    }

    private static int countMembers(int port, String key) throws Exception {
        int count = 0;
        String cursor = null;
        do {
            JsonNode page = get(port, key, "/api/v1/members?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            count += page.get("items").size();
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        return count;
    }

    private static JsonNode get(int port, String key, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + key)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
