package io.roster.api.pipeline;

import java.time.Instant;

/**
 * A comment on a card.
 *
 * @param authorId who wrote it (principal id)
 * @param authorName their display name, or {@code null}
 * @param body plain text
 */
public record TaskComment(
        String id, String taskId, String authorId, String authorName, String body, Instant createdAt) {}
