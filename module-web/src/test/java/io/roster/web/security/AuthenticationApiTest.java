package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestTokens;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three ways in — API keys, the host CRM's signed staff token, trusted headers (off here) — and every way of
 * failing them: each is a 401 problem that names the check, never the credential.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class AuthenticationApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private String region() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        return Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
    }

    private Api staff(String token) {
        return Api.withKey(url, token);
    }

    private static void unauthenticated(Api.Res r, String detailContains) {
        JsonNode p = r.expect(401);
        assertEquals("urn:roster:problem:unauthenticated", p.get("type").asText());
        assertTrue(p.get("detail").asText().contains(detailContains), p.toString());
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), r.header("WWW-Authenticate"));
        assertTrue(r.contentType().startsWith("application/problem+json"));
    }

    @Test
    void aStaffTokenSignedWithRs256OrEs256SignsIn() {
        String omsk = region();
        JsonNode created = staff(TestTokens.staff("staff-1", List.of("organiser"), List.of(omsk)))
                .post("/api/v1/members", Fixtures.person(omsk, "Иван", "Петрович", "Сутягин"))
                .expect(201);
        String id = created.get("id").asText();
        JwtClaims es = TestTokens.claims("staff-2", List.of("viewer"), List.of(omsk));
        staff(TestTokens.es256(es)).get("/api/v1/members/" + id).expect(200);
        // the audit trail names the staff member and the way in
        JsonNode entries = Api.admin(url)
                .get("/api/v1/audit-events?memberId=" + id)
                .expect(200)
                .get("items");
        JsonNode creation = entries.get(entries.size() - 1);
        assertEquals("member.created", creation.get("action").asText());
        assertEquals("staff-1", creation.get("actorId").asText());
        assertEquals("STAFF", creation.get("actorKind").asText());
        assertEquals("UI", creation.get("source").asText());
        assertEquals("Анна Сергеевна staff-1", creation.get("actorName").asText());
    }

    @Test
    void everyBadCredentialIsUnauthenticated() {
        String omsk = region();
        String path = "/api/v1/org-units/" + omsk;
        List<String> roles = List.of("admin");
        unauthenticated(Api.withKey(url, null).get(path), "Authorization: Bearer");
        unauthenticated(
                Api.withKey(url, null)
                        .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                        .get(path),
                "Bearer");

        JwtClaims expired = TestTokens.claims("s", roles, List.of(omsk));
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
        unauthenticated(staff(TestTokens.rs256(expired)).get(path), "expired");

        JwtClaims noExpiry = TestTokens.claims("s", roles, List.of(omsk));
        noExpiry.unsetClaim("exp");
        unauthenticated(staff(TestTokens.rs256(noExpiry)).get(path), "not acceptable");

        JwtClaims otherIssuer = TestTokens.claims("s", roles, List.of(omsk));
        otherIssuer.setIssuer("https://evil.example.org");
        unauthenticated(staff(TestTokens.rs256(otherIssuer)).get(path), "issuer");

        JwtClaims otherAudience = TestTokens.claims("s", roles, List.of(omsk));
        otherAudience.setAudience("another-app");
        unauthenticated(staff(TestTokens.rs256(otherAudience)).get(path), "audience");

        JwtClaims fine = TestTokens.claims("s", roles, List.of(omsk));
        unauthenticated(staff(TestTokens.forged(fine)).get(path), "signature");
        unauthenticated(staff(TestTokens.unsigned(fine)).get(path), "not acceptable");
        unauthenticated(staff(TestTokens.hmacWithPublicKey(fine)).get(path), "not acceptable");
        // a good token with one character of its signature changed
        String good = TestTokens.rs256(fine);
        char last = good.charAt(good.length() - 2);
        String tampered =
                good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1);
        unauthenticated(staff(tampered).get(path), "");
        // the same token, untouched, is accepted: the refusals above are the checks, not the setup
        staff(good).get(path).expect(200);

        JwtClaims noSubject = TestTokens.claims("s", roles, List.of(omsk));
        noSubject.unsetClaim("sub");
        unauthenticated(staff(TestTokens.rs256(noSubject)).get(path), "");

        unauthenticated(Api.withKey(url, "rst_not-a-key-at-all-0000000000").get(path), "unknown or revoked");
        unauthenticated(Api.withKey(url, "a.b.c").get(path), "");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndARotatedKeyReplacesIt() {
        java.time.Instant started = java.time.Instant.now().minusSeconds(1);
        Api admin = Api.admin(url);
        String omsk = region();
        JsonNode issued = admin.post(
                        "/api/v1/api-keys",
                        Map.of("name", "CRM sync", "permissions", List.of("ORG_READ"), "orgUnitIds", List.of(omsk)))
                .expect(201);
        String secret = issued.get("secret").asText();
        String id = issued.get("key").get("id").asText();
        Api key = Api.withKey(url, secret);
        key.get("/api/v1/org-units/" + omsk).expect(200);

        JsonNode rotated =
                admin.post("/api/v1/api-keys/" + id + "/rotations", Map.of()).expect(201);
        String newSecret = rotated.get("secret").asText();
        assertNotEquals(secret, newSecret);
        assertEquals(
                List.of("ORG_READ"),
                List.of(rotated.get("key").get("permissions").get(0).asText()));
        assertEquals(omsk, rotated.get("key").get("orgUnitIds").get(0).asText());
        unauthenticated(key.get("/api/v1/org-units/" + omsk), "unknown or revoked");
        Api.withKey(url, newSecret).get("/api/v1/org-units/" + omsk).expect(200);
        assertTrue(admin.get("/api/v1/api-keys/" + id).expect(200).hasNonNull("revokedAt"));
        // a revoked key cannot be rotated back to life
        assertEquals(
                "urn:roster:problem:api-key-revoked",
                admin.post("/api/v1/api-keys/" + id + "/rotations", Map.of())
                        .expect(409)
                        .get("type")
                        .asText());

        String newId = rotated.get("key").get("id").asText();
        admin.delete("/api/v1/api-keys/" + newId).expect(200);
        // key changes are in the audit trail, without secrets
        List<String> actions = new java.util.ArrayList<>();
        for (JsonNode e : admin.get("/api/v1/audit-events?limit=200&from=" + started)
                .expect(200)
                .get("items")) {
            if (List.of(id, newId).contains(e.path("entityId").asText())) {
                actions.add(e.get("action").asText() + ":" + e.get("entityId").asText());
                assertTrue(!e.toString().contains(secret) && !e.toString().contains(newSecret), e.toString());
            }
        }
        assertEquals(List.of("api-key.revoked:" + newId, "api-key.rotated:" + id, "api-key.issued:" + id), actions);
        unauthenticated(Api.withKey(url, newSecret).get("/api/v1/org-units/" + omsk), "unknown or revoked");
    }

    @Test
    void trustedHeadersAreIgnoredWhileTheModeIsOff() {
        String omsk = region();
        Api.Res r = Api.withKey(url, null)
                .header("X-Roster-Staff-Id", "mallory")
                .header("X-Roster-Roles", "admin")
                .header("X-Roster-Org-Units", "*")
                .get("/api/v1/org-units/" + omsk);
        unauthenticated(r, "Authorization: Bearer");
    }

    @Test
    void aStaffMembersRolesAndScopeComeFromTheToken() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        String moscowMember = Fixtures.member(admin, Fixtures.person(moscow, "Ольга", null, "Ким"))
                .get("id")
                .asText();
        Api viewer = staff(TestTokens.staff("v-1", List.of("viewer"), List.of(omsk)));
        // outside the token's org units: not found, exactly like a member that does not exist
        assertEquals(
                "urn:roster:problem:not-found",
                viewer.get("/api/v1/members/" + moscowMember)
                        .expect(404)
                        .get("type")
                        .asText());
        // a viewer may not write
        assertEquals(
                "urn:roster:problem:forbidden",
                viewer.post("/api/v1/members", Fixtures.person(omsk, "Пётр", null, "Ильин"))
                        .expect(403)
                        .get("type")
                        .asText());
        // unknown roles grant nothing; no roles at all is a signed-in nobody
        Api nobody = staff(TestTokens.staff("n-1", List.of("superuser"), List.of(omsk)));
        nobody.get("/api/v1/members/" + moscowMember).expect(403);
        // "*" is the whole organisation
        staff(TestTokens.staff("c-1", List.of("coordinator"), List.of("*")))
                .get("/api/v1/members/" + moscowMember)
                .expect(200);
        // roles as a space-separated string, as some hosts send them
        JwtClaims spaced = TestTokens.claims("c-2", List.of(), List.of(moscow));
        spaced.setClaim("roles", "viewer auditor");
        staff(TestTokens.rs256(spaced)).get("/api/v1/members/" + moscowMember).expect(200);
    }
}
