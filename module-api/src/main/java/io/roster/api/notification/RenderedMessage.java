package io.roster.api.notification;

import io.roster.api.common.Language;

/**
 * A template rendered for one member.
 *
 * @param language the variant used: the member's preferred language, else the configured fallback, else any
 * @param subject the subject, or {@code null}
 * @param text the plain-text body
 * @param html the HTML body (variables escaped), or {@code null}
 */
public record RenderedMessage(Language language, String subject, String text, String html) {}
