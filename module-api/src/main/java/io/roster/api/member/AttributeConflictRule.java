package io.roster.api.member;

/** Which custom attribute value wins when both merged profiles have one. */
public enum AttributeConflictRule {
    /** The surviving profile's value stays. */
    KEEP_TARGET,
    /** The merged-in profile's value replaces it. */
    PREFER_SOURCE
}
