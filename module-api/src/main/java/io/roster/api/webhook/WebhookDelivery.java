package io.roster.api.webhook;

import java.time.Instant;
import java.util.List;

/**
 * One event's delivery to one subscription: the delivery log.
 *
 * @param id delivery id
 * @param subscriptionId the subscription
 * @param eventId the stable event id (also sent as {@code Roster-Event-Id})
 * @param eventType the event type
 * @param status {@code PENDING} (to be sent or retried), {@code DELIVERED}, or {@code FAILED} (retries exhausted)
 * @param attempts attempts made so far
 * @param nextAttemptAt when the next attempt is due, for a pending delivery
 * @param lastAttemptAt when the last attempt was made, or {@code null}
 * @param lastStatus the HTTP status of the last attempt, or {@code null} when there was no response
 * @param lastError why the last attempt failed, or {@code null}
 * @param deliveredAt when it was delivered, or {@code null}
 * @param createdAt when the event was written
 * @param log every attempt, oldest first (only on a single delivery; empty in lists)
 */
public record WebhookDelivery(
        String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant deliveredAt,
        Instant createdAt,
        List<Attempt> log) {

    /**
     * One attempt.
     *
     * @param attempt 1, 2, …
     * @param at when
     * @param status the HTTP status, or {@code null} when there was no response
     * @param error why it failed, or {@code null}
     * @param durationMillis how long it took
     */
    public record Attempt(int attempt, Instant at, Integer status, String error, int durationMillis) {}
}
