package io.roster.api.interaction;

/** Who started the contact. */
public enum Direction {
    /** The person contacted the organisation. */
    INBOUND,
    /** The organisation contacted the person. */
    OUTBOUND
}
