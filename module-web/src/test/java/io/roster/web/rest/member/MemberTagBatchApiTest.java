package io.roster.web.rest.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bulk tagging over real HTTP: all members or none, every problem named, scope respected. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MemberTagBatchApiTest {
    private static final String BATCHES = "/api/v1/member-tag-batches";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private static Map<String, Object> batch(List<String> ids, List<String> add, List<String> remove) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("memberIds", ids);
        if (add != null) {
            b.put("add", add);
        }
        if (remove != null) {
            b.put("remove", remove);
        }
        return b;
    }

    private List<String> members(Api api, String unit, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = Fixtures.person(unit, "Олена" + i, null, "Ковальчук");
            p.put("tags", List.of("волонтерка"));
            ids.add(Fixtures.member(api, p).get("id").asText());
        }
        return ids;
    }

    private static Set<String> tags(JsonNode node) {
        Set<String> out = new HashSet<>();
        node.get("tags").forEach(t -> out.add(t.asText()));
        return out;
    }

    @Test
    void tagsAreAddedAndRemovedOnEveryMember() {
        Api api = Api.admin(url);
        String unit =
                Fixtures.root(api, "Теги " + Fixtures.unique("R")).get("id").asText();
        List<String> ids = members(api, unit, 3);
        JsonNode items = api.post(BATCHES, batch(ids, List.of("обзвон-листопад", "агітатор"), List.of("волонтерка")))
                .expect(200)
                .get("items");
        assertEquals(3, items.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(ids.get(i), items.get(i).get("memberId").asText());
            assertEquals(Set.of("обзвон-листопад", "агітатор"), tags(items.get(i)));
            assertEquals(1, items.get(i).get("version").asLong());
            JsonNode member = api.get("/api/v1/members/" + ids.get(i)).expect(200);
            assertEquals(Set.of("обзвон-листопад", "агітатор"), tags(member));
        }
        // repeating it changes nothing, not even the versions
        JsonNode again =
                api.post(BATCHES, batch(ids, List.of("агітатор"), null)).expect(200);
        assertEquals(1, again.get("items").get(0).get("version").asLong());
    }

    @Test
    void oneBadMemberChangesNobodyAndEveryProblemIsNamed() {
        Api admin = Api.admin(url);
        String root =
                Fixtures.root(admin, "Теги " + Fixtures.unique("R")).get("id").asText();
        String mine =
                Fixtures.unit(admin, root, "Свой район", "DISTRICT").get("id").asText();
        String other =
                Fixtures.unit(admin, root, "Чужой район", "DISTRICT").get("id").asText();
        List<String> ours = members(admin, mine, 2);
        String theirs = members(admin, other, 1).get(0);
        Api key = Api.withKey(
                url, Fixtures.key(admin, List.of("ORG_READ", "MEMBER_READ", "MEMBER_WRITE"), List.of(mine)));

        List<String> ids = List.of(
                ours.get(0),
                theirs,
                ours.get(1),
                ours.get(0),
                "not-an-id",
                UUID.randomUUID().toString());
        JsonNode p = key.post(BATCHES, batch(ids, List.of("x", " "), null)).expect(422);
        Map<String, String> errors = new LinkedHashMap<>();
        p.get("errors")
                .forEach(e -> errors.put(e.get("path").asText(), e.get("code").asText()));
        assertEquals(
                Map.of(
                        "add[1]", "invalid",
                        "memberIds[1]", "unknown-member",
                        "memberIds[3]", "duplicate",
                        "memberIds[4]", "unknown-member",
                        "memberIds[5]", "unknown-member"),
                errors);
        assertEquals(
                "[\"волонтерка\"]",
                admin.get("/api/v1/members/" + ours.get(0))
                        .expect(200)
                        .get("tags")
                        .toString());
        assertEquals(
                0,
                admin.get("/api/v1/members/" + ours.get(0))
                        .expect(200)
                        .get("version")
                        .asLong());

        assertEquals(
                "add",
                key.post(BATCHES, batch(ours, null, null))
                        .expect(422)
                        .get("errors")
                        .get(0)
                        .get("path")
                        .asText());
        assertEquals(
                "memberIds",
                key.post(BATCHES, batch(List.of(), List.of("x"), null))
                        .expect(422)
                        .get("errors")
                        .get(0)
                        .get("path")
                        .asText());
        assertEquals(
                400,
                key.raw("POST", BATCHES, "application/json", "{\"memberIds\":[],\"tags\":[\"x\"]}")
                        .status());
        Api readOnly = Api.withKey(url, Fixtures.key(admin, List.of("ORG_READ", "MEMBER_READ"), List.of(mine)));
        assertEquals(
                403, readOnly.post(BATCHES, batch(ours, List.of("x"), null)).status());
    }
}
