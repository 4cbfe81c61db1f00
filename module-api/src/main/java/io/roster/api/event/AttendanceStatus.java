package io.roster.api.event;

/** Where a member stands with an event. */
public enum AttendanceStatus {
    REGISTERED,
    ATTENDED,
    NO_SHOW,
    /** The registration was withdrawn. */
    CANCELLED
}
