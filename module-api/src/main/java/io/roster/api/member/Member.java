package io.roster.api.member;

import io.roster.api.common.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A member profile as stored, for one person whatever their status. Fields are those of {@link MemberDraft}
 * (normalised: phones in E.164, tags sorted) plus what Roster keeps itself.
 *
 * @param id member id (UUIDv7)
 * @param archivedAt when it was archived, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version optimistic-lock version, the ETag
 * @param contactFacts what the member's contact history adds up to (derived, not part of the version)
 */
public record Member(
        String id,
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
        Map<String, Object> customAttributes,
        Instant archivedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        io.roster.api.interaction.ContactFacts contactFacts) {

    /** The name to show, per {@link MemberNames#display}. */
    public String displayName(Language language) {
        return MemberNames.display(givenName, patronymic, familyName, language);
    }

    /** The editable part, as a starting point for an update. */
    public MemberDraft toDraft() {
        return new MemberDraft(
                orgUnitId,
                givenName,
                patronymic,
                familyName,
                birthDate,
                gender,
                preferredLanguage,
                status,
                membershipNumber,
                joinedOn,
                leftOn,
                supportLevel,
                positions,
                tags,
                skills,
                phones,
                emails,
                telegramUsername,
                addresses,
                consents,
                doNotContact,
                customAttributes);
    }
}
