package io.roster.impl.events;

import io.roster.api.webhook.DomainEvent;
import io.roster.spi.events.DomainEventListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands every committed {@link DomainEvent} to the installed {@link DomainEventListener}s in ascending priority. A
 * listener that throws is logged (its id and the event type, never the event's data) and the next one still hears.
 */
@ApplicationScoped
public class DomainEventFanout {
    private static final Logger LOG = Logger.getLogger(DomainEventFanout.class.getName());

    @Inject
    Instance<DomainEventListener> listeners;

    private volatile List<DomainEventListener> ordered;

    List<DomainEventListener> ordered() {
        List<DomainEventListener> o = ordered;
        if (o == null) {
            List<DomainEventListener> all = new ArrayList<>();
            listeners.forEach(all::add);
            all.sort(Comparator.comparingInt(DomainEventListener::priority).thenComparing(DomainEventListener::id));
            ordered = o = List.copyOf(all);
        }
        return o;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DomainEvent event) {
        for (DomainEventListener l : ordered()) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "domain event listener {0} failed on a {1} event: {2}", new Object[] {
                    l.id(), event.type(), e.getClass().getSimpleName()
                });
            }
        }
    }
}
