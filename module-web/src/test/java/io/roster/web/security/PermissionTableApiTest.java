package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import io.roster.web.testing.TestTokens;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The role × endpoint table of docs/security.md, over HTTP with staff tokens: for every role, each endpoint either
 * lets the call through (whatever it then answers) or refuses it with 403. Write endpoints get an empty body, so an
 * allowed call ends in a validation error and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class PermissionTableApiTest {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    /** The table as documented: role → the endpoints it may call. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "viewer", Set.of("read org units", "read members", "read tasks", "read knowledge base"),
            "organiser",
                    Set.of(
                            "read org units",
                            "read members",
                            "write members",
                            "log interactions",
                            "write events",
                            "read tasks",
                            "write tasks",
                            "read notifications",
                            "write segments",
                            "read knowledge base"),
            "coordinator",
                    Set.of(
                            "read org units",
                            "write org units",
                            "read members",
                            "write members",
                            "merge members",
                            "log interactions",
                            "define interaction types",
                            "write events",
                            "read tasks",
                            "write tasks",
                            "read notifications",
                            "send broadcasts",
                            "write templates",
                            "write segments",
                            "read knowledge base",
                            "write knowledge base"),
            "admin",
                    Set.of(
                            "read org units",
                            "write org units",
                            "read members",
                            "write members",
                            "merge members",
                            "log interactions",
                            "define interaction types",
                            "write events",
                            "define attributes",
                            "read tasks",
                            "write tasks",
                            "manage api keys",
                            "read audit trail",
                            "manage webhooks",
                            "read notifications",
                            "send broadcasts",
                            "write templates",
                            "write segments",
                            "read knowledge base",
                            "write knowledge base"),
            "auditor", Set.of("read org units", "read members", "read audit trail"),
            "integrator",
                    Set.of(
                            "read org units",
                            "read members",
                            "write members",
                            "log interactions",
                            "write events",
                            "read tasks",
                            "write tasks",
                            "manage webhooks",
                            "read knowledge base",
                            "write knowledge base"));

    private record Endpoint(String name, String method, String path, Map<String, Object> body) {
        Endpoint(String name, String method, String path) {
            this(name, method, path, Map.of());
        }
    }

    @Test
    void everyRoleReachesExactlyTheEndpointsOfItsPermissions() {
        Api admin = Api.admin(url);
        String root = Fixtures.root(admin, Fixtures.unique("Country")).get("id").asText();
        String member = Fixtures.member(admin, Fixtures.person(root, "Иван", null, "Петров"))
                .get("id")
                .asText();
        List<Endpoint> endpoints = List.of(
                new Endpoint("read org units", "GET", "/api/v1/org-units/" + root),
                new Endpoint("write org units", "POST", "/api/v1/org-units"),
                new Endpoint("read members", "GET", "/api/v1/members/" + member),
                new Endpoint("write members", "POST", "/api/v1/members"),
                // merging a member into itself: refused after the permission checks, so nothing changes
                new Endpoint(
                        "merge members",
                        "POST",
                        "/api/v1/members/" + member + "/merges",
                        Map.of("sourceMemberId", member)),
                new Endpoint("log interactions", "POST", "/api/v1/interactions"),
                new Endpoint("define interaction types", "POST", "/api/v1/interaction-types"),
                new Endpoint("write events", "POST", "/api/v1/events"),
                new Endpoint("define attributes", "POST", "/api/v1/attribute-definitions"),
                new Endpoint("manage api keys", "GET", "/api/v1/api-keys"),
                new Endpoint("read audit trail", "GET", "/api/v1/audit-events"),
                new Endpoint("manage webhooks", "GET", "/api/v1/webhook-subscriptions"),
                new Endpoint("read notifications", "GET", "/api/v1/broadcasts"),
                new Endpoint("send broadcasts", "POST", "/api/v1/broadcasts"),
                new Endpoint("write templates", "POST", "/api/v1/message-templates"),
                new Endpoint("write segments", "POST", "/api/v1/segments"),
                new Endpoint("read tasks", "GET", "/api/v1/my-tasks"),
                new Endpoint("write tasks", "POST", "/api/v1/tasks"),
                new Endpoint("read knowledge base", "GET", "/api/v1/knowledge-base/entries"),
                new Endpoint("write knowledge base", "POST", "/api/v1/knowledge-base/entries"));
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        List<String> surprises = new ArrayList<>();
        for (String role : ALLOWED.keySet()) {
            Api staff = Api.withKey(url, TestTokens.staff("perm-" + role, List.of(role), List.of("*")));
            Set<String> allowed = new TreeSet<>();
            for (Endpoint e : endpoints) {
                Api.Res r = e.method().equals("GET") ? staff.get(e.path()) : staff.post(e.path(), e.body());
                if (r.status() == 403) {
                    continue;
                }
                allowed.add(e.name());
                if (r.status() >= 500 || r.status() == 401) {
                    surprises.add(role + " " + e.name() + " → " + r.status() + " " + r.body());
                }
            }
            actual.put(role, allowed);
        }
        assertEquals(List.of(), surprises);
        for (String role : ALLOWED.keySet()) {
            assertEquals(new TreeSet<>(ALLOWED.get(role)), actual.get(role), role);
        }
    }
}
