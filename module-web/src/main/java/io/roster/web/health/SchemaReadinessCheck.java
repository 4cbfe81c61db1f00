package io.roster.web.health;

import io.roster.api.schema.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers and every migration has been applied. */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {
    @Inject
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    private volatile boolean migrated;

    @Override
    public HealthCheckResponse call() {
        // Once the schema was seen current it stays so for this process; afterwards a probe only asks the database
        // to answer, instead of scanning migrations on every call.
        if (!migrated) {
            migrated = migrator.isUpToDate(dataSource);
            return HealthCheckResponse.named("roster-database-schema")
                    .status(migrated)
                    .build();
        }
        boolean answers;
        try (java.sql.Connection c = dataSource.getConnection()) {
            answers = c.isValid(2);
        } catch (java.sql.SQLException e) {
            answers = false;
        }
        return HealthCheckResponse.named("roster-database-schema")
                .status(answers)
                .build();
    }
}
