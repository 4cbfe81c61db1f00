package io.roster.web.rest.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.FakeTelegram;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Telegram bot in webhook mode, over HTTP against the fake Bot API: every update goes through
 * {@code POST /api/v1/telegram/webhook} with the secret token, every reply is read back from the fake.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TelegramBotApiTest {
    static final String SECRET = "roster-test-secret_42";
    static final String WEBHOOK = "/api/v1/telegram/webhook";
    static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String[] KEYS = {
        "roster.telegram.mode",
        "roster.telegram.webhook-secret",
        "roster.telegram.webhook-url",
        "roster.telegram.bot-username",
        "roster.telegram.rate-limit-per-minute",
        "roster.telegram.reply-retry-base",
        "roster.telegram.outbox-poll-interval"
    };

    @Deployment(testable = false)
    static WebArchive deployment() {
        System.setProperty("roster.telegram.mode", "webhook");
        System.setProperty("roster.telegram.webhook-secret", SECRET);
        System.setProperty("roster.telegram.webhook-url", "https://bot.example.org/api/v1/telegram/webhook");
        System.setProperty("roster.telegram.bot-username", "roster_test_bot");
        System.setProperty("roster.telegram.rate-limit-per-minute", "12");
        System.setProperty("roster.telegram.reply-retry-base", "PT0.2S");
        System.setProperty("roster.telegram.outbox-poll-interval", "PT0.1S");
        return Deployments.roster();
    }

    @AfterAll
    static void restore() {
        for (String k : KEYS) {
            System.clearProperty(k);
        }
    }

    @ArquillianResource
    URL url;

    static FakeTelegram tg() {
        return TestDatabase.telegram();
    }

    static long newChat() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    Api.Res webhook(ObjectNode update, String secret) {
        Api a = Api.withKey(url, null);
        if (secret != null) {
            a = a.header(HEADER, secret);
        }
        return a.post(WEBHOOK, update);
    }

    /** Sends a text as the chat's user and waits for the bot's next message; returns it. */
    FakeTelegram.Call say(long chat, String text) {
        return say(chat, FakeTelegram.textUpdate(chat, text));
    }

    FakeTelegram.Call say(long chat, ObjectNode update) {
        int before = tg().messagesTo(chat).size();
        webhook(tg().stamped(update), SECRET).expect(200);
        tg().await(WAIT, c -> tg().messagesTo(chat).size() > before);
        return tg().messagesTo(chat).get(before);
    }

    /** A member of the unit, linked to a new chat through a link code; returns {memberId, chatId}. */
    String[] linkedMember(Api admin, String unitId, String language) {
        Map<String, Object> body = Fixtures.person(unitId, "Тарас", "Григорович", Fixtures.unique("Шевченко"));
        body.put("preferredLanguage", language);
        String member = Fixtures.member(admin, body).get("id").asText();
        String code = admin.post("/api/v1/members/" + member + "/telegram-link-codes", Map.of())
                .expect(201)
                .get("code")
                .asText();
        long chat = newChat();
        FakeTelegram.Call reply = say(chat, "/start " + code);
        assertTrue(reply.text().startsWith("Готово") || reply.text().startsWith("Done"), reply.text());
        return new String[] {member, Long.toString(chat)};
    }

    static Map<String, Object> entry(String orgUnitId, Map<String, String> questions, Map<String, String> answers) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("orgUnitId", orgUnitId);
        List<Map<String, String>> qs = new ArrayList<>();
        questions.forEach((text, lang) -> qs.add(Map.of("language", lang, "text", text)));
        b.put("questions", qs);
        b.put("answers", answers);
        return b;
    }

    // --- intake ------------------------------------------------------------------------------------------------

    @Test
    void webhookWithoutTheSecretIsRefusedAndNothingIsProcessed() {
        long chat = newChat();
        ObjectNode update = tg().stamped(FakeTelegram.textUpdate(chat, "/help"));
        Api.Res missing = webhook(update, null);
        assertEquals(401, missing.status());
        assertEquals(
                "urn:roster:problem:unauthenticated", missing.json().get("type").asText());
        assertEquals(401, webhook(update, "wrong-secret").status());
        assertEquals(401, webhook(update, SECRET + "x").status());
        sleep(500);
        assertEquals(0, tg().messagesTo(chat).size());
        // the same update with the secret is processed, once however often Telegram retries it
        webhook(update, SECRET).expect(200);
        webhook(update, SECRET).expect(200);
        tg().await(WAIT, c -> tg().messagesTo(chat).size() == 1);
        sleep(500);
        assertEquals(1, tg().messagesTo(chat).size());
        assertTrue(tg().messagesTo(chat).get(0).text().contains("/events"));
    }

    @Test
    void webhookIsRegisteredOnStartWithTheSecret() {
        List<FakeTelegram.Call> calls = tg().calls("setWebhook");
        assertFalse(calls.isEmpty());
        FakeTelegram.Call c = calls.get(calls.size() - 1);
        assertEquals(
                "https://bot.example.org/api/v1/telegram/webhook",
                c.params().path("url").asText());
        assertEquals(SECRET, c.params().path("secret_token").asText());
    }

    @Test
    void aChatOverItsLimitIsToldOnceAndTheRestIsIgnored() {
        long chat = newChat();
        for (int i = 0; i < 16; i++) {
            webhook(tg().stamped(FakeTelegram.textUpdate(chat, "/help")), SECRET)
                    .expect(200);
        }
        tg().await(WAIT, c -> tg().messagesTo(chat).size() >= 13);
        sleep(700);
        List<FakeTelegram.Call> got = tg().messagesTo(chat);
        assertEquals(13, got.size());
        assertEquals(
                1,
                got.stream().filter(c -> c.text().contains("Подождите минуту")).count());
    }

    // --- linking -----------------------------------------------------------------------------------------------

    @Test
    void aValidCodeLinksTheChatAndGrantsTelegramConsent() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, "Новосибирское РО").get("id").asText();
        String member = Fixtures.member(admin, Fixtures.person(root, "Ольга", null, "Ёлкина"))
                .get("id")
                .asText();
        JsonNode code = admin.post("/api/v1/members/" + member + "/telegram-link-codes", Map.of())
                .expect(201);
        String c = code.get("code").asText();
        assertEquals(12, c.length());
        assertEquals(
                "https://t.me/roster_test_bot?start=" + c, code.get("deepLink").asText());
        assertTrue(Instant.parse(code.get("expiresAt").asText()).isAfter(Instant.now()));
        assertFalse(admin.get("/api/v1/members/" + member + "/telegram-link")
                .expect(200)
                .get("linked")
                .asBoolean());
        long chat = newChat();
        FakeTelegram.Call reply = say(chat, "/start " + c.toLowerCase());
        assertTrue(reply.text().startsWith("Готово: этот чат привязан"), reply.text());
        assertTrue(admin.get("/api/v1/members/" + member + "/telegram-link")
                .expect(200)
                .get("linked")
                .asBoolean());
        assertEquals(Long.toString(chat), sql("select chat_id from member_telegram_chat where member_id = ?", member));
        JsonNode consent = telegramConsent(admin, member);
        assertTrue(consent.get("granted").asBoolean());
        assertEquals("telegram", consent.get("source").asText());
        // only the hash of the code is stored
        assertEquals("0", sql("select count(*) from telegram_link_code where code_hash = ?", c));
        // the link is audited, and the chat appears on the timeline
        JsonNode timeline =
                admin.get("/api/v1/members/" + member + "/timeline?limit=50").expect(200);
        assertTrue(timeline.toString().contains("TELEGRAM"), timeline.toString());
        // unlinking by staff: the chat then gets the generic flow
        admin.delete("/api/v1/members/" + member + "/telegram-link").expect(204);
        admin.delete("/api/v1/members/" + member + "/telegram-link").expect(404);
        assertTrue(say(chat, "/stop").text().contains("не привязан"));
    }

    @Test
    void aReusedOrExpiredCodeGetsTheGenericReply() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, "Томское РО").get("id").asText();
        String member = Fixtures.member(admin, Fixtures.person(root, "Пётр", null, "Ґудзь"))
                .get("id")
                .asText();
        String used = admin.post("/api/v1/members/" + member + "/telegram-link-codes", Map.of())
                .expect(201)
                .get("code")
                .asText();
        long first = newChat();
        assertTrue(say(first, "/start " + used).text().startsWith("Готово"));
        long second = newChat();
        assertTrue(say(second, "/start " + used).text().startsWith("Этот код не подходит"));
        String expired = admin.post("/api/v1/members/" + member + "/telegram-link-codes", Map.of())
                .expect(201)
                .get("code")
                .asText();
        sqlUpdate(
                "update telegram_link_code set expires_at = now() - interval '1 second' where member_id = ?"
                        + " and used_at is null",
                member);
        assertTrue(say(second, "/start " + expired).text().startsWith("Этот код не подходит"));
        assertTrue(say(second, "/start NOTACODE").text().startsWith("Этот код не подходит"));
        // the first chat is still the linked one
        assertEquals(Long.toString(first), sql("select chat_id from member_telegram_chat where member_id = ?", member));
    }

    @Test
    void anUnlinkedUserNeverSeesPersonalData() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, "Омское РО").get("id").asText();
        Map<String, Object> body = Fixtures.person(root, "Евфросиния", "Пантелеймоновна", "Сутягина");
        body.put("phones", List.of(Map.of("number", "+79131234567")));
        String member = Fixtures.member(admin, body).get("id").asText();
        admin.post("/api/v1/members/" + member + "/telegram-link-codes", Map.of())
                .expect(201);
        long stranger = newChat();
        List<String> texts = new ArrayList<>();
        for (String t : List.of(
                "/start",
                "/help",
                "/events",
                "/human",
                "/stop",
                "Сутягина Евфросиния телефон",
                "/start ABCDEFGHJKLM",
                "/start " + member)) {
            texts.add(say(stranger, t).text());
        }
        texts.add(say(stranger, FakeTelegram.callbackUpdate(stranger, "human")).text());
        for (String t : texts) {
            for (String secret : List.of("Сутягин", "Евфросин", "Пантелеймон", "1234567", member)) {
                assertFalse(t.contains(secret), t);
            }
        }
        assertTrue(texts.get(0).contains("/start <код>"), texts.get(0));
    }

    // --- knowledge base ----------------------------------------------------------------------------------------

    @Test
    void aQuestionInUkrainianIsAnsweredInUkrainianExactly() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, "Київська організація").get("id").asText();
        String answerUk = "Внесок сплачують в осередку або переказом: «Їжак-ґава», рахунок № 5 — щомісяця.";
        String answerRu = "Взнос платят в отделении или переводом: «Ёжик», счёт № 5 — ежемесячно.";
        admin.post(
                        "/api/v1/knowledge-base/entries",
                        entry(
                                root,
                                Map.of("Як сплатити членський внесок?", "uk", "Как уплатить членский взнос?", "ru"),
                                Map.of("uk", answerUk, "ru", answerRu)))
                .expect(201);
        String[] m = linkedMember(admin, root, "uk");
        long chat = Long.parseLong(m[1]);
        assertEquals(answerUk, say(chat, "Як сплатити членський внесок?").text());
        // a typo and another word order still find it
        assertEquals(answerUk, say(chat, "внесок членскій як сплатити").text());
        // the language follows the member's profile, not the question
        assertEquals(answerUk, say(chat, "Как уплатить членский взнос").text());
        // the member's messages and the bot's are on the timeline, Cyrillic intact
        tg().await(
                        WAIT,
                        c -> sqlCount(
                                        "select count(*) from interaction where member_id = ? and body = ?",
                                        m[0],
                                        answerUk)
                                >= 1);
    }

    @Test
    void aQuestionInRussianFromAnUnlinkedUserIsAnsweredFromOrganisationWideEntries() {
        Api admin = Api.admin(url);
        String answer = "Членский билет выдают в приёмной: ул. Ленина, 1, кабинет «Ё».";
        String id = admin.post(
                        "/api/v1/knowledge-base/entries",
                        entry(
                                null,
                                Map.of("Где получить членский билет?", "ru", "Де отримати членський квиток?", "uk"),
                                Map.of("ru", answer, "uk", "Квиток видають у приймальні.")))
                .expect(201)
                .get("id")
                .asText();
        long chat = newChat();
        assertEquals(
                answer,
                say(chat, FakeTelegram.textUpdate(chat, "где получить членский билет", "ru"))
                        .text());
        // English app, no English answer: the configured default (ru)
        assertEquals(
                answer,
                say(chat, FakeTelegram.textUpdate(chat, "Где получить членский билет?", "en"))
                        .text());
        JsonNode stats = admin.get("/api/v1/knowledge-base/statistics?from="
                        + Instant.now().minus(1, ChronoUnit.HOURS) + "&to="
                        + Instant.now().plus(1, ChronoUnit.HOURS))
                .expect(200);
        assertTrue(stats.get("asked").asLong() >= 2);
        assertTrue(stats.get("topEntries").toString().contains(id), stats.toString());
    }

    @Test
    void aVagueQuestionGetsSuggestionButtonsAndPressingOneAnswers() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, "Барнаульское РО").get("id").asText();
        String dues = admin.post(
                        "/api/v1/knowledge-base/entries",
                        entry(
                                root,
                                Map.of("Как уплатить членский взнос?", "ru"),
                                Map.of("ru", "Взнос уплачивается в отделении.")))
                .expect(201)
                .get("id")
                .asText();
        admin.post(
                        "/api/v1/knowledge-base/entries",
                        entry(
                                root,
                                Map.of("Как изменить адрес в профиле?", "ru"),
                                Map.of("ru", "Адрес меняют в отделении.")))
                .expect(201);
        String[] m = linkedMember(admin, root, "ru");
        long chat = Long.parseLong(m[1]);
        FakeTelegram.Call offer = say(chat, "взнос");
        assertEquals("Возможно, вы имели в виду:", offer.text());
        JsonNode keyboard = offer.params().path("reply_markup").path("inline_keyboard");
        assertEquals(
                "kb:" + dues, keyboard.path(0).path(0).path("callback_data").asText());
        assertEquals(
                "Как уплатить членский взнос?",
                keyboard.path(0).path(0).path("text").asText());
        assertEquals(
                "human",
                keyboard.path(keyboard.size() - 1).path(0).path("callback_data").asText());
        int answered = tg().calls("answerCallbackQuery").size();
        FakeTelegram.Call answer = say(chat, FakeTelegram.callbackUpdate(chat, "kb:" + dues));
        assertEquals("Взнос уплачивается в отделении.", answer.text());
        tg().await(WAIT, c -> tg().calls("answerCallbackQuery").size() > answered);
        // what the bot would do, for staff trying out their entries
        JsonNode match = admin.post(
                        "/api/v1/knowledge-base/matches",
                        Map.of("text", "Как уплатить членский взнос", "language", "ru", "orgUnitId", root))
                .expect(200);
        assertEquals("ANSWER", match.get("decision").asText());
        assertEquals(dues, match.get("candidates").get(0).get("entryId").asText());
    }

    @Test
    void knowledgeBaseAndLinkCodesAreScoped() {
        Api admin = Api.admin(url);
        String a = Fixtures.root(admin, "Район А").get("id").asText();
        String b = Fixtures.root(admin, "Район Б").get("id").asText();
        String other = admin.post(
                        "/api/v1/knowledge-base/entries",
                        entry(b, Map.of("Когда приём граждан в районе Б?", "ru"), Map.of("ru", "По средам.")))
                .expect(201)
                .get("id")
                .asText();
        String memberB = Fixtures.member(admin, Fixtures.person(b, "Иван", null, "Бобров"))
                .get("id")
                .asText();
        Api key = Api.withKey(
                url,
                Fixtures.key(
                        admin,
                        List.of(
                                "ORG_READ",
                                "MEMBER_READ",
                                "MEMBER_WRITE",
                                "KNOWLEDGE_BASE_READ",
                                "KNOWLEDGE_BASE_WRITE"),
                        List.of(a)));
        key.get("/api/v1/knowledge-base/entries/" + other).expect(404);
        assertFalse(key.get("/api/v1/knowledge-base/entries?limit=200")
                .expect(200)
                .toString()
                .contains(other));
        JsonNode bad = key.post(
                        "/api/v1/knowledge-base/entries", entry(b, Map.of("Вопрос?", "ru"), Map.of("ru", "Ответ.")))
                .expect(422);
        assertEquals("orgUnitId", bad.get("errors").get(0).get("path").asText());
        assertEquals(
                "orgUnitId",
                key.post("/api/v1/knowledge-base/entries", entry(null, Map.of("Вопрос?", "ru"), Map.of("ru", "Ответ.")))
                        .expect(422)
                        .get("errors")
                        .get(0)
                        .get("path")
                        .asText());
        key.post("/api/v1/members/" + memberB + "/telegram-link-codes", Map.of())
                .expect(404);
        key.patch("/api/v1/knowledge-base/entries/" + other, Map.of("answers", Map.of("ru", "Никогда.")))
                .expect(404);
        // a member of A is never answered from B's entries
        JsonNode match = admin.post(
                        "/api/v1/knowledge-base/matches",
                        Map.of("text", "Когда приём граждан в районе Б?", "language", "ru", "orgUnitId", a))
                .expect(200);
        assertFalse(match.toString().contains(other), match.toString());
        // bad input names its fields and creates nothing
        JsonNode invalid = key.post(
                        "/api/v1/knowledge-base/entries",
                        Map.of(
                                "orgUnitId",
                                a,
                                "questions",
                                List.of(Map.of("language", "ru", "text", " ")),
                                "answers",
                                Map.of("de", "Antwort")))
                .expect(422);
        assertTrue(invalid.toString().contains("questions[0].text"), invalid.toString());
        assertTrue(invalid.toString().contains("answers.de"), invalid.toString());
    }

    // --- escalation and replies --------------------------------------------------------------------------------

    @Test
    void anUnansweredQuestionBecomesATaskAndTheStaffReplyArrivesAfterA429() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, "Заельцовское МО").get("id").asText();
        String[] m = linkedMember(admin, root, "ru");
        long chat = Long.parseLong(m[1]);
        String question = "Когда будет собрание ячейки в Заельцовском районе?";
        assertTrue(say(chat, question).text().startsWith("Я не нашёл ответа. Ваш вопрос передан"));
        // the unanswered question is in the statistics of its unit's staff, and only theirs
        String period = "from=" + Instant.now().minus(1, ChronoUnit.HOURS) + "&to="
                + Instant.now().plus(1, ChronoUnit.HOURS);
        JsonNode stats = admin.get("/api/v1/knowledge-base/statistics?orgUnitId=" + root + "&" + period)
                .expect(200);
        assertEquals(
                question.toLowerCase(),
                stats.get("unanswered").get(0).get("text").asText(),
                stats.toString());
        String otherUnit = Fixtures.root(admin, "Соседнее МО").get("id").asText();
        Api outsider = Api.withKey(url, Fixtures.key(admin, List.of("KNOWLEDGE_BASE_READ"), List.of(otherUnit)));
        assertFalse(outsider.get("/api/v1/knowledge-base/statistics?" + period)
                .expect(200)
                .toString()
                .contains(question.toLowerCase()));
        outsider.get("/api/v1/knowledge-base/statistics?orgUnitId=" + root + "&" + period)
                .expect(404);
        assertEquals(
                "to",
                admin.get("/api/v1/knowledge-base/statistics?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z")
                        .expect(422)
                        .get("errors")
                        .get(0)
                        .get("path")
                        .asText());
        JsonNode tasks = admin.get("/api/v1/tasks?memberId=" + m[0]).expect(200).get("items");
        assertEquals(1, tasks.size(), tasks.toString());
        JsonNode task = tasks.get(0);
        assertEquals("Telegram: " + question, task.get("title").asText());
        String description = task.get("description").asText();
        assertTrue(description.contains("← " + question), description);
        assertTrue(description.contains("← /start"), description);
        assertEquals(root, task.get("orgUnitId").asText());
        // "talk to a person" while the card is open adds to it instead of opening another
        say(chat, "/human");
        assertEquals(
                1,
                admin.get("/api/v1/tasks?memberId=" + m[0])
                        .expect(200)
                        .get("items")
                        .size());
        // the reply: Telegram first answers 429 retry_after 1
        String text = "Собрание в четверг в 18:00, штаб на ул. «Ёлочная», 5.";
        tg().rateLimitNext(1, c -> c.method().equals("sendMessage") && c.chatId() == chat);
        String key = Fixtures.unique("reply");
        Api.Res r = admin.header("Idempotency-Key", key)
                .post("/api/v1/tasks/" + task.get("id").asText() + "/telegram-replies", Map.of("text", text));
        JsonNode queued = r.expect(202);
        assertNotNull(r.header("Location"));
        // a retried POST with the same key is the same reply, not a second message
        Api.Res retried = admin.header("Idempotency-Key", key)
                .post("/api/v1/tasks/" + task.get("id").asText() + "/telegram-replies", Map.of("text", text));
        assertEquals(queued.get("id").asText(), retried.expect(202).get("id").asText());
        tg().await(
                        WAIT,
                        c -> c.stream()
                                        .filter(x -> x.method().equals("sendMessage")
                                                && x.chatId() == chat
                                                && x.text() != null
                                                && x.text().endsWith(text))
                                        .count()
                                == 2);
        List<FakeTelegram.Call> attempts = tg().messagesTo(chat).stream()
                .filter(x -> x.text().endsWith(text))
                .toList();
        assertEquals("Ответ сотрудника:\n\n" + text, attempts.get(1).text());
        assertTrue(attempts.get(1).at() - attempts.get(0).at() >= 1000, "retry_after honoured");
        awaitTrue(() -> admin.get(r.header("Location"))
                .expect(200)
                .get("status")
                .asText()
                .equals("SENT"));
        JsonNode sent = admin.get(r.header("Location")).expect(200);
        assertEquals(2, sent.get("attempts").asInt());
        assertEquals(queued.get("id").asText(), sent.get("id").asText());
        // a 502 from Telegram is retried with backoff too
        String second = "Возьмите с собой партбилет.";
        tg().failNext(502, "Bad Gateway", c -> c.method().equals("sendMessage") && c.chatId() == chat);
        Api.Res r2 =
                admin.post("/api/v1/tasks/" + task.get("id").asText() + "/telegram-replies", Map.of("text", second));
        r2.expect(202);
        awaitTrue(() -> admin.get(r2.header("Location"))
                .expect(200)
                .get("status")
                .asText()
                .equals("SENT"));
        assertEquals(
                2, admin.get(r2.header("Location")).expect(200).get("attempts").asInt());
        assertEquals(
                2,
                tg().messagesTo(chat).stream()
                        .filter(x -> x.text().endsWith(second))
                        .count());
        // a card of a member without a linked chat cannot be answered in Telegram
        String unlinked = Fixtures.member(admin, Fixtures.person(root, "Анна", null, "Ким"))
                .get("id")
                .asText();
        String card = admin.post(
                        "/api/v1/tasks",
                        Map.of("pipelineId", "member-question", "memberId", unlinked, "title", "Вопрос"))
                .expect(201)
                .get("id")
                .asText();
        assertEquals(
                "urn:roster:problem:telegram-not-linked",
                admin.post("/api/v1/tasks/" + card + "/telegram-replies", Map.of("text", "Ответ"))
                        .expect(409)
                        .get("type")
                        .asText());
        assertEquals(
                "text",
                admin.post("/api/v1/tasks/" + task.get("id").asText() + "/telegram-replies", Map.of("text", " "))
                        .expect(422)
                        .get("errors")
                        .get(0)
                        .get("path")
                        .asText());
    }

    @Test
    void anUnlinkedUserIsAskedToLinkBeforeTalkingToAPerson() {
        long chat = newChat();
        assertTrue(say(chat, "/human").text().startsWith("Чтобы связаться с сотрудником"));
    }

    // --- consent and events ------------------------------------------------------------------------------------

    @Test
    void stopWithdrawsTelegramConsentAndStartGrantsItAgain() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, "Бердское МО").get("id").asText();
        String[] m = linkedMember(admin, root, "ru");
        long chat = Long.parseLong(m[1]);
        assertTrue(say(chat, "/stop").text().startsWith("Сообщения в Telegram отключены"));
        JsonNode off = telegramConsent(admin, m[0]);
        assertFalse(off.get("granted").asBoolean());
        assertEquals("telegram", off.get("source").asText());
        assertTrue(say(chat, "/start").text().startsWith("Сообщения в Telegram включены"));
        assertTrue(telegramConsent(admin, m[0]).get("granted").asBoolean());
        // each change is in the consent history on the timeline
        JsonNode timeline =
                admin.get("/api/v1/members/" + m[0] + "/timeline?limit=200").expect(200);
        long changes = 0;
        for (JsonNode e : timeline.get("items")) {
            if (e.get("kind").asText().equals("CONSENT_CHANGE")) {
                changes++;
            }
        }
        assertEquals(3, changes, timeline.toString());
    }

    @Test
    void eventsOfTheBranchAndItsAncestorsCanBeRegisteredFor() {
        Api admin = Api.admin(url);
        String region = Fixtures.root(admin, "Алтайское РО").get("id").asText();
        String district =
                Fixtures.unit(admin, region, "Бийское МО", "DISTRICT").get("id").asText();
        String elsewhere = Fixtures.root(admin, "Чужое РО").get("id").asText();
        // the region's time zone (set for quiet hours) is the one its members read event times in
        admin.put("/api/v1/org-units/" + region + "/time-zone", Map.of("timeZone", "Asia/Barnaul"))
                .expect(200);
        Instant startsAt = Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(3, ChronoUnit.DAYS)
                .plus(12, ChronoUnit.HOURS);
        String title = "Школа актива " + Fixtures.unique("Ё");
        String event = admin.post(
                        "/api/v1/events",
                        Map.of(
                                "orgUnitId",
                                region,
                                "kind",
                                "TRAINING",
                                "title",
                                title,
                                "startsAt",
                                startsAt.toString()))
                .expect(201)
                .get("id")
                .asText();
        String hidden = "Закрытое " + Fixtures.unique("E");
        admin.post(
                        "/api/v1/events",
                        Map.of(
                                "orgUnitId",
                                elsewhere,
                                "kind",
                                "EVENT",
                                "title",
                                hidden,
                                "startsAt",
                                Instant.now().plus(2, ChronoUnit.DAYS).toString()))
                .expect(201);
        String[] m = linkedMember(admin, district, "ru");
        long chat = Long.parseLong(m[1]);
        FakeTelegram.Call list = say(chat, "/events");
        assertTrue(list.text().contains(title), list.text());
        assertFalse(list.text().contains(hidden), list.text());
        String local = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Barnaul"))
                .format(startsAt);
        assertTrue(local.endsWith("19:00"), local);
        assertTrue(list.text().contains(local), list.text());
        JsonNode keyboard = list.params().path("reply_markup").path("inline_keyboard");
        assertEquals(
                "ev:" + event, keyboard.path(0).path(0).path("callback_data").asText());
        assertEquals(
                "Вы записаны: " + title,
                say(chat, FakeTelegram.callbackUpdate(chat, "ev:" + event)).text());
        JsonNode sheet = admin.get("/api/v1/events/" + event + "/attendances").expect(200);
        assertEquals(m[0], sheet.get("items").get(0).get("memberId").asText());
        assertEquals("REGISTERED", sheet.get("items").get(0).get("status").asText());
        assertEquals(
                1,
                admin.get("/api/v1/events/" + event)
                        .expect(200)
                        .get("registered")
                        .asInt());
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static JsonNode telegramConsent(Api admin, String member) {
        for (JsonNode c : admin.get("/api/v1/members/" + member).expect(200).get("consents")) {
            if (c.get("channel").asText().equals("TELEGRAM")) {
                return c;
            }
        }
        throw new AssertionError("no TELEGRAM consent");
    }

    static String sql(String query, String param) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(query)) {
            try {
                ps.setObject(1, UUID.fromString(param));
            } catch (IllegalArgumentException notUuid) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long sqlCount(String query, String uuid, String text) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(query)) {
            ps.setObject(1, UUID.fromString(uuid));
            ps.setString(2, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sqlUpdate(String statement, String uuid) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, UUID.fromString(uuid));
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in " + WAIT);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
