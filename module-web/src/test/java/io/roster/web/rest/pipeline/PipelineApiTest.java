package io.roster.web.rest.pipeline;

import static io.roster.web.rest.pipeline.TaskApiTest.card;
import static io.roster.web.rest.pipeline.TaskApiTest.errors;
import static io.roster.web.rest.pipeline.TaskApiTest.rows;
import static io.roster.web.rest.pipeline.TaskApiTest.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Pipeline definitions over real HTTP: the shipped templates, validation with field paths, editing without stranding
 * cards, assignee rules, automations with their loop guard, and metrics.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PipelineApiTest {
    static final String PIPELINES = "/api/v1/pipelines";
    static final String TASKS = "/api/v1/tasks";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private Api api() {
        return Api.admin(url);
    }

    private String root() {
        return Fixtures.root(api(), "Воронки " + Fixtures.unique("R")).get("id").asText();
    }

    private static String key() {
        return Fixtures.unique("p").toLowerCase();
    }

    private static Map<String, Object> definition(String key, String orgUnitId, List<Map<String, Object>> stages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("names", Map.of("ru", "Воронка", "uk", "Воронка", "en", "Pipeline"));
        body.put("orgUnitId", orgUnitId);
        body.put("stages", stages);
        return body;
    }

    private static Map<String, Object> automation(String on, String stage, String action, Map<String, Object> params) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("on", on);
        a.put("stage", stage);
        a.put("action", action);
        a.putAll(params);
        return a;
    }

    @Test
    void theFourTemplatesShipWithRussianUkrainianAndEnglishNamesAndAreEditable() {
        Api api = api();
        JsonNode page = api.get(PIPELINES + "?limit=200").expect(200);
        List<String> templates = new ArrayList<>();
        page.get("items").forEach(p -> {
            if (p.hasNonNull("template")) {
                templates.add(p.get("template").asText());
            }
        });
        assertTrue(
                templates.containsAll(
                        List.of("onboarding", "member-question", "event-organisation", "supporter-to-member")),
                templates.toString());
        JsonNode onboarding = api.get(PIPELINES + "/onboarding").expect(200);
        assertEquals("Приём нового члена", onboarding.get("names").get("ru").asText());
        assertEquals("Прийом нового члена", onboarding.get("names").get("uk").asText());
        assertEquals("New member onboarding", onboarding.get("names").get("en").asText());
        List<String> stages = new ArrayList<>();
        onboarding.get("stages").forEach(s -> stages.add(s.get("key").asText()));
        assertEquals(
                List.of(
                        "application-received",
                        "interview",
                        "approved",
                        "welcome-training",
                        "active-member",
                        "declined"),
                stages);
        assertEquals(
                "Співбесіда",
                onboarding.get("stages").get(1).get("names").get("uk").asText());
        JsonNode question = api.get(PIPELINES + "/member-question").expect(200);
        assertEquals(
                "Ответ дан",
                question.get("stages").get(3).get("names").get("ru").asText());

        // editable like any pipeline: rename the English name of event-organisation and back
        JsonNode events = api.get(PIPELINES + "/event-organisation").expect(200);
        String etag = "\"" + events.get("version").asText() + "\"";
        JsonNode renamed = api.header("If-Match", etag)
                .patch(
                        PIPELINES + "/event-organisation",
                        Map.of(
                                "names",
                                Map.of(
                                        "ru",
                                        "Организация мероприятия",
                                        "uk",
                                        "Організація заходу",
                                        "en",
                                        "Organising an event")))
                .expect(200);
        assertEquals("Organising an event", renamed.get("names").get("en").asText());
        assertEquals(
                412,
                api.header("If-Match", etag)
                        .patch(PIPELINES + "/event-organisation", Map.of("abandonReasons", List.of("x")))
                        .status());
    }

    @Test
    void invalidDefinitionsAre422WithEveryPath() {
        Api api = api();
        String root = root();
        Map<String, Object> bad = stage("Bad Key", "OPEN");
        bad.put("requiredFields", List.of("shoeSize"));
        bad.put("allowedNext", List.of("nowhere"));
        bad.put("wipLimit", 0);
        bad.put("assigneeRule", Map.of("strategy", "round-robin", "group", List.of()));
        Map<String, Object> dropped = stage("gone", "DROPPED");
        Map<String, Object> body = definition("Ключ", root, List.of(bad, dropped));
        body.put(
                "automations",
                List.of(
                        automation("ENTER_STAGE", "gone", "RAISE_PRIORITY", Map.of()),
                        automation("ENTER_STAGE", "gone", "CREATE_TASK", Map.of("pipelineKey", "no-such-pipeline"))));
        JsonNode p = api.post(PIPELINES, body).expect(422);
        assertEquals(
                List.of(
                        "key:invalid-key",
                        "stages[0].key:invalid-key",
                        "stages[0].wipLimit:range",
                        "stages[0].requiredFields[0]:unknown-field",
                        "stages[0].allowedNext[0]:unknown-stage",
                        "stages[0].assigneeRule.group:required",
                        "abandonReasons:required-for-dropped-stage",
                        "automations[0].action:not-allowed-on-trigger",
                        "automations[1].pipelineKey:unknown-pipeline"),
                errors(p));
        Map<String, Object> psychic =
                definition(key(), root, List.of(withRule(stage("a", "OPEN"), Map.of("strategy", "psychic"))));
        assertEquals(
                List.of("stages[0].assigneeRule.strategy:unknown-strategy"),
                errors(api.post(PIPELINES, psychic).expect(422)));
        String taken = key();
        api.post(PIPELINES, definition(taken, root, List.of(stage("a", "OPEN"))))
                .expect(201);
        JsonNode conflict = api.post(PIPELINES, definition(taken, root, List.of(stage("a", "OPEN"))))
                .expect(409);
        assertEquals(
                "urn:roster:problem:pipeline-key-taken", conflict.get("type").asText());
    }

    private static Map<String, Object> withRule(Map<String, Object> stage, Map<String, Object> rule) {
        stage.put("assigneeRule", rule);
        return stage;
    }

    @Test
    void removingAStageThatHoldsCardsIsRefusedUnlessTheCardsGoToANamedStage() {
        Api api = api();
        String root = root();
        String key = key();
        JsonNode p = api.post(
                        PIPELINES,
                        definition(
                                key, root, List.of(stage("a", "OPEN"), stage("b", "IN_PROGRESS"), stage("c", "DONE"))))
                .expect(201);
        String id = p.get("id").asText();
        Map<String, Object> c1 = card(id, "В этапе b");
        c1.put("orgUnitId", root);
        c1.put("stage", "b");
        String card1 = api.post(TASKS, c1).expect(201).get("id").asText();
        Map<String, Object> c0 = card(id, "Уже в a");
        c0.put("orgUnitId", root);
        String card0 = api.post(TASKS, c0).expect(201).get("id").asText();

        Map<String, Object> withoutB = Map.of("stages", List.of(stage("a", "OPEN"), stage("c", "DONE")));
        JsonNode refused = api.patch(PIPELINES + "/" + id, withoutB).expect(422);
        assertEquals(List.of("stages:stage-holds-cards"), errors(refused));
        assertTrue(refused.get("errors").get(0).get("message").asText().contains("moveCards.b"));
        assertEquals(3, api.get(PIPELINES + "/" + id).expect(200).get("stages").size(), "nothing changed");

        Map<String, Object> badTarget = new LinkedHashMap<>(withoutB);
        badTarget.put("moveCards", Map.of("b", "zzz"));
        assertEquals(
                List.of("moveCards.b:unknown-stage"),
                errors(api.patch(PIPELINES + "/" + id, badTarget).expect(422)));

        Map<String, Object> moving = new LinkedHashMap<>(withoutB);
        moving.put("moveCards", Map.of("b", "a"));
        JsonNode changed = api.patch(PIPELINES + "/" + id, moving).expect(200);
        assertEquals(2, changed.get("stages").size());
        JsonNode moved = api.get(TASKS + "/" + card1).expect(200);
        assertEquals("a", moved.get("stage").asText());
        assertEquals(
                List.of(card0, card1),
                TaskApiTest.ids(
                        api.get(PIPELINES + "/" + id + "/stages/a/tasks").expect(200)),
                "moved cards go to the end of the column");
        assertEquals(
                List.of(List.of("STAGE", "b", "a", "stage-removed")),
                rows(
                        "select kind, from_stage, to_stage, reason from task_history where task_id = ?::uuid"
                                + " and kind = 'STAGE'",
                        card1));
    }

    @Test
    void assigneeRulesGiveCardsToAFixedPersonInTurnOrToTheCoordinator() {
        Api api = api();
        String root = root();
        String district =
                Fixtures.unit(api, root, "Район", "DISTRICT").get("id").asText();
        api.put("/api/v1/org-units/" + root + "/coordinator", Map.of("staffId", "coordinator-root"));
        Map<String, Object> fixed = withRule(stage("fixed", "OPEN"), Map.of("strategy", "fixed", "staffId", "ivan"));
        Map<String, Object> turns =
                withRule(stage("turns", "OPEN"), Map.of("strategy", "round-robin", "group", List.of("a", "b", "c")));
        Map<String, Object> coord = withRule(stage("coord", "OPEN"), Map.of("strategy", "org-coordinator"));
        String id = api.post(PIPELINES, definition(key(), root, List.of(fixed, turns, coord)))
                .expect(201)
                .get("id")
                .asText();
        assertEquals(
                "ivan", create(api, id, "fixed", district).get("assigneeId").asText());
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            got.add(create(api, id, "turns", district).get("assigneeId").asText());
        }
        assertEquals(List.of("a", "b", "c", "a"), got);
        assertEquals(
                "coordinator-root",
                create(api, id, "coord", district).get("assigneeId").asText(),
                "the nearest coordinated ancestor");
        assertEquals(
                "coordinator-root",
                api.get("/api/v1/org-units/" + district + "/coordinator")
                        .expect(200)
                        .get("staffId")
                        .asText());
        api.put("/api/v1/org-units/" + district + "/coordinator", Map.of("staffId", "coordinator-district"));
        assertEquals(
                "coordinator-district",
                create(api, id, "coord", district).get("assigneeId").asText());
        // an explicit assignee wins over the rule
        Map<String, Object> b = card(id, "С исполнителем");
        b.put("stage", "fixed");
        b.put("orgUnitId", district);
        b.put("assigneeId", "maria");
        assertEquals("maria", api.post(TASKS, b).expect(201).get("assigneeId").asText());
    }

    private static JsonNode create(Api api, String pipelineId, String stage, String orgUnitId) {
        Map<String, Object> b = card(pipelineId, "Карточка " + stage);
        b.put("stage", stage);
        b.put("orgUnitId", orgUnitId);
        return api.post(TASKS, b).expect(201);
    }

    @Test
    void enteringAStageRunsItsAutomationsInTheSameTransaction() {
        Api api = api();
        String root = root();
        String followUpKey = key();
        api.post(PIPELINES, definition(followUpKey, root, List.of(stage("todo", "OPEN"), stage("done", "DONE"))))
                .expect(201);
        Map<String, Object> body =
                definition(key(), root, List.of(stage("lead", "OPEN"), stage("volunteer", "IN_PROGRESS")));
        body.put(
                "automations",
                List.of(
                        automation(
                                "ENTER_STAGE", "volunteer", "SET_MEMBER_STATUS", Map.of("memberStatus", "VOLUNTEER")),
                        automation("ENTER_STAGE", "volunteer", "ADD_TAG", Map.of("tag", "волонтёр")),
                        automation("ENTER_STAGE", "volunteer", "ASSIGN", Map.of("staffId", "volunteer-lead")),
                        automation("ENTER_STAGE", "volunteer", "NOTIFY", Map.of("message", "Новый волонтёр")),
                        automation(
                                "ENTER_STAGE",
                                "volunteer",
                                "CREATE_TASK",
                                Map.of("pipelineKey", followUpKey, "title", "Выдать агитматериалы"))));
        String id = api.post(PIPELINES, body).expect(201).get("id").asText();
        Map<String, Object> person = Fixtures.person(root, "Степан", "Богданович", "Їжаченко");
        person.put("status", "SUPPORTER");
        String memberId = Fixtures.member(api, person).get("id").asText();
        Map<String, Object> c = card(id, "Стать волонтёром");
        c.put("memberId", memberId);
        String cardId = api.post(TASKS, c).expect(201).get("id").asText();

        JsonNode moved =
                api.patch(TASKS + "/" + cardId, Map.of("stage", "volunteer")).expect(200);
        assertEquals("volunteer-lead", moved.get("assigneeId").asText());
        JsonNode member = api.get("/api/v1/members/" + memberId).expect(200);
        assertEquals("VOLUNTEER", member.get("status").asText());
        assertTrue(
                member.get("tags").toString().contains("волонтёр"),
                member.get("tags").toString());
        JsonNode followUps = api.get(TASKS + "?pipelineId=" + followUpKey + "&memberId=" + memberId)
                .expect(200);
        assertEquals(1, followUps.get("items").size());
        assertEquals(
                "Выдать агитматериалы",
                followUps.get("items").get(0).get("title").asText());
        assertEquals("todo", followUps.get("items").get(0).get("stage").asText());
    }

    @Test
    void automationsThatLoopAreStoppedWithAClearErrorAndChangeNothing() {
        Api api = api();
        String root = root();
        String ping = key();
        String pong = key();
        api.post(PIPELINES, definition(ping, root, List.of(stage("in", "OPEN"))))
                .expect(201);
        Map<String, Object> pongBody = definition(pong, root, List.of(stage("in", "OPEN")));
        pongBody.put(
                "automations", List.of(automation("ENTER_STAGE", "in", "CREATE_TASK", Map.of("pipelineKey", ping))));
        api.post(PIPELINES, pongBody).expect(201);
        Map<String, Object> pingChange = Map.of(
                "automations", List.of(automation("ENTER_STAGE", "in", "CREATE_TASK", Map.of("pipelineKey", pong))));
        api.patch(PIPELINES + "/" + ping, pingChange).expect(200);
        Map<String, Object> c = card(ping, "Пинг");
        c.put("orgUnitId", root);
        JsonNode problem = api.post(TASKS, c).expect(409);
        assertEquals(
                "urn:roster:problem:automation-depth-exceeded",
                problem.get("type").asText());
        assertTrue(problem.get("detail").asText().contains(ping + "/in → " + pong + "/in"), problem.toString());
        assertEquals(
                List.of("key:key-in-use"),
                errors(api.patch(PIPELINES + "/" + pong, Map.of("key", key())).expect(422)),
                "ping's automation creates cards in pong by key");
        String pingId = api.get(PIPELINES + "/" + ping).expect(200).get("id").asText();
        String pongId = api.get(PIPELINES + "/" + pong).expect(200).get("id").asText();
        assertEquals(
                "0",
                rows("select count(*) from task where pipeline_id in (?::uuid, ?::uuid)", pingId, pongId)
                        .get(0)
                        .get(0));
    }

    @Test
    void metricsCountCardsPerStageConversionAndClosingsPerWeekWithReasons() {
        Api api = api();
        String root = root();
        Map<String, Object> body = definition(
                key(),
                root,
                List.of(stage("a", "OPEN"), stage("b", "IN_PROGRESS"), stage("won", "DONE"), stage("lost", "DROPPED")));
        body.put("abandonReasons", List.of("moved-away", "refused"));
        String id = api.post(PIPELINES, body).expect(201).get("id").asText();
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> c = card(id, "Метрика " + i);
            c.put("orgUnitId", root);
            if (i == 0) {
                c.put("dueOn", "2020-01-01");
            }
            cards.add(api.post(TASKS, c).expect(201).get("id").asText());
        }
        api.patch(TASKS + "/" + cards.get(0), Map.of("stage", "b")).expect(200);
        api.patch(TASKS + "/" + cards.get(1), Map.of("stage", "b")).expect(200);
        api.patch(TASKS + "/" + cards.get(1), Map.of("stage", "won")).expect(200);
        api.patch(TASKS + "/" + cards.get(2), Map.of("stage", "lost", "abandonReason", "refused"))
                .expect(200);
        JsonNode m = api.get(PIPELINES + "/" + id + "/metrics").expect(200);
        JsonNode a = m.get("stages").get(0);
        assertEquals("a", a.get("stage").asText());
        assertEquals(1, a.get("cards").asInt());
        assertEquals(4, a.get("entered").asInt());
        assertEquals(0.5, a.get("conversion").asDouble(), 1e-9);
        assertFalse(a.get("medianHours").isNull());
        JsonNode b = m.get("stages").get(1);
        assertEquals(1, b.get("cards").asInt());
        assertEquals(2, b.get("entered").asInt());
        assertEquals(0.5, b.get("conversion").asDouble(), 1e-9);
        assertEquals(1, m.get("overdue").asInt());
        assertEquals(1, m.get("weeks").size());
        JsonNode week = m.get("weeks").get(0);
        assertEquals(1, week.get("completed").asInt());
        assertEquals(1, week.get("abandoned").asInt());
        assertEquals(1, week.get("abandonReasons").get("refused").asInt());
        JsonNode last = m.get("stages").get(3);
        assertTrue(last.path("conversion").isMissingNode()
                || last.get("conversion").isNull());
        assertEquals(
                422,
                api.get(PIPELINES + "/" + id + "/metrics?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z")
                        .status());
        // a unit outside the subtree: nothing
        String other =
                Fixtures.root(api, "Другая " + Fixtures.unique("R")).get("id").asText();
        JsonNode none =
                api.get(PIPELINES + "/" + id + "/metrics?orgUnitId=" + other).expect(200);
        assertEquals(0, none.get("stages").get(0).get("entered").asInt());
        assertNull(none.get("stages").get(0).get("medianHours"));
    }
}
