package io.roster.api.error;

/**
 * One reason why an input was refused.
 *
 * @param path the field path in the input, dotted with indexes, e.g. {@code phones[1].number}
 * @param code a stable machine-readable code, e.g. {@code required}, {@code invalid-phone}
 * @param message a human-readable explanation in English
 */
public record FieldError(String path, String code, String message) {}
