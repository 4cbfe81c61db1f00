package io.roster.api.member;

/**
 * Where a person stands with the organisation. The usual path is prospect → supporter → volunteer → member; a
 * member may be suspended or leave. {@code MemberRules} in the implementation holds which moves are allowed.
 */
public enum MemberStatus {
    PROSPECT,
    SUPPORTER,
    VOLUNTEER,
    MEMBER,
    SUSPENDED,
    LEFT,
    /** Recorded from a canvass or call outcome; every contact with the person stops. */
    DECEASED
}
