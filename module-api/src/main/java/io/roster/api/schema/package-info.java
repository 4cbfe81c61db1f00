/** The database schema's lifecycle: {@link io.roster.api.schema.SchemaMigrator}. */
package io.roster.api.schema;
