package io.roster.web.rest.notification;

import static io.roster.web.rest.notification.NotifyFixtures.member;
import static io.roster.web.rest.notification.NotifyFixtures.variant;
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

/** Templates (validation, preview in the member's language, scope) and segments (filters, live count, members). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TemplateSegmentApiTest {
    private static final String TEMPLATES = "/api/v1/message-templates";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    @Test
    public void templateWithAnUnknownVariableIsRefusedAtItsPath() {
        Api api = Api.admin(url);
        String unit = Fixtures.root(api, Fixtures.unique("Отделение")).get("id").asText();
        JsonNode p = api.post(
                        TEMPLATES,
                        Map.of(
                                "orgUnitId",
                                unit,
                                "name",
                                "Приглашение",
                                "variants",
                                Map.of(
                                        "ru", variant(null, "Привет, {{firstName}}!", null),
                                        "uk", variant(null, "Вітаємо, {{givenName}}!", "<p>{{{givenName}}}</p>"))))
                .expect(422);
        List<String> errors = new ArrayList<>();
        p.get("errors")
                .forEach(e ->
                        errors.add(e.get("path").asText() + ":" + e.get("code").asText()));
        assertEquals(List.of("variants.ru.text:unknown-variable", "variants.uk.html:unescaped-variable"), errors);
        assertEquals(
                0,
                api.get(TEMPLATES + "?limit=200").expect(200).findValues("orgUnitId").stream()
                        .filter(n -> n.asText().equals(unit))
                        .count());
    }

    @Test
    public void previewRendersInTheMembersLanguageWithHtmlEscapedAndCyrillicIntact() {
        Api api = Api.admin(url);
        String unit =
                Fixtures.root(api, "Ніжинська «міська» організація").get("id").asText();
        String id = api.post(
                        TEMPLATES,
                        Map.of(
                                "orgUnitId",
                                unit,
                                "name",
                                "Збори",
                                "variants",
                                Map.of(
                                        "ru",
                                        variant("Собрание", "Здравствуйте, {{displayName}}!", null),
                                        "uk",
                                        variant(
                                                "Збори: {{orgUnitName}}",
                                                "Вітаємо, {{givenName}} {{familyName}}!",
                                                "<p>{{orgUnitName}}</p>"))))
                .expect(201)
                .get("id")
                .asText();
        String m = member(api, unit, "Ґалина", "Їжакевич", "uk", List.of(), List.of(), null);
        JsonNode r = api.post(TEMPLATES + "/" + id + "/previews", Map.of("memberId", m))
                .expect(200);
        assertEquals("uk", r.get("language").asText());
        assertEquals("Збори: Ніжинська «міська» організація", r.get("subject").asText());
        assertEquals("Вітаємо, Ґалина Їжакевич!", r.get("text").asText());
        assertEquals("<p>Ніжинська «міська» організація</p>", r.get("html").asText());
        String en = member(api, unit, "John", "Smith", "en", List.of(), List.of(), null);
        assertEquals(
                "ru",
                api.post(TEMPLATES + "/" + id + "/previews", Map.of("memberId", en))
                        .expect(200)
                        .get("language")
                        .asText());
        // a member outside the caller's scope is not found
        String other = Fixtures.root(api, Fixtures.unique("Чужое")).get("id").asText();
        String stranger = member(api, other, "Семён", "Чужой", "ru", List.of(), List.of(), null);
        String key = Fixtures.key(api, List.of("ORG_READ", "MEMBER_READ", "NOTIFICATION_READ"), List.of(unit));
        assertEquals(
                404,
                Api.withKey(url, key)
                        .post(TEMPLATES + "/" + id + "/previews", Map.of("memberId", stranger))
                        .status());
        assertEquals(
                200,
                Api.withKey(url, key)
                        .post(TEMPLATES + "/" + id + "/previews", Map.of("memberId", m))
                        .status());
        api.delete(TEMPLATES + "/" + id).expect(204);
        assertEquals(404, api.get(TEMPLATES + "/" + id).status());
    }

    @Test
    public void segmentCountsAndListsItsMembersLive() {
        Api api = Api.admin(url);
        String unit = Fixtures.root(api, Fixtures.unique("Отделение")).get("id").asText();
        String branch = Fixtures.unit(api, unit, "Филиал", "BRANCH").get("id").asText();
        member(api, branch, "Анна", "Б", "ru", List.of("TELEGRAM"), List.of(), null);
        member(api, unit, "Вера", "Г", "ru", List.of("TELEGRAM"), List.of(), null);
        member(api, unit, "Дина", "Е", "ru", List.of(), List.of(), null);
        String segment = api.post(
                        "/api/v1/segments",
                        Map.of("orgUnitId", unit, "name", "С Telegram", "filter", Map.of("consentChannel", "TELEGRAM")))
                .expect(201)
                .get("id")
                .asText();
        assertEquals(
                2,
                api.get("/api/v1/segments/" + segment + "/count")
                        .expect(200)
                        .get("count")
                        .asLong());
        JsonNode page =
                api.get("/api/v1/segments/" + segment + "/members?limit=1").expect(200);
        assertEquals(1, page.get("items").size());
        assertTrue(!page.get("nextCursor").isNull());
        // live: a new member counts at once
        member(api, branch, "Жанна", "З", "ru", List.of("TELEGRAM"), List.of(), null);
        assertEquals(
                3,
                api.get("/api/v1/segments/" + segment + "/count")
                        .expect(200)
                        .get("count")
                        .asLong());
        // narrowed to the branch by a merge patch
        api.patch("/api/v1/segments/" + segment, Map.of("filter", Map.of("orgUnitId", branch)))
                .expect(200);
        assertEquals(
                2,
                api.get("/api/v1/segments/" + segment + "/count")
                        .expect(200)
                        .get("count")
                        .asLong());
        // bad filters are refused with paths under filter.
        JsonNode p = api.post(
                        "/api/v1/segments",
                        Map.of(
                                "orgUnitId",
                                branch,
                                "name",
                                "x",
                                "filter",
                                Map.of("supportLevelMin", 9, "orgUnitId", unit)))
                .expect(422);
        List<String> paths = new ArrayList<>();
        p.get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertTrue(paths.contains("filter.orgUnitId"), paths.toString());
        boolean listed = false;
        for (JsonNode s : api.get("/api/v1/segments?limit=200").expect(200).get("items")) {
            listed |= s.get("id").asText().equals(segment);
        }
        assertTrue(listed);
        api.delete("/api/v1/segments/" + segment).expect(204);
        assertEquals(404, api.get("/api/v1/segments/" + segment).status());
    }

    @Test
    public void listsArePagedNewestFirstWithinTheCallersScope() {
        Api admin = Api.admin(url);
        String mine = Fixtures.root(admin, Fixtures.unique("Листы")).get("id").asText();
        String other = Fixtures.root(admin, Fixtures.unique("Чужие")).get("id").asText();
        String member = member(admin, mine, "Ёжик", "Туманов", "ru", List.of(), List.of(), null);
        List<String> templates = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        List<String> broadcasts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            templates.add(0, NotifyFixtures.simpleTemplate(admin, mine));
            segments.add(
                    0,
                    admin.post("/api/v1/segments", Map.of("orgUnitId", mine, "name", "С" + i, "filter", Map.of()))
                            .expect(201)
                            .get("id")
                            .asText());
            broadcasts.add(
                    0,
                    NotifyFixtures.create(
                            admin,
                            NotifyFixtures.broadcast(mine, templates.get(0), List.of(member), List.of("EMAIL"))));
        }
        NotifyFixtures.simpleTemplate(admin, other);
        admin.post("/api/v1/segments", Map.of("orgUnitId", other, "name", "чужой", "filter", Map.of()))
                .expect(201);
        Api scoped = Api.withKey(
                url, io.roster.web.testing.TestTokens.staff("lists-" + mine, List.of("coordinator"), List.of(mine)));
        assertEquals(templates, walk(scoped, TEMPLATES));
        assertEquals(segments, walk(scoped, "/api/v1/segments"));
        assertEquals(broadcasts, walk(scoped, "/api/v1/broadcasts"));
    }

    /** Every id of a list, page by page of two. */
    private static List<String> walk(Api api, String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(path + "?limit=2" + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            assertTrue(page.get("items").size() <= 2, page.toString());
            page.get("items").forEach(n -> ids.add(n.get("id").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }
}
