package io.roster.api.interaction;

import java.time.Instant;
import java.util.Set;

/**
 * One contact with a member, or a note about them.
 *
 * @param id interaction id
 * @param memberId the member
 * @param orgUnitId the unit that made the contact (defaults to the member's home unit)
 * @param type an {@link InteractionType} key
 * @param direction who started it
 * @param channel the medium
 * @param occurredAt when it happened; never in the future
 * @param durationSeconds how long it took, or {@code null}
 * @param subject a short subject, or {@code null}
 * @param body plain text, at most 10,000 characters, or {@code null}
 * @param outcome how it went, or {@code null}
 * @param phone the number used, for a call or SMS (E.164), or {@code null}
 * @param eventId the event it belongs to, or {@code null}
 * @param campaignId the canvassing campaign, or {@code null}
 * @param taskId the task, or {@code null}
 * @param tags free labels
 * @param source where it was recorded
 * @param externalRef the id in the system it was synced from, unique; {@code null} when none
 * @param authorId the principal who recorded it
 * @param authorName that principal's display name
 * @param deletedAt when it was deleted, or {@code null} (deleted interactions are visible to admins only)
 * @param version optimistic-lock version, the ETag
 */
public record Interaction(
        String id,
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
        String authorId,
        String authorName,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long version) {

    /** The editable part, as a starting point for a correction. */
    public InteractionDraft toDraft() {
        return new InteractionDraft(
                memberId,
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
                false);
    }
}
