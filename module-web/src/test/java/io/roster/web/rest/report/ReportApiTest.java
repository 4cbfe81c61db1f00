package io.roster.web.rest.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneOffset;
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

/** The dashboard's figures over real HTTP: counted per month, channel and branch, within scope only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ReportApiTest {
    private static final String DASHBOARD = "/api/v1/reports/dashboard";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private record Org(String root, String north, String south) {}

    /** A region with two districts: north makes three contacts and has two members, south one and one. */
    private Org org(Api api) {
        String root =
                Fixtures.root(api, "Отчёты " + Fixtures.unique("R")).get("id").asText();
        String north = Fixtures.unit(api, root, "Північний район", "DISTRICT")
                .get("id")
                .asText();
        String south =
                Fixtures.unit(api, root, "Южный район", "DISTRICT").get("id").asText();
        Map<String, Object> joined = Fixtures.person(north, "Олена", null, "Коваль");
        joined.put("status", "MEMBER");
        String a = Fixtures.member(api, joined).get("id").asText();
        String b = Fixtures.member(api, Fixtures.person(north, "Иван", null, "Сутягин"))
                .get("id")
                .asText();
        String c = Fixtures.member(api, Fixtures.person(south, "Пётр", null, "Елкин"))
                .get("id")
                .asText();
        contact(api, a, "CALL", "PHONE");
        contact(api, a, "CALL", "PHONE");
        contact(api, b, "VISIT", "VISIT");
        contact(api, c, "SMS", "SMS");
        return new Org(root, north, south);
    }

    private static void contact(Api api, String memberId, String type, String channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("type", type);
        body.put("channel", channel);
        api.post("/api/v1/interactions", body).expect(201);
    }

    @Test
    void theDashboardCountsMonthsChannelsAndBranches() {
        Api api = Api.admin(url);
        Org org = org(api);
        JsonNode d = api.get(DASHBOARD + "?months=3&orgUnitId=" + org.root()).expect(200);

        JsonNode months = d.get("newMembers");
        assertEquals(3, months.size());
        JsonNode current = months.get(2);
        assertEquals(
                LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString(),
                current.get("month").asText());
        assertEquals(3, current.get("created").asLong());
        assertEquals(1, current.get("joined").asLong());
        assertEquals(0, months.get(0).get("created").asLong());

        JsonNode channels = d.get("contactsByChannel");
        assertEquals("PHONE", channels.get(0).get("channel").asText());
        assertEquals(2, channels.get(0).get("contacts").asLong());
        assertEquals(3, channels.size());

        JsonNode board = d.get("leaderboard");
        assertEquals(2, board.size());
        assertEquals(org.north(), board.get(0).get("orgUnitId").asText());
        assertEquals("Північний район", board.get(0).get("name").asText());
        assertEquals(3, board.get(0).get("contacts").asLong());
        assertEquals(2, board.get(0).get("newMembers").asLong());
        assertEquals(org.south(), board.get(1).get("orgUnitId").asText());
        assertEquals(1, board.get(1).get("contacts").asLong());
    }

    @Test
    void aRestrictedCallerCountsOnlyItsOwnSubtree() {
        Api admin = Api.admin(url);
        Org org = org(admin);
        Api south = Api.withKey(url, Fixtures.key(admin, List.of("ORG_READ", "MEMBER_READ"), List.of(org.south())));
        JsonNode d = south.get(DASHBOARD).expect(200);
        JsonNode channels = d.get("contactsByChannel");
        assertEquals(1, channels.size());
        assertEquals("SMS", channels.get(0).get("channel").asText());
        assertEquals(1, d.get("newMembers").get(11).get("created").asLong());

        JsonNode outside = south.get(DASHBOARD + "?orgUnitId=" + org.root()).expect(422);
        assertEquals("orgUnitId", outside.get("errors").get(0).get("path").asText());
        assertEquals(
                "unknown-org-unit", outside.get("errors").get(0).get("code").asText());
    }

    @Test
    void badParametersAndMissingPermissionAreRefused() {
        Api admin = Api.admin(url);
        assertEquals(
                "months",
                admin.get(DASHBOARD + "?months=25")
                        .expect(422)
                        .get("errors")
                        .get(0)
                        .get("path")
                        .asText());
        assertEquals(422, admin.get(DASHBOARD + "?months=0").status());
        assertEquals(400, admin.get(DASHBOARD + "?months=many").status());
        Api orgOnly = Api.withKey(url, Fixtures.key(admin, List.of("ORG_READ"), List.of()));
        JsonNode p = orgOnly.get(DASHBOARD).expect(403);
        assertTrue(p.get("type").asText().endsWith("forbidden"));
    }
}
