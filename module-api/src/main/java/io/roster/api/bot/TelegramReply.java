package io.roster.api.bot;

import java.time.Instant;

/**
 * A staff reply to an escalated question, queued for delivery into the member's chat.
 *
 * @param id reply id
 * @param taskId the card of the question
 * @param memberId the member it goes to
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param attempts delivery attempts so far
 * @param createdAt when it was queued
 * @param sentAt when Telegram accepted it, or {@code null}
 */
public record TelegramReply(
        String id, String taskId, String memberId, String status, int attempts, Instant createdAt, Instant sentAt) {}
