/**
 * Webhooks: subscriptions, the delivery log and the dispatcher ({@link io.roster.api.webhook.WebhookService}), and
 * the {@link io.roster.api.webhook.DomainEvent}s they deliver.
 */
package io.roster.api.webhook;
