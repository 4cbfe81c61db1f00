package io.roster.api.security;

/** Who is calling. */
public enum CallerKind {
    /** An integrator's API key. */
    API_KEY,
    /** A staff member signed in through the host CRM. */
    STAFF,
    /** Roster itself: jobs, start-up, demo data. */
    SYSTEM
}
