/**
 * Notifications to members: {@link io.roster.api.notification.TemplateService templates} with per-language variants,
 * {@link io.roster.api.notification.SegmentService segments} (saved member filters) and
 * {@link io.roster.api.notification.BroadcastService broadcasts} that send a template to a segment or a list of
 * members over the channels of {@link io.roster.spi.notification.MessageChannel}, consent-aware, throttled, outside
 * quiet hours, one message per member. Start with {@link io.roster.api.notification.BroadcastService}.
 */
package io.roster.api.notification;
