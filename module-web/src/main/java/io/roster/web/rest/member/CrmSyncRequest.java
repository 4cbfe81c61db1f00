package io.roster.web.rest.member;

/**
 * A pull from or push to the host CRM.
 *
 * @param directory the contact directory's id, or {@code null} for the default one
 */
public record CrmSyncRequest(String directory) {}
