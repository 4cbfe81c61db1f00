package io.roster.api.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a member's timeline.
 *
 * @param id entry id (stable; for an interaction, the interaction's id)
 * @param memberId the member
 * @param kind what it records
 * @param occurredAt when it happened
 * @param type the interaction type key, the attendance status, the new status, or the consent channel
 * @param channel the interaction channel, or {@code null}
 * @param refId the interaction or event it is about, or {@code null}
 * @param title a short text to show: the subject, the event title, {@code "SUPPORTER → MEMBER"}
 * @param data further facts by kind: {@code outcome}, {@code direction}, {@code from}, {@code to}, {@code granted}
 */
public record TimelineEntry(
        String id,
        String memberId,
        EntryKind kind,
        Instant occurredAt,
        String type,
        String channel,
        String refId,
        String title,
        Map<String, Object> data) {}
