package io.roster.api.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * A webhook subscription, without its secret.
 *
 * @param id subscription id
 * @param url where events are POSTed (http or https)
 * @param eventTypes the event types it wants: exact ({@code member.updated}), a family ({@code member.*}) or
 *     {@code *}
 * @param active whether events are delivered; an inactive subscription collects nothing
 * @param description what it is for, or {@code null}
 * @param orgUnitIds the subtrees whose records it is told about (its creator's scope); empty for the whole
 *     organisation
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param version optimistic-lock version, the ETag
 */
public record WebhookSubscription(
        String id,
        String url,
        Set<String> eventTypes,
        boolean active,
        String description,
        Set<String> orgUnitIds,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
