package io.roster.api.interaction;

import java.time.Instant;
import java.util.Set;

/**
 * Input for logging an interaction, and what a correction function transforms. See {@link Interaction} for the
 * fields.
 *
 * @param memberId required
 * @param orgUnitId {@code null} means the member's home unit
 * @param type required, an {@link InteractionType} key
 * @param direction {@code null} means {@link Direction#OUTBOUND}
 * @param channel required
 * @param occurredAt {@code null} means now; not in the future
 * @param source {@code null} means the caller's source (API for API keys)
 * @param doNotContact with outcome {@link Outcome#REFUSED}: the person asked not to be contacted over this channel
 *     again (the member's do-not-contact flag is set); ignored otherwise and never stored on the interaction
 */
public record InteractionDraft(
        String memberId,
        String orgUnitId,
        String type,
        Direction direction,
        InteractionChannel channel,
        Instant occurredAt,
        Integer durationSeconds,
        String subject,
        String body,
        Outcome outcome,
        String phone,
        String eventId,
        String campaignId,
        String taskId,
        Set<String> tags,
        InteractionSource source,
        String externalRef,
        boolean doNotContact) {

    /** This draft for another member (bulk logging). */
    public InteractionDraft forMember(String member) {
        return new InteractionDraft(
                member,
                orgUnitId,
                type,
                direction,
                channel,
                occurredAt,
                durationSeconds,
                subject,
                body,
                outcome,
                phone,
                eventId,
                campaignId,
                taskId,
                tags,
                source,
                externalRef,
                doNotContact);
    }
}
