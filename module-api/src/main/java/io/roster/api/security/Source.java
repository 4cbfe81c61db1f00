package io.roster.api.security;

/** Through what a change came in; recorded with every write. */
public enum Source {
    UI,
    API,
    BOT,
    IMPORT,
    SYSTEM
}
