package io.roster.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A regional office's data for the browser tests, in its own org tree: three districts with members (Russian and
 * Ukrainian names, and one hostile name), a training with three people in one district, a call-back pipeline with
 * cards, contacts over several channels, and an API key scoped to the region that the tests sign in with.
 */
final class UiData {
    static final String HOSTILE = "<img src=x onerror=alert(1)>";
    static final String SUBJECT = "Приглашение на собрание отделения";

    final String region;
    final String kirov;
    final String lenin;
    final String central;
    final String sutyagin;
    final String kovalchuk;
    final String hostile;
    final List<String> trio = new ArrayList<>();
    final String event;
    final String pipelineKey;
    final Map<String, String> cards = new LinkedHashMap<>();
    final String key;
    final String keyId;

    UiData(Api admin) {
        region = Fixtures.root(admin, "Омское региональное отделение").get("id").asText();
        kirov = Fixtures.unit(admin, region, "Кировский район", "DISTRICT")
                .get("id")
                .asText();
        lenin = Fixtures.unit(admin, region, "Ленинский район", "DISTRICT")
                .get("id")
                .asText();
        central = Fixtures.unit(admin, region, "Центральный район", "DISTRICT")
                .get("id")
                .asText();

        JsonNode issued = admin.post(
                        "/api/v1/api-keys",
                        Map.of(
                                "name", Fixtures.unique("Омск: сотрудник"),
                                "permissions",
                                        List.of(
                                                "ORG_READ",
                                                "MEMBER_READ",
                                                "MEMBER_WRITE",
                                                "MEMBER_CONTACTS_READ",
                                                "INTERACTION_WRITE",
                                                "EVENT_WRITE",
                                                "TASK_READ",
                                                "TASK_WRITE",
                                                "NOTIFICATION_READ",
                                                "NOTIFICATION_SEND",
                                                "TEMPLATE_WRITE",
                                                "SEGMENT_WRITE",
                                                "KNOWLEDGE_BASE_READ",
                                                "KNOWLEDGE_BASE_WRITE"),
                                "orgUnitIds", List.of(region)))
                .expect(201);
        key = issued.get("secret").asText();
        keyId = issued.get("key").get("id").asText();

        Map<String, Object> ivan = Fixtures.person(kirov, "Иван", "Петрович", "Сутягин");
        ivan.put("status", "SUPPORTER");
        ivan.put("supportLevel", 4);
        ivan.put("birthDate", "1978-04-12");
        ivan.put("phones", List.of(Map.of("number", "8 (913) 123-45-67", "primary", true, "label", "mobile")));
        ivan.put("emails", List.of(Map.of("address", "ivan.sutyagin@example.org")));
        ivan.put(
                "consents",
                List.of(
                        Map.of("channel", "PHONE", "granted", true, "source", "анкета", "evidence", "анкета № 512"),
                        Map.of("channel", "TELEGRAM", "granted", true, "source", "telegram"),
                        Map.of("channel", "SMS", "granted", false, "source", "звонок")));
        ivan.put("tags", List.of("агитатор", "школа актива"));
        sutyagin = Fixtures.member(admin, ivan).get("id").asText();
        Map<String, Object> olena = Fixtures.person(kirov, "Олена", "Петрівна", "Ковальчук");
        olena.put("preferredLanguage", "uk");
        olena.put("status", "MEMBER");
        olena.put("tags", List.of("волонтерка"));
        kovalchuk = Fixtures.member(admin, olena).get("id").asText();
        hostile = Fixtures.member(admin, Fixtures.person(kirov, HOSTILE, null, "Тестов"))
                .get("id")
                .asText();
        String[][] lenins = {{"Александра", "Смирнова"}, {"Дмитрий", "Волков"}, {"Мария", "Орлова"}};
        for (String[] n : lenins) {
            trio.add(Fixtures.member(admin, Fixtures.person(lenin, n[0], null, n[1]))
                    .get("id")
                    .asText());
        }
        String[][] others = {
            {"Анна", "Кузнецова"}, {"Сергей", "Попов"}, {"Елена", "Соколова"}, {"Алексей", "Лебедев"},
            {"Ольга", "Новикова"}, {"Николай", "Морозов"}, {"Татьяна", "Павлова"}, {"Андрей", "Семёнов"},
            {"Наталья", "Голубева"}, {"Михаил", "Виноградов"}, {"Ирина", "Богданова"}, {"Павел", "Фёдоров"}
        };
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < others.length; i++) {
            Map<String, Object> p = Fixtures.person(i % 3 == 0 ? kirov : central, others[i][0], null, others[i][1]);
            p.put("status", i % 4 == 0 ? "MEMBER" : "SUPPORTER");
            crowd.add(Fixtures.member(admin, p).get("id").asText());
        }
        backdate(crowd);

