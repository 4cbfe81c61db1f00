package io.roster.web.notification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roster.api.notification.BroadcastService;
import io.roster.web.server.BackgroundLoops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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

    private final BackgroundLoops loops = new BackgroundLoops(LOG);

    void start(@Observes StartupEvent event) {
        for (int i = 0; i < workers; i++) {
            // a failure may be the database restarting; claimed deliveries come back when their lease ends
            loops.start(
                    "roster-notifications-" + i,
                    pollInterval,
                    "broadcast dispatch failed",
                    () -> broadcasts.dispatchDue(batch));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.stop();
    }
}
