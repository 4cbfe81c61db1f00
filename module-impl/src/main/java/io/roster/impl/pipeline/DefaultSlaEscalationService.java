package io.roster.impl.pipeline;

import io.roster.api.error.ValidationException;
import io.roster.api.pipeline.SlaEscalationService;
import io.roster.impl.common.RosterClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

/** Runs {@link SlaEscalation} in a transaction of its own, with the discovered notification sinks. */
@ApplicationScoped
public class DefaultSlaEscalationService implements SlaEscalationService {
    @PersistenceContext
    EntityManager em;

    @Inject
    Extensions extensions;

    @Inject
    RosterClock clock;

    @Override
    @Transactional
    public int escalateBreaches(int max) {
        if (max < 1 || max > 10_000) {
            throw ValidationException.of("max", "range", "max must be between 1 and 10000");
        }
        SlaEscalation job = new SlaEscalation(extensions::notify);
        return em.unwrap(Session.class).doReturningWork(c -> job.run(c, clock.now(), max));
    }
}
