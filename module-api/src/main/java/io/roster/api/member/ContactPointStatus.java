package io.roster.api.member;

/** Whether a phone, e-mail or address still works. */
public enum ContactPointStatus {
    /** Believed to work. */
    ACTIVE,
    /** Known not to work: a wrong number, a bouncing address. */
    BAD,
    /** Possibly outdated: the person moved. */
    STALE
}
