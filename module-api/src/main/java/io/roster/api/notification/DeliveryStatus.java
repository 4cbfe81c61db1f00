package io.roster.api.notification;

/** The state of one member's message in a broadcast. */
public enum DeliveryStatus {
    /** Waiting for its time (start, retry backoff, end of quiet hours). */
    QUEUED,
    /** Handed to a dispatcher, which holds a lease on it; a lease that expires (a crash) puts it back in play. */
    SENDING,
    /** The transport accepted it (SMTP server, SMS gateway); whether it reached the person is not known. */
    SENT,
    /** The transport confirmed it is in the recipient's inbox (Telegram returns the message it placed in the chat). */
    DELIVERED,
    /** Given up: the transport refused it for good, or the last attempt failed. */
    FAILED,
    /** Not sent, with the reason: no consent, do-not-contact, no address, deceased, archived, … */
    SKIPPED,
    /** The broadcast was cancelled before it was sent. */
    CANCELLED
}
