package io.roster.api.interaction;

/** Where an interaction was recorded. */
public enum InteractionSource {
    UI,
    API,
    BOT,
    IMPORT
}
