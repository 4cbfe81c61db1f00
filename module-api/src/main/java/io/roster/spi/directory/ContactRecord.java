package io.roster.spi.directory;

import java.util.List;

/**
 * A contact as the host CRM keeps it: the fields Roster syncs both ways. {@code null} means "the CRM does not know",
 * and never clears a value in Roster.
 *
 * @param crmContactId the contact's id in the CRM
 * @param givenName given name
 * @param patronymic patronymic
 * @param familyName family name
 * @param phones phone numbers in any usual format
 * @param emails e-mail addresses
 * @param telegramUsername Telegram username without {@code @}
 */
public record ContactRecord(
        String crmContactId,
        String givenName,
        String patronymic,
        String familyName,
        List<String> phones,
        List<String> emails,
        String telegramUsername) {}
