package io.roster.api.member;

import io.roster.api.common.PageRequest;
import java.time.Instant;
import java.util.Set;

/**
 * A member search. All filters are optional and combine with AND.
 *
 * @param q free text: a name (fuzzy, typo-tolerant, case-, accent- and script-insensitive), or a phone number in
 *     any format, or an e-mail address (both matched exactly after normalisation)
 * @param orgUnitId only members of this unit's subtree
 * @param statuses only these statuses
 * @param tags only members having all of these tags
 * @param supportLevelMin support level at least this
 * @param supportLevelMax support level at most this
 * @param consentChannel only members with a granted consent for this channel and no do-not-contact flag for it
 * @param updatedSince only members changed at or after this instant
 * @param notContactedForDays only members with no contact in this many days (or never contacted)
 * @param lastOutcome only members whose last contact had this outcome
 * @param attendedEventId only members who attended this event
 * @param includeArchived whether archived members are listed too
 * @param sort order; {@code null} means {@link MemberSort#RELEVANCE} with a name query, else {@link MemberSort#NAME}
 * @param page page bounds
 */
public record MemberQuery(
        String q,
        String orgUnitId,
        Set<MemberStatus> statuses,
        Set<String> tags,
        Integer supportLevelMin,
        Integer supportLevelMax,
        ContactChannel consentChannel,
        Instant updatedSince,
        Integer notContactedForDays,
        io.roster.api.interaction.Outcome lastOutcome,
        String attendedEventId,
        boolean includeArchived,
        MemberSort sort,
        PageRequest page) {

    /** A query for the first page of all members, by name. */
    public static MemberQuery all() {
        return new MemberQuery(
                null, null, null, null, null, null, null, null, null, null, null, false, null, PageRequest.first());
    }

    /** This query with another free-text part. */
    public MemberQuery withQ(String text) {
        return new MemberQuery(
                text,
                orgUnitId,
                statuses,
                tags,
                supportLevelMin,
                supportLevelMax,
                consentChannel,
                updatedSince,
                notContactedForDays,
                lastOutcome,
                attendedEventId,
                includeArchived,
                sort,
                page);
    }

    /** This query with other page bounds. */
    public MemberQuery withPage(PageRequest next) {
        return new MemberQuery(
                q,
                orgUnitId,
                statuses,
                tags,
                supportLevelMin,
                supportLevelMax,
                consentChannel,
                updatedSince,
                notContactedForDays,
                lastOutcome,
                attendedEventId,
                includeArchived,
                sort,
                next);
    }
}
