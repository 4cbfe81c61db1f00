package io.roster.web.rest.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestDatabase;
import io.roster.web.testing.TestTokens;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail over HTTP: writes are recorded with who, how, which request and before/after; auditors query it by
 * member, actor and time; nothing edits it; and its hash chain shows an altered or removed entry.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class AuditApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private record Key(String id, Api api) {}

    private Key key(List<String> permissions, List<String> units) {
        JsonNode issued = Api.admin(url)
                .post(
                        "/api/v1/api-keys",
                        Map.of("name", Fixtures.unique("audit"), "permissions", permissions, "orgUnitIds", units))
                .expect(201);
        return new Key(
                issued.get("key").get("id").asText(),
                Api.withKey(url, issued.get("secret").asText()));
    }

    private Api auditor() {
        return Api.withKey(url, TestTokens.staff("auditor-1", List.of("auditor"), List.of("*")));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void writesAreRecordedWithWhoHowWhichRequestAndBeforeAfter() {
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        Key k = key(Fixtures.READ_WRITE, List.of(root));
        Api api = k.api().header("X-Request-Id", "crm-sync-42");
        String member = api.post("/api/v1/members", Fixtures.person(root, "Иван", null, "Петров"))
                .expect(201)
                .get("id")
                .asText();
        api.patch("/api/v1/members/" + member, Map.of("supportLevel", 3)).expect(200);

        JsonNode items = auditor()
                .get("/api/v1/audit-events?memberId=" + member)
                .expect(200)
                .get("items");
        List<String> actions = new ArrayList<>();
        items.forEach(i -> actions.add(i.get("action").asText()));
        assertEquals(List.of("member.updated", "member.created"), actions.subList(actions.size() - 2, actions.size()));
        JsonNode update = items.get(actions.indexOf("member.updated"));
        assertEquals(k.id(), update.get("actorId").asText());
        assertEquals("API_KEY", update.get("actorKind").asText());
        assertEquals("API", update.get("source").asText());
        assertEquals("crm-sync-42", update.get("requestId").asText());
        assertEquals(root, update.get("orgUnitId").asText());
        assertTrue(update.get("changes").get("supportLevel").has("from"), update.toString());
        assertEquals(3, update.get("changes").get("supportLevel").get("to").asInt());
        JsonNode creation = items.get(actions.indexOf("member.created"));
        assertEquals("Петров", creation.get("changes").get("familyName").asText());
        assertTrue(update.get("sequence").asLong() > creation.get("sequence").asLong());
        assertEquals(64, update.get("hash").asText().length());
    }

    @Test
    void auditorsQueryByActorAndTimeInKeysetPages() {
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        Key k = key(Fixtures.READ_WRITE, List.of(root));
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 0; i < 5; i++) {
            k.api()
                    .post("/api/v1/members", Fixtures.person(root, "Иван" + i, null, "Петров"))
                    .expect(201);
        }
        Instant after = Instant.now().plusSeconds(1);
        List<String> seen = new ArrayList<>();
        String path = "/api/v1/audit-events?limit=2&actorId=" + k.id();
        JsonNode page = auditor().get(path).expect(200);
        seen.addAll(ids(page));
        while (!page.get("nextCursor").isNull()) {
            page = auditor()
                    .get(path + "&cursor=" + page.get("nextCursor").asText())
                    .expect(200);
            seen.addAll(ids(page));
        }
        assertEquals(5, seen.size());
        assertEquals(5, new HashSet<>(seen).size());
        assertEquals(
                5,
                auditor()
                        .get("/api/v1/audit-events?actorId=" + k.id() + "&from=" + before + "&to=" + after)
                        .expect(200)
                        .get("items")
                        .size());
        assertEquals(
                0,
                auditor()
                        .get("/api/v1/audit-events?actorId=" + k.id() + "&to=" + before)
                        .expect(200)
                        .get("items")
                        .size());
        // bad filters are named
        JsonNode p = auditor().get("/api/v1/audit-events?memberId=nope").expect(422);
        assertEquals("memberId", p.get("errors").get(0).get("path").asText());
        p = auditor().get("/api/v1/audit-events?from=yesterday").expect(400);
        assertEquals("from", p.get("errors").get(0).get("path").asText());
        // and only auditors (and admins) read it
        k.api().get("/api/v1/audit-events").expect(403);
    }

    @Test
    void aRestrictedAuditorSeesOnlyItsSubtree() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        String omsk =
                Fixtures.unit(admin, root, "Омская область", "REGION").get("id").asText();
        String moscow = Fixtures.unit(admin, root, "Москва", "REGION").get("id").asText();
        String omskMember = Fixtures.member(admin, Fixtures.person(omsk, "Иван", null, "Петров"))
                .get("id")
                .asText();
        String moscowMember = Fixtures.member(admin, Fixtures.person(moscow, "Ольга", null, "Ким"))
                .get("id")
                .asText();
        Api omskAuditor = Api.withKey(url, TestTokens.staff("auditor-omsk", List.of("auditor"), List.of(omsk)));
        assertEquals(
                1,
                omskAuditor
                        .get("/api/v1/audit-events?memberId=" + omskMember)
                        .expect(200)
                        .get("items")
                        .size());
        assertEquals(
                0,
                omskAuditor
                        .get("/api/v1/audit-events?memberId=" + moscowMember)
                        .expect(200)
                        .get("items")
                        .size());
        // the chain spans the whole organisation, so only an unrestricted auditor verifies it
        omskAuditor.get("/api/v1/audit-chain").expect(403);
    }

    @Test
    void nothingEditsTheTrail() throws SQLException {
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        String member = Fixtures.member(Api.admin(url), Fixtures.person(root, "Иван", null, "Петров"))
                .get("id")
                .asText();
        String entry = ids(auditor()
                        .get("/api/v1/audit-events?memberId=" + member)
                        .expect(200))
                .get(0);
        Api admin = Api.admin(url);
        // there is no way to write through the API: these are unknown methods and paths, and change nothing
        assertEquals(405, admin.post("/api/v1/audit-events", Map.of()).status());
        assertTrue(Set.of(404, 405)
                .contains(admin.delete("/api/v1/audit-events/" + entry).status()));
        assertTrue(Set.of(404, 405)
                .contains(admin.patch("/api/v1/audit-events/" + entry, Map.of()).status()));
        assertTrue(Set.of(404, 405).contains(admin.delete("/api/v1/audit-chain").status()));
        assertEquals(
                List.of(entry),
                ids(auditor().get("/api/v1/audit-events?memberId=" + member).expect(200)));
        try (Connection c = TestDatabase.dataSource().getConnection();
                Statement s = c.createStatement()) {
            SQLException e = assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("update audit_event set actor_id = 'nobody' where id = '" + entry + "'"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            assertThrows(
                    SQLException.class, () -> s.executeUpdate("delete from audit_event where id = '" + entry + "'"));
        }
    }

    @Test
    void theChainShowsAnAlteredAndARemovedEntry() throws SQLException {
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(Fixtures.member(Api.admin(url), Fixtures.person(root, "Иван" + i, null, "Петров"))
                    .get("id")
                    .asText());
        }
        JsonNode intact = auditor().get("/api/v1/audit-chain").expect(200);
        assertTrue(intact.get("intact").asBoolean(), intact.toString());
        assertEquals(0, intact.get("breaks").size());

        JsonNode target = auditor()
                .get("/api/v1/audit-events?memberId=" + members.get(1))
                .expect(200)
                .get("items")
                .get(0);
        String id = target.get("id").asText();
        long seq = target.get("sequence").asLong();
        try (Connection c = TestDatabase.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            try {
                // someone with database access rewrites who did it
                s.executeUpdate("update audit_event set actor_name = 'someone else' where id = '" + id + "'");
                JsonNode altered = auditor().get("/api/v1/audit-chain").expect(200);
                assertFalse(altered.get("intact").asBoolean());
                assertEquals(seq, altered.get("breaks").get(0).get("sequence").asLong(), altered.toString());
                assertEquals(
                        "altered", altered.get("breaks").get(0).get("problem").asText());
                assertEquals(id, altered.get("breaks").get(0).get("entryId").asText());
                s.executeUpdate("update audit_event set actor_name = '"
                        + target.get("actorName").asText() + "' where id = '" + id + "'");
                assertTrue(auditor()
                        .get("/api/v1/audit-chain")
                        .expect(200)
                        .get("intact")
                        .asBoolean());

                // and then removes the entry altogether
                s.execute("create temporary table removed as select * from audit_event where id = '" + id + "'");
                s.executeUpdate("delete from audit_event where id = '" + id + "'");
                JsonNode removed = auditor().get("/api/v1/audit-chain").expect(200);
                assertFalse(removed.get("intact").asBoolean());
                JsonNode b = removed.get("breaks").get(0);
                assertEquals(seq + 1, b.get("sequence").asLong(), removed.toString());
                assertEquals("missing-before", b.get("problem").asText());
                s.executeUpdate("insert into audit_event select * from removed");
            } finally {
                s.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        }
        assertTrue(
                auditor().get("/api/v1/audit-chain").expect(200).get("intact").asBoolean());
    }

    @Test
    void concurrentWritersAppendToOneUnbrokenChain() throws Exception {
        String root = Fixtures.root(Api.admin(url), Fixtures.unique("Country"))
                .get("id")
                .asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> created = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                created.add(pool.submit(() ->
                        Fixtures.member(Api.admin(url), Fixtures.person(root, "Иван" + n, null, "Параллельный"))));
            }
            for (Future<JsonNode> f : created) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonNode chain = auditor().get("/api/v1/audit-chain").expect(200);
        assertTrue(chain.get("intact").asBoolean(), chain.toString());
        assertEquals(
                chain.get("headSequence").asLong(), chain.get("entriesChecked").asLong());
        try (Connection c = TestDatabase.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select count(*), count(distinct chain_seq), max(chain_seq) from audit_event")) {
            var rs = ps.executeQuery();
            rs.next();
            // one entry per place in the chain, and no place left empty
            assertEquals(rs.getLong(1), rs.getLong(2));
            assertEquals(rs.getLong(1), rs.getLong(3));
        }
    }
}
