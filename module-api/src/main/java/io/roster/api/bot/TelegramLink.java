package io.roster.api.bot;

import java.time.Instant;

/**
 * Whether a member's Telegram chat is linked. The chat and user ids are not shown: staff have no use for them.
 *
 * @param memberId the member
 * @param linked whether a chat is linked
 * @param linkedAt when it was linked, or {@code null}
 */
public record TelegramLink(String memberId, boolean linked, Instant linkedAt) {}
