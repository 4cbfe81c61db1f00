/**
 * Extension point for sending messages to members: {@link io.roster.spi.notification.MessageChannel}. Roster ships
 * Telegram, e-mail (SMTP), SMS (HTTP gateway) and a log channel for development; a host adds or replaces one by
 * declaring a CDI bean. For each {@link io.roster.api.member.ContactChannel} the available channel with the highest
 * {@code priority()} is used. Start with {@link io.roster.spi.notification.MessageChannel#send}.
 */
package io.roster.spi.notification;
