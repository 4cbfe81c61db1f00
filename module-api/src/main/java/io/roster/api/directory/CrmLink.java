package io.roster.api.directory;

import java.time.Instant;

/**
 * A member linked to a contact in the host CRM.
 *
 * @param memberId the member
 * @param directory the {@link io.roster.spi.directory.ContactDirectory#id()} of the CRM
 * @param crmContactId the contact's id there
 * @param linkedAt when the link was made
 * @param linkedBy who made it
 */
public record CrmLink(String memberId, String directory, String crmContactId, Instant linkedAt, String linkedBy) {}
