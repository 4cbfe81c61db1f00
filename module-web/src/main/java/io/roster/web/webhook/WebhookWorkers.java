package io.roster.web.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roster.api.webhook.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "roster-webhooks-" + i);
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
                if (webhooks.dispatchDue(100) == 0) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // the database may be restarting; the delivery is still pending and is tried again
                LOG.warnf("webhook dispatch failed: %s", e.getClass().getSimpleName());
                try {
                    Thread.sleep(pollInterval.toMillis() * 5);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
