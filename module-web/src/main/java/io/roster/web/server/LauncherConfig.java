package io.roster.web.server;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The few keys the launcher needs before the runtime starts, read through MicroProfile Config with the same
 * sources and precedence the runtime uses (system properties, environment such as {@code ROSTER_DB_URL},
 * {@code ./config/application.properties}, the packaged {@code application.properties}). The instance is private:
 * the runtime builds its own later.
 */
record LauncherConfig(
        String dbUrl, String dbUser, String dbPassword, Path dataDir, int httpPort, String httpHost, int embeddedPort) {

    static LauncherConfig load() {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultSources();
        try {
            URL packaged = LauncherConfig.class.getClassLoader().getResource("application.properties");
            if (packaged != null) {
                builder.withSources(new PropertiesConfigSource(packaged, 250));
            }
            Path local = Path.of("config", "application.properties");
            if (Files.isRegularFile(local)) {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read application.properties: " + e.getMessage(), e);
        }
        SmallRyeConfig c = builder.build();
        String region =
                c.getOptionalValue("roster.phone.default-region", String.class).orElse("RU");
        if (!Set.of(Locale.getISOCountries()).contains(region.toUpperCase(Locale.ROOT))) {
            throw new IllegalStateException("roster.phone.default-region (ROSTER_PHONE_DEFAULT_REGION) '" + region
                    + "' is not an ISO 3166 region code such as RU or UA");
        }
        c.getOptionalValue("roster.bootstrap.admin-key", String.class).ifPresent(key -> {
            if (!key.strip().startsWith("rst_") || key.strip().length() < 24) {
                throw new IllegalStateException("roster.bootstrap.admin-key (ROSTER_BOOTSTRAP_ADMIN_KEY) must start"
                        + " with 'rst_' and be at least 24 characters");
            }
        });
        return new LauncherConfig(
                c.getOptionalValue("roster.db.url", String.class)
                        .filter(s -> !s.isBlank())
                        .orElse(null),
                c.getOptionalValue("roster.db.user", String.class).orElse("postgres"),
                c.getOptionalValue("roster.db.password", String.class).orElse(""),
                Path.of(c.getOptionalValue("roster.data-dir", String.class).orElse("./roster-data")),
                c.getOptionalValue("roster.http.port", Integer.class).orElse(8080),
                c.getOptionalValue("roster.http.host", String.class).orElse("0.0.0.0"),
                c.getOptionalValue("roster.db.embedded-port", Integer.class).orElse(0));
    }
}
