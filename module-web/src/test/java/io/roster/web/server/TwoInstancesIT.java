package io.roster.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.roster.web.testing.Api;
import io.roster.web.testing.Fixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged servers on one database (the first one's embedded PostgreSQL), each with one webhook dispatcher: every
 * event is delivered exactly once while both run, and one keeps delivering when the other stops.
 */
class TwoInstancesIT {
    private static final String ADMIN_KEY = "rst_two-instances-admin-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoInstancesDeliverEveryEventOnce(@TempDir Path dir) throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestHeaders().getFirst("Roster-Event-Id"), body});
            try {
                Thread.sleep(30); // slow enough for both dispatchers to be busy at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        int pgPort = freePort();
        int portA = freePort();
        int portB = freePort();
        Map<String, String> common = Map.of(
                "ROSTER_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
                "ROSTER_WEBHOOKS_WORKERS", "1",
                "ROSTER_WEBHOOKS_POLL_INTERVAL", "PT0.1S");
        Map<String, String> envA = new HashMap<>(common);
        envA.put("ROSTER_DATA_DIR", dir.resolve("a").toString());
        envA.put("ROSTER_HTTP_PORT", String.valueOf(portA));
        envA.put("ROSTER_DB_EMBEDDED_PORT", String.valueOf(pgPort));
        Process a = start(envA, dir.resolve("a.log"));
        Process b = null;
        try {
            awaitReady(portA, a, dir.resolve("a.log"));
            Map<String, String> envB = new HashMap<>(common);
            envB.put("ROSTER_DATA_DIR", dir.resolve("b").toString());
            envB.put("ROSTER_HTTP_PORT", String.valueOf(portB));
            envB.put("ROSTER_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
            envB.put("ROSTER_DB_USER", "postgres");
            envB.put(
                    "ROSTER_DB_PASSWORD",
                    Files.readString(dir.resolve("a").resolve("pg-password")).strip());
            b = start(envB, dir.resolve("b.log"));
            awaitReady(portB, b, dir.resolve("b.log"));

            Api apiA = Api.withKey(new URL("http://localhost:" + portA + "/"), ADMIN_KEY);
            Api apiB = Api.withKey(new URL("http://localhost:" + portB + "/"), ADMIN_KEY);
            apiA.post(
                            "/api/v1/webhook-subscriptions",
                            Map.of(
                                    "url",
                                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                                    "eventTypes",
                                    List.of("member.created")))
                    .expect(201);
            String root =
                    Fixtures.root(apiA, Fixtures.unique("Country")).get("id").asText();
            List<String> members = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Api api = i % 2 == 0 ? apiA : apiB;
                members.add(Fixtures.member(api, Fixtures.person(root, "Иван" + i, null, "Петров"))
                        .get("id")
                        .asText());
            }
            await(() -> received.size() >= 40);
            Thread.sleep(1500);
            Map<String, Integer> perEvent = new HashMap<>();
            received.forEach(r -> perEvent.merge(r[0], 1, Integer::sum));
            assertEquals(40, received.size(), "deliveries");
            assertEquals(40, perEvent.size(), "distinct events");
            for (String m : members) {
                assertTrue(received.stream().anyMatch(r -> r[1].contains(m)), "delivered: " + m);
            }

            // one instance stops (B: A holds the embedded database); the other's dispatcher carries on alone
            stop(b);
            String late = Fixtures.member(apiA, Fixtures.person(root, "Поздний", null, "Петров"))
                    .get("id")
                    .asText();
            await(() -> received.stream().anyMatch(r -> r[1].contains(late)));
        } finally {
            if (b != null && b.isAlive()) {
                stop(b);
            }
            if (a.isAlive()) {
                stop(a);
            }
            receiver.stop(0);
        }
    }

    private static Process start(Map<String, String> env, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ROSTER_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static void awaitReady(int port, Process p, Path log) throws Exception {
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

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant start = Instant.now();
        while (!done.getAsBoolean()) {
            if (Duration.between(start, Instant.now()).toSeconds() > 60) {
                throw new AssertionError("not within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
