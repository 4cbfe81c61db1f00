package io.roster.web.rest;

import io.roster.api.common.Language;
import io.roster.api.common.PageRequest;
import io.roster.web.rest.problem.ParameterException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parsing of query parameters and conditional-request headers, with 400s that name the parameter. */
public final class RestSupport {
    private RestSupport() {}

    public static PageRequest page(String limit, String cursor) {
        Integer l = integer("limit", limit);
        if (l != null && (l < 1 || l > PageRequest.MAX_LIMIT)) {
            throw new ParameterException("limit", "limit must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        return PageRequest.of(l, cursor);
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(name, name + " must be a whole number");
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(name, name + " must be an ISO-8601 timestamp such as 2024-05-01T00:00:00Z");
        }
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ParameterException(name, name + " must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(
                    type, value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(name, name + " has an unknown value");
        }
    }

    /** The ETag of a version. */
    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static String etagHeader(long version) {
        return "\"" + version + "\"";
    }

    /** A 200 with the entity and the ETag of its version. */
    public static Response okWithEtag(Object entity, long version) {
        return Response.ok(entity).header("ETag", etagHeader(version)).build();
    }

    /**
     * The version an {@code If-Match} header names; {@code null} for none or {@code *}. A tag that is not one of ours
     * can never match, so it is reported as version -1 (a stale version).
     */
    public static Long ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** The first language of an {@code Accept-Language} header that Roster speaks; Russian otherwise. */
    public static Language language(String acceptLanguage) {
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                Language l = Language.fromTag(part.split(";")[0]);
                if (l != null) {
                    return l;
                }
            }
        }
        return Language.RU;
    }
}
