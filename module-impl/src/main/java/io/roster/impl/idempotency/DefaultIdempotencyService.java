package io.roster.impl.idempotency;

import io.roster.api.error.ConflictException;
import io.roster.api.error.ValidationException;
import io.roster.api.idempotency.IdempotencyService;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.security.CallerContext;
import io.roster.impl.common.RosterClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.function.Supplier;

/**
 * Claims the key with an INSERT before running the action, in the action's transaction. A concurrent request with
 * the same key blocks on that row until the first commits (then replays its outcome) or rolls back (then runs
 * itself). A crash loses the whole transaction, the claim included, so a retry runs again: never twice, never lost.
 */
@ApplicationScoped
public class DefaultIdempotencyService implements IdempotencyService {
    @PersistenceContext
    EntityManager em;

    @Inject
    CallerContext callers;

    @Inject
    RosterClock clock;

    @Override
    @Transactional
    public StoredResponse execute(String key, String fingerprint, Supplier<StoredResponse> action) {
        if (key == null || key.isBlank() || key.length() > 200 || key.chars().anyMatch(Character::isISOControl)) {
            throw ValidationException.of(
                    "Idempotency-Key", "invalid", "the Idempotency-Key is 1–200 visible characters");
        }
        String callerId = callers.current().id();
        int claimed = em.createNativeQuery("insert into idempotency_record (caller_id, key, fingerprint, created_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, callerId)
                .setParameter(2, key)
                .setParameter(3, fingerprint)
                .setParameter(4, clock.now())
                .executeUpdate();
        if (claimed == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select fingerprint, status, location, etag, body from idempotency_record"
                                    + " where caller_id = ?1 and key = ?2",
                            Object[].class)
                    .setParameter(1, callerId)
                    .setParameter(2, key)
                    .getResultList();
            Object[] r = rows.get(0);
            if (!fingerprint.equals(r[0])) {
                throw new ConflictException(
                        "idempotency-key-reused", "this Idempotency-Key was used for a different request");
            }
            return new StoredResponse(((Number) r[1]).intValue(), (String) r[2], (String) r[3], (String) r[4]);
        }
        StoredResponse response = action.get();
        em.createNativeQuery("update idempotency_record set status = ?1, location = ?2, etag = ?3, body = ?4"
                        + " where caller_id = ?5 and key = ?6")
                .setParameter(1, response.status())
                .setParameter(2, response.location())
                .setParameter(3, response.etag())
                .setParameter(4, response.body())
                .setParameter(5, callerId)
                .setParameter(6, key)
                .executeUpdate();
        return response;
    }

    @Override
    @Transactional
    public int forgetBefore(java.time.Instant cutoff) {
        return em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
