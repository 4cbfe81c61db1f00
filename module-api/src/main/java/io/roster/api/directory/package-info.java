/**
 * Syncing members with the host CRM's contacts: {@link io.roster.api.directory.ContactSyncService}, backed by the
 * {@link io.roster.spi.directory.ContactDirectory} extension point.
 */
package io.roster.api.directory;
