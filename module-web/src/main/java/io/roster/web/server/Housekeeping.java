package io.roster.web.server;

import io.quarkus.scheduler.Scheduled;
import io.roster.api.idempotency.IdempotencyService;
import io.roster.api.webhook.WebhookService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Periodic clean-ups. Each is an idempotent DELETE, so several instances may run them at once. */
@ApplicationScoped
public class Housekeeping {
    @Inject
    IdempotencyService idempotency;

    @ConfigProperty(name = "roster.idempotency.retention", defaultValue = "PT24H")
    Duration idempotencyRetention;

    @Inject
    WebhookService webhooks;

    @ConfigProperty(name = "roster.webhooks.retention", defaultValue = "P30D")
    Duration webhookRetention;

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldIdempotencyKeys() {
        idempotency.forgetBefore(Instant.now().minus(idempotencyRetention));
    }

    @Scheduled(every = "10m", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWebhookDeliveries() {
        webhooks.forgetBefore(Instant.now().minus(webhookRetention));
    }
}
