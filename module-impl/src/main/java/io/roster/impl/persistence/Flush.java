package io.roster.impl.persistence;

import io.roster.api.error.ConflictException;
import io.roster.api.error.StaleVersionException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Flushing with the database's unique constraints as the last word: a check-then-insert can race with a concurrent
 * request, and the loser must get the same 409 as a sequential caller, not a 500.
 */
public final class Flush {
    private static final Map<String, ConflictException> UNIQUE = Map.of(
            "member_membership_number_uk",
            new ConflictException("membership-number-taken", "another member already has this membership number"),
            "org_unit_code_uk",
            new ConflictException("org-unit-code-taken", "another org unit already has this code"),
            "attribute_definition_pkey",
            new ConflictException("attribute-key-taken", "an attribute with this key exists"));

    private Flush() {}

    /** Flushes; a violated unique constraint that Roster knows becomes its {@link ConflictException}. */
    public static void now(EntityManager em) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(PersistenceException e) {
        if (e instanceof OptimisticLockException) {
            // Another transaction changed the row after it was read: the caller's view is stale.
            return new StaleVersionException("record", -1);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null) {
                ConflictException known = UNIQUE.get(c.getConstraintName());
                if (known != null) {
                    return new ConflictException(known.code(), known.getMessage());
                }
            }
        }
        return e;
    }
}
