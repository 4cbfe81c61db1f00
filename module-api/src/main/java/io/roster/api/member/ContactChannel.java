package io.roster.api.member;

/** A way of reaching a person; consents and do-not-contact flags are per channel. */
public enum ContactChannel {
    TELEGRAM,
    EMAIL,
    SMS,
    PHONE,
    POST,
    VISIT
}
