package io.roster.api.bot;

/**
 * A staff member's answer to a member's question, to be sent into the member's Telegram chat.
 *
 * @param text plain text, 1 to 4,000 characters
 */
public record NewTelegramReply(String text) {}
