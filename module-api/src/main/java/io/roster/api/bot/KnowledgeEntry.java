package io.roster.api.bot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A knowledge-base entry: the questions it answers and its answer per language.
 *
 * @param id entry id
 * @param orgUnitId the unit whose members (and its subtree's) get this answer, or {@code null} for the whole
 *     organisation
 * @param questions question variants, 1 to 50
 * @param answers answer per language code ({@code ru}, {@code uk}, {@code en}); at least one
 * @param version optimistic-lock version, the ETag
 */
public record KnowledgeEntry(
        String id,
        String orgUnitId,
        List<QuestionVariant> questions,
        Map<String, String> answers,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The editable part, as a starting point for a change. */
    public KnowledgeEntryDraft toDraft() {
        return new KnowledgeEntryDraft(orgUnitId, questions, answers);
    }
}
