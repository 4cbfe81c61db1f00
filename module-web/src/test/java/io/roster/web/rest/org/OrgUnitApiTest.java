package io.roster.web.rest.org;

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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class OrgUnitApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    @Test
    void createdUnitHasLocationEtagAndCyrillicNameIntact() {
        Api api = Api.admin(url);
        Api.Res r = api.post(
                "/api/v1/org-units",
                Map.of(
                        "code",
                        Fixtures.unique("OMS"),
                        "name",
                        "Омское региональное отделение «Ёлка» — Чернігів",
                        "kind",
                        "REGION"));
        JsonNode u = r.expect(201);
        assertEquals("/api/v1/org-units/" + u.get("id").asText(), r.header("Location"));
        assertEquals("\"0\"", r.header("ETag"));
        JsonNode again = api.get("/api/v1/org-units/" + u.get("id").asText()).expect(200);
        assertEquals(
                "Омское региональное отделение «Ёлка» — Чернігів",
                again.get("name").asText());
        assertEquals(0, again.get("depth").asInt());
    }

    @Test
    void childrenAreListedByNameWithAStableCursor() {
        Api api = Api.admin(url);
        String root = Fixtures.root(api, "Root").get("id").asText();
        for (String name : List.of(
                "Чернігівський район",
                "Ніжинський район",
                "Прилуцький район",
                "Корюківський район",
                "Новгород-Сіверський район")) {
            Fixtures.unit(api, root, name, "DISTRICT");
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/org-units/" + root + "/children?limit=2"
                            + (cursor == null ? "" : "&cursor=" + Api.enc(cursor)))
                    .expect(200);
            page.get("items").forEach(i -> names.add(i.get("name").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String::compareTo);
        assertEquals(sorted, names);
        assertEquals(5, names.size());
    }

    @Test
    void movingAUnitMovesItsWholeSubtree() {
        Api api = Api.admin(url);
        String root = Fixtures.root(api, "Country").get("id").asText();
        String omsk =
                Fixtures.unit(api, root, "Омская область", "REGION").get("id").asText();
        String novosibirsk = Fixtures.unit(api, root, "Новосибирская область", "REGION")
                .get("id")
                .asText();
        String district =
                Fixtures.unit(api, omsk, "Тарский район", "DISTRICT").get("id").asText();
        String branch = Fixtures.unit(api, district, "Первичное отделение № 1", "BRANCH")
                .get("id")
                .asText();

        JsonNode moved = api.patch("/api/v1/org-units/" + district, Map.of("parentId", novosibirsk))
                .expect(200);
        assertEquals(novosibirsk, moved.get("parentId").asText());
        assertEquals(1, moved.get("version").asInt());

        JsonNode ancestors =
                api.get("/api/v1/org-units/" + branch + "/ancestors").expect(200);
        List<String> chain = new ArrayList<>();
        ancestors.get("items").forEach(a -> chain.add(a.get("id").asText()));
        assertEquals(List.of(root, novosibirsk, district), chain);
        assertEquals(
                3,
                api.get("/api/v1/org-units/" + branch).expect(200).get("depth").asInt());

        // A key scoped to the new region now sees the moved branch; one scoped to the old region does not.
        String novosibirskKey = Fixtures.key(api, Fixtures.READ_WRITE, List.of(novosibirsk));
        String omskKey = Fixtures.key(api, Fixtures.READ_WRITE, List.of(omsk));
        Api.withKey(url, novosibirskKey).get("/api/v1/org-units/" + branch).expect(200);
        Api.withKey(url, omskKey).get("/api/v1/org-units/" + branch).expect(404);
    }

    @Test
    void aUnitCannotBeMovedUnderItsOwnDescendant() {
        Api api = Api.admin(url);
        String root = Fixtures.root(api, "R").get("id").asText();
        String a = Fixtures.unit(api, root, "A", "REGION").get("id").asText();
        String b = Fixtures.unit(api, a, "B", "DISTRICT").get("id").asText();
        JsonNode problem =
                api.patch("/api/v1/org-units/" + a, Map.of("parentId", b)).expect(409);
        assertEquals("urn:roster:problem:org-unit-cycle", problem.get("type").asText());
        assertEquals(
                root,
                api.get("/api/v1/org-units/" + a).expect(200).get("parentId").asText());
    }

    @Test
    void renameWithStaleVersionIsRefusedAndChangesNothing() {
        Api api = Api.admin(url);
        String id = Fixtures.root(api, "Old").get("id").asText();
        api.header("If-Match", "\"0\"")
                .patch("/api/v1/org-units/" + id, Map.of("name", "New"))
                .expect(200);
        JsonNode problem = api.header("If-Match", "\"0\"")
                .patch("/api/v1/org-units/" + id, Map.of("name", "Newer"))
                .expect(412);
        assertEquals(1, problem.get("currentVersion").asInt());
        assertEquals(
                "New",
                api.get("/api/v1/org-units/" + id).expect(200).get("name").asText());
    }

    @Test
    void duplicateCodeIsAConflict() {
        Api api = Api.admin(url);
        String code = Fixtures.unique("DUP");
        api.post("/api/v1/org-units", Map.of("code", code, "name", "One", "kind", "REGION"))
                .expect(201);
        JsonNode p = api.post("/api/v1/org-units", Map.of("code", code, "name", "Two", "kind", "REGION"))
                .expect(409);
        assertEquals("urn:roster:problem:org-unit-code-taken", p.get("type").asText());
    }

    @Test
    void invalidUnitNamesEveryBadField() {
        JsonNode p = Api.admin(url)
                .post("/api/v1/org-units", Map.of("code", "bad code!", "name", " "))
                .expect(422);
        List<String> paths = new ArrayList<>();
        p.get("errors").forEach(e -> paths.add(e.get("path").asText()));
        assertTrue(paths.containsAll(List.of("code", "name", "kind")), paths.toString());
        assertNotNull(p.get("detail"));
        assertFalse(p.toString().contains("Exception"));
    }
}
