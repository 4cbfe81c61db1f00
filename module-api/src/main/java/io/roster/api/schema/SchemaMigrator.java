package io.roster.api.schema;

import javax.sql.DataSource;

/**
 * Brings Roster's PostgreSQL schema up to date. The implementation is found with {@link java.util.ServiceLoader}
 * (and is also a CDI bean), so a launcher or a Jakarta EE host can migrate before it starts serving.
 */
public interface SchemaMigrator {

    /**
     * Applies every pending migration; does nothing when the schema is current.
     *
     * @return how many migrations were applied
     * @throws IllegalStateException naming the failing migration and the database's reason when a migration fails
     */
    int migrate(DataSource dataSource);

    /** Whether the database answers and has no pending migration. Never throws. */
    boolean isUpToDate(DataSource dataSource);
}
