package io.roster.api.bot;

import io.roster.api.common.Language;

/**
 * One way a member may ask the question a knowledge-base entry answers.
 *
 * @param language the language it is written in
 * @param text the question, 1 to 500 characters
 */
public record QuestionVariant(Language language, String text) {}
