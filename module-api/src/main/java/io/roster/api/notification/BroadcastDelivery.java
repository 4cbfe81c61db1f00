package io.roster.api.notification;

import io.roster.api.member.ContactChannel;
import java.time.Instant;

/**
 * One member's message in a broadcast.
 *
 * @param id delivery id: stable across retries, passed to the channel as an idempotency key
 * @param broadcastId the broadcast
 * @param memberId the recipient
 * @param status its state
 * @param channel the channel chosen, or {@code null} before it is (or when skipped before one was found)
 * @param attempts transport attempts so far
 * @param nextAttemptAt when it is due next (queued), or when its lease ends (sending)
 * @param reason why it was skipped or failed, or what deferred it; never personal data
 * @param sentAt when the transport accepted it, or {@code null}
 * @param updatedAt when it last changed
 */
public record BroadcastDelivery(
        String id,
        String broadcastId,
        String memberId,
        DeliveryStatus status,
        ContactChannel channel,
        int attempts,
        Instant nextAttemptAt,
        String reason,
        Instant sentAt,
        Instant updatedAt) {}
