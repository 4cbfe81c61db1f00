package io.roster.api.timeline;

/** What a timeline entry records. */
public enum EntryKind {
    /** An interaction (its id is the entry's {@code refId}). */
    INTERACTION,
    /** Registration or attendance at an event (the event's id is the {@code refId}). */
    ATTENDANCE,
    /** A change of the member's status. */
    STATUS_CHANGE,
    /** A move of the member to another home org unit. */
    ORG_UNIT_CHANGE,
    /** A consent given or withdrawn. */
    CONSENT_CHANGE,
    /**
     * A card about the member was created, moved, assigned or closed (the card's id is the {@code refId}; the
     * {@code type} says which).
     */
    TASK,
    /**
     * A broadcast message to the member was sent, delivered, failed or skipped (the delivery's id is the
     * {@code refId}; the {@code type} is the outcome, the {@code channel} the channel, the title the broadcast's name).
     */
    DELIVERY
}
