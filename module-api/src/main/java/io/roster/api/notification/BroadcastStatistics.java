package io.roster.api.notification;

import java.util.Map;

/**
 * Progress of a broadcast: recipients per delivery state. {@code delivered} counts only messages the channel
 * confirmed (Telegram); e-mail and SMS stop at {@code sent}.
 *
 * @param recipients all enqueued members
 * @param queued waiting (including those deferred by quiet hours or a retry)
 * @param sending in flight now
 * @param sent accepted by the transport
 * @param delivered confirmed by the channel
 * @param failed given up
 * @param skipped not sent, see {@code skippedByReason}
 * @param cancelled dropped by a cancel
 * @param skippedByReason why recipients were skipped, and how many each
 */
public record BroadcastStatistics(
        long recipients,
        long queued,
        long sending,
        long sent,
        long delivered,
        long failed,
        long skipped,
        long cancelled,
        Map<String, Long> skippedByReason) {}
