package io.roster.api.webhook;

/**
 * A new subscription with its signing secret, which is shown this once.
 *
 * @param subscription the subscription
 * @param secret the secret deliveries are signed with; {@code null} in the replay of an idempotent request
 */
public record CreatedWebhookSubscription(WebhookSubscription subscription, String secret) {}
