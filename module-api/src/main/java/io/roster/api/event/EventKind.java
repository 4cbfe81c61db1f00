package io.roster.api.event;

/** What kind of gathering an event is. */
public enum EventKind {
    /** A meeting, rally, facilitation session. */
    EVENT,
    /** A training, e.g. a party-school course. */
    TRAINING
}
