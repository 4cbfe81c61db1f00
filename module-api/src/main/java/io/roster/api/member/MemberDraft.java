package io.roster.api.member;

import io.roster.api.common.Language;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything about a member that a person may edit: the input of {@link MemberService#create} and what an update
 * function transforms. Collections may be {@code null} on input and mean empty.
 *
 * @param orgUnitId home org unit; required
 * @param givenName given name; at least one of given and family name is required
 * @param patronymic patronymic, or {@code null}
 * @param familyName family name
 * @param birthDate birth date, or {@code null}; not in the future
 * @param gender gender, or {@code null}
 * @param preferredLanguage the language to write to the person in; {@code null} means Russian
 * @param status status; {@code null} on create means {@link MemberStatus#PROSPECT}
 * @param membershipNumber unique in the organisation, or {@code null}
 * @param joinedOn when the person became a member; set automatically on entering {@code MEMBER} if empty
 * @param leftOn when the person left; set automatically on entering {@code LEFT} if empty
 * @param supportLevel 1 (opposed) … 5 (strong supporter), or {@code null} when unknown
 * @param positions positions held
 * @param tags free labels, 1–64 characters each
 * @param skills skills the person offers (driving, design, law, …)
 * @param phones phone numbers
 * @param emails e-mail addresses
 * @param telegramUsername Telegram username without {@code @}, or {@code null}
 * @param addresses postal addresses
 * @param consents the current consent per channel; at most one per channel
 * @param doNotContact channels that must never be used for this person
 * @param customAttributes values of admin-defined attributes, by key, validated against their definitions
 */
public record MemberDraft(
        String orgUnitId,
        String givenName,
        String patronymic,
        String familyName,
        LocalDate birthDate,
        Gender gender,
        Language preferredLanguage,
        MemberStatus status,
        String membershipNumber,
        LocalDate joinedOn,
        LocalDate leftOn,
        Integer supportLevel,
        List<Position> positions,
        Set<String> tags,
        Set<String> skills,
        List<Phone> phones,
        List<Email> emails,
        String telegramUsername,
        List<Address> addresses,
        List<Consent> consents,
        Set<ContactChannel> doNotContact,
        Map<String, Object> customAttributes) {

    /** A draft with only names and home unit set. */
    public static MemberDraft of(String orgUnitId, String givenName, String patronymic, String familyName) {
        return new MemberDraft(
                orgUnitId,
                givenName,
                patronymic,
                familyName,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
