package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestTokens;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each API key has its own allowance: 60 a minute with bursts of 5 in this deployment. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class RateLimitApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        System.setProperty("roster.rate-limit.per-minute", "60");
        System.setProperty("roster.rate-limit.burst", "5");
        return Deployments.roster();
    }

    @AfterAll
    static void restore() {
        System.setProperty("roster.rate-limit.per-minute", "1000000");
        System.setProperty("roster.rate-limit.burst", "1000000");
    }

    @ArquillianResource
    URL url;

    @Test
    void aKeyOverItsLimitIsToldWhenToComeBack() {
        String secret = Fixtures.key(Api.admin(url), List.of("ORG_READ"), List.of());
        Api key = Api.withKey(url, secret);
        int ok = 0;
        Api.Res limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            Api.Res r = key.get("/api/v1/org-units");
            if (r.status() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.status(), r.body());
                ok++;
            }
        }
        assertEquals(5, ok);
        JsonNode p = limited.expect(429);
        assertEquals("urn:roster:problem:rate-limited", p.get("type").asText());
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, limited.header("Retry-After"));
        // another key, and staff, are not affected
        Api.withKey(url, Fixtures.key(Api.admin(url), List.of("ORG_READ"), List.of()))
                .get("/api/v1/org-units")
                .expect(200);
        Api.withKey(url, TestTokens.staff("busy-staff", List.of("viewer"), List.of("*")))
                .get("/api/v1/org-units")
                .expect(200);
    }
}
