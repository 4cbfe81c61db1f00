package io.roster.web.rest.notification;

import static io.roster.web.rest.notification.NotifyFixtures.awaitDone;
import static io.roster.web.rest.notification.NotifyFixtures.broadcast;
import static io.roster.web.rest.notification.NotifyFixtures.chatId;
import static io.roster.web.rest.notification.NotifyFixtures.create;
import static io.roster.web.rest.notification.NotifyFixtures.deliveries;
import static io.roster.web.rest.notification.NotifyFixtures.link;
import static io.roster.web.rest.notification.NotifyFixtures.member;
import static io.roster.web.rest.notification.NotifyFixtures.simpleTemplate;
import static io.roster.web.rest.notification.NotifyFixtures.start;
import static io.roster.web.rest.notification.NotifyFixtures.template;
import static io.roster.web.rest.notification.NotifyFixtures.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.FakeTelegram;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Broadcasts over HTTP against the real runtime, a fake Telegram Bot API and a real SMTP server (GreenMail): consent
 * and do-not-contact per channel, channel preference, quiet hours, throttle, retries on 429 and 5xx, e-mail in
 * Russian and Ukrainian, pause/resume/cancel, one message per member, the timeline, and scope.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class BroadcastApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private static FakeTelegram telegram() {
        return TestDatabase.telegram();
    }

    private String unit(Api api) {
        return Fixtures.root(api, Fixtures.unique("Отделение")).get("id").asText();
    }

    @Test
    public void consentAndDoNotContactAreCheckedPerChannelAndSkipsKeepTheirReason() {
        Api api = Api.admin(url);
        String unit = unit(api);
        long chatA = chatId();
        long chatB = chatId();
        long chatC = chatId();
        String a = member(api, unit, "Анна", "Соколова", "ru", List.of("TELEGRAM"), List.of(), null);
        String b = member(api, unit, "Борис", "Ткачук", "uk", List.of(), List.of(), null);
        String c = member(api, unit, "Вера", "Лис", "ru", List.of("TELEGRAM"), List.of("TELEGRAM"), null);
        String d = member(
                api, unit, "Глеб", "Орлов", "ru", List.of("EMAIL"), List.of(), Fixtures.unique("g") + "@example.org");
        link(a, chatA);
        link(b, chatB);
        link(c, chatC);
        String t = simpleTemplate(api, unit);
        String id = create(api, broadcast(unit, t, List.of(a, b, c, d), List.of("TELEGRAM", "EMAIL")));
        start(api, id);
        JsonNode stats = awaitDone(api, id);
        assertEquals(4, stats.get("recipients").asLong());
        assertEquals(1, stats.get("delivered").asLong(), stats.toString());
        assertEquals(1, stats.get("sent").asLong(), stats.toString());
        assertEquals(2, stats.get("skipped").asLong(), stats.toString());
        Map<String, JsonNode> byMember = deliveries(api, id);
        assertEquals("DELIVERED", byMember.get(a).get("status").asText());
        assertEquals("SKIPPED", byMember.get(b).get("status").asText());
        assertEquals(
                "TELEGRAM: no consent; EMAIL: no consent",
                byMember.get(b).get("reason").asText());
        assertEquals("SKIPPED", byMember.get(c).get("status").asText());
        assertEquals(
                "TELEGRAM: do not contact; EMAIL: no consent",
                byMember.get(c).get("reason").asText());
        assertEquals("SENT", byMember.get(d).get("status").asText());
        assertEquals("EMAIL", byMember.get(d).get("channel").asText());
        assertEquals(1, telegram().messagesTo(chatA).size());
        assertEquals("Здравствуйте, Анна!", telegram().messagesTo(chatA).get(0).text());
        assertEquals(0, telegram().messagesTo(chatB).size());
        assertEquals(0, telegram().messagesTo(chatC).size());
        assertEquals(
                "COMPLETED", awaitStatus(api, id, "COMPLETED").get("status").asText());
    }

    @Test
    public void emailArrivesInRussianAndUkrainianWithExactText() throws Exception {
        Api api = Api.admin(url);
        String unit = unit(api);
        String ruAddress = Fixtures.unique("ru") + "@example.org";
        String ukAddress = Fixtures.unique("uk") + "@example.org";
        String ru = member(api, unit, "Ёлка", "Щукина", "ru", List.of("EMAIL"), List.of(), ruAddress);
        String uk = member(api, unit, "Ґалина", "Їжакевич", "uk", List.of("EMAIL"), List.of(), ukAddress);
        String t = template(
                api,
                unit,
                Map.of(
                        "ru",
                        variant(
                                "Собрание в «{{orgUnitName}}»",
                                "Здравствуйте, {{givenName}} {{familyName}}! Ждём вас в четверг.",
                                "<p>Здравствуйте, <b>{{givenName}}</b>!</p>"),
                        "uk",
                        variant(
                                "Збори в «{{orgUnitName}}»",
                                "Вітаємо, {{givenName}} {{familyName}}! Чекаємо на вас у четвер.",
                                "<p>Вітаємо, <b>{{givenName}}</b>!</p>")));
        String id = create(api, broadcast(unit, t, List.of(ru, uk), List.of("EMAIL")));
        start(api, id);
        awaitDone(api, id);
        String unitName =
                api.get("/api/v1/org-units/" + unit).expect(200).get("name").asText();
        MimeMessage ruMail = receivedBy(ruAddress);
        MimeMessage ukMail = receivedBy(ukAddress);
        assertEquals("Собрание в «" + unitName + "»", ruMail.getSubject());
        assertEquals("Збори в «" + unitName + "»", ukMail.getSubject());
        assertEquals("Здравствуйте, Ёлка Щукина! Ждём вас в четверг.", part(ruMail, 0));
        assertEquals("Вітаємо, Ґалина Їжакевич! Чекаємо на вас у четвер.", part(ukMail, 0));
        assertEquals("<p>Вітаємо, <b>Ґалина</b>!</p>", part(ukMail, 1));
        String deliveryId = deliveries(api, id).get(uk).get("id").asText();
        assertTrue(ukMail.getMessageID().startsWith("<" + deliveryId + "."), ukMail.getMessageID());
    }

    private static MimeMessage receivedBy(String address) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            for (MimeMessage m : TestDatabase.mail().getReceivedMessages()) {
                if (Arrays.stream(m.getAllRecipients())
                        .anyMatch(r -> r.toString().equals(address))) {
                    return m;
                }
            }
            NotifyFixtures.sleep(100);
        }
        throw new AssertionError("no e-mail to " + address);
    }

    private static String part(MimeMessage m, int i) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        return mp.getBodyPart(i).getContent().toString();
    }

    @Test
    public void recipientInsideQuietHoursIsDeferredNotSkipped() {
        Api api = Api.admin(url);
        String unit = unit(api);
        long chat = chatId();
        String m = member(api, unit, "Дина", "Ким", "ru", List.of("TELEGRAM"), List.of(), null);
        link(m, chat);
        // a branch six hours east, whose members are outside the same quiet hours (inherited by its cell)
        String east = Fixtures.unit(api, unit, "Восточное", "BRANCH").get("id").asText();
        String cell = Fixtures.unit(api, east, "Ячейка", "CELL").get("id").asText();
        JsonNode tz = api.put("/api/v1/org-units/" + east + "/time-zone", Map.of("timeZone", "Asia/Tokyo"))
                .expect(200);
        assertEquals("Asia/Tokyo", tz.get("effectiveTimeZone").asText());
        JsonNode inherited = api.get("/api/v1/org-units/" + cell + "/time-zone").expect(200);
        assertTrue(
                inherited.path("timeZone").isNull()
                        || inherited.path("timeZone").isMissingNode(),
                inherited.toString());
        assertEquals("Asia/Tokyo", inherited.get("effectiveTimeZone").asText());
        assertEquals(
                422,
                api.put("/api/v1/org-units/" + east + "/time-zone", Map.of("timeZone", "Mars/Base"))
                        .status());
        long eastChat = chatId();
        String e = member(api, cell, "Юки", "Сато", "ru", List.of("TELEGRAM"), List.of(), null);
        link(e, eastChat);
        String t = simpleTemplate(api, unit);
        LocalTime local = LocalTime.now(ZoneId.of("Europe/Moscow"));
        DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm");
        Map<String, Object> body = broadcast(unit, t, List.of(m, e), List.of("TELEGRAM"));
        body.put("quietStart", local.minusHours(1).format(hm));
        body.put("quietEnd", local.plusHours(2).format(hm));
        String id = create(api, body);
        start(api, id);
        JsonNode d = awaitDelivery(
                api,
                id,
                m,
                x -> x.has("reason") && "quiet hours".equals(x.path("reason").asText()));
        assertEquals("QUEUED", d.get("status").asText());
        Instant next = Instant.parse(d.get("nextAttemptAt").asText());
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(60))), next.toString());
        assertTrue(next.isBefore(Instant.now().plus(Duration.ofMinutes(121))), next.toString());
        telegram().await(Duration.ofSeconds(20), calls -> !telegram()
                .messagesTo(eastChat)
                .isEmpty());
        NotifyFixtures.sleep(500);
        assertEquals(0, telegram().messagesTo(chat).size());
        JsonNode stats = api.get("/api/v1/broadcasts/" + id + "/statistics").expect(200);
        assertEquals(0, stats.get("skipped").asLong());
        assertEquals(1, stats.get("queued").asLong());
        assertEquals(1, stats.get("delivered").asLong());
        api.post("/api/v1/broadcasts/" + id + "/cancel", null).expect(200);
    }

    @Test
    public void throttleKeepsTheObservedRateWithinItsBound() {
        Api api = Api.admin(url);
        String unit = unit(api);
        List<String> ids = new ArrayList<>();
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String m = member(api, unit, "Иван" + i, "Петров", "ru", List.of("TELEGRAM"), List.of(), null);
            long chat = chatId();
            link(m, chat);
            ids.add(m);
            chats.add(chat);
        }
        String t = simpleTemplate(api, unit);
        Map<String, Object> body = broadcast(unit, t, ids, List.of("TELEGRAM"));
        body.put("ratePerSecond", 4);
        String id = create(api, body);
        start(api, id);
        JsonNode stats = awaitDone(api, id);
        assertEquals(12, stats.get("delivered").asLong(), stats.toString());
        List<Long> times = telegram().calls("sendMessage").stream()
                .filter(c -> chats.contains(c.chatId()))
                .map(FakeTelegram.Call::at)
                .sorted()
                .toList();
        assertEquals(12, times.size());
        // 12 messages at 4/s take at least 11/4 s from the first to the last
        long span = times.get(11) - times.get(0);
        assertTrue(span >= 2_600, "12 messages at 4/s went out in " + span + " ms");
        // and no second holds more than 4 (+1 for a slot on the window's edge)
        for (int i = 0; i < times.size(); i++) {
            long from = times.get(i);
            long inWindow =
                    times.stream().filter(x -> x >= from && x < from + 1000).count();
            assertTrue(inWindow <= 5, inWindow + " messages within one second");
        }
    }

    @Test
    public void telegram429IsRetriedAfterItsRetryAfterAnd5xxWithBackoff() {
        Api api = Api.admin(url);
        String unit = unit(api);
        long chat429 = chatId();
        long chat502 = chatId();
        String m1 = member(api, unit, "Лев", "Рыбаков", "ru", List.of("TELEGRAM"), List.of(), null);
        String m2 = member(api, unit, "Мира", "Белова", "ru", List.of("TELEGRAM"), List.of(), null);
        link(m1, chat429);
        link(m2, chat502);
        telegram().rateLimitNext(2, c -> c.method().equals("sendMessage") && c.chatId() == chat429);
        telegram().failNext(502, "Bad Gateway", c -> c.method().equals("sendMessage") && c.chatId() == chat502);
        String t = simpleTemplate(api, unit);
        String id = create(api, broadcast(unit, t, List.of(m1, m2), List.of("TELEGRAM")));
        start(api, id);
        JsonNode stats = NotifyFixtures.awaitStats(
                api, id, Duration.ofSeconds(30), s -> s.get("delivered").asLong() == 2);
        assertEquals(0, stats.get("failed").asLong());
        List<FakeTelegram.Call> calls429 = telegram().messagesTo(chat429);
        assertEquals(2, calls429.size());
        long waited = calls429.get(1).at() - calls429.get(0).at();
        assertTrue(waited >= 1_900, "retried after " + waited + " ms, Telegram asked for 2 s");
        List<FakeTelegram.Call> calls502 = telegram().messagesTo(chat502);
        assertEquals(2, calls502.size());
        long backoff = calls502.get(1).at() - calls502.get(0).at();
        assertTrue(backoff >= 450, "retried after " + backoff + " ms, the backoff base is 0.5 s");
        Map<String, JsonNode> d = deliveries(api, id);
        assertEquals(2, d.get(m1).get("attempts").asInt());
        assertEquals(2, d.get(m2).get("attempts").asInt());
    }

    @Test
    public void blockedChatFailsWithoutRetry() {
        Api api = Api.admin(url);
        String unit = unit(api);
        long chat = chatId();
        String m = member(api, unit, "Нина", "Жук", "ru", List.of("TELEGRAM"), List.of(), null);
        link(m, chat);
        telegram()
                .failNext(
                        403,
                        "Forbidden: bot was blocked by the user",
                        c -> c.method().equals("sendMessage") && c.chatId() == chat);
        String id = create(api, broadcast(unit, simpleTemplate(api, unit), List.of(m), List.of("TELEGRAM")));
        start(api, id);
        JsonNode stats = awaitDone(api, id);
        assertEquals(1, stats.get("failed").asLong());
        JsonNode d = deliveries(api, id).get(m);
        assertEquals("FAILED", d.get("status").asText());
        assertEquals(1, d.get("attempts").asInt());
        assertTrue(d.get("reason").asText().startsWith("telegram 403"), d.toString());
    }

    @Test
    public void pauseStopsSendingResumeContinuesCancelDropsTheRest() {
        Api api = Api.admin(url);
        String unit = unit(api);
        List<String> ids = new ArrayList<>();
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String m = member(api, unit, "Олег" + i, "Фомин", "ru", List.of("TELEGRAM"), List.of(), null);
            long chat = chatId();
            link(m, chat);
            ids.add(m);
            chats.add(chat);
        }
        Map<String, Object> body = broadcast(unit, simpleTemplate(api, unit), ids, List.of("TELEGRAM"));
        body.put("ratePerSecond", 2);
        String id = create(api, body);
        start(api, id);
        telegram().await(Duration.ofSeconds(20), calls -> sentTo(calls, chats) >= 1);
        assertEquals(
                "PAUSED",
                api.post("/api/v1/broadcasts/" + id + "/pause", null)
                        .expect(200)
                        .get("status")
                        .asText());
        // a message at its transport when the pause came finishes; then nothing more goes out
        NotifyFixtures.sleep(1_000);
        long atPause = sentTo(telegram().calls(), chats);
        NotifyFixtures.sleep(1_500);
        assertEquals(atPause, sentTo(telegram().calls(), chats));
        assertTrue(atPause < 10, "everything went out before the pause: " + atPause);
        assertEquals(409, api.post("/api/v1/broadcasts/" + id + "/pause", null).status());
        assertEquals(
                "RUNNING",
                api.post("/api/v1/broadcasts/" + id + "/resume", null)
                        .expect(200)
                        .get("status")
                        .asText());
        telegram().await(Duration.ofSeconds(20), calls -> sentTo(calls, chats) > atPause);
        api.post("/api/v1/broadcasts/" + id + "/cancel", null).expect(200);
        JsonNode stats = awaitDone(api, id);
        long sent = stats.get("delivered").asLong();
        long cancelled = stats.get("cancelled").asLong();
        assertEquals(10, sent + cancelled, stats.toString());
        assertTrue(cancelled > 0, stats.toString());
        NotifyFixtures.sleep(1_000);
        assertEquals(sent, sentTo(telegram().calls(), chats));
        assertEquals(409, api.post("/api/v1/broadcasts/" + id + "/resume", null).status());
        assertEquals(409, api.post("/api/v1/broadcasts/" + id + "/cancel", null).status());
    }

    private static long sentTo(List<FakeTelegram.Call> calls, List<Long> chats) {
        return calls.stream()
                .filter(c -> c.method().equals("sendMessage") && chats.contains(c.chatId()))
                .count();
    }

    @Test
    public void oneMessagePerMemberAndEachDeliveryIsOnTheTimeline() {
        Api api = Api.admin(url);
        String unit = unit(api);
        long chat = chatId();
        String m = member(api, unit, "Пётр", "Зуев", "ru", List.of("TELEGRAM"), List.of(), null);
        link(m, chat);
        String t = simpleTemplate(api, unit);
        JsonNode dup = api.post("/api/v1/broadcasts", broadcast(unit, t, List.of(m, m), List.of("TELEGRAM")))
                .expect(422);
        assertEquals("memberIds[1]", dup.get("errors").get(0).get("path").asText());
        // a segment of the unit and the same member: still one message
        String segment = api.post(
                        "/api/v1/segments",
                        Map.of("orgUnitId", unit, "name", "Все", "filter", Map.of("consentChannel", "TELEGRAM")))
                .expect(201)
                .get("id")
                .asText();
        assertEquals(
                1,
                api.get("/api/v1/segments/" + segment + "/count")
                        .expect(200)
                        .get("count")
                        .asLong());
        Map<String, Object> body = broadcast(unit, t, null, List.of("TELEGRAM"));
        body.remove("memberIds");
        body.put("segmentId", segment);
        String id = create(api, body);
        start(api, id);
        assertEquals(409, api.post("/api/v1/broadcasts/" + id + "/start", null).status());
        awaitDone(api, id);
        NotifyFixtures.sleep(300);
        assertEquals(1, telegram().messagesTo(chat).size());
        JsonNode timeline = api.get("/api/v1/members/" + m + "/timeline").expect(200);
        JsonNode entry = null;
        for (JsonNode e : timeline.get("items")) {
            if (e.get("kind").asText().equals("DELIVERY")) {
                entry = e;
            }
        }
        assertNotNull(entry, timeline.toString());
        assertEquals("delivered", entry.get("type").asText());
        assertEquals("TELEGRAM", entry.get("channel").asText());
        assertEquals(
                api.get("/api/v1/broadcasts/" + id).expect(200).get("name").asText(),
                entry.get("title").asText());
    }

    @Test
    public void badInputIsRefusedWithFieldPathsAndChangesNothing() {
        Api api = Api.admin(url);
        String unit = unit(api);
        String t = simpleTemplate(api, unit);
        String m = member(api, unit, "Рита", "Сова", "ru", List.of("SMS"), List.of(), null);
        Map<String, Object> body = broadcast(unit, t, List.of(m), List.of("SMS", "PHONE"));
        body.put("startAt", Instant.now().minus(Duration.ofHours(1)).toString());
        JsonNode p = api.post("/api/v1/broadcasts", body).expect(422);
        List<String> paths = new ArrayList<>();
        p.get("errors")
                .forEach(e ->
                        paths.add(e.get("path").asText() + ":" + e.get("code").asText()));
        assertTrue(paths.contains("channels[0]:channel-not-configured"), paths.toString());
        assertTrue(paths.contains("channels[1]:not-a-message-channel"), paths.toString());
        assertTrue(paths.contains("startAt:in-the-past"), paths.toString());
        Map<String, Object> neither = broadcast(unit, t, null, List.of("TELEGRAM"));
        neither.remove("memberIds");
        assertEquals(
                "audience-required",
                api.post("/api/v1/broadcasts", neither)
                        .expect(422)
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asText());
        // an empty segment cannot be started
        String segment = api.post(
                        "/api/v1/segments",
                        Map.of("orgUnitId", unit, "name", "Никто", "filter", Map.of("tags", List.of("нет-такого"))))
                .expect(201)
                .get("id")
                .asText();
        Map<String, Object> empty = broadcast(unit, t, null, List.of("TELEGRAM"));
        empty.remove("memberIds");
        empty.put("segmentId", segment);
        String id = create(api, empty);
        JsonNode e = api.post("/api/v1/broadcasts/" + id + "/start", null).expect(422);
        assertEquals("empty-audience", e.get("errors").get(0).get("code").asText());
        assertEquals(
                "DRAFT",
                api.get("/api/v1/broadcasts/" + id).expect(200).get("status").asText());
    }

    @Test
    public void broadcastsSegmentsAndTemplatesOutsideScopeAreNotFound() {
        Api admin = Api.admin(url);
        String mine = unit(admin);
        String other = unit(admin);
        String key = Fixtures.key(
                admin,
                List.of(
                        "ORG_READ",
                        "MEMBER_READ",
                        "NOTIFICATION_READ",
                        "NOTIFICATION_SEND",
                        "TEMPLATE_WRITE",
                        "SEGMENT_WRITE"),
                List.of(mine));
        Api scoped = Api.withKey(url, key);
        String otherTemplate = simpleTemplate(admin, other);
        String otherMember = member(admin, other, "Семён", "Чужой", "ru", List.of("TELEGRAM"), List.of(), null);
        String otherBroadcast =
                create(admin, broadcast(other, otherTemplate, List.of(otherMember), List.of("TELEGRAM")));
        assertEquals(404, scoped.get("/api/v1/broadcasts/" + otherBroadcast).status());
        assertEquals(
                404,
                scoped.post("/api/v1/broadcasts/" + otherBroadcast + "/start", null)
                        .status());
        assertEquals(
                404, scoped.get("/api/v1/message-templates/" + otherTemplate).status());
        for (JsonNode b : scoped.get("/api/v1/broadcasts?limit=200").expect(200).get("items")) {
            assertFalse(b.get("id").asText().equals(otherBroadcast));
        }
        String myTemplate = simpleTemplate(scoped, mine);
        // a member of another unit cannot be named in my broadcast
        JsonNode p = scoped.post(
                        "/api/v1/broadcasts", broadcast(mine, myTemplate, List.of(otherMember), List.of("TELEGRAM")))
                .expect(422);
        assertEquals("memberIds[0]", p.get("errors").get(0).get("path").asText());
        // nor another unit's template
        JsonNode q = scoped.post(
                        "/api/v1/broadcasts", broadcast(mine, otherTemplate, List.of(otherMember), List.of("TELEGRAM")))
                .expect(422);
        List<String> paths = new ArrayList<>();
        q.get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertTrue(paths.contains("templateId"), paths.toString());
        // a caller without NOTIFICATION_SEND may read but not send
        String reader = Fixtures.key(admin, List.of("NOTIFICATION_READ"), List.of(mine));
        assertEquals(
                403,
                Api.withKey(url, reader)
                        .post("/api/v1/broadcasts", broadcast(mine, myTemplate, List.of(), List.of("TELEGRAM")))
                        .status());
    }

    private static JsonNode awaitStatus(Api api, String id, String status) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode b = api.get("/api/v1/broadcasts/" + id).expect(200);
            if (b.get("status").asText().equals(status) || System.nanoTime() > end) {
                return b;
            }
            NotifyFixtures.sleep(100);
        }
    }

    private static JsonNode awaitDelivery(
            Api api, String id, String member, java.util.function.Predicate<JsonNode> done) {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode d = deliveries(api, id).get(member);
            if (d != null && done.test(d)) {
                return d;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("delivery did not get there: " + d);
            }
            NotifyFixtures.sleep(100);
        }
    }
}
