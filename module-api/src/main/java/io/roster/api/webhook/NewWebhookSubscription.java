package io.roster.api.webhook;

import java.util.Set;

/**
 * Input for a new subscription.
 *
 * @param url where to POST events
 * @param eventTypes what to deliver
 * @param secret the signing secret (32–200 characters), or {@code null} to have one generated and returned once
 * @param description free text, or {@code null}
 */
public record NewWebhookSubscription(String url, Set<String> eventTypes, String secret, String description) {}
