package io.roster.api.bot;

import java.util.List;
import java.util.Map;

/**
 * Input for a knowledge-base entry, and what a change function transforms. See {@link KnowledgeEntry}.
 *
 * @param orgUnitId {@code null} for the whole organisation (unrestricted callers only)
 */
public record KnowledgeEntryDraft(String orgUnitId, List<QuestionVariant> questions, Map<String, String> answers) {}
