package io.roster.web.rest.member;

/**
 * A link of a member to a host CRM contact.
 *
 * @param directory the contact directory's id, or {@code null} for the default one
 * @param crmContactId the contact's id in the CRM
 */
public record CrmLinkRequest(String directory, String crmContactId) {}
