package io.roster.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class OpenApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    JsonNode document() {
        return Api.withKey(url, null).get("/q/openapi?format=json").expect(200);
    }

    @Test
    void everyApiOperationNeedsAKeyAndDocumentsProblemResponses() {
        JsonNode paths = document().get("paths");
        List<String> checked = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/v1/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                JsonNode operation = op.getValue();
                assertEquals(
                        "apiKey", operation.get("security").get(0).fieldNames().next(), path.getKey());
                assertEquals(
                        "#/components/schemas/Problem",
                        operation
                                .at("/responses/404/content/application~1problem+json/schema/$ref")
                                .asText(),
                        op.getKey() + " " + path.getKey());
                checked.add(op.getKey() + " " + path.getKey());
            });
        });
        assertTrue(checked.size() >= 15, checked.toString());
    }

    @Test
    void responsesNameTheirSchemas() {
        JsonNode paths = document().get("paths");
        assertEquals(
                "#/components/schemas/MemberView",
                paths.at("/~1api~1v1~1members/post/responses/201/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(
                "#/components/schemas/MemberView",
                paths.at("/~1api~1v1~1members~1{id}/get/responses/200/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(
                "#/components/schemas/OrgUnit",
                paths.at("/~1api~1v1~1org-units/post/responses/201/content/application~1json/schema/$ref")
                        .asText());
        assertEquals(
                "#/components/schemas/MemberDraft",
                paths.at("/~1api~1v1~1members/post/requestBody/content/application~1json/schema/$ref")
                        .asText());
    }

    @Test
    void schemasMatchTheJsonTheServerWrites() {
        JsonNode schemas = document().get("components").get("schemas");
        assertEquals(
                "[\"ru\",\"uk\",\"en\"]", schemas.get("Language").get("enum").toString());
        JsonNode member = schemas.get("MemberView").get("properties");
        assertTrue(member.has("displayName") && member.has("familyName") && member.has("version"), member.toString());
        assertFalse(member.has("member"), "the profile's fields are unwrapped, as in the JSON");
    }
}
