package io.roster.web.server;

import io.quarkus.runtime.StartupEvent;
import io.roster.api.security.ApiKeyService;
import io.roster.api.security.IssuedApiKey;
import io.roster.api.setup.DemoDataResult;
import io.roster.api.setup.SetupService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** On start: the first admin key of an empty installation, the demo data when asked for, and where to go. */
@ApplicationScoped
public class StartupTasks {
    @Inject
    ApiKeyService apiKeys;

    @Inject
    SetupService setup;

    @ConfigProperty(name = "roster.demo", defaultValue = "false")
    boolean demo;

    @ConfigProperty(name = "roster.bootstrap.admin-key")
    Optional<String> presetAdminKey;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent event) {
        Optional<IssuedApiKey> admin = apiKeys.bootstrapAdminKey(presetAdminKey.orElse(null));
        String base = "http://localhost:" + port;
        if (admin.isPresent() && presetAdminKey.isEmpty()) {
            // Printed at once: the key is committed now, and nothing that follows may fail before it is shown.
            System.out.println("\n    Admin API key (shown once; store it now):\n      "
                    + admin.get().secret()
                    + "\n    Try: curl -H 'Authorization: Bearer " + admin.get().secret() + "' " + base
                    + "/api/v1/org-units");
        }
        DemoDataResult demoData = demo ? setup.loadDemoData() : null;
        StringBuilder b =
                new StringBuilder("\n  Roster is running at ").append(base).append('\n');
        b.append("    REST API     ").append(base).append("/api/v1\n");
        b.append("    OpenAPI      ")
                .append(base)
                .append("/q/openapi  (browse: ")
                .append(base)
                .append("/q/swagger-ui)\n");
        b.append("    Health       ").append(base).append("/q/health\n");
        if (demoData != null) {
            b.append(
                    demoData.loaded()
                            ? "    Demo data    loaded: " + demoData.orgUnits() + " org units, " + demoData.members()
                                    + " members\n"
                            : "    Demo data    already present, left as it is\n");
        }
        System.out.println(b);
    }
}
