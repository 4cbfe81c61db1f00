package io.roster.api.interaction;

/**
 * How a contact went. Some outcomes change the member's profile, as canvassers expect: {@link #WRONG_NUMBER} marks the
 * phone bad, {@link #MOVED} marks the addresses stale, {@link #DECEASED} sets the status and stops every contact,
 * {@link #REFUSED} with {@code doNotContact} stops the channel.
 */
public enum Outcome {
    REACHED,
    LEFT_MESSAGE,
    NOT_HOME,
    REFUSED,
    MOVED,
    WRONG_NUMBER,
    DECEASED,
    INACCESSIBLE,
    OTHER
}
