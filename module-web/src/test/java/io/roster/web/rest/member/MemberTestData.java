package io.roster.web.rest.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random-but-valid member data for the member API tests. Duplicate detection looks at every member in the caller's
 * scope, and all tests share one database, so contact points and birth dates are random unless a test needs a fixed
 * one (and then it creates with {@code allowDuplicates=true}).
 */
final class MemberTestData {
    static final String PROBLEM = "urn:roster:problem:";

    private MemberTestData() {}

    static String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(ThreadLocalRandom.current().nextInt(10));
        }
        return b.toString();
    }

    static String letters(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    /** A Russian mobile number in E.164, e.g. {@code +79131234567}. */
    static String russianMobile() {
        return "+7913" + digits(7);
    }

    /** A key for a custom attribute that no other test defines. */
    static String attributeKey() {
        return "t" + letters(12);
    }

    static LocalDate randomBirthDate() {
        return LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    static Map<String, Object> phone(String number) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", number);
        return p;
    }

    static Map<String, Object> email(String address) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address);
        return m;
    }

    static Map<String, Object> consent(String channel, boolean granted, String recordedAt) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("channel", channel);
        c.put("granted", granted);
        c.put("source", "анкета");
        c.put("evidence", "форма № " + digits(4));
        c.put("recordedAt", recordedAt);
        return c;
    }

    /** Defines a (never required) custom attribute and returns its key. */
    static String defineAttribute(Api api, String type, List<String> options) {
        String key = attributeKey();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("type", type);
        body.put("required", false);
        body.put("labels", Map.of("ru", "Поле " + key, "uk", "Поле " + key, "en", "Field " + key));
        if (options != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (String o : options) {
                list.add(Map.of("value", o, "labels", Map.of("ru", o + " (ru)", "uk", o + " (uk)", "en", o)));
            }
            body.put("options", list);
        }
        api.post("/api/v1/attribute-definitions", body).expect(201);
        return key;
    }

    /** The paths of a problem's field errors. */
    static List<String> paths(JsonNode problem) {
        List<String> out = new ArrayList<>();
        if (problem.has("errors")) {
            problem.get("errors").forEach(e -> out.add(e.get("path").asText()));
        }
        return out;
    }

    /** The code of the field error with this path, or {@code null}. */
    static String codeAt(JsonNode problem, String path) {
        if (problem.has("errors")) {
            for (JsonNode e : problem.get("errors")) {
                if (path.equals(e.get("path").asText())) {
                    return e.get("code").asText();
                }
            }
        }
        return null;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.get(field).asText()));
        }
        return out;
    }

    /** Ids of the members a search lists (first page, up to 200), in order. */
    static List<String> searchIds(Api api, String query) {
        JsonNode page = api.get("/api/v1/members?limit=200&" + query).expect(200);
        return values(page.get("items"), "id");
    }

    /** Ids of the non-archived members of a subtree. */
    static List<String> idsUnder(Api api, String orgUnitId) {
        return searchIds(api, "orgUnitId=" + orgUnitId);
    }
}
