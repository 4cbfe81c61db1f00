package io.roster.web.notification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roster.api.notification.BroadcastService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dispatchers that send broadcast deliveries from the outbox: {@code roster.notifications.workers} threads per
 * instance, each claiming a batch of due deliveries and resting {@code roster.notifications.poll-interval} when there
 * are none. Any number of them, on any number of instances, share the work through {@code FOR UPDATE SKIP LOCKED};
 * after a restart they pick up where the last run stopped.
 */
@ApplicationScoped
public class NotificationWorkers {
    private static final Logger LOG = Logger.getLogger(NotificationWorkers.class);

    @Inject
    BroadcastService broadcasts;

    @ConfigProperty(name = "roster.notifications.workers", defaultValue = "1")
    int workers;

    @ConfigProperty(name = "roster.notifications.batch", defaultValue = "500")
    int batch;

    @ConfigProperty(name = "roster.notifications.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "roster-notifications-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    private void work() {
        while (running) {
            try {
                if (broadcasts.dispatchDue(batch) == 0) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the database may be restarting; claimed deliveries come back when their lease ends
                LOG.warnf("broadcast dispatch failed: %s", e.getClass().getSimpleName());
                try {
                    Thread.sleep(pollInterval.toMillis() * 5);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
