package io.roster.web.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LockConflictTest {
    @Test
    void aDeadlockOrLockTimeoutAnywhereInTheCausesIsA503WithRetryAfter() {
        ExceptionMappers mappers = new ExceptionMappers();
        for (Throwable e : new Throwable[] {
            new RuntimeException("wrapped", new SQLException("deadlock detected", "40P01")),
            new IllegalStateException(new RuntimeException(new SQLException("lock timeout", "55P03"))),
            new SQLException("could not serialize access", "40001"),
            new IllegalStateException("provider", new RuntimeException(new SQLException("no lock", "55P03")))
        }) {
            Response r = mappers.unexpected(e);
            assertEquals(503, r.getStatus(), e.toString());
            assertEquals("1", r.getHeaderString("Retry-After"));
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) r.getEntity();
            assertEquals("urn:roster:problem:lock-conflict", body.get("type"));
        }
    }

    @Test
    void otherFailuresStayInternalErrors() {
        assertFalse(ExceptionMappers.lockConflict(new SQLException("unique violation", "23505")));
        assertFalse(ExceptionMappers.lockConflict(new IllegalStateException("bug")));
        Response r = new ExceptionMappers().unexpected(new RuntimeException(new SQLException("x", "23505")));
        assertEquals(500, r.getStatus());
        assertTrue(r.getHeaderString("Retry-After") == null);
    }
}
