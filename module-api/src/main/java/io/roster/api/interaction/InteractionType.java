package io.roster.api.interaction;

import io.roster.api.common.Language;
import java.util.Map;

/**
 * A kind of interaction. The built-in keys are {@code CALL}, {@code SMS}, {@code EMAIL}, {@code TELEGRAM},
 * {@code MEETING}, {@code VISIT}, {@code EVENT_ATTENDANCE}, {@code TRAINING}, {@code NOTE}, {@code CANVASS},
 * {@code OTHER}; admins may add more.
 *
 * @param key stable key, {@code [A-Z][A-Z0-9_]{1,39}}
 * @param labels name per language
 * @param builtin whether Roster defines it (built-ins cannot be changed)
 * @param countsAsContact whether an interaction of this type is a contact with the person (a note is not)
 */
public record InteractionType(String key, Map<Language, String> labels, boolean builtin, boolean countsAsContact) {}
