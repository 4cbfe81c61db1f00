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

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("roster-database-schema")
                .status(migrator.isUpToDate(dataSource))
                .build();
    }
}
