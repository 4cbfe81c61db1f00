/**
 * The Telegram bot and its knowledge base. Staff link members' chats ({@link io.roster.api.bot.BotService#createLinkCode}),
 * reply to escalated questions ({@link io.roster.api.bot.BotService#reply}) and maintain the entries the bot answers
 * from ({@link io.roster.api.bot.KnowledgeBaseService}); the update intake and the reply dispatcher are driven by the
 * runtime through {@link io.roster.api.bot.BotService}. See docs/telegram-bot.md.
 */
package io.roster.api.bot;
