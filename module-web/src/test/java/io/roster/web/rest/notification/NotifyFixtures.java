package io.roster.web.rest.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** Test data of the notification tests: members with consents and addresses, linked chats, templates, broadcasts. */
final class NotifyFixtures {
    private NotifyFixtures() {}

    static Map<String, Object> consent(String channel, boolean granted) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("channel", channel);
        c.put("granted", granted);
        c.put("source", "анкета");
        return c;
    }

    /**
     * A member of a unit.
     *
     * @param consents channels consented to
     * @param email an e-mail address or {@code null}
     */
    static String member(
            Api api,
            String unitId,
            String given,
            String family,
            String language,
            List<String> consents,
            List<String> doNotContact,
            String email) {
        Map<String, Object> body = Fixtures.person(unitId, given, null, family);
        body.put("preferredLanguage", language);
        List<Object> cs = new ArrayList<>();
        consents.forEach(c -> cs.add(consent(c, true)));
        body.put("consents", cs);
        body.put("doNotContact", doNotContact);
        if (email != null) {
            body.put("emails", List.of(Map.of("address", email, "primary", true)));
        }
        return Fixtures.member(api, body).get("id").asText();
    }

    /** A fresh chat id, unique within the run. */
    static long chatId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    /** Links a member's Telegram chat as the bot would. */
    static void link(String memberId, long chatId) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("insert into member_telegram_chat (member_id, chat_id,"
                        + " telegram_user_id, linked_at) values (?, ?, ?, now())")) {
            ps.setObject(1, UUID.fromString(memberId));
            ps.setLong(2, chatId);
            ps.setLong(3, chatId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> variant(String subject, String text, String html) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (subject != null) {
            v.put("subject", subject);
        }
        v.put("text", text);
        if (html != null) {
            v.put("html", html);
        }
        return v;
    }

    static String template(Api api, String unitId, Map<String, Object> variants) {
        return api.post(
                        "/api/v1/message-templates",
                        Map.of("orgUnitId", unitId, "name", Fixtures.unique("tpl"), "variants", variants))
                .expect(201)
                .get("id")
                .asText();
    }

    static String simpleTemplate(Api api, String unitId) {
        return template(
                api,
                unitId,
                Map.of(
                        "ru", variant("Собрание", "Здравствуйте, {{givenName}}!", null),
                        "uk", variant("Збори", "Вітаємо, {{givenName}}!", null),
                        "en", variant("Meeting", "Hello, {{givenName}}!", null)));
    }

    /** A broadcast body to a member list. */
    static Map<String, Object> broadcast(
            String unitId, String templateId, List<String> memberIds, List<String> channels) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("orgUnitId", unitId);
        b.put("name", Fixtures.unique("Рассылка"));
        b.put("templateId", templateId);
        b.put("memberIds", memberIds);
        b.put("channels", channels);
        return b;
    }

    static String create(Api api, Map<String, Object> body) {
        return api.post("/api/v1/broadcasts", body).expect(201).get("id").asText();
    }

    static JsonNode start(Api api, String id) {
        return api.post("/api/v1/broadcasts/" + id + "/start", null).expect(200);
    }

    /** Waits until the broadcast's statistics satisfy a condition. */
    static JsonNode awaitStats(Api api, String id, Duration timeout, Predicate<JsonNode> done) {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode s;
        while (true) {
            s = api.get("/api/v1/broadcasts/" + id + "/statistics").expect(200);
            if (done.test(s)) {
                return s;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("broadcast statistics did not get there in " + timeout + ": " + s);
            }
            sleep(100);
        }
    }

    /** Waits until nothing is queued or in flight. */
    static JsonNode awaitDone(Api api, String id) {
        return awaitStats(
                api,
                id,
                Duration.ofSeconds(30),
                s -> s.get("queued").asLong() == 0 && s.get("sending").asLong() == 0);
    }

    /** Deliveries of a broadcast by member id. */
    static Map<String, JsonNode> deliveries(Api api, String id) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/broadcasts/" + id + "/deliveries?limit=200"
                            + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            page.get("items").forEach(d -> out.put(d.get("memberId").asText(), d));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        return out;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
