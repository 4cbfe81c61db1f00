package io.roster.web.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every error the API answers is RFC 9457 problem+json with a {@code urn:roster:problem:} type, a title, the HTTP
 * status and a detail, and never leaks a stack trace or a Java class or package name.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ErrorShapesTest {
    /** A stack frame as Java prints it: "at some.package.Class.method(File.java:12)". */
    private static final Pattern STACK_FRAME = Pattern.compile("(^|\\s)at [\\w$]+(\\.[\\w$<>]+)+\\(");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    @Test
    void invalidJsonIsMalformedJson() {
        Api api = Api.admin(url);
        JsonNode p = problem(
                api.raw("POST", "/api/v1/members", "application/json", "{\"givenName\": \"Иван\","),
                400,
                "malformed-json");
        assertTrue(p.path("errors").isMissingNode() || p.get("errors").isEmpty(), p.toString());
        problem(api.raw("POST", "/api/v1/org-units", "application/json", "not json at all"), 400, "malformed-json");
        // a JSON text is one value: content after it is malformed, not "the wrong type"
        problem(api.raw("POST", "/api/v1/member-searches", "application/json", "{} {}"), 400, "malformed-json");
        problem(
                api.raw("POST", "/api/v1/members", "application/json", "{\"givenName\": \"Иван\"} x"),
                400,
                "malformed-json");
    }

    @Test
    void unknownFieldNamesItsPathEvenWhenNested() {
        Api api = Api.admin(url);
        String root = root(api);
        JsonNode p = problem(
                api.post("/api/v1/members", Map.of("orgUnitId", root, "familyName", "Иванов", "nickname", "Ваня")),
                400,
                "unknown-field");
        assertEquals("nickname", p.get("errors").get(0).get("path").asText());

        JsonNode nested = problem(
                api.post(
                        "/api/v1/members",
                        Map.of(
                                "orgUnitId",
                                root,
                                "familyName",
                                "Иванов",
                                "phones",
                                List.of(Map.of("number", "+79131234567", "extra", 1)))),
                400,
                "unknown-field");
        assertEquals("phones[0].extra", nested.get("errors").get(0).get("path").asText());

        JsonNode search = problem(
                api.post("/api/v1/member-searches", Map.of("orgUnitId", root, "status", "MEMBER")),
                400,
                "unknown-field");
        assertEquals("status", search.get("errors").get(0).get("path").asText());

        // the same through a merge patch of an existing member
        String id = Fixtures.member(api, Fixtures.person(root, "Иван", null, "Иванов"))
                .get("id")
                .asText();
        JsonNode patched = problem(
                api.patch(
                        "/api/v1/members/" + id,
                        Map.of("phones", List.of(Map.of("number", "+79131234567", "extra", 1)))),
                400,
                "unknown-field");
        assertEquals("phones[0].extra", patched.get("errors").get(0).get("path").asText());
    }

    @Test
    void wrongTypeNamesItsPath() {
        Api api = Api.admin(url);
        String root = root(api);
        JsonNode p = problem(
                api.post("/api/v1/members", Map.of("orgUnitId", root, "familyName", "Иванов", "supportLevel", "five")),
                400,
                "wrong-type");
        assertEquals("supportLevel", p.get("errors").get(0).get("path").asText());

        // no coercion of scalars: "5" is not 5
        JsonNode quoted = problem(
                api.post("/api/v1/members", Map.of("orgUnitId", root, "familyName", "Иванов", "supportLevel", "5")),
                400,
                "wrong-type");
        assertEquals("supportLevel", quoted.get("errors").get(0).get("path").asText());

        JsonNode nested = problem(
                api.post(
                        "/api/v1/members",
                        Map.of(
                                "orgUnitId",
                                root,
                                "familyName",
                                "Иванов",
                                "emails",
                                List.of(Map.of("address", "a@example.com", "primary", "yes")))),
                400,
                "wrong-type");
        assertEquals(
                "emails[0].primary", nested.get("errors").get(0).get("path").asText());

        JsonNode en = problem(
                api.post("/api/v1/members", Map.of("orgUnitId", root, "familyName", "Иванов", "status", "KING")),
                400,
                "wrong-type");
        assertEquals("status", en.get("errors").get(0).get("path").asText());

        JsonNode date = problem(
                api.post(
                        "/api/v1/members", Map.of("orgUnitId", root, "familyName", "Иванов", "birthDate", "yesterday")),
                400,
                "wrong-type");
        assertEquals("birthDate", date.get("errors").get(0).get("path").asText());
    }

    @Test
    void failedValidationNamesEveryBadField() {
        Api api = Api.admin(url);
        String root = root(api);
        JsonNode p = problem(
                api.post(
                        "/api/v1/members",
                        Map.of(
                                "orgUnitId",
                                root,
                                "supportLevel",
                                9,
                                "birthDate",
                                "2999-01-01",
                                "phones",
                                List.of(Map.of("number", "12-ab-phone")),
                                "emails",
                                List.of(Map.of("address", "nobody.example.org")))),
                422,
                "validation");
        List<String> paths = new ArrayList<>();
        p.get("errors").forEach(e -> {
            paths.add(e.get("path").asText());
            assertFalse(e.get("code").asText().isBlank(), e.toString());
            assertFalse(e.get("message").asText().isBlank(), e.toString());
        });
        assertTrue(
                paths.containsAll(
                        List.of("givenName", "supportLevel", "birthDate", "phones[0].number", "emails[0].address")),
                paths.toString());
        // personal data from the input is not echoed back
        assertFalse(p.toString().contains("12-ab-phone"), p.toString());
        assertFalse(p.toString().contains("nobody.example.org"), p.toString());
    }

    @Test
    void unknownIdIsNotFoundWhetherOrNotItIsAUuid() {
        Api api = Api.admin(url);
        problem(api.get("/api/v1/members/" + UUID.randomUUID()), 404, "not-found");
        problem(api.get("/api/v1/members/not-a-uuid"), 404, "not-found");
        problem(api.get("/api/v1/org-units/" + UUID.randomUUID()), 404, "not-found");
        problem(api.get("/api/v1/org-units/12345"), 404, "not-found");
        problem(api.patch("/api/v1/members/" + UUID.randomUUID(), Map.of("supportLevel", 2)), 404, "not-found");
        problem(api.delete("/api/v1/members/%20"), 404, "not-found");
        problem(api.delete("/api/v1/api-keys/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void conflictsAre409() {
        Api api = Api.admin(url);
        String root = root(api);
        String number = Fixtures.unique("N");
        Fixtures.member(api, withNumber(Fixtures.person(root, "Иван", null, "Первов"), number));
        problem(
                api.post(
                        "/api/v1/members?allowDuplicates=true",
                        withNumber(Fixtures.person(root, "Пётр", null, "Второв"), number)),
                409,
                "membership-number-taken");

        String code = Fixtures.unique("C");
        api.post("/api/v1/org-units", Map.of("code", code, "name", "One", "kind", "REGION", "parentId", root))
                .expect(201);
        problem(
                api.post("/api/v1/org-units", Map.of("code", code, "name", "Two", "kind", "REGION", "parentId", root)),
                409,
                "org-unit-code-taken");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        Api api = Api.admin(url);
        problem(api.get("/api/v1/no-such-thing"), 404, "not-found");
        problem(api.get("/api/v1/members/" + UUID.randomUUID() + "/no-such-thing"), 404, "not-found");
        problem(api.post("/api/v2/members", Map.of()), 404, "not-found");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        Api api = Api.admin(url);
        String root = root(api);
        String id = Fixtures.member(api, Fixtures.person(root, "Иван", null, "Иванов"))
                .get("id")
                .asText();
        problem(api.raw("PUT", "/api/v1/members/" + id, "application/json", "{}"), 405, "method-not-allowed");
        problem(api.raw("DELETE", "/api/v1/org-units/" + root, null, null), 405, "method-not-allowed");
    }

    @Test
    void unsupportedContentTypeIsAnUnsupportedMediaTypeProblem() {
        Api api = Api.admin(url);
        problem(api.raw("POST", "/api/v1/members", "text/plain", "givenName=Иван"), 415, "unsupported-media-type");
        problem(api.raw("POST", "/api/v1/member-searches", "application/xml", "<q/>"), 415, "unsupported-media-type");
    }

    @Test
    void missingOrWrongCredentialsAreUnauthenticatedWithAChallenge() {
        for (Api.Res r : List.of(
                Api.withKey(url, null).get("/api/v1/members"),
                Api.withKey(url, null).post("/api/v1/member-searches", Map.of()),
                Api.withKey(url, "rst_not-a-real-key-000000000000").get("/api/v1/members"),
                Api.withKey(url, null)
                        .header("Authorization", "Basic dXNlcjpwYXNz")
                        .get("/api/v1/org-units"))) {
            problem(r, 401, "unauthenticated");
            assertNotNull(r.header("WWW-Authenticate"), "401 without WWW-Authenticate");
            assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), r.header("WWW-Authenticate"));
        }
    }

    @Test
    void malformedQueryParametersAreBadRequestsNamingTheParameter() {
        Api api = Api.admin(url);
        Map<String, String> cases = Map.of(
                "limit=abc", "limit",
                "updatedSince=yesterday", "updatedSince",
                "supportLevelMin=high", "supportLevelMin",
                "status=KING", "status",
                "consent=PIGEON", "consent",
                "includeArchived=maybe", "includeArchived",
                "sort=shoeSize", "sort");
        cases.forEach((query, parameter) -> {
            JsonNode p = problem(api.get("/api/v1/members?" + query), 400, "invalid-parameter");
            List<String> paths = new ArrayList<>();
            p.get("errors").forEach(e -> paths.add(e.get("path").asText()));
            assertEquals(List.of(parameter), paths, query);
        });
        JsonNode p = problem(api.get("/api/v1/org-units?limit=abc"), 400, "invalid-parameter");
        assertEquals("limit", p.get("errors").get(0).get("path").asText());
        JsonNode bool =
                problem(api.post("/api/v1/members?allowDuplicates=perhaps", Map.of()), 400, "invalid-parameter");
        assertEquals("allowDuplicates", bool.get("errors").get(0).get("path").asText());
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------------

    /** Asserts the response is a well-formed problem of this status and type, and returns its body. */
    private static JsonNode problem(Api.Res r, int status, String code) {
        assertEquals(status, r.status(), "status of " + r.body());
        String contentType = r.contentType();
        assertNotNull(contentType, "no Content-Type on " + status);
        assertTrue(contentType.startsWith("application/problem+json"), contentType + ": " + r.body());
        JsonNode p = r.json();
        assertEquals("urn:roster:problem:" + code, p.path("type").asText(), p.toString());
        assertFalse(p.path("title").asText().isBlank(), "no title: " + p);
        assertEquals(status, p.path("status").asInt(), p.toString());
        assertTrue(p.path("status").isInt(), p.toString());
        assertFalse(p.path("detail").asText().isBlank(), "no detail: " + p);
        String body = r.body();
        for (String leak : List.of("Exception", "io.roster", "java.", "jakarta.", "com.fasterxml", "org.jboss")) {
            assertFalse(body.contains(leak), "leaks '" + leak + "': " + body);
        }
        assertFalse(STACK_FRAME.matcher(body).find(), "stack frame in " + body);
        assertFalse(body.contains("\tat "), "stack frame in " + body);
        return p;
    }

    private static String root(Api api) {
        return Fixtures.root(api, Fixtures.unique("Errors")).get("id").asText();
    }

    private static Map<String, Object> withNumber(Map<String, Object> body, String number) {
        body.put("membershipNumber", number);
        return body;
    }
}
