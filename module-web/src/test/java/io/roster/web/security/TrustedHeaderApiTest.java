package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trusted-header sign-in switched on for this deployment, with the test's own address (loopback) as the proxy: the
 * headers name the staff member, their roles and org units. {@code AuthenticationApiTest} shows them ignored while
 * the mode is off; {@code TrustedProxiesTest} that other addresses are not believed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TrustedHeaderApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        System.setProperty("roster.auth.trusted-header.enabled", "true");
        System.setProperty("roster.auth.trusted-header.proxies", "127.0.0.1,::1");
        return Deployments.roster();
    }

    @AfterAll
    static void switchOff() {
        System.clearProperty("roster.auth.trusted-header.enabled");
        System.clearProperty("roster.auth.trusted-header.proxies");
    }

    @ArquillianResource
    URL url;

    @Test
    void aTrustedProxyVouchesForTheStaffMember() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        String moscowMember = Fixtures.member(admin, Fixtures.person(moscow, "Ольга", null, "Ким"))
                .get("id")
                .asText();
        Api proxied = Api.withKey(url, null)
                .header("X-Roster-Staff-Id", "proxy-staff-1")
                .header("X-Roster-Staff-Name", "Ivan Petrov")
                .header("X-Roster-Roles", "organiser")
                .header("X-Roster-Org-Units", omsk);
        String created = proxied.post("/api/v1/members", Fixtures.person(omsk, "Иван", null, "Петров"))
                .expect(201)
                .get("id")
                .asText();
        proxied.get("/api/v1/members/" + moscowMember).expect(404);
        JsonNode entry = admin.get("/api/v1/audit-events?memberId=" + created)
                .expect(200)
                .get("items")
                .get(0);
        assertEquals("proxy-staff-1", entry.get("actorId").asText());
        assertEquals("STAFF", entry.get("actorKind").asText());
        assertEquals("Ivan Petrov", entry.get("actorName").asText());
        // without a staff id the proxy vouches for nobody, and the usual credentials are needed
        Api.withKey(url, null)
                .header("X-Roster-Roles", "admin")
                .get("/api/v1/org-units/" + omsk)
                .expect(401);
        // API keys work as before
        Api.admin(url).get("/api/v1/org-units/" + omsk).expect(200);
    }
}
