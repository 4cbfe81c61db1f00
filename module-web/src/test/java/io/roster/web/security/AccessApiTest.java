package io.roster.web.security;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys, permissions and org-unit scope over real HTTP. Outside a key's scope everything reads as not found;
 * a missing permission is forbidden.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class AccessApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    /** A fresh root with an Omsk and a Moscow region, a member in each, and a key scoped to each region. */
    private final class Regions {
        final Api admin = Api.admin(url);
        final String root =
                Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        final String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        final String omskDistrict = Fixtures.unit(admin, omsk, "Тарский район", "DISTRICT")
                .get("id")
                .asText();
        final String moscow =
                Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        final String moscowPhone = "+7916" + digits(7);
        final String moscowEmail = Fixtures.unique("moscow") + "@example.com";
        final String omskMember;
        final String moscowMember;
        final Api omskKey = Api.withKey(url, Fixtures.key(admin, Fixtures.READ_WRITE, List.of(omsk)));
        final Api moscowKey = Api.withKey(url, Fixtures.key(admin, Fixtures.READ_WRITE, List.of(moscow)));

        Regions() {
            omskMember = Fixtures.member(admin, Fixtures.person(omskDistrict, "Иван", "Петрович", "Сутягин"))
                    .get("id")
                    .asText();
            Map<String, Object> m = Fixtures.person(moscow, "Иван", "Петрович", "Сутягин");
            m.put("phones", List.of(Map.of("number", moscowPhone)));
            m.put("emails", List.of(Map.of("address", moscowEmail)));
            moscowMember = Fixtures.member(admin, m).get("id").asText();
        }
    }

    // --- scope
    // --------------------------------------------------------------------------------------------------------

    @Test
    void aMemberOfAnotherRegionIsNotFoundForEveryOperation() {
        Regions r = new Regions();
        for (Object[] pair :
                new Object[][] {{r.omskKey, r.moscowMember, r.omskMember}, {r.moscowKey, r.omskMember, r.moscowMember}
                }) {
            Api key = (Api) pair[0];
            String foreign = (String) pair[1];
            String own = (String) pair[2];
            key.get("/api/v1/members/" + own).expect(200);
            notFound(key.get("/api/v1/members/" + foreign));
            notFound(key.patch("/api/v1/members/" + foreign, Map.of("supportLevel", 1)));
            notFound(key.header("If-Match", "\"0\"").patch("/api/v1/members/" + foreign, Map.of("givenName", "X")));
            notFound(key.delete("/api/v1/members/" + foreign));
            notFound(key.get("/api/v1/members/" + foreign + "/status-changes"));
            notFound(key.post("/api/v1/members/" + foreign + "/merges", Map.of("sourceMemberId", own)));
            notFound(key.post("/api/v1/members/" + own + "/merges", Map.of("sourceMemberId", foreign)));
        }
        // nothing was changed by any of those attempts
        for (String id : List.of(r.omskMember, r.moscowMember)) {
            JsonNode m = r.admin.get("/api/v1/members/" + id).expect(200);
            assertEquals(0, m.get("version").asInt(), m.toString());
            assertTrue(
                    m.path("archivedAt").isMissingNode() || m.get("archivedAt").isNull(), m.toString());
            assertEquals("Иван", m.get("givenName").asText());
        }
    }

    @Test
    void listsAndSearchesNeverShowAnotherRegionsMembers() {
        Regions r = new Regions();
        List<String> queries = List.of(
                "",
                "&q=" + Api.enc("Сутягин"),
                "&q=Sutyagin",
                "&q=" + Api.enc(r.moscowPhone),
                "&q=" + Api.enc("8" + r.moscowPhone.substring(2)),
                "&q=" + Api.enc(r.moscowEmail),
                "&q=" + Api.enc(r.moscowEmail.toUpperCase()),
                "&includeArchived=true",
                "&status=PROSPECT");
        for (String q : queries) {
            List<String> seen = walk(r.omskKey, "/api/v1/members?limit=200" + q);
            assertFalse(seen.contains(r.moscowMember), "omsk key saw the moscow member with " + q);
            List<String> seenByMoscow = walk(r.moscowKey, "/api/v1/members?limit=200" + q);
            assertFalse(seenByMoscow.contains(r.omskMember), "moscow key saw the omsk member with " + q);
        }
        // the name search does work within scope, so the absence above is the scope, not the search
        assertTrue(walk(r.omskKey, "/api/v1/members?limit=200&q=" + Api.enc("Сутягин"))
                .contains(r.omskMember));
        assertTrue(walk(r.moscowKey, "/api/v1/members?limit=200&q=" + Api.enc(r.moscowPhone))
                .contains(r.moscowMember));
        assertEquals(
                List.of(r.moscowMember),
                ids(r.admin
                        .get("/api/v1/members?orgUnitId=" + r.root + "&q=" + Api.enc(r.moscowPhone))
                        .expect(200)));

        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("q", "Сутягин"), Map.of("q", r.moscowPhone), Map.of("q", r.moscowEmail), Map.of())) {
            Map<String, Object> b = new LinkedHashMap<>(body);
            b.put("limit", 200);
            JsonNode page = r.omskKey.post("/api/v1/member-searches", b).expect(200);
            assertFalse(ids(page).contains(r.moscowMember), "member-searches leaked with " + body);
        }
        // filtering by the other region's unit is not a way around the scope, and answers exactly like a unit that
        // does not exist
        unknownUnit(r.omskKey.get("/api/v1/members?orgUnitId=" + r.moscow), "orgUnitId");
        unknownUnit(r.omskKey.get("/api/v1/members?orgUnitId=" + r.root), "orgUnitId");
        unknownUnit(r.omskKey.get("/api/v1/members?orgUnitId=" + java.util.UUID.randomUUID()), "orgUnitId");
    }

    @Test
    void orgUnitsOutsideScopeAreInvisible() {
        Regions r = new Regions();
        JsonNode roots = r.omskKey.get("/api/v1/org-units").expect(200);
        List<String> rootIds = ids(roots);
        assertEquals(List.of(r.omsk), rootIds);
        assertEquals(List.of(r.moscow), ids(r.moscowKey.get("/api/v1/org-units").expect(200)));

        notFound(r.omskKey.get("/api/v1/org-units/" + r.moscow));
        notFound(r.omskKey.get("/api/v1/org-units/" + r.root));
        notFound(r.omskKey.get("/api/v1/org-units/" + r.moscow + "/children"));
        notFound(r.omskKey.get("/api/v1/org-units?parentId=" + r.moscow));
        notFound(r.omskKey.patch("/api/v1/org-units/" + r.moscow, Map.of("name", "Захвачено")));
        unknownUnit(r.omskKey.patch("/api/v1/org-units/" + r.omskDistrict, Map.of("parentId", r.moscow)), "parentId");
        unknownUnit(
                r.omskKey.patch(
                        "/api/v1/org-units/" + r.omskDistrict,
                        Map.of("parentId", java.util.UUID.randomUUID().toString())),
                "parentId");
        assertEquals(
                "Москва",
                r.admin
                        .get("/api/v1/org-units/" + r.moscow)
                        .expect(200)
                        .get("name")
                        .asText());

        r.omskKey.get("/api/v1/org-units/" + r.omskDistrict).expect(200);
        // ancestors stop at the top of the key's scope
        JsonNode ancestors = r.omskKey
                .get("/api/v1/org-units/" + r.omskDistrict + "/ancestors")
                .expect(200);
        assertEquals(List.of(r.omsk), ids(ancestors));
    }

    @Test
    void writesIntoAnotherRegionAreRefused() {
        Regions r = new Regions();
        JsonNode p = r.omskKey
                .post("/api/v1/members?allowDuplicates=true", Fixtures.person(r.moscow, "Пётр", null, "Захватов"))
                .expect(422);
        assertEquals("orgUnitId", p.get("errors").get(0).get("path").asText());
        assertEquals("unknown-org-unit", p.get("errors").get(0).get("code").asText());
        // moving an own member into the other region is refused the same way
        Api.Res moved = r.omskKey.patch("/api/v1/members/" + r.omskMember, Map.of("orgUnitId", r.moscow));
        assertTrue(moved.status() == 422 || moved.status() == 404, moved.body());
        assertFalse(moved.body().contains(r.moscow), moved.body());
        assertEquals(
                r.omskDistrict,
                r.admin
                        .get("/api/v1/members/" + r.omskMember)
                        .expect(200)
                        .get("orgUnitId")
                        .asText());

        unknownUnit(
                r.omskKey.post(
                        "/api/v1/org-units",
                        Map.of(
                                "code",
                                Fixtures.unique("X"),
                                "name",
                                "Чужой район",
                                "kind",
                                "DISTRICT",
                                "parentId",
                                r.moscow)),
                "parentId");
        forbidden(r.omskKey.post(
                "/api/v1/org-units", Map.of("code", Fixtures.unique("X"), "name", "Новый корень", "kind", "NATIONAL")));
        // within scope it works
        r.omskKey
                .post(
                        "/api/v1/org-units",
                        Map.of(
                                "code",
                                Fixtures.unique("X"),
                                "name",
                                "Свой район",
                                "kind",
                                "DISTRICT",
                                "parentId",
                                r.omsk))
                .expect(201);
    }

    @Test
    void duplicateCheckDoesNotRevealMembersOutsideScope() {
        Regions r = new Regions();
        Map<String, Object> copy = Fixtures.person(r.omsk, "Иван", "Петрович", "Сутягин");
        copy.put("phones", List.of(Map.of("number", r.moscowPhone)));
        // The same phone exists in Moscow: an Omsk key must not learn of it through a possible-duplicate answer.
        Api.Res created = r.omskKey.post("/api/v1/members", copy);
        assertEquals(201, created.status(), created.body());
        assertFalse(created.body().contains(r.moscowMember));
    }

    // --- permissions
    // --------------------------------------------------------------------------------------------------

    @Test
    void aMissingPermissionIsForbidden() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Perm")).get("id").asText();
        String member = Fixtures.member(admin, Fixtures.person(root, "Иван", null, "Читатель"))
                .get("id")
                .asText();

        Api readOnly = Api.withKey(url, Fixtures.key(admin, List.of("MEMBER_READ"), List.of(root)));
        readOnly.get("/api/v1/members/" + member).expect(200);
        forbidden(
                readOnly.post("/api/v1/members?allowDuplicates=true", Fixtures.person(root, "Пётр", null, "Писатель")));
        forbidden(readOnly.patch("/api/v1/members/" + member, Map.of("supportLevel", 2)));
        forbidden(readOnly.delete("/api/v1/members/" + member));
        forbidden(readOnly.get("/api/v1/org-units/" + root));
        forbidden(readOnly.get("/api/v1/api-keys"));
        assertEquals(
                0,
                admin.get("/api/v1/members/" + member)
                        .expect(200)
                        .get("version")
                        .asInt());

        Api orgReader = Api.withKey(url, Fixtures.key(admin, List.of("ORG_READ"), List.of(root)));
        orgReader.get("/api/v1/org-units/" + root).expect(200);
        forbidden(orgReader.post(
                "/api/v1/org-units",
                Map.of("code", Fixtures.unique("X"), "name", "Район", "kind", "DISTRICT", "parentId", root)));
        forbidden(orgReader.get("/api/v1/members?orgUnitId=" + root));
        forbidden(orgReader.post("/api/v1/member-searches", Map.of("orgUnitId", root)));

        Api writerWithoutMerge =
                Api.withKey(url, Fixtures.key(admin, List.of("MEMBER_READ", "MEMBER_WRITE"), List.of(root)));
        String other = Fixtures.member(admin, Fixtures.person(root, "Иван", null, "Читатель"))
                .get("id")
                .asText();
        forbidden(writerWithoutMerge.post("/api/v1/members/" + member + "/merges", Map.of("sourceMemberId", other)));
    }

    @Test
    void aKeyCannotGrantMoreThanItHolds() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Grant")).get("id").asText();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        Api keyAdmin = Api.withKey(url, Fixtures.key(admin, List.of("API_KEY_ADMIN", "MEMBER_READ"), List.of(omsk)));

        forbidden(keyAdmin.post("/api/v1/api-keys", newKey(List.of("MEMBER_READ", "MEMBER_WRITE"), List.of(omsk))));
        forbidden(keyAdmin.post("/api/v1/api-keys", newKey(List.of("MEMBER_READ"), List.of())));
        JsonNode p = keyAdmin.post("/api/v1/api-keys", newKey(List.of("MEMBER_READ"), List.of(moscow)))
                .expect(422);
        assertEquals("orgUnitIds[0]", p.get("errors").get(0).get("path").asText());
        keyAdmin.post("/api/v1/api-keys", newKey(List.of("MEMBER_READ"), List.of(omsk)))
                .expect(201);

        Api noAdmin = Api.withKey(url, Fixtures.key(admin, List.of("MEMBER_READ"), List.of(omsk)));
        forbidden(noAdmin.post("/api/v1/api-keys", newKey(List.of("MEMBER_READ"), List.of(omsk))));
    }

    @Test
    void aRestrictedKeyAdminSeesAndRevokesOnlyKeysWithinItsScope() {
        Api admin = Api.admin(url);
        String root =
                Fixtures.root(admin, Fixtures.unique("KeyScope")).get("id").asText();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String tara = Fixtures.unit(admin, omsk, "Тарский район", "DISTRICT")
                .get("id")
                .asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        Api omskAdmin = Api.withKey(url, Fixtures.key(admin, List.of("API_KEY_ADMIN", "ORG_READ"), List.of(omsk)));
        JsonNode moscowIssued = admin.post("/api/v1/api-keys", newKey(List.of("ORG_READ"), List.of(moscow)))
                .expect(201);
        JsonNode wholeIssued = admin.post("/api/v1/api-keys", newKey(List.of("ORG_READ"), List.of()))
                .expect(201);
        JsonNode mixedIssued = admin.post("/api/v1/api-keys", newKey(List.of("ORG_READ"), List.of(tara, moscow)))
                .expect(201);
        JsonNode taraIssued = omskAdmin
                .post("/api/v1/api-keys", newKey(List.of("ORG_READ"), List.of(tara)))
                .expect(201);

        List<String> visible = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = omskAdmin
                    .get("/api/v1/api-keys?limit=2" + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            visible.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        String taraId = taraIssued.get("key").get("id").asText();
        assertTrue(visible.contains(taraId), visible.toString());
        for (JsonNode outside : List.of(moscowIssued, wholeIssued, mixedIssued)) {
            String id = outside.get("key").get("id").asText();
            assertFalse(visible.contains(id), "an Omsk key admin listed " + outside.get("key"));
            // and cannot revoke it: it is not found, and the key keeps working
            notFound(omskAdmin.delete("/api/v1/api-keys/" + id));
            Api.withKey(url, outside.get("secret").asText())
                    .get("/api/v1/org-units/" + moscow)
                    .expect(200);
        }
        omskAdmin.delete("/api/v1/api-keys/" + taraId).expect(200);
        assertEquals(
                401,
                Api.withKey(url, taraIssued.get("secret").asText())
                        .get("/api/v1/org-units/" + tara)
                        .status());
    }

    // --- key lifecycle
    // ------------------------------------------------------------------------------------------------

    @Test
    void theSecretIsShownOnceAndNeverListed() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Secret")).get("id").asText();
        JsonNode issued = admin.post("/api/v1/api-keys", newKey(List.of("MEMBER_READ"), List.of(root)))
                .expect(201);
        String secret = issued.get("secret").asText();
        assertTrue(secret.startsWith("rst_"), secret);
        assertTrue(secret.length() >= 32, secret);
        String id = issued.get("key").get("id").asText();
        String prefix = issued.get("key").get("prefix").asText();
        assertTrue(secret.startsWith(prefix) && prefix.length() < secret.length() / 2, prefix);
        assertNoSecretFields(issued.get("key"));

        JsonNode listed = null;
        String cursor = null;
        do {
            Api.Res r = admin.get("/api/v1/api-keys?limit=50" + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)));
            JsonNode page = r.expect(200);
            assertFalse(r.body().contains(secret), "a secret was listed");
            for (JsonNode k : page.get("items")) {
                assertNoSecretFields(k);
                assertNotNull(k.get("prefix"), k.toString());
                if (k.get("id").asText().equals(id)) {
                    listed = k;
                }
            }
            cursor = listed != null || page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        assertNotNull(listed, "the new key is listed");
        assertEquals(prefix, listed.get("prefix").asText());
        assertFalse(listed.has("secret"));
        // the secret works
        Api.withKey(url, secret).get("/api/v1/members?orgUnitId=" + root).expect(200);
    }

    @Test
    void aRevokedKeyIsRefusedAndAnUnknownKeyToo() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Revoke")).get("id").asText();
        JsonNode issued = admin.post("/api/v1/api-keys", newKey(List.of("MEMBER_READ", "ORG_READ"), List.of(root)))
                .expect(201);
        Api key = Api.withKey(url, issued.get("secret").asText());
        key.get("/api/v1/org-units/" + root).expect(200);

        JsonNode revoked = admin.delete(
                        "/api/v1/api-keys/" + issued.get("key").get("id").asText())
                .expect(200);
        assertFalse(revoked.get("revokedAt").isNull());
        for (Api.Res r : List.of(key.get("/api/v1/org-units/" + root), key.get("/api/v1/members?orgUnitId=" + root))) {
            assertEquals(401, r.status(), r.body());
            assertNotNull(r.header("WWW-Authenticate"));
        }
        // revoking again changes nothing and the key stays revoked
        JsonNode again = admin.delete(
                        "/api/v1/api-keys/" + issued.get("key").get("id").asText())
                .expect(200);
        assertEquals(revoked.get("revokedAt"), again.get("revokedAt"));
        assertEquals(401, key.get("/api/v1/org-units/" + root).status());

        String almost = issued.get("secret").asText();
        for (String unknown :
                List.of("rst_" + "x".repeat(43), almost.substring(0, almost.length() - 1) + "!", "not-a-roster-key")) {
            Api.Res r = Api.withKey(url, unknown).get("/api/v1/org-units");
            assertEquals(401, r.status(), r.body());
            assertNotNull(r.header("WWW-Authenticate"));
        }
    }

    @Test
    void noSpellingOfAnApiPathGetsPastAuthentication() {
        Api anonymous = Api.withKey(url, null);
        for (String path : List.of(
                "/api/v1/members",
                "//api/v1/members",
                "/api//v1/members",
                "/api/v1/./members",
                "/%61pi/v1/members",
                "/api/v1/members/",
                "/api/v1/org-units",
                "/api/v1/api-keys")) {
            Api.Res r = anonymous.get(path);
            assertTrue(
                    r.status() == 401 || r.status() == 404 || r.status() == 400,
                    path + " → " + r.status() + " " + r.body());
            assertFalse(r.body().contains("\"items\""), path + " listed data: " + r.body());
        }
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------------

    private static void assertNoSecretFields(JsonNode key) {
        for (String field : List.of("secret", "secretHash", "hash", "secret_hash")) {
            assertFalse(key.has(field), field + " in " + key);
        }
    }

    private static Map<String, Object> newKey(List<String> permissions, List<String> units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("key"));
        body.put("permissions", permissions);
        body.put("orgUnitIds", units);
        return body;
    }

    private static void notFound(Api.Res r) {
        assertEquals(404, r.status(), r.body());
        assertEquals("urn:roster:problem:not-found", r.json().get("type").asText(), r.body());
    }

    /**
     * A unit named in the input that the caller cannot see: the same 422 as for a unit that does not exist, so its
     * existence is not revealed (404 is kept for the resource in the path).
     */
    private static void unknownUnit(Api.Res r, String path) {
        assertEquals(422, r.status(), r.body());
        JsonNode error = r.json().get("errors").get(0);
        assertEquals(path, error.get("path").asText(), r.body());
        assertEquals("unknown-org-unit", error.get("code").asText(), r.body());
    }

    private static void forbidden(Api.Res r) {
        assertEquals(403, r.status(), r.body());
        assertEquals("urn:roster:problem:forbidden", r.json().get("type").asText(), r.body());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static List<String> walk(Api api, String path) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(path + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            all.addAll(ids(page));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null && ++pages < 100);
        return all;
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        b.append((char) ('2' + r.nextInt(8)));
        for (int i = 1; i < n; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }
}
