package io.roster.spi.events;

import io.roster.api.webhook.DomainEvent;

/**
 * Hears of every change in Roster after it is committed — the same events webhooks deliver, in-process. Listeners
 * are called one after another in ascending {@link #priority()}, on the thread that committed, after the commit: a
 * listener cannot undo the change, and one that throws is logged and does not keep the others from hearing. A listener
 * that does slow work should hand it to its own executor.
 */
public interface DomainEventListener {
    /** A stable name for logs, e.g. {@code acme-search-indexer}. */
    String id();

    /** Lower runs first. */
    default int priority() {
        return 1000;
    }

    /** Called once per event, after the change was committed. */
    void onEvent(DomainEvent event);
}
