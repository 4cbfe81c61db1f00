package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Trusted-header mode on, but the test connects from loopback, which is not the configured proxy: the headers are
 * not believed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class UntrustedPeerApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        System.setProperty("roster.auth.trusted-header.enabled", "true");
        System.setProperty("roster.auth.trusted-header.proxies", "10.9.9.9,192.0.2.0/24");
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
    void headersFromAnotherPeerAreIgnored() {
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        Api.Res r = Api.withKey(url, null)
                .header("X-Roster-Staff-Id", "mallory")
                .header("X-Roster-Roles", "admin")
                .header("X-Roster-Org-Units", "*")
                .get("/api/v1/org-units/" + root);
        assertEquals(401, r.status(), r.body());
        // with a real credential the same headers change nothing: the caller is the key
        Api.Res keyed = Api.admin(url)
                .header("X-Roster-Staff-Id", "mallory")
                .post("/api/v1/members", Fixtures.person(root, "Иван", null, "Петров"));
        String member = keyed.expect(201).get("id").asText();
        String actor = Api.admin(url)
                .get("/api/v1/audit-events?memberId=" + member)
                .expect(200)
                .get("items")
                .get(0)
                .get("actorKind")
                .asText();
        assertEquals("API_KEY", actor);
    }
}
