package io.roster.web.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.roster.api.error.RosterException;
import io.roster.web.rest.json.JsonBodies;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every exception that reaches the REST layer through {@link Problems}. */
public class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public Response roster(RosterException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response json(JsonBodies.JsonInputException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response jackson(JsonProcessingException e) {
        return Problems.of(new JsonBodies.JsonInputException(e, null));
    }

    @ServerExceptionMapper
    public Response parameter(ParameterException e) {
        return Problems.badRequest("invalid-parameter", e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotAllowedException) {
            return Problems.status(
                    405, "method-not-allowed", "Method not allowed", "this resource does not support that method");
        }
        if (e instanceof NotSupportedException) {
            return Problems.status(415, "unsupported-media-type", "Unsupported media type", "send application/json");
        }
        if (e instanceof NotAcceptableException) {
            return Problems.status(
                    406, "not-acceptable", "Not acceptable", "this resource answers in application/json");
        }
        if (status == 404) {
            return Problems.status(404, "not-found", "Not found", "there is no such resource");
        }
        if (status >= 500) {
            return internal(e);
        }
        return Problems.status(status, "http-" + status, "Request failed", "the request could not be processed");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (lockConflict(e)) {
            // Two transactions wanted each other's rows (deadlock) or a lock could not be had in time: nothing was
            // changed (the transaction rolled back), and the same request will very likely pass a moment later.
            LOG.infof("lock conflict, answered 503: %s", Redacted.describe(e));
            return Problems.lockConflict();
        }
        return internal(e);
    }

    /** SQL states of transactions PostgreSQL rolled back for contention: deadlock, lock not available, serialization. */
    private static final java.util.Set<String> CONTENTION = java.util.Set.of("40P01", "55P03", "40001");

    /**
     * Whether {@code e} (or a cause) is PostgreSQL giving up on a lock, whatever layer wrapped it (the persistence
     * provider's lock exceptions keep the driver's exception as their cause).
     */
    static boolean lockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && CONTENTION.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response internal(Throwable e) {
        String reference = UUID.randomUUID().toString();
        // Messages of driver and library exceptions may quote data (names, phones), so only types and frames are
        // logged.
        LOG.errorf("unexpected error, reference %s: %s", reference, Redacted.describe(e));
        return Problems.status(
                500,
                "internal",
                "Internal error",
                "an unexpected error occurred; quote reference " + reference + " to the operator");
    }
}
