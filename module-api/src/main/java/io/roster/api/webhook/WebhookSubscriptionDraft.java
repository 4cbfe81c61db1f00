package io.roster.api.webhook;

import java.util.Set;

/**
 * The editable part of a subscription.
 *
 * @param url where to POST events: an absolute http or https URL without user info (1–2000 characters)
 * @param eventTypes at least one: an event type, a family such as {@code member.*}, or {@code *}
 * @param active {@code null} means {@code true}
 * @param description free text up to 500 characters, or {@code null}
 */
public record WebhookSubscriptionDraft(String url, Set<String> eventTypes, Boolean active, String description) {}
