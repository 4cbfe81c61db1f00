package io.roster.api.notification;

/**
 * A template's text in one language. Variables are Mustache tags, e.g. {@code {{givenName}}}; see
 * {@link TemplateService#VARIABLES}.
 *
 * @param subject the subject line (e-mail), or {@code null}
 * @param text the plain-text body (Telegram, SMS, the text part of an e-mail); required
 * @param html an HTML body for e-mail, or {@code null}; variables are HTML-escaped in it
 */
public record TemplateVariant(String subject, String text, String html) {}
