package io.roster.api.directory;

import io.roster.api.member.Member;
import java.util.List;

/**
 * Links members to the host CRM's contacts and syncs them both ways through the installed
 * {@link io.roster.spi.directory.ContactDirectory} implementations. {@code directory} may be {@code null} for the
 * default one (the lowest priority).
 */
public interface ContactSyncService {

    /**
     * Links a member to a CRM contact, replacing the member's earlier link to that directory.
     *
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     * @throws io.roster.api.error.ValidationException on {@code directory} when no such directory is installed, or on
     *     {@code crmContactId} when it is empty or longer than 200 characters
     * @throws io.roster.api.error.ConflictException ({@code crm-contact-linked}) when the contact is linked to
     *     another member
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE}
     */
    CrmLink link(String memberId, String directory, String crmContactId);

    /**
     * The member's links, one per directory.
     *
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ}
     */
    List<CrmLink> links(String memberId);

    /**
     * Removes the member's link to a directory; removing a link that does not exist changes nothing.
     *
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE}
     */
    void unlink(String memberId, String directory);

    /**
     * Reads the linked contact from the CRM and applies it to the member: names the CRM has replace Roster's, phones
     * and e-mails it has are added, values it lacks are kept.
     *
     * @return the member after the change
     * @throws io.roster.api.error.InvalidStateException ({@code crm-link-missing}) when the member is not linked to
     *     the directory, or ({@code crm-contact-missing}) when the CRM no longer has the contact
     * @throws io.roster.api.error.ValidationException when the contact's values break a member rule
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE} and {@code MEMBER_READ}
     */
    Member pull(String memberId, String directory);

    /**
     * Sends the member's names and contact details to the linked contact.
     *
     * @throws io.roster.api.error.InvalidStateException ({@code crm-link-missing}) when the member is not linked
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ} and {@code MEMBER_CONTACTS_READ}
     */
    void push(String memberId, String directory);
}
