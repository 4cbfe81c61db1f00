package io.roster.web.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.util.ArrayList;
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
 * A third party's plug-ins (module spi-fixture, compiled against module-api only) deployed with Roster: found as CDI
 * beans and called in the order of their priorities.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class SpiFixtureApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster().addPackages(true, "com.example.crm");
    }

    @ArquillianResource
    URL url;

    private List<String> observed(String what) {
        List<String> out = new ArrayList<>();
        Api.withKey(url, null).get("/example-crm/" + what).expect(200).forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theHostsPrincipalResolverIsAskedFirstAndTheFirstAnswerWins() {
        Api session = Api.withKey(url, null).header("X-Example-Session", "alice");
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        // coordinator permissions come from the first resolver; the shadow one would only grant viewer
        String member = session.post("/api/v1/members", Fixtures.person(root, "Иван", null, "Петров"))
                .expect(201)
                .get("id")
                .asText();
        JsonNode entry = Api.admin(url)
                .get("/api/v1/audit-events?memberId=" + member)
                .expect(200)
                .get("items")
                .get(0);
        assertEquals("alice", entry.get("actorId").asText());
        assertEquals("Example session alice", entry.get("actorName").asText());
        // Roster's own resolvers still work behind it
        Api.admin(url).get("/api/v1/members/" + member).expect(200);
        Api.withKey(url, null).get("/api/v1/members/" + member).expect(401);
    }

    @Test
    void listenersHearEveryCommittedChangeInPriorityOrder() {
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        String member = Fixtures.member(Api.admin(url), Fixtures.person(root, "Иван", null, "Петров"))
                .get("id")
                .asText();
        String eventId = Api.admin(url)
                .get("/api/v1/audit-events?memberId=" + member)
                .expect(200)
                .get("items")
                .get(0)
                .get("id")
                .asText();
        List<String> heard = observed("heard");
        int first = heard.indexOf("activity-feed:member.created:" + eventId);
        int second = heard.indexOf("search-index:member.created:" + eventId);
        assertTrue(first >= 0 && second == first + 1, heard.toString());
        // a refused change is not an event
        int before = observed("heard").size();
        Api.admin(url).post("/api/v1/members", Map.of("orgUnitId", root)).expect(422);
        assertEquals(before, observed("heard").size());
    }

    @Test
    void aMemberSyncsWithTheDefaultDirectoryBothWays() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        String member = Fixtures.member(admin, Fixtures.person(root, "Света", null, "Орлова"))
                .get("id")
                .asText();
        JsonNode link = admin.post("/api/v1/members/" + member + "/crm-links", Map.of("crmContactId", "crm-1001"))
                .expect(201);
        // the directory with the lowest priority is the default
        assertEquals("example-crm", link.get("directory").asText());
        JsonNode pulled =
                admin.post("/api/v1/members/" + member + "/crm-pulls", Map.of()).expect(200);
        assertEquals("Светлана", pulled.get("givenName").asText());
        assertEquals("Игоревна", pulled.get("patronymic").asText());
        assertEquals("+79135551234", pulled.get("phones").get(0).get("number").asText());
        assertEquals(
                "s.orlova@example.org",
                pulled.get("emails").get(0).get("address").asText());
        assertEquals("sveta_orlova", pulled.get("telegramUsername").asText());

        admin.patch("/api/v1/members/" + member, Map.of("phones", List.of(Map.of("number", "+79135550000"))))
                .expect(200);
        admin.post("/api/v1/members/" + member + "/crm-pushes", Map.of()).expect(204);
        assertTrue(
                observed("pushed").contains("example-crm:crm-1001:+79135550000"),
                observed("pushed").toString());

        // one contact, one member
        String other = Fixtures.member(admin, Fixtures.person(root, "Ольга", null, "Ким"))
                .get("id")
                .asText();
        assertEquals(
                "urn:roster:problem:crm-contact-linked",
                admin.post("/api/v1/members/" + other + "/crm-links", Map.of("crmContactId", "crm-1001"))
                        .expect(409)
                        .get("type")
                        .asText());
        JsonNode unknown = admin.post(
                        "/api/v1/members/" + other + "/crm-links", Map.of("directory", "nope", "crmContactId", "crm-1"))
                .expect(422);
        assertEquals("directory", unknown.get("errors").get(0).get("path").asText());
        // the second directory, named explicitly, refuses pushes; nothing leaks from its failure
        admin.post(
                        "/api/v1/members/" + member + "/crm-links",
                        Map.of("directory", "example-archive", "crmContactId", "old-7"))
                .expect(201);
        JsonNode refused = admin.post(
                        "/api/v1/members/" + member + "/crm-pushes", Map.of("directory", "example-archive"))
                .expect(409);
        assertEquals("urn:roster:problem:crm-unavailable", refused.get("type").asText());
        assertEquals(
                2,
                admin.get("/api/v1/members/" + member + "/crm-links")
                        .expect(200)
                        .size());
        admin.delete("/api/v1/members/" + member + "/crm-links/example-archive").expect(204);
        assertEquals(
                1,
                admin.get("/api/v1/members/" + member + "/crm-links")
                        .expect(200)
                        .size());
    }
}
