package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Security headers on every response, the request id, and CORS for the configured host origin only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class HttpHardeningApiTest {
    private static final String HOST_ORIGIN = "https://crm.example.org";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    private String root() {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }

    private static void apiHeaders(Api.Res r) {
        assertEquals(
                "nosniff", r.header("X-Content-Type-Options"), r.raw().headers().toString());
        assertEquals("no-referrer", r.header("Referrer-Policy"));
        assertEquals("no-store", r.header("Cache-Control"));
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertNotNull(r.header("X-Request-Id"));
    }

    @Test
    void everyApiResponseCarriesTheSecurityHeaders() {
        apiHeaders(Api.admin(url).get("/api/v1/org-units"));
        apiHeaders(Api.withKey(url, null).get("/api/v1/org-units"));
        apiHeaders(Api.admin(url).get("/api/v1/members/" + java.util.UUID.randomUUID()));
        apiHeaders(Api.admin(url).raw("POST", "/api/v1/org-units", "application/json", "{not json"));
    }

    @Test
    void pagesAndDocumentsCarryThemToo() {
        Api.Res doc = Api.withKey(url, null).get("/q/openapi");
        assertEquals(200, doc.status());
        assertEquals("nosniff", doc.header("X-Content-Type-Options"));
        assertEquals("no-referrer", doc.header("Referrer-Policy"));
        assertTrue(doc.header("Content-Security-Policy").contains("frame-ancestors"));
    }

    @Test
    void aRequestIdIsEchoedOrMadeUp() {
        assertEquals(
                "crm-req-17",
                Api.admin(url)
                        .header("X-Request-Id", "crm-req-17")
                        .get("/api/v1/org-units")
                        .header("X-Request-Id"));
        String made = Api.admin(url)
                .header("X-Request-Id", "not a plain token <script>")
                .get("/api/v1/org-units")
                .header("X-Request-Id");
        assertTrue(made.matches("[0-9a-f-]{36}"), made);
    }

    @Test
    void corsAllowsOnlyTheHostOrigin() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(URI.create(root() + "/api/v1/members"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", HOST_ORIGIN)
                        .header("Access-Control-Request-Method", "PATCH")
                        .header("Access-Control-Request-Headers", "authorization,if-match")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(
                HOST_ORIGIN,
                preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
                preflight.headers().toString());
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("PATCH"));

        Api.Res allowed = Api.admin(url).header("Origin", HOST_ORIGIN).get("/api/v1/org-units");
        assertEquals(200, allowed.status());
        assertEquals(HOST_ORIGIN, allowed.header("Access-Control-Allow-Origin"));
        assertTrue(allowed.header("Access-Control-Expose-Headers").contains("ETag"));

        Api.Res foreign =
                Api.admin(url).header("Origin", "https://evil.example.com").get("/api/v1/org-units");
        assertNull(foreign.header("Access-Control-Allow-Origin"));
        assertEquals(403, foreign.status());
    }
}
