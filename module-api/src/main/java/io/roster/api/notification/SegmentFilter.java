package io.roster.api.notification;

import io.roster.api.interaction.Outcome;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberStatus;
import java.util.Set;

/**
 * The member search's filters ({@link io.roster.api.member.MemberQuery}) as a segment keeps them. All optional; they
 * combine with AND.
 */
public record SegmentFilter(
        String q,
        String orgUnitId,
        Set<MemberStatus> statuses,
        Set<String> tags,
        Integer supportLevelMin,
        Integer supportLevelMax,
        ContactChannel consentChannel,
        Integer notContactedForDays,
        Outcome lastOutcome,
        String attendedEventId) {

    /** No filter: every member of the segment's unit subtree. */
    public static SegmentFilter none() {
        return new SegmentFilter(null, null, null, null, null, null, null, null, null, null);
    }
}
