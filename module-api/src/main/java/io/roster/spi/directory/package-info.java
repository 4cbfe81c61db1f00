/**
 * Extension point for syncing members with the host CRM's contacts: {@link io.roster.spi.directory.ContactDirectory},
 * used by {@link io.roster.api.directory.ContactSyncService}.
 */
package io.roster.spi.directory;
