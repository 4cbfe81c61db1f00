package io.roster.spi.directory;

import java.util.Optional;

/**
 * The host CRM's contact directory, for syncing members both ways. A member is linked to a CRM contact id per
 * directory ({@link io.roster.api.directory.ContactSyncService#link}); a pull reads the contact and applies it to the
 * member, a push sends the member's fields to the contact. When several directories are installed, the one with the
 * lowest {@link #priority()} is the default.
 */
public interface ContactDirectory {
    /** A stable name, used in links and in the API, e.g. {@code acme-crm}. */
    String id();

    /** Lower is preferred. */
    default int priority() {
        return 1000;
    }

    /**
     * The contact with this id, if the CRM has it.
     *
     * @throws RuntimeException when the CRM cannot be reached; the pull fails and changes nothing
     */
    Optional<ContactRecord> pull(String crmContactId);

    /**
     * Sends the member's fields to the contact.
     *
     * @throws RuntimeException when the CRM cannot be reached or refuses
     */
    void push(ContactRecord contact);
}