        // contacts of the last months over several channels, for the dashboard
        String[][] kinds = {
            {"CALL", "PHONE"}, {"SMS", "SMS"}, {"VISIT", "VISIT"}, {"TELEGRAM", "TELEGRAM"}, {"MEETING", "IN_PERSON"}
        };
        List<String> everyone = new ArrayList<>(crowd);
        everyone.add(sutyagin);
        everyone.add(kovalchuk);
        for (int i = 0; i < 40; i++) {
            String[] k = kinds[(i * 7) % 11 % kinds.length];
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("memberId", everyone.get(i % everyone.size()));
            body.put("type", k[0]);
            body.put("channel", k[1]);
            body.put("outcome", i % 3 == 0 ? "NOT_HOME" : "REACHED");
            body.put(
                    "occurredAt",
                    Instant.now().minus(i * 3L + 1, ChronoUnit.DAYS).toString());
            admin.post("/api/v1/interactions", body).expect(201);
        }
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("memberId", sutyagin);
        call.put("type", "CALL");
        call.put("channel", "PHONE");
        call.put("outcome", "REACHED");
        call.put("subject", "Согласился помочь с обходом");
        call.put("occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        admin.post("/api/v1/interactions", call).expect(201);

        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("orgUnitId", lenin);
        ev.put("kind", "TRAINING");
        ev.put("title", "Школа актива: работа с избирателями");
        ev.put("place", "Омск, ул. Ленина, 10, зал 2");
        ev.put(
                "startsAt",
                Instant.now()
                        .plus(1, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.HOURS)
                        .toString());
        ev.put("capacity", 40);
        event = admin.post("/api/v1/events", ev).expect(201).get("id").asText();

        pipelineKey = "ui-calls-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/api/v1/pipelines", pipeline()).expect(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        card(admin, "new", "Позвонить: Волков", trio.get(1), today.minusDays(2), "HIGH", true);
        card(admin, "new", "Позвонить: Смирнова", trio.get(0), today, "NORMAL", true);
        card(admin, "new", "Пригласить на школу актива", sutyagin, today.plusDays(5), "NORMAL", false);
        card(admin, "new", "Уточнить адрес", kovalchuk, null, "LOW", false);
        card(admin, "calling", "Позвонить: Орлова", trio.get(2), today.plusDays(1), "URGENT", true);
        card(admin, "calling", "Напомнить о взносе", crowd.get(0), today.minusDays(1), "NORMAL", false);
        card(admin, "done", "Поздравить с вступлением", crowd.get(4), null, "NORMAL", false);
    }

    private Map<String, Object> pipeline() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", pipelineKey);
        p.put("names", Map.of("ru", "Обзвон волонтёров", "uk", "Обдзвін волонтерів", "en", "Volunteer call-backs"));
        p.put("orgUnitId", region);
        p.put(
                "stages",
                List.of(
                        Map.of(
                                "key",
                                "new",
                                "names",
                                Map.of("ru", "Новые", "uk", "Нові", "en", "New"),
                                "category",
                                "OPEN"),
                        Map.of(
                                "key",
                                "calling",
                                "names",
                                Map.of("ru", "Звоним", "uk", "Телефонуємо", "en", "Calling"),
                                "category",
                                "IN_PROGRESS",
                                "wipLimit",
                                4),
                        Map.of(
                                "key",
                                "done",
                                "names",
                                Map.of("ru", "Готово", "uk", "Готово", "en", "Done"),
                                "category",
                                "DONE")));
        return p;
    }

    private void card(
            Api admin, String stage, String title, String memberId, LocalDate due, String priority, boolean checklist) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("pipelineId", pipelineKey);
        c.put("stage", stage);
        c.put("title", title);
        c.put("memberId", memberId);
        c.put("assigneeId", keyId);
        c.put("priority", priority);
        if (due != null) {
            c.put("dueOn", due.toString());
        }
        if (checklist) {
            c.put("description", "Спросить, сможет ли прийти на занятие в субботу.");
            c.put(
                    "checklist",
                    List.of(
                            Map.of("text", "Позвонить", "done", true),
                            Map.of("text", "Записать ответ", "done", false)));
        }
        cards.put(title, admin.post("/api/v1/tasks", c).expect(201).get("id").asText());
    }

    /** Spreads the crowd's profiles over the last eight months, so the dashboard has a history to draw. */
    private static void backdate(List<String> ids) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("update member set created_at = now() - make_interval(days => ?),"
                                + " joined_on = case when status = 'MEMBER' then (now() - make_interval(days => ?))::date end"
                                + " where id = ?::uuid")) {
            for (int i = 0; i < ids.size(); i++) {
                int days = (i * 23) % 240 + 1;
                ps.setInt(1, days);
                ps.setInt(2, days);
                ps.setString(3, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
