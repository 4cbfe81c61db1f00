package io.roster.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The UI's files as served: their own CSP, the API's headers untouched, the manifest, and no HTML built from data. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class UiResourcesTest {
    private static final File UI = new File("target/classes/META-INF/resources/ui");

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.roster();
        for (File f : UI.listFiles()) {
            war.addAsResource(f, "META-INF/resources/ui/" + f.getName());
        }
        return war;
    }

    @ArquillianResource
    URL url;

    @Test
    void uiFilesCarryTheirOwnPolicyAndTheApiKeepsItsOwn() {
        Api anonymous = Api.withKey(url, null);
        for (String path : new String[] {"/ui/", "/ui/roster.js", "/ui/roster.css", "/ui/manifest.json"}) {
            Api.Res r = anonymous.get(path);
            assertEquals(200, r.status(), path);
            String csp = r.header("Content-Security-Policy");
            assertTrue(csp.contains("default-src 'none'"), csp);
            assertTrue(csp.contains("script-src 'self'"), csp);
            assertTrue(csp.contains("connect-src 'self'"), csp);
            assertTrue(csp.contains("frame-ancestors 'self'"), csp);
            assertFalse(csp.contains("unsafe"), csp);
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("no-referrer", r.header("Referrer-Policy"));
        }
        assertTrue(anonymous.get("/ui/roster.js").contentType().contains("javascript"));
        assertTrue(anonymous.get("/ui/").contentType().startsWith("text/html"));

        Api.Res api = Api.admin(url).get("/api/v1/org-units");
        assertEquals("default-src 'none'; frame-ancestors 'none'", api.header("Content-Security-Policy"));
        assertEquals("DENY", api.header("X-Frame-Options"));
        assertEquals("no-store", api.header("Cache-Control"));
    }

    @Test
    void theHostOriginMayLoadTheModules() {
        Api.Res r = Api.withKey(url, null)
                .header("Origin", "https://crm.example.org")
                .get("/ui/roster.js");
        assertEquals(200, r.status());
        assertEquals("https://crm.example.org", r.header("Access-Control-Allow-Origin"));
        Api.Res other = Api.withKey(url, null)
                .header("Origin", "https://evil.example.com")
                .get("/ui/roster.js");
        assertNull(other.header("Access-Control-Allow-Origin"));
    }

    @Test
    void theManifestListsEachPanelWithAnElementThatRosterJsDefines() throws IOException {
        JsonNode manifest = Api.withKey(url, null).get("/ui/manifest.json").expect(200);
        String roster = Files.readString(new File(UI, "roster.js").toPath());
        Set<String> locations = new HashSet<>();
        manifest.get("locations").fieldNames().forEachRemaining(locations::add);
        assertTrue(locations.containsAll(Set.of("contact.tab", "contact.sidebar", "dashboard", "main-menu")));
        Set<String> elements = new HashSet<>();
        for (JsonNode panel : manifest.get("panels")) {
            String element = panel.get("element").asText();
            elements.add(element);
            String module = element.substring("roster-".length()) + ".js";
            assertTrue(roster.contains("'./" + module + "'"), module + " is imported by roster.js");
            String source = Files.readString(new File(UI, module).toPath());
            assertTrue(source.contains("customElements.define('" + element + "'"), element);
            for (String lang : new String[] {"en", "ru", "uk"}) {
                assertFalse(panel.get("title").get(lang).asText().isBlank(), element + " " + lang);
            }
            for (JsonNode location : panel.get("locations")) {
                assertTrue(locations.contains(location.asText()), location.asText());
            }
        }
        assertEquals(9, elements.size());
    }

    /** The structural guarantee behind "a hostile name renders as text": no script parses strings as HTML. */
    @Test
    void noScriptBuildsHtmlFromStrings() throws IOException {
        for (File f : UI.listFiles((d, n) -> n.endsWith(".js"))) {
            String js = Files.readString(f.toPath());
            for (String sink : new String[] {
                "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"
            }) {
                assertFalse(js.contains(sink), f.getName() + " uses " + sink);
            }
        }
    }
}
