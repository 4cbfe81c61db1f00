package io.roster.web.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roster.api.webhook.WebhookService;
import io.roster.web.server.BackgroundLoops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dispatchers that send webhook deliveries from the outbox: {@code roster.webhooks.workers} threads per instance,
 * each sending due deliveries and resting {@code roster.webhooks.poll-interval} when there are none. Any number of
 * them, on any number of instances, share the work through {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class WebhookWorkers {
    private static final Logger LOG = Logger.getLogger(WebhookWorkers.class);

    @Inject
    WebhookService webhooks;

    @ConfigProperty(name = "roster.webhooks.workers", defaultValue = "2")
    int workers;

    @ConfigProperty(name = "roster.webhooks.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    private final BackgroundLoops loops = new BackgroundLoops(LOG);

    void start(@Observes StartupEvent event) {
        for (int i = 0; i < workers; i++) {
            // a failure may be the database restarting; the delivery is still pending and is tried again
            loops.start(
                    "roster-webhooks-" + i, pollInterval, "webhook dispatch failed", () -> webhooks.dispatchDue(100));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.stop();
    }
}
