package io.roster.web.rest.member;

import static io.roster.web.rest.member.MemberTestData.PROBLEM;
import static io.roster.web.rest.member.MemberTestData.consent;
import static io.roster.web.rest.member.MemberTestData.defineAttribute;
import static io.roster.web.rest.member.MemberTestData.digits;
import static io.roster.web.rest.member.MemberTestData.email;
import static io.roster.web.rest.member.MemberTestData.idsUnder;
import static io.roster.web.rest.member.MemberTestData.phone;
import static io.roster.web.rest.member.MemberTestData.russianMobile;
import static io.roster.web.rest.member.MemberTestData.searchIds;
import static io.roster.web.rest.member.MemberTestData.texts;
import static io.roster.web.rest.member.MemberTestData.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Merging a duplicate profile into the surviving one, and what the merged-away id does afterwards. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class MemberMergeApiTest {
    private static final String MEMBERS = "/api/v1/members";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private Api api() {
        return Api.admin(url);
    }

    private String root() {
        return Fixtures.root(api(), "Слияние " + Fixtures.unique("R")).get("id").asText();
    }

    /** Two profiles of one person with overlapping and conflicting data. */
    private record Pair(
            String root,
            String target,
            String source,
            String p1,
            String p2,
            String e1,
            String e2,
            String kept,
            String only) {}

    private Pair pair() {
        Api api = api();
        String root = root();
        String kept = defineAttribute(api, "STRING", null);
        String only = defineAttribute(api, "STRING", null);
        String national = "913" + digits(7);
        String p1 = "+7" + national;
        String p2 = russianMobile();
        String e1 = "ivan." + digits(8) + "@example.org";
        String e2 = "ivan." + digits(8) + "@пример.рф";

        Map<String, Object> t = Fixtures.person(root, "Иван", "Петрович", "Сутягин");
        t.put("phones", List.of(phone(p1)));
        t.put("emails", List.of(email(e1)));
        t.put("tags", List.of("актив", "омск"));
        t.put(
                "consents",
                List.of(
                        consent("EMAIL", true, "2024-01-10T09:00:00Z"),
                        consent("PHONE", true, "2024-06-01T09:00:00Z")));
        t.put("customAttributes", Map.of(kept, "из основного"));
        String target = Fixtures.member(api, t).get("id").asText();

        Map<String, Object> s = Fixtures.person(root, "Ivan", null, "Sutyagin");
        s.put("phones", List.of(phone("8 " + national), phone(p2)));
        s.put("emails", List.of(email(e1.replace("example.org", "EXAMPLE.org")), email(e2)));
        s.put("tags", List.of("омск", "волонтёр"));
        s.put(
                "consents",
                List.of(
                        consent("EMAIL", false, "2024-05-01T09:00:00Z"),
                        consent("PHONE", false, "2023-01-01T09:00:00Z"),
                        consent("SMS", true, "2024-02-01T09:00:00Z")));
        s.put("customAttributes", Map.of(kept, "из дубля", only, "только в дубле"));
        String source = Fixtures.member(api, s).get("id").asText();
        return new Pair(root, target, source, p1, p2, e1, e2, kept, only);
    }

    private static Map<String, Object> merge(String source, String rule) {
        Map<String, Object> body = new HashMap<>();
        body.put("sourceMemberId", source);
        body.put("attributeConflictRule", rule);
        return body;
    }

    private static Map<String, Boolean> consents(JsonNode member) {
        Map<String, Boolean> out = new HashMap<>();
        member.get("consents")
                .forEach(
                        c -> out.put(c.get("channel").asText(), c.get("granted").asBoolean()));
        return out;
    }

    @Test
    void mergeUnitesContactsTagsAndConsentsAndKeepsTargetAttributesByDefaultRule() {
        Api api = api();
        Pair x = pair();
        JsonNode m = api.post(MEMBERS + "/" + x.target() + "/merges", merge(x.source(), "KEEP_TARGET"))
                .expect(200);

        assertEquals(x.target(), m.get("id").asText());
        assertEquals("Сутягин Иван Петрович", m.get("displayName").asText());
        assertEquals(List.of(x.p1(), x.p2()), values(m.get("phones"), "number"));
        assertEquals(List.of(x.e1(), x.e2()), values(m.get("emails"), "address"));
        assertEquals(List.of("актив", "волонтёр", "омск"), texts(m.get("tags")));
        // the later statement of the person's will wins, per channel
        assertEquals(Map.of("EMAIL", false, "PHONE", true, "SMS", true), consents(m));
        assertEquals("из основного", m.get("customAttributes").get(x.kept()).asText());
        assertEquals("только в дубле", m.get("customAttributes").get(x.only()).asText());
        assertEquals(m, api.get(MEMBERS + "/" + x.target()).expect(200));
    }

    @Test
    void preferSourceRuleTakesTheSourcesConflictingAttributeValues() {
        Pair x = pair();
        JsonNode m = api().post(MEMBERS + "/" + x.target() + "/merges", merge(x.source(), "PREFER_SOURCE"))
                .expect(200);
        assertEquals("из дубля", m.get("customAttributes").get(x.kept()).asText());
        assertEquals("только в дубле", m.get("customAttributes").get(x.only()).asText());
    }

    @Test
    void mergedAwayIdAnswersWithTheTargetAndCannotBeChanged() {
        Api api = api();
        Pair x = pair();
        api.post(MEMBERS + "/" + x.target() + "/merges", merge(x.source(), "KEEP_TARGET"))
                .expect(200);

        Api.Res r = api.get(MEMBERS + "/" + x.source());
        JsonNode body = r.expect(200);
        assertEquals(x.target(), body.get("id").asText());
        assertEquals(MEMBERS + "/" + x.target(), r.header("Content-Location"));
        assertEquals(body.get("version").asText(), r.header("ETag").replace("\"", ""));
        assertNull(api.get(MEMBERS + "/" + x.target()).header("Content-Location"));

        JsonNode p = api.patch(MEMBERS + "/" + x.source(), Map.of("givenName", "Призрак"))
                .expect(409);
        assertEquals(PROBLEM + "member-merged", p.get("type").asText());
        assertEquals(List.of(x.target()), idsUnder(api, x.root()));
        assertEquals(List.of(x.target()), searchIds(api, "orgUnitId=" + x.root() + "&includeArchived=true"));
        assertEquals(List.of(x.target()), searchIds(api, "orgUnitId=" + x.root() + "&q=" + Api.enc(x.p2())));

        JsonNode again = api.post(MEMBERS + "/" + x.target() + "/merges", merge(x.source(), "KEEP_TARGET"))
                .expect(409);
        assertEquals(PROBLEM + "member-not-mergeable", again.get("type").asText());
    }

    @Test
    void membershipNumberMovesToTheTargetAndStaleTargetVersionIs412() {
        Api api = api();
        String root = root();
        String number = "ЧН-" + digits(9);
        String target = Fixtures.member(api, Fixtures.person(root, "Тарас", null, "Шевчук"))
                .get("id")
                .asText();
        Map<String, Object> s = Fixtures.person(root, "Тарас", null, "Шевчук");
        s.put("membershipNumber", number);
        String source = Fixtures.member(api, s).get("id").asText();

        JsonNode stale = api.header("If-Match", "\"3\"")
                .post(MEMBERS + "/" + target + "/merges", merge(source, "KEEP_TARGET"))
                .expect(412);
        assertEquals(0, stale.get("currentVersion").asInt());
        assertEquals(2, idsUnder(api, root).size());

        Api.Res r =
                api.header("If-Match", "\"0\"").post(MEMBERS + "/" + target + "/merges", merge(source, "KEEP_TARGET"));
        JsonNode m = r.expect(200);
        assertEquals(number, m.get("membershipNumber").asText());
        assertEquals("\"" + m.get("version").asText() + "\"", r.header("ETag"));
        assertEquals(
                m.get("version"), api.get(MEMBERS + "/" + target).expect(200).get("version"));
    }

    @Test
    void memberCannotBeMergedIntoItself() {
        Api api = api();
        Pair x = pair();
        JsonNode p = api.post(MEMBERS + "/" + x.target() + "/merges", merge(x.target(), "KEEP_TARGET"))
                .expect(409);
        assertEquals(PROBLEM + "member-merge-self", p.get("type").asText());
        JsonNode t = api.get(MEMBERS + "/" + x.target()).expect(200);
        assertEquals(0, t.get("version").asInt());
        assertEquals(List.of(x.p1()), values(t.get("phones"), "number"));
        assertEquals(2, idsUnder(api, x.root()).size());
    }
}
