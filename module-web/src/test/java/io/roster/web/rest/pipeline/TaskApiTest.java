package io.roster.web.rest.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cards over real HTTP: the lifecycle from creation to closing, moves with their 422/412/409 answers, ranks within a
 * column, concurrent moves of one card, the member's timeline, automations and their loop guard, the board and "my
 * tasks", and scope isolation between two keys of different units.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TaskApiTest {
    static final String TASKS = "/api/v1/tasks";
    static final String PIPELINES = "/api/v1/pipelines";
    static final List<String> STAFF = List.of("ORG_READ", "MEMBER_READ", "MEMBER_WRITE", "TASK_READ", "TASK_WRITE");

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
        return Fixtures.root(api(), "Задачи " + Fixtures.unique("R")).get("id").asText();
    }

    static Map<String, Object> stage(String key, String category) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("key", key);
        s.put("names", Map.of("ru", "Этап " + key, "uk", "Етап " + key, "en", "Stage " + key));
        s.put("category", category);
        return s;
    }

    /** A pipeline of the unit: new → work (needs assignee and due date, WIP 2) → done / dropped; new may not skip. */
    static JsonNode pipeline(Api api, String orgUnitId) {
        Map<String, Object> work = stage("work", "IN_PROGRESS");
        work.put("requiredFields", List.of("assigneeId", "dueOn"));
        work.put("wipLimit", 2);
        work.put("slaDays", 3);
        Map<String, Object> fresh = stage("new", "OPEN");
        fresh.put("allowedNext", List.of("work", "dropped"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", Fixtures.unique("p").toLowerCase());
        body.put("names", Map.of("ru", "Обращения", "uk", "Звернення", "en", "Requests"));
        body.put("orgUnitId", orgUnitId);
        body.put("stages", List.of(fresh, work, stage("done", "DONE"), stage("dropped", "DROPPED")));
        body.put("abandonReasons", List.of("duplicate", "no-response"));
        return api.post(PIPELINES, body).expect(201);
    }

    static Map<String, Object> card(String pipelineId, String title) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("pipelineId", pipelineId);
        b.put("title", title);
        return b;
    }

    static List<String> errors(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors")
                .forEach(e ->
                        out.add(e.get("path").asText() + ":" + e.get("code").asText()));
        return out;
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    static List<List<String>> rows(String sql, Object... params) {
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(String.valueOf(rs.getObject(i)));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String etag(Api.Res r) {
        return r.header("ETag");
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------------

    @Test
    void cardLifecycleFromCreationToClosingIsRecordedInHistoryAndOnTheMembersTimeline() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        String memberId = Fixtures.member(api, Fixtures.person(root, "Олена", "Іванівна", "Ґудзь"))
                .get("id")
                .asText();
        Map<String, Object> body = card(pipelineId, "Перезвонить: вопрос о взносах — Ґудзь");
        body.put("memberId", memberId);
        body.put("description", "Питання про внески.\nПередзвонити ввечері.");
        body.put("labels", List.of("взносы", "срочно"));
        body.put("checklist", List.of(Map.of("text", "Найти телефон", "done", false)));
        body.put("watchers", List.of("staff-watcher"));
        Api.Res created = api.post(TASKS, body);
        JsonNode t = created.expect(201);
        String id = t.get("id").asText();
        assertEquals(TASKS + "/" + id, created.header("Location"));
        assertEquals("\"0\"", etag(created));
        assertEquals("new", t.get("stage").asText());
        assertEquals("OPEN", t.get("stageCategory").asText());
        assertEquals(root, t.get("orgUnitId").asText(), "the member's home unit");
        assertEquals("Перезвонить: вопрос о взносах — Ґудзь", t.get("title").asText());
        assertEquals(
                "Питання про внески.\nПередзвонити ввечері.",
                t.get("description").asText());
        assertEquals("NORMAL", t.get("priority").asText());
        assertEquals("[\"взносы\",\"срочно\"]", t.get("labels").toString());

        JsonNode got = api.get(TASKS + "/" + id).expect(200);
        assertEquals(t, got);

        // to work without the fields it requires: every reason at once, nothing changes
        JsonNode refused = api.header("If-Match", "\"0\"")
                .patch(TASKS + "/" + id, Map.of("stage", "work"))
                .expect(422);
        assertEquals(List.of("assigneeId:required-by-stage", "dueOn:required-by-stage"), errors(refused));
        assertEquals("new", api.get(TASKS + "/" + id).expect(200).get("stage").asText());

        // new may not skip to done
        JsonNode skip = api.patch(TASKS + "/" + id, Map.of("stage", "done")).expect(422);
        assertEquals(List.of("stage:transition-not-allowed"), errors(skip));

        Map<String, Object> move = new LinkedHashMap<>();
        move.put("stage", "work");
        move.put("assigneeId", "staff-1");
        move.put("dueOn", "2030-01-15");
        Api.Res moved = api.header("If-Match", "\"0\"").patch(TASKS + "/" + id, move);
        JsonNode m = moved.expect(200);
        assertEquals("work", m.get("stage").asText());
        assertEquals("IN_PROGRESS", m.get("stageCategory").asText());
        assertEquals("staff-1", m.get("assigneeId").asText());
        assertNotNull(m.get("slaDueAt").asText());
        assertEquals("\"1\"", etag(moved));

        // a stale version is refused
        Api.Res stale = api.header("If-Match", "\"0\"").patch(TASKS + "/" + id, Map.of("title", "x"));
        assertEquals(412, stale.status());
        assertEquals(1, stale.json().get("currentVersion").asInt());

        // dropping needs a configured reason
        JsonNode noReason =
                api.patch(TASKS + "/" + id, Map.of("stage", "dropped")).expect(422);
        assertEquals(List.of("abandonReason:required-by-stage"), errors(noReason));
        JsonNode badReason = api.patch(TASKS + "/" + id, Map.of("stage", "dropped", "abandonReason", "bored"))
                .expect(422);
        assertEquals(List.of("abandonReason:unknown-reason"), errors(badReason));

        JsonNode done = api.patch(TASKS + "/" + id, Map.of("stage", "done")).expect(200);
        assertEquals("DONE", done.get("closeReason").asText());
        assertNotNull(done.get("closedAt").asText());

        JsonNode history = api.get(TASKS + "/" + id + "/history").expect(200);
        List<String> kinds = new ArrayList<>();
        history.get("items")
                .forEach(h -> kinds.add(
                        h.get("kind").asText() + ":" + h.path("toStage").asText("") + ":"
                                + h.path("toAssignee").asText("")));
        assertEquals(
                List.of("CREATED:new:", "STAGE:work:", "ASSIGNEE::staff-1", "STAGE:done:", "COMPLETED:done:"), kinds);

        JsonNode timeline =
                api.get("/api/v1/members/" + memberId + "/timeline?kind=TASK").expect(200);
        List<String> types = new ArrayList<>();
        timeline.get("items").forEach(e -> types.add(e.get("type").asText()));
        assertEquals(List.of("CLOSED", "MOVED", "ASSIGNED", "MOVED", "CREATED"), types);
        assertEquals(
                "Перезвонить: вопрос о взносах — Ґудзь",
                timeline.get("items").get(0).get("title").asText());
        assertEquals(id, timeline.get("items").get(0).get("refId").asText());
    }

    @Test
    void commentsRoundTripInCyrillicOldestFirst() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        Map<String, Object> body = card(pipelineId, "Комментарии");
        body.put("orgUnitId", root);
        String id = api.post(TASKS, body).expect(201).get("id").asText();
        api.post(TASKS + "/" + id + "/comments", Map.of("body", "Дозвонилась, обещал прийти — «в четверг»"))
                .expect(201);
        api.post(TASKS + "/" + id + "/comments", Map.of("body", "Ще раз: ґанок, їжак, є"))
                .expect(201);
        JsonNode page = api.get(TASKS + "/" + id + "/comments").expect(200);
        assertEquals(2, page.get("items").size());
        assertEquals(
                "Дозвонилась, обещал прийти — «в четверг»",
                page.get("items").get(0).get("body").asText());
        assertEquals(
                "Ще раз: ґанок, їжак, є", page.get("items").get(1).get("body").asText());
        assertEquals(
                422,
                api.post(TASKS + "/" + id + "/comments", Map.of("body", "  ")).status());
    }

    @Test
    void badInputIsA422WithFieldPathsAndCreatesNothing() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pipelineId", pipelineId);
        body.put("title", " ");
        body.put("labels", List.of("ok", " "));
        body.put("checklist", List.of(Map.of("text", "", "done", false)));
        body.put("orgUnitId", root);
        JsonNode p = api.post(TASKS, body).expect(422);
        assertEquals(List.of("title:required", "labels[1]:required", "checklist[0].text:required"), errors(p));
        assertEquals(
                "0",
                rows("select count(*) from task where pipeline_id = ?::uuid", pipelineId)
                        .get(0)
                        .get(0));
        Map<String, Object> unknownStage = card(pipelineId, "x");
        unknownStage.put("stage", "nowhere");
        unknownStage.put("orgUnitId", root);
        assertEquals(
                List.of("stage:unknown-stage"),
                errors(api.post(TASKS, unknownStage).expect(422)));
        Map<String, Object> noUnit = card("member-question", "вопрос без члена и без отделения");
        assertEquals(
                List.of("orgUnitId:required"), errors(api.post(TASKS, noUnit).expect(422)));
        assertEquals(
                400,
                api.post(TASKS, Map.of("pipelineId", pipelineId, "title", "x", "colour", "red"))
                        .status());
    }

    @Test
    void cardsFollowTheirMemberIntoAMerge() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        String survivor = Fixtures.member(api, Fixtures.person(root, "Пётр", "Ильич", "Сутягин"))
                .get("id")
                .asText();
        String duplicate = Fixtures.member(api, Fixtures.person(root, "Петр", "Ильич", "Сутягин"))
                .get("id")
                .asText();
        Map<String, Object> b = card(pipelineId, "Дубль");
        b.put("memberId", duplicate);
        String id = api.post(TASKS, b).expect(201).get("id").asText();
        api.patch(TASKS + "/" + id, Map.of("memberId", survivor)).expect(200);
        api.patch(TASKS + "/" + id, Map.of("memberId", duplicate)).expect(200);
        api.post("/api/v1/members/" + survivor + "/merges", Map.of("sourceMemberId", duplicate))
                .expect(200);
        assertEquals(
                survivor, api.get(TASKS + "/" + id).expect(200).get("memberId").asText());
        assertEquals(List.of(id), ids(api.get(TASKS + "?memberId=" + survivor).expect(200)));
        JsonNode timeline =
                api.get("/api/v1/members/" + survivor + "/timeline?kind=TASK").expect(200);
        assertEquals(1, timeline.get("items").size(), "the card's CREATED entry, written for the duplicate, moved too");
        assertEquals("CREATED", timeline.get("items").get(0).get("type").asText());
    }

    // ---- ranks ------------------------------------------------------------------------------------------------------

    @Test
    void placingBetweenTwoCardsChangesOnlyTheMovedCard() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> b = card(pipelineId, "Карточка " + i);
            b.put("orgUnitId", root);
            ids.add(api.post(TASKS, b).expect(201).get("id").asText());
        }
        List<List<String>> before = rows(
                "select id::text, rank, version from task where pipeline_id = ?::uuid order by rank, id", pipelineId);
        // move the last card between the first and the second
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("afterId", ids.get(0));
        place.put("beforeId", ids.get(1));
        api.patch(TASKS + "/" + ids.get(3), place).expect(200);
        JsonNode column = api.get(PIPELINES + "/" + pipelineId + "/stages/new/tasks?limit=3")
                .expect(200);
        assertEquals(List.of(ids.get(0), ids.get(3), ids.get(1)), ids(column));
        JsonNode rest = api.get(PIPELINES + "/" + pipelineId + "/stages/new/tasks?limit=3&cursor="
                        + Api.enc(column.get("nextCursor").asText()))
                .expect(200);
        assertEquals(List.of(ids.get(2)), ids(rest));
        List<List<String>> after = rows(
                "select id::text, rank, version from task where pipeline_id = ?::uuid and id <> ?::uuid order by rank,"
                        + " id",
                pipelineId,
                ids.get(3));
        before.removeIf(r -> r.get(0).equals(ids.get(3)));
        assertEquals(before, after, "no other card of the column changed");

        // only afterId: right after it; only beforeId: right before it
        api.patch(TASKS + "/" + ids.get(0), Map.of("afterId", ids.get(2))).expect(200);
        api.patch(TASKS + "/" + ids.get(1), Map.of("beforeId", ids.get(3))).expect(200);
        assertEquals(
                List.of(ids.get(1), ids.get(3), ids.get(2), ids.get(0)),
                ids(api.get(PIPELINES + "/" + pipelineId + "/stages/new/tasks").expect(200)));
        assertEquals(
                List.of("afterId:not-in-column"),
                errors(api.patch(TASKS + "/" + ids.get(0), Map.of("afterId", "00000000-0000-7000-8000-000000000000"))
                        .expect(422)));
    }

    @Test
    void cardsSharingARankAreRenumberedWhenACardGoesBetweenThem() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> b = card(pipelineId, "Ранг " + i);
            b.put("orgUnitId", root);
            ids.add(api.post(TASKS, b).expect(201).get("id").asText());
        }
        // as two cards appended to the column at the same moment would: the same rank, ordered by id
        rows(
                "update task set rank = (select rank from task where id = ?::uuid) where id = ?::uuid returning id",
                ids.get(0),
                ids.get(1));
        Map<String, Object> between = new LinkedHashMap<>();
        between.put("afterId", ids.get(0));
        between.put("beforeId", ids.get(1));
        api.patch(TASKS + "/" + ids.get(2), between).expect(200);
        assertEquals(
                List.of(ids.get(0), ids.get(2), ids.get(1)),
                ids(api.get(PIPELINES + "/" + pipelineId + "/stages/new/tasks").expect(200)));
        assertEquals(
                List.of(List.of("3")),
                rows("select count(distinct rank) from task where pipeline_id = ?::uuid", pipelineId));
        Map<String, Object> inverted = new LinkedHashMap<>();
        inverted.put("afterId", ids.get(1));
        inverted.put("beforeId", ids.get(0));
        assertEquals(
                List.of("beforeId:not-after"),
                errors(api.patch(TASKS + "/" + ids.get(2), inverted).expect(422)));
    }

    // ---- WIP limit and concurrency ---------------------------------------------------------------------------------

    @Test
    void wipLimitIsA409UnlessOverriddenWithThePermission() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> b = card(pipelineId, "WIP " + i);
            b.put("orgUnitId", root);
            b.put("assigneeId", "staff-wip");
            b.put("dueOn", "2030-02-01");
            ids.add(api.post(TASKS, b).expect(201).get("id").asText());
        }
        api.patch(TASKS + "/" + ids.get(0), Map.of("stage", "work")).expect(200);
        api.patch(TASKS + "/" + ids.get(1), Map.of("stage", "work")).expect(200);
        JsonNode full =
                api.patch(TASKS + "/" + ids.get(2), Map.of("stage", "work")).expect(409);
        assertEquals("urn:roster:problem:wip-limit-reached", full.get("type").asText());
        assertEquals(
                "new",
                api.get(TASKS + "/" + ids.get(2)).expect(200).get("stage").asText());

        Api staff = Api.withKey(url, Fixtures.key(api, STAFF, List.of(root)));
        assertEquals(
                403,
                staff.patch(TASKS + "/" + ids.get(2), Map.of("stage", "work", "overrideWipLimit", true))
                        .status());
        api.patch(TASKS + "/" + ids.get(2), Map.of("stage", "work", "overrideWipLimit", true))
                .expect(200);
        JsonNode board = api.get(PIPELINES + "/" + pipelineId + "/board").expect(200);
        assertEquals(3, board.get("columns").get(1).get("count").asInt());
    }

    @Test
    void concurrentMovesOfOneCardWithTheSameVersionOneWinsAndNothingIsLost() throws Exception {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        Map<String, Object> b = card(pipelineId, "Гонка");
        b.put("orgUnitId", root);
        b.put("assigneeId", "staff-race");
        b.put("dueOn", "2030-03-01");
        String id = api.post(TASKS, b).expect(201).get("id").asText();
        // two staff members, each with their own key, both looking at version 0
        Api alice = Api.withKey(url, Fixtures.key(api, STAFF, List.of(root))).header("If-Match", "\"0\"");
        Api bob = Api.withKey(url, Fixtures.key(api, STAFF, List.of(root))).header("If-Match", "\"0\"");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<Integer> toWork = pool.submit(() -> {
                start.await();
                return alice.patch(TASKS + "/" + id, Map.of("stage", "work")).status();
            });
            Future<Integer> toDropped = pool.submit(() -> {
                start.await();
                return bob.patch(TASKS + "/" + id, Map.of("stage", "dropped", "abandonReason", "duplicate"))
                        .status();
            });
            start.countDown();
            List<Integer> statuses = new ArrayList<>(List.of(toWork.get(), toDropped.get()));
            statuses.sort(null);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdownNow();
        }
        JsonNode t = api.get(TASKS + "/" + id).expect(200);
        assertEquals(1, t.get("version").asInt());
        List<List<String>> moves =
                rows("select to_stage from task_history where task_id = ?::uuid and kind = 'STAGE'", id);
        assertEquals(1, moves.size(), "exactly the winner's move is recorded");
        assertEquals(t.get("stage").asText(), moves.get(0).get(0));

        // without If-Match both moves apply, one after the other, and both are in the history
        ExecutorService pool2 = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        String other = t.get("stage").asText().equals("work") ? "done" : "new";
        try {
            Future<Integer> a = pool2.submit(() -> {
                go.await();
                return api.patch(TASKS + "/" + id, Map.of("priority", "HIGH")).status();
            });
            Future<Integer> c = pool2.submit(() -> {
                go.await();
                return api.patch(TASKS + "/" + id, Map.of("labels", List.of("гонка")))
                        .status();
            });
            go.countDown();
            assertEquals(200, a.get());
            assertEquals(200, c.get());
        } finally {
            pool2.shutdownNow();
        }
        JsonNode both = api.get(TASKS + "/" + id).expect(200);
        assertEquals("HIGH", both.get("priority").asText());
        assertEquals("[\"гонка\"]", both.get("labels").toString());
        assertEquals(3, both.get("version").asInt());
        assertTrue(other.length() > 0);
    }

    // ---- views ------------------------------------------------------------------------------------------------------

    @Test
    void myTasksSplitsTheCallersOpenCardsByDueDate() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        JsonNode key = api.post(
                        "/api/v1/api-keys",
                        Map.of("name", Fixtures.unique("me"), "permissions", STAFF, "orgUnitIds", List.of(root)))
                .expect(201);
        String me = key.get("key").get("id").asText();
        Api mine = Api.withKey(url, key.get("secret").asText());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String[] dues = {
            today.minusDays(3).toString(),
            today.minusDays(1).toString(),
            today.toString(),
            today.plusDays(5).toString(),
            null
        };
        List<String> ids = new ArrayList<>();
        for (String due : dues) {
            Map<String, Object> b = card(pipelineId, "Моя " + due);
            b.put("orgUnitId", root);
            b.put("assigneeId", me);
            if (due != null) {
                b.put("dueOn", due);
            }
            ids.add(api.post(TASKS, b).expect(201).get("id").asText());
        }
        Map<String, Object> other = card(pipelineId, "Чужая");
        other.put("orgUnitId", root);
        other.put("assigneeId", "someone-else");
        other.put("dueOn", today.toString());
        api.post(TASKS, other).expect(201);

        JsonNode view = mine.get("/api/v1/my-tasks").expect(200);
        assertEquals(List.of(ids.get(0), ids.get(1)), ids(view.get("overdue")));
        assertEquals(List.of(ids.get(2)), ids(view.get("today")));
        assertEquals(List.of(ids.get(3), ids.get(4)), ids(view.get("upcoming")), "undated last");
        JsonNode first = mine.get("/api/v1/my-tasks/upcoming?limit=1").expect(200);
        assertEquals(List.of(ids.get(3)), ids(first));
        JsonNode second = mine.get("/api/v1/my-tasks/upcoming?limit=1&cursor="
                        + Api.enc(first.get("nextCursor").asText()))
                .expect(200);
        assertEquals(List.of(ids.get(4)), ids(second));
        assertEquals(400, mine.get("/api/v1/my-tasks/someday").status());
    }

    @Test
    void listsFilterAndPageAndTheBoardCountsEachColumn() {
        Api api = api();
        String root = root();
        String pipelineId = pipeline(api, root).get("id").asText();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> b = card(pipelineId, "Список " + i);
            b.put("orgUnitId", root);
            b.put("labels", List.of(i % 2 == 0 ? "чётная" : "нечётная"));
            b.put("assigneeId", "staff-list");
            b.put("dueOn", "2031-01-0" + (i + 1));
            api.post(TASKS, b).expect(201);
        }
        JsonNode even = api.get(TASKS + "?pipelineId=" + pipelineId + "&label=" + Api.enc("чётная"))
                .expect(200);
        assertEquals(3, even.get("items").size());
        JsonNode due = api.get(TASKS + "?pipelineId=" + pipelineId + "&dueFrom=2031-01-02&dueTo=2031-01-03")
                .expect(200);
        assertEquals(2, due.get("items").size());
        JsonNode page1 =
                api.get(TASKS + "?pipelineId=" + pipelineId + "&limit=2").expect(200);
        JsonNode page2 = api.get(TASKS + "?pipelineId=" + pipelineId + "&limit=2&cursor="
                        + Api.enc(page1.get("nextCursor").asText()))
                .expect(200);
        assertEquals(2, page2.get("items").size());
        assertTrue(
                page1.get("items")
                                .get(1)
                                .get("id")
                                .asText()
                                .compareTo(page2.get("items").get(0).get("id").asText())
                        > 0,
                "newest first");
        assertEquals(
                0,
                api.get(TASKS + "?pipelineId=" + pipelineId + "&category=DONE")
                        .expect(200)
                        .get("items")
                        .size());
        JsonNode board =
                api.get(PIPELINES + "/" + pipelineId + "/board?perColumn=2").expect(200);
        JsonNode col = board.get("columns").get(0);
        assertEquals("new", col.get("stage").get("key").asText());
        assertEquals(5, col.get("count").asInt());
        assertEquals(2, col.get("cards").get("items").size());
        assertNotNull(col.get("cards").get("nextCursor").asText());
        assertEquals(0, board.get("columns").get(1).get("count").asInt());
    }

    // ---- scope ------------------------------------------------------------------------------------------------------

    @Test
    void keysOfDifferentUnitsSeeOnlyTheirOwnCards() {
        Api api = api();
        String root = root();
        String north = Fixtures.unit(api, root, "Северное отделение", "REGION")
                .get("id")
                .asText();
        String south = Fixtures.unit(api, root, "Південне відділення", "REGION")
                .get("id")
                .asText();
        String pipelineId = pipeline(api, root).get("id").asText();
        Api northStaff = Api.withKey(url, Fixtures.key(api, STAFF, List.of(north)));
        Api southStaff = Api.withKey(url, Fixtures.key(api, STAFF, List.of(south)));
        Map<String, Object> b = card(pipelineId, "Северная задача");
        b.put("orgUnitId", north);
        String northCard = northStaff.post(TASKS, b).expect(201).get("id").asText();
        Map<String, Object> s = card(pipelineId, "Південна задача");
        s.put("orgUnitId", south);
        String southCard = southStaff.post(TASKS, s).expect(201).get("id").asText();

        // the root's pipeline is visible inside its subtree
        assertEquals(200, southStaff.get(PIPELINES + "/" + pipelineId).status());
        assertEquals(404, southStaff.get(TASKS + "/" + northCard).status());
        assertEquals(
                404,
                southStaff
                        .patch(TASKS + "/" + northCard, Map.of("title", "чужое"))
                        .status());
        assertEquals(404, southStaff.get(TASKS + "/" + northCard + "/history").status());
        assertEquals(
                List.of(southCard),
                ids(southStaff.get(TASKS + "?pipelineId=" + pipelineId).expect(200)));
        JsonNode board = southStaff.get(PIPELINES + "/" + pipelineId + "/board").expect(200);
        assertEquals(1, board.get("columns").get(0).get("count").asInt());
        assertEquals(
                southCard,
                board.get("columns")
                        .get(0)
                        .get("cards")
                        .get("items")
                        .get(0)
                        .get("id")
                        .asText());
        Map<String, Object> intoNorth = card(pipelineId, "Подброс");
        intoNorth.put("orgUnitId", north);
        assertEquals(
                List.of("orgUnitId:unknown-org-unit"),
                errors(southStaff.post(TASKS, intoNorth).expect(422)));
        // a pipeline of the north unit is not visible in the south
        String northPipeline = pipeline(api, north).get("id").asText();
        assertEquals(404, southStaff.get(PIPELINES + "/" + northPipeline).status());
        List<String> listed = ids(southStaff.get(PIPELINES + "?limit=200").expect(200));
        assertTrue(listed.contains(pipelineId), "the root's pipeline is listed inside its subtree");
        assertTrue(!listed.contains(northPipeline), "a sibling's pipeline is not");
        assertTrue(listed.contains("00000000-0000-7000-8000-00000000a001"), "templates are organisation-wide");
        assertEquals(403, southStaff.post(PIPELINES, Map.of("key", "x")).status());
    }
}
