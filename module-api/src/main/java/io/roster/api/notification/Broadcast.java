package io.roster.api.notification;

import io.roster.api.member.ContactChannel;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A message sent from a template to an audience. Fields as in {@link NewBroadcast}, plus:
 *
 * @param status where it stands
 * @param recipients how many members were enqueued when it started (0 before)
 * @param createdBy who created it
 * @param startedAt when it was started, or {@code null}
 * @param completedAt when its last recipient was done, or {@code null}
 * @param version changes with every state transition, the ETag
 */
public record Broadcast(
        String id,
        String orgUnitId,
        String name,
        String templateId,
        String segmentId,
        List<String> memberIds,
        List<ContactChannel> channels,
        Instant startAt,
        double ratePerSecond,
        LocalTime quietStart,
        LocalTime quietEnd,
        int maxAttempts,
        BroadcastStatus status,
        int recipients,
        Instant createdAt,
        String createdBy,
        Instant startedAt,
        Instant completedAt,
        Instant updatedAt,
        long version) {}
