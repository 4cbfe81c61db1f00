package io.roster.impl.member;

import io.roster.api.common.Language;
import io.roster.api.error.FieldError;
import io.roster.api.member.AttributeDefinition;
import io.roster.api.member.AttributeOption;
import io.roster.api.member.AttributeType;
import io.roster.api.member.NewAttributeDefinition;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Validation of custom attribute values against their definitions, and of the definitions themselves. */
public final class AttributeValues {

    static final int MAX_STRING_LENGTH = 2000;
    static final int MAX_LABEL_LENGTH = 200;
    static final int MAX_OPTIONS = 200;
    static final int MAX_OPTION_VALUE_LENGTH = 64;

    private static final String PATH_PREFIX = "customAttributes.";
    private static final Pattern KEY = Pattern.compile("[a-z][a-zA-Z0-9]{0,63}");

    private AttributeValues() {}

    /**
     * Checks values as they arrive from JSON: {@link String}, {@link Number}, {@link Boolean}, or {@code null}
     * meaning absent.
     *
     * @param values the member's values by key; {@code null} means none
     * @param definitions every attribute definition
     * @return every problem, with paths {@code customAttributes.<key>}; empty when the values are valid
     */
    public static List<FieldError> validate(Map<String, Object> values, Collection<AttributeDefinition> definitions) {
        Map<String, AttributeDefinition> byKey = new HashMap<>();
        if (definitions != null) {
            for (AttributeDefinition definition : definitions) {
                byKey.put(definition.key(), definition);
            }
        }
        Map<String, Object> present = normalize(values);
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> entry : present.entrySet()) {
            String path = PATH_PREFIX + entry.getKey();
            AttributeDefinition definition = byKey.get(entry.getKey());
            if (definition == null) {
                errors.add(new FieldError(path, "unknown-attribute", "No such custom attribute is defined"));
            } else {
                checkValue(errors, path, definition, entry.getValue());
            }
        }
        byKey.values().stream()
                .filter(AttributeDefinition::required)
                .filter(d -> isAbsent(present.get(d.key())))
                .map(AttributeDefinition::key)
                .sorted()
                .forEach(key -> errors.add(new FieldError(PATH_PREFIX + key, "required", "A value is required")));
        return List.copyOf(errors);
    }

    /**
     * The values as stored: {@code null} values dropped (they mean absent) and keys sorted, so that equal sets of
     * values compare and serialise equally.
     */
    public static Map<String, Object> normalize(Map<String, Object> values) {
        Map<String, Object> sorted = new TreeMap<>();
        if (values != null) {
            values.forEach((key, value) -> {
                if (key != null && value != null) {
                    sorted.put(key, value);
                }
            });
        }
        return sorted;
    }

    /**
     * Checks a definition before it is stored.
     *
     * @return every problem, with paths such as {@code key}, {@code labels.ru} or {@code options[1].value}
     */
    public static List<FieldError> validateDefinition(NewAttributeDefinition d) {
        Objects.requireNonNull(d, "definition");
        List<FieldError> errors = new ArrayList<>();
        if (d.key() == null || !KEY.matcher(d.key()).matches()) {
            errors.add(new FieldError(
                    "key", "invalid", "The key must start with a lower-case letter; up to 64 letters and digits"));
        }
        if (d.type() == null) {
            errors.add(new FieldError("type", "required", "The type is required"));
        }
        if (d.labels() == null || d.labels().values().stream().allMatch(AttributeValues::isBlank)) {
            errors.add(new FieldError("labels", "required", "At least one label is required"));
        }
        checkLabels(errors, "labels", d.labels());

        List<AttributeOption> options = d.options() == null ? List.of() : d.options();
        // Without a type it is unknown whether options belong, and "type required" already says what to fix.
        if (d.type() == AttributeType.ENUM) {
            checkOptions(errors, options);
        } else if (d.type() != null && !options.isEmpty()) {
            errors.add(new FieldError("options", "not-allowed", "Only enum attributes have options"));
        }
        return List.copyOf(errors);
    }

    private static void checkValue(List<FieldError> errors, String path, AttributeDefinition definition, Object value) {
        AttributeType type = definition.type();
        if (type == null) {
            return;
        }
        switch (type) {
            case STRING -> {
                if (!(value instanceof String s)) {
                    errors.add(wrongType(path, "a string"));
                } else if (s.codePointCount(0, s.length()) > MAX_STRING_LENGTH) {
                    errors.add(new FieldError(
                            path, "too-long", "At most " + MAX_STRING_LENGTH + " characters are allowed"));
                }
            }
            case NUMBER -> {
                if (!isFiniteNumber(value)) {
                    errors.add(wrongType(path, "a finite number"));
                }
            }
            case DATE -> {
                if (!(value instanceof String s)) {
                    errors.add(wrongType(path, "an ISO-8601 date string"));
                } else if (!isIsoDate(s)) {
                    errors.add(new FieldError(path, "invalid-date", "Expected a date such as 2024-05-01"));
                }
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    errors.add(wrongType(path, "true or false"));
                }
            }
            case ENUM -> {
                if (!(value instanceof String s)) {
                    errors.add(wrongType(path, "one of the option values"));
                } else if (!isOption(definition, s)) {
                    errors.add(new FieldError(path, "not-an-option", "The value is not one of the options"));
                }
            }
        }
    }

    private static boolean isFiniteNumber(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigDecimal
                || value instanceof BigInteger;
    }

    private static boolean isIsoDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isOption(AttributeDefinition definition, String value) {
        return definition.options() != null
                && definition.options().stream().anyMatch(o -> o != null && value.equals(o.value()));
    }

    /** A blank string counts as absent for required attributes: a required text filled with spaces is not filled. */
    private static boolean isAbsent(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    private static void checkOptions(List<FieldError> errors, List<AttributeOption> options) {
        if (options.isEmpty()) {
            errors.add(new FieldError("options", "required", "An enum attribute needs at least one option"));
        } else if (options.size() > MAX_OPTIONS) {
            errors.add(new FieldError("options", "too-many", "At most " + MAX_OPTIONS + " options are allowed"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String path = "options[" + i + "]";
            AttributeOption option = options.get(i);
            if (option == null) {
                errors.add(new FieldError(path, "required", "An option is missing"));
                continue;
            }
            String value = option.value();
            if (isBlank(value)) {
                errors.add(new FieldError(path + ".value", "required", "The option value is required"));
            } else if (value.codePointCount(0, value.length()) > MAX_OPTION_VALUE_LENGTH) {
                errors.add(new FieldError(
                        path + ".value", "too-long", "At most " + MAX_OPTION_VALUE_LENGTH + " characters are allowed"));
            } else if (!seen.add(value)) {
                errors.add(new FieldError(path + ".value", "duplicate", "Another option has the same value"));
            }
            checkLabels(errors, path + ".labels", option.labels());
        }
    }

    private static void checkLabels(List<FieldError> errors, String path, Map<Language, String> labels) {
        if (labels == null) {
            return;
        }
        for (Language language : Language.values()) {
            String label = labels.get(language);
            if (label != null && label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
                errors.add(new FieldError(
                        path + "." + language.code(),
                        "too-long",
                        "At most " + MAX_LABEL_LENGTH + " characters are allowed"));
            }
        }
    }

    private static FieldError wrongType(String path, String expected) {
        return new FieldError(path, "wrong-type", "Expected " + expected);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
