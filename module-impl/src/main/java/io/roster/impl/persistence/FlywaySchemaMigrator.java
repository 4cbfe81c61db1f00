package io.roster.impl.persistence;

import io.roster.api.schema.SchemaMigrator;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Roster's migrations live in {@code db/roster} of this jar and are recorded in {@code roster_schema_history}. */
@ApplicationScoped
public class FlywaySchemaMigrator implements SchemaMigrator {
    public static final String LOCATION = "classpath:db/roster";
    public static final String HISTORY_TABLE = "roster_schema_history";

    @Override
    public int migrate(DataSource dataSource) {
        try {
            MigrateResult result = flyway(dataSource).migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isUpToDate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                return false;
            }
        } catch (Exception e) {
            return false;
        }
        try {
            return flyway(dataSource).info().pending().length == 0;
        } catch (FlywayException e) {
            return false;
        }
    }

    private Flyway flyway(DataSource dataSource) {
        return Flyway.configure(FlywaySchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .load();
    }
}
