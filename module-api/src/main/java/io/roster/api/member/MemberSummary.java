package io.roster.api.member;

import io.roster.api.common.Language;
import java.time.Instant;
import java.util.Set;

/**
 * A member as a row of a list: enough to recognise and sort, no contact details.
 *
 * @param score relevance of a fuzzy name match (0–1), or {@code null} when the list was not a name search
 */
public record MemberSummary(
        String id,
        String givenName,
        String patronymic,
        String familyName,
        MemberStatus status,
        String orgUnitId,
        Integer supportLevel,
        Set<String> tags,
        Instant archivedAt,
        Instant updatedAt,
        long version,
        Double score) {

    /** The name to show, per {@link MemberNames#display}. */
    public String displayName(Language language) {
        return MemberNames.display(givenName, patronymic, familyName, language);
    }
}
