package io.roster.api.bot;

import java.time.Instant;

/**
 * A single-use code that links a Telegram chat to a member profile when the member sends {@code /start <code>}.
 * Only its hash is stored: this record is the one time the code is shown.
 *
 * @param code the code to give the member
 * @param memberId the member it links
 * @param expiresAt after this the code links nothing
 * @param deepLink {@code https://t.me/<bot>?start=<code>} when the bot's username is configured, else {@code null}
 */
public record TelegramLinkCode(String code, String memberId, Instant expiresAt, String deepLink) {}
