package io.roster.web.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Liveness and readiness answer without credentials, so orchestrators can probe them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class HealthTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    @Test
    void livenessIsUpWithoutAuthentication() {
        JsonNode health = Api.withKey(url, null).get("/q/health/live").expect(200);
        assertEquals("UP", health.get("status").asText(), health.toString());
    }

    @Test
    void readinessIsUpWithoutAuthenticationAndIncludesTheSchemaCheck() {
        JsonNode health = Api.withKey(url, null).get("/q/health/ready").expect(200);
        assertEquals("UP", health.get("status").asText(), health.toString());
        JsonNode schema = null;
        for (JsonNode check : health.get("checks")) {
            if ("roster-database-schema".equals(check.get("name").asText())) {
                schema = check;
            }
        }
        assertNotNull(schema, "no roster-database-schema check in " + health);
        assertEquals("UP", schema.get("status").asText(), schema.toString());
    }

    @Test
    void healthIgnoresABadKey() {
        // a wrong key sent by a misconfigured probe must not turn health into a 401
        Api.withKey(url, "rst_wrong-key-00000000000000000000").get("/q/health").expect(200);
    }
}
