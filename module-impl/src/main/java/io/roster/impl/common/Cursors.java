package io.roster.impl.common;

import io.roster.api.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort values of the last row of a page, tagged with the list they belong to, so that a
 * cursor of one list or order is refused by another instead of silently giving wrong rows.
 */
public final class Cursors {
    private static final char SEP = '\u001f';
    private static final String NULL = "\u0000";

    private Cursors() {}

    /** Encodes the values; {@code null} values are allowed. */
    public static String encode(String tag, Object... values) {
        StringBuilder b = new StringBuilder(tag);
        for (Object v : values) {
            b.append(SEP).append(v == null ? NULL : v.toString());
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor of the given list into its values.
     *
     * @throws ValidationException ({@code cursor}, {@code invalid-cursor}) when it is malformed or of another list
     */
    public static List<String> decode(String cursor, String tag, int expectedValues) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == SEP) {
                String part = text.substring(start, i);
                parts.add(NULL.equals(part) ? null : part);
                start = i + 1;
            }
        }
        if (parts.size() != expectedValues + 1 || !tag.equals(parts.get(0))) {
            throw invalid();
        }
        return parts.subList(1, parts.size());
    }

    /**
     * The id a cursor carries.
     *
     * @throws ValidationException ({@code cursor}, {@code invalid-cursor}) when it is not an id
     */
    public static java.util.UUID id(String value) {
        return Ids.parse(value).orElseThrow(Cursors::invalid);
    }

    /**
     * The instant a cursor carries.
     *
     * @throws ValidationException ({@code cursor}, {@code invalid-cursor}) when it is not an instant
     */
    public static java.time.Instant instant(String value) {
        try {
            return java.time.Instant.parse(value);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return ValidationException.of("cursor", "invalid-cursor", "the cursor is not one of this list; start again");
    }
}
