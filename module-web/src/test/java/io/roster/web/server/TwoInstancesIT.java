package io.roster.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.roster.web.testing.Api;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.PackagedServers;
import java.net.InetSocketAddress;
import java.net.URL;
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
        int pgPort = PackagedServers.freePort();
        int portA = PackagedServers.freePort();
        int portB = PackagedServers.freePort();
        Map<String, String> common = Map.of(
                "ROSTER_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY,
                "ROSTER_WEBHOOKS_WORKERS", "1",
                "ROSTER_WEBHOOKS_POLL_INTERVAL", "PT0.1S");
        Map<String, String> envA = new HashMap<>(common);
        envA.put("ROSTER_DATA_DIR", dir.resolve("a").toString());
        envA.put("ROSTER_HTTP_PORT", String.valueOf(portA));
        envA.put("ROSTER_DB_EMBEDDED_PORT", String.valueOf(pgPort));
        Process a = PackagedServers.start(envA, dir.resolve("a.log"));
        Process b = null;
        try {
            PackagedServers.awaitReady(portA, a, dir.resolve("a.log"));
            Map<String, String> envB = new HashMap<>(common);
            envB.put("ROSTER_DATA_DIR", dir.resolve("b").toString());
            envB.put("ROSTER_HTTP_PORT", String.valueOf(portB));
            envB.put("ROSTER_DB_URL", "jdbc:postgresql://localhost:" + pgPort + "/postgres");
            envB.put("ROSTER_DB_USER", "postgres");
            envB.put(
                    "ROSTER_DB_PASSWORD",
                    Files.readString(dir.resolve("a").resolve("pg-password")).strip());
            b = PackagedServers.start(envB, dir.resolve("b.log"));
            PackagedServers.awaitReady(portB, b, dir.resolve("b.log"));

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
}
