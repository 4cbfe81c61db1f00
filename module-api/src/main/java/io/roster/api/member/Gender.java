package io.roster.api.member;

/** Gender as the person states it; optional on a profile. */
public enum Gender {
    FEMALE,
    MALE,
    OTHER
}
