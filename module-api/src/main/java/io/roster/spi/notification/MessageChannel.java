package io.roster.spi.notification;

import io.roster.api.member.ContactChannel;
import java.util.Set;

/**
 * Delivers one message to one address over one transport (Telegram, e-mail, SMS, …). Roster calls it from its
 * delivery dispatcher outside any database transaction, one message at a time per call, with the delivery's stable
 * id: a channel whose transport accepts an idempotency key should pass it on, so a retry after a crash between send
 * and commit does not reach the member twice.
 *
 * <p>Consent, do-not-contact, quiet hours and throttling are Roster's job, done before {@link #send} is called; a
 * channel only transports. It must not log message text or addresses (personal data).
 */
public interface MessageChannel {

    /** A stable id, e.g. {@code telegram}, {@code email}, {@code sms}, {@code log}. */
    String id();

    /** Higher wins when two available channels serve the same {@link ContactChannel}; built-in channels have 0. */
    default int priority() {
        return 0;
    }

    /** The contact channels (consent channels) this transport delivers on, e.g. {@code TELEGRAM}. */
    Set<ContactChannel> channels();

    /** Whether it is configured and may be used now; an unavailable channel is skipped when choosing. */
    boolean available();

    /**
     * The most messages per second the transport accepts from this application, or 0 for no own limit. Roster
     * throttles to the lower of this and a broadcast's own rate.
     */
    default double maxPerSecond() {
        return 0;
    }

    /**
     * Whether a {@link SendResult.Status#SENT} result means the message reached the recipient's inbox (Telegram
     * returns the message it placed in the chat), rather than only that the transport accepted it (an SMTP relay, an
     * SMS gateway). Roster counts the first as delivered, the second as sent.
     */
    default boolean confirmsDelivery() {
        return false;
    }

    /**
     * Sends one message. Never throws for a transport failure: the result says whether to retry and when.
     *
     * @return {@link SendResult.Status#SENT} when the transport accepted it, {@link SendResult.Status#RETRY} for a
     *     temporary failure (rate limit, 5xx, timeout; with {@code retryAfter} when the transport named one),
     *     {@link SendResult.Status#FAILED} when retrying cannot help (unknown chat, invalid address)
     */
    SendResult send(OutgoingMessage message);
}
