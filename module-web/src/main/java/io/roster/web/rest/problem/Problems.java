package io.roster.web.rest.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.roster.api.error.ConflictException;
import io.roster.api.error.FieldError;
import io.roster.api.error.ForbiddenException;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.RosterException;
import io.roster.api.error.StaleVersionException;
import io.roster.api.error.UnauthenticatedException;
import io.roster.api.error.ValidationException;
import io.roster.api.member.DuplicateMemberException;
import io.roster.web.rest.json.JsonBodies;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table from errors to HTTP: status, problem type and body (RFC 9457 problem+json). Nothing else in Roster
 * decides an error status. Bodies never carry stack traces, class names or personal data.
 */
public final class Problems {
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    public static final String TYPE_PREFIX = "urn:roster:problem:";

    private Problems() {}

    /** The response for a service exception. */
    public static Response of(RosterException e) {
        int status;
        String title;
        if (e instanceof NotFoundException) {
            status = 404;
            title = "Not found";
        } else if (e instanceof ValidationException) {
            status = 422;
            title = "Invalid input";
        } else if (e instanceof StaleVersionException) {
            status = 412;
            title = "Version is stale";
        } else if (e instanceof ConflictException) {
            status = 409;
            title = "Conflict";
        } else if (e instanceof InvalidStateException) {
            status = 409;
            title = "Not allowed in the current state";
        } else if (e instanceof ForbiddenException) {
            status = 403;
            title = "Forbidden";
        } else if (e instanceof UnauthenticatedException) {
            status = 401;
            title = "Unauthenticated";
        } else {
            status = 400;
            title = "Bad request";
        }
        Map<String, Object> body = body(e.code(), title, status, e.getMessage());
        if (e instanceof ValidationException v) {
            body.put("errors", errors(v.errors()));
        }
        if (e instanceof DuplicateMemberException d) {
            body.put("candidates", d.candidates());
        }
        if (e instanceof StaleVersionException s && s.currentVersion() >= 0) {
            body.put("currentVersion", s.currentVersion());
        }
        Response.ResponseBuilder r = Response.status(status).type(PROBLEM_JSON).entity(body);
        if (status == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"roster\"");
        }
        return r.build();
    }

    /** The response for a body that is not JSON or not of the expected shape. */
    public static Response of(JsonBodies.JsonInputException e) {
        JsonProcessingException j = e.jsonError();
        if (j == null) {
            return badRequest("malformed-json", e.getMessage(), List.of());
        }
        if (j instanceof JsonParseException) {
            return badRequest("malformed-json", "the body is not valid JSON", List.of());
        }
        if (j instanceof JsonMappingException m) {
            String path = path(m);
            if (m instanceof UnrecognizedPropertyException u) {
                return badRequest(
                        "unknown-field",
                        "the body has a field this resource does not know",
                        List.of(new FieldError(path, "unknown-field", "unknown field '" + u.getPropertyName() + "'")));
            }
            if (m instanceof InvalidFormatException || m instanceof MismatchedInputException) {
                String expected = m instanceof MismatchedInputException mi && mi.getTargetType() != null
                        ? describe(mi.getTargetType())
                        : "another type";
                return badRequest(
                        "wrong-type",
                        "a field has a value of the wrong type",
                        List.of(new FieldError(path, "wrong-type", "expected " + expected)));
            }
            return badRequest(
                    "malformed-json",
                    "the body does not have the expected shape",
                    List.of(new FieldError(path, "invalid", "cannot read this value")));
        }
        return badRequest("malformed-json", "the body is not valid JSON", List.of());
    }

    /** A 400 with field errors, e.g. for a malformed query parameter. */
    public static Response badRequest(String code, String detail, List<FieldError> errors) {
        Map<String, Object> body = body(code, "Bad request", 400, detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors(errors));
        }
        return Response.status(400).type(PROBLEM_JSON).entity(body).build();
    }

    /** A 429 for a caller over its rate limit, with the seconds to wait in {@code Retry-After}. */
    public static Response tooManyRequests(long retryAfterSeconds) {
        return Response.status(429)
                .type(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .entity(body(
                        "rate-limited",
                        "Too many requests",
                        429,
                        "this API key is over its rate limit; retry after " + retryAfterSeconds + " s"))
                .build();
    }

    /** A 503 for a transaction rolled back on lock contention: nothing changed, retry after a second. */
    public static Response lockConflict() {
        return Response.status(503)
                .type(PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .entity(body(
                        "lock-conflict",
                        "Busy, try again",
                        503,
                        "another change to the same records was under way; nothing was changed, retry the request"))
                .build();
    }

    /** A problem with only a status: unknown path, wrong method, unsupported media type. */
    public static Response status(int status, String code, String title, String detail) {
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(body(code, title, status, detail))
                .build();
    }

    static Map<String, Object> body(String code, String title, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }

    private static List<Map<String, String>> errors(List<FieldError> errors) {
        List<Map<String, String>> out = new ArrayList<>();
        for (FieldError f : errors) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("code", f.code());
            m.put("message", f.message());
            out.add(m);
        }
        return out;
    }

    /** The field path of a Jackson error in the API's notation: {@code phones[1].number}. */
    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            StringBuilder b = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                b.append(i == 0 ? "" : ", ").append(((Enum<?>) constants[i]).name());
            }
            return b.toString();
        }
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return type == java.time.LocalDate.class
                    ? "a date such as 2024-05-01"
                    : "a timestamp such as 2024-05-01T10:00:00Z";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
