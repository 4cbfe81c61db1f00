package io.roster.web.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of a request: the caller's {@code X-Request-Id} when it is a plain token (so a host can follow one action
 * through its logs and Roster's audit trail), otherwise a new one. Echoed in the response.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "roster.request-id";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {}

    /** The request's id, chosen once per request. */
    public static String of(ContainerRequestContext request) {
        Object known = request.getProperty(PROPERTY);
        if (known instanceof String s) {
            return s;
        }
        String given = request.getHeaderString(HEADER);
        String id = given != null && PLAIN.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        return id;
    }
}
