package io.roster.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of test data through the API, with codes unique per call so tests never collide. */
public final class Fixtures {
    private Fixtures() {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new root org unit (its own tree, so tests are independent). */
    public static JsonNode root(Api api, String name) {
        return api.post("/api/v1/org-units", Map.of("code", unique("T"), "name", name, "kind", "NATIONAL"))
                .expect(201);
    }

    public static JsonNode unit(Api api, String parentId, String name, String kind) {
        return api.post(
                        "/api/v1/org-units",
                        Map.of("code", unique("T"), "name", name, "kind", kind, "parentId", parentId))
                .expect(201);
    }

    /** A minimal member body. */
    public static Map<String, Object> person(String orgUnitId, String given, String patronymic, String family) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgUnitId", orgUnitId);
        m.put("givenName", given);
        if (patronymic != null) {
            m.put("patronymic", patronymic);
        }
        m.put("familyName", family);
        return m;
    }

    public static JsonNode member(Api api, Map<String, Object> body) {
        return api.post("/api/v1/members?allowDuplicates=true", body).expect(201);
    }

    /** A new API key with the given permissions and scope; returns its secret. */
    public static String key(Api admin, List<String> permissions, List<String> orgUnitIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("key"));
        body.put("permissions", permissions);
        body.put("orgUnitIds", orgUnitIds);
        return admin.post("/api/v1/api-keys", body).expect(201).get("secret").asText();
    }

    public static final List<String> READ_WRITE =
            List.of("ORG_READ", "ORG_WRITE", "MEMBER_READ", "MEMBER_WRITE", "MEMBER_CONTACTS_READ", "MEMBER_MERGE");
}
