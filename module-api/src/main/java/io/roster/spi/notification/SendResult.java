package io.roster.spi.notification;

import java.time.Duration;

/**
 * What a {@link MessageChannel} did with one message.
 *
 * @param status sent, retry later, or failed for good
 * @param providerMessageId the transport's id of the message (Telegram message id, SMTP Message-ID, gateway id),
 *     or {@code null}
 * @param retryAfter how long the transport asked to wait before the next attempt (Telegram's {@code retry_after}),
 *     or {@code null} to use Roster's backoff
 * @param error a short reason without personal data, e.g. {@code telegram 403: bot was blocked by the user}, or
 *     {@code null} when sent
 */
public record SendResult(Status status, String providerMessageId, Duration retryAfter, String error) {

    public enum Status {
        SENT,
        RETRY,
        FAILED
    }

    public static SendResult sent(String providerMessageId) {
        return new SendResult(Status.SENT, providerMessageId, null, null);
    }

    public static SendResult retry(String error, Duration retryAfter) {
        return new SendResult(Status.RETRY, null, retryAfter, error);
    }

    public static SendResult failed(String error) {
        return new SendResult(Status.FAILED, null, null, error);
    }
}
