package io.roster.web.rest.pipeline;

import static io.roster.web.rest.pipeline.TaskApiTest.card;
import static io.roster.web.rest.pipeline.TaskApiTest.rows;
import static io.roster.web.rest.pipeline.TaskApiTest.stage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.impl.pipeline.SlaEscalation;
import io.roster.spi.pipeline.TaskNotification;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
 * The SLA job as it runs: the server's scheduler (every second in tests) and, at the same time, a second instance —
 * the same job on its own connection, as another app instance would run it. Every breached card is escalated once,
 * by one of them, and the change shows over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SlaEscalationApiTest {
    static final int CARDS = 40;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    @Test
    void breachedCardsAreEscalatedOnceWhileTwoInstancesRunTheJob() throws Exception {
        Api api = Api.admin(url);
        String root =
                Fixtures.root(api, "SLA " + Fixtures.unique("R")).get("id").asText();
        Map<String, Object> slow = stage("slow", "IN_PROGRESS");
        slow.put("slaDays", 2);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", Fixtures.unique("sla").toLowerCase());
        body.put("names", Map.of("ru", "Сроки", "uk", "Терміни", "en", "Deadlines"));
        body.put("orgUnitId", root);
        body.put("stages", List.of(slow, stage("done", "DONE")));
        body.put(
                "automations",
                List.of(
                        Map.of("on", "SLA_BREACH", "stage", "slow", "action", "ASSIGN", "staffId", "duty-officer"),
                        Map.of("on", "SLA_BREACH", "stage", "slow", "action", "RAISE_PRIORITY"),
                        Map.of("on", "SLA_BREACH", "stage", "slow", "action", "NOTIFY", "message", "Просрочено")));
        String pipelineId =
                api.post("/api/v1/pipelines", body).expect(201).get("id").asText();
        String memberId = Fixtures.member(api, Fixtures.person(root, "Оксана", null, "Ґонта"))
                .get("id")
                .asText();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            Map<String, Object> c = card(pipelineId, "Срок " + i);
            c.put("memberId", memberId);
            c.put("assigneeId", "slowpoke");
            ids.add(api.post("/api/v1/tasks", c).expect(201).get("id").asText());
        }
        assertTrue(api.get("/api/v1/tasks/" + ids.get(0))
                .expect(200)
                .path("escalatedAt")
                .isMissingNode());

        // the second instance starts claiming as soon as the cards fall due, racing the server's scheduler
        List<TaskNotification> sentBySecond = Collections.synchronizedList(new ArrayList<>());
        Thread second = new Thread(() -> {
            SlaEscalation job = new SlaEscalation(sentBySecond::add);
            try (Connection c = TestDatabase.dataSource().getConnection()) {
                c.setAutoCommit(false);
                long until = System.currentTimeMillis() + 5_000;
                while (System.currentTimeMillis() < until) {
                    job.run(c, Instant.now(), 1);
                    c.commit();
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        second.start();
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update task set sla_due_at = now() - interval '1 minute' where pipeline_id = ?::uuid")) {
            ps.setString(1, pipelineId);
            assertEquals(CARDS, ps.executeUpdate());
        }
        second.join();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && !allEscalated(pipelineId)) {
            Thread.sleep(200);
        }
        Thread.sleep(2_500); // two more scheduler runs: nothing more may happen
        assertEquals(
                List.of(List.of(String.valueOf(CARDS), String.valueOf(CARDS))),
                rows(
                        "select count(*), count(distinct task_id) from task_history where pipeline_id = ?::uuid"
                                + " and kind = 'ESCALATED'",
                        pipelineId));
        JsonNode t = api.get("/api/v1/tasks/" + ids.get(7)).expect(200);
        assertEquals("duty-officer", t.get("assigneeId").asText());
        assertEquals("HIGH", t.get("priority").asText());
        assertTrue(t.hasNonNull("escalatedAt"));
        assertEquals(1, t.get("version").asInt());
        JsonNode timeline = api.get("/api/v1/members/" + memberId + "/timeline?kind=TASK&limit=200")
                .expect(200);
        long assigned = 0;
        for (JsonNode e : timeline.get("items")) {
            if (e.get("type").asText().equals("ASSIGNED")) {
                assigned++;
            }
        }
        assertEquals(CARDS, assigned, "one reassignment per card on the member's timeline");
        assertTrue(sentBySecond.size() <= CARDS);
    }

    private static boolean allEscalated(String pipelineId) {
        return rows("select count(*) from task where pipeline_id = ?::uuid and escalated_at is null", pipelineId)
                .get(0)
                .get(0)
                .equals("0");
    }
}
