package io.roster.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.FakeTelegram;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.PackagedServers;
import io.roster.web.testing.TestDatabase;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server is killed (SIGKILL) in the middle of a broadcast while the fake Telegram holds a message open
 * without answering; after a restart every recipient has exactly one acknowledged message: none lost, none twice.
 */
class BroadcastCrashIT {
    private static final String ADMIN_KEY = "rst_broadcast-crash-admin-0123456789";
    private static final int RECIPIENTS = 30;
    private static final int HOLD_AT = 10;

    @Test
    void killedDispatcherResumesAndEveryRecipientGetsExactlyOneMessage(@TempDir Path dir) throws Exception {
        FakeTelegram telegram = TestDatabase.telegram();
        int port = PackagedServers.freePort();
        int pgPort = PackagedServers.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("ROSTER_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        env.put("ROSTER_DATA_DIR", dir.resolve("data").toString());
        env.put("ROSTER_HTTP_PORT", String.valueOf(port));
        env.put("ROSTER_DB_EMBEDDED_PORT", String.valueOf(pgPort));
        env.put("ROSTER_TELEGRAM_BOT_TOKEN", FakeTelegram.TOKEN);
        env.put("ROSTER_TELEGRAM_API_URL", telegram.apiUrl());
        env.put("ROSTER_TELEGRAM_TIMEOUT", "PT60S");
        env.put("ROSTER_NOTIFICATIONS_QUIET_HOURS", "none");
        env.put("ROSTER_NOTIFICATIONS_POLL_INTERVAL", "PT0.1S");
        env.put("ROSTER_NOTIFICATIONS_LEASE", "PT5S");
        Process server = PackagedServers.start(env, dir.resolve("first.log"));
        List<Long> chats = new ArrayList<>();
        String broadcast;
        try {
            PackagedServers.awaitReady(port, server, dir.resolve("first.log"));
            Api api = Api.withKey(new URL("http://localhost:" + port + "/"), ADMIN_KEY);
            String unit =
                    Fixtures.root(api, Fixtures.unique("Отделение")).get("id").asText();
            List<String> members = new ArrayList<>();
            String password =
                    Files.readString(dir.resolve("data").resolve("pg-password")).strip();
            try (Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", password)) {
                for (int i = 0; i < RECIPIENTS; i++) {
                    Map<String, Object> body = Fixtures.person(unit, "Иван" + i, null, "Петров");
                    body.put("consents", List.of(Map.of("channel", "TELEGRAM", "granted", true)));
                    String id = Fixtures.member(api, body).get("id").asText();
                    long chat = 7_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
                    try (PreparedStatement ps = c.prepareStatement("insert into member_telegram_chat (member_id,"
                            + " chat_id, linked_at) values (?, ?, now())")) {
                        ps.setObject(1, UUID.fromString(id));
                        ps.setLong(2, chat);
                        ps.executeUpdate();
                    }
                    members.add(id);
                    chats.add(chat);
                }
            }
            String template = api.post(
                            "/api/v1/message-templates",
                            Map.of(
                                    "orgUnitId",
                                    unit,
                                    "name",
                                    "Собрание",
                                    "variants",
                                    Map.of("ru", Map.of("text", "Собрание в четверг, {{givenName}}"))))
                    .expect(201)
                    .get("id")
                    .asText();
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("orgUnitId", unit);
            b.put("name", "Рассылка");
            b.put("templateId", template);
            b.put("memberIds", members);
            b.put("channels", List.of("TELEGRAM"));
            b.put("ratePerSecond", 10);
            broadcast = api.post("/api/v1/broadcasts", b).expect(201).get("id").asText();
            telegram.holdFrom(HOLD_AT, c -> c.method().equals("sendMessage") && chats.contains(c.chatId()));
            api.post("/api/v1/broadcasts/" + broadcast + "/start", null).expect(200);
            // the HOLD_AT-th message is in flight, unanswered; every one before it was acknowledged and recorded
            telegram.await(Duration.ofSeconds(60), calls -> telegram.held() >= 1);
            String id = broadcast;
            awaitStats(api, id, s -> s.get("delivered").asLong() == HOLD_AT - 1);
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        } finally {
            telegram.release();
            if (server.isAlive()) {
                server.destroyForcibly();
            }
        }
        Process again = PackagedServers.start(env, dir.resolve("second.log"));
        try {
            PackagedServers.awaitReady(port, again, dir.resolve("second.log"));
            Api api = Api.withKey(new URL("http://localhost:" + port + "/"), ADMIN_KEY);
            JsonNode stats = awaitStats(
                    api,
                    broadcast,
                    s -> s.get("queued").asLong() == 0 && s.get("sending").asLong() == 0);
            assertEquals(RECIPIENTS, stats.get("delivered").asLong(), stats.toString());
            for (long chat : chats) {
                assertEquals(1, telegram.acknowledgedTo(chat).size(), "acknowledged messages to chat " + chat);
            }
            assertEquals(
                    "COMPLETED",
                    awaitStatus(api, broadcast, "COMPLETED").get("status").asText());
        } finally {
            again.destroy();
            if (!again.waitFor(60, TimeUnit.SECONDS)) {
                again.destroyForcibly();
            }
        }
    }

    private static JsonNode awaitStats(Api api, String id, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        Instant start = Instant.now();
        JsonNode s;
        while (true) {
            s = api.get("/api/v1/broadcasts/" + id + "/statistics").expect(200);
            if (done.test(s)) {
                return s;
            }
            if (Duration.between(start, Instant.now()).toSeconds() > 90) {
                throw new AssertionError("statistics did not get there: " + s);
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode awaitStatus(Api api, String id, String status) throws InterruptedException {
        Instant start = Instant.now();
        while (true) {
            JsonNode b = api.get("/api/v1/broadcasts/" + id).expect(200);
            if (b.get("status").asText().equals(status)
                    || Duration.between(start, Instant.now()).toSeconds() > 30) {
                return b;
            }
            Thread.sleep(100);
        }
    }
}
