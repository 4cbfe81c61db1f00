package io.roster.api.bot;

import java.time.Instant;
import java.util.List;

/**
 * "Typical questions": what members asked the bot most, and what it could not answer, over a period.
 *
 * @param from start of the period (inclusive)
 * @param to end of the period (exclusive)
 * @param asked questions asked in the period
 * @param answered of those, answered from the knowledge base (directly or by a chosen suggestion)
 * @param topEntries the most asked entries, most first
 * @param unanswered the most frequent questions nothing answered, most first (text folded to lower case)
 */
public record QuestionStatistics(
        Instant from,
        Instant to,
        long asked,
        long answered,
        List<EntryCount> topEntries,
        List<QuestionCount> unanswered) {

    /** An entry and how often it answered. */
    public record EntryCount(String entryId, String question, long count) {}

    /** An unanswered question and how often it was asked. */
    public record QuestionCount(String text, long count) {}
}
