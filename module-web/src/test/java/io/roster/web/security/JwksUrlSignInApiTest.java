package io.roster.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Staff tokens verified against keys Roster fetches from the host's JWKS URL (a local server of the test). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class JwksUrlSignInApiTest {
    private static HttpServer host;
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static String jwksLocation;

    @Deployment(testable = false)
    static WebArchive deployment() {
        try {
            host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        host.createContext("/.well-known/jwks.json", exchange -> {
            FETCHES.incrementAndGet();
            byte[] body = TestTokens.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        host.start();
        jwksLocation = System.getProperty("roster.auth.jwt.jwks-location");
        System.clearProperty("roster.auth.jwt.jwks-location");
        System.setProperty(
                "roster.auth.jwt.jwks-url",
                "http://127.0.0.1:" + host.getAddress().getPort() + "/.well-known/jwks.json");
        return Deployments.roster();
    }

    @AfterAll
    static void restore() {
        System.clearProperty("roster.auth.jwt.jwks-url");
        System.setProperty("roster.auth.jwt.jwks-location", jwksLocation);
        host.stop(0);
    }

    @ArquillianResource
    URL url;

    @Test
    void keysComeFromTheHostsJwksUrl() {
        Api staff = Api.withKey(url, TestTokens.staff("jwks-staff", List.of("viewer"), List.of("*")));
        staff.get("/api/v1/org-units").expect(200);
        assertTrue(FETCHES.get() >= 1, "the JWKS was fetched");
        Api es = Api.withKey(url, TestTokens.es256(TestTokens.claims("jwks-es", List.of("viewer"), List.of("*"))));
        es.get("/api/v1/org-units").expect(200);
        // a key the host never published does not verify, however the token names it
        Api forged = Api.withKey(url, TestTokens.forged(TestTokens.claims("jwks-x", List.of("admin"), List.of("*"))));
        assertEquals(401, forged.get("/api/v1/org-units").status());
    }
}
