package io.roster.api.member;

/** Type of a custom attribute's value, as it appears in JSON. */
public enum AttributeType {
    /** A string of up to 2,000 characters. */
    STRING,
    /** A JSON number. */
    NUMBER,
    /** An ISO-8601 date string, {@code 2024-05-01}. */
    DATE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of the definition's option values. */
    ENUM
}
