package io.roster.api.bot;

import io.roster.api.common.Language;
import io.roster.api.common.Page;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The knowledge base the bot answers from. Reading needs {@code KNOWLEDGE_BASE_READ}, changing
 * {@code KNOWLEDGE_BASE_WRITE}; entries of units outside the caller's scope are not found, and organisation-wide
 * entries can be read by everyone with the permission but changed only by unrestricted callers. Changes are audited.
 */
public interface KnowledgeBaseService {

    /**
     * Creates an entry.
     *
     * @throws io.roster.api.error.ValidationException with a path for every invalid field
     */
    KnowledgeEntry create(KnowledgeEntryDraft draft);

    /** @throws io.roster.api.error.NotFoundException when unknown, deleted or outside scope */
    KnowledgeEntry get(String id);

    /**
     * Changes an entry: the function gets the current draft and returns the desired one.
     *
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.ValidationException with a path for every invalid field
     */
    KnowledgeEntry update(String id, Long expectedVersion, UnaryOperator<KnowledgeEntryDraft> changes);

    /**
     * Deletes an entry; the question log keeps its statistics.
     *
     * @throws io.roster.api.error.NotFoundException when unknown, deleted or outside scope
     */
    void delete(String id, Long expectedVersion);

    /** Entries in scope, newest first, keyset paginated. */
    Page<KnowledgeEntry> list(KnowledgeQuery query);

    /**
     * What the bot would answer to a question asked by a member of {@code orgUnitId} (entries of that unit, its
     * ancestors and organisation-wide ones), without logging it. {@code KNOWLEDGE_BASE_READ}.
     *
     * @param orgUnitId a unit in scope, or {@code null} for organisation-wide entries only (an unlinked user)
     * @throws io.roster.api.error.ValidationException ({@code text}) when empty or too long
     */
    KnowledgeMatch match(String text, Language language, String orgUnitId);

    /**
     * Most asked entries and most frequent unanswered questions in {@code [from, to)} (at most 366 days), of the
     * caller's scope (questions of unlinked users count for unrestricted callers only).
     *
     * @param orgUnitId only this unit's subtree, or {@code null}
     * @param limit entries and questions to list, 1 to 50
     */
    QuestionStatistics statistics(Instant from, Instant to, String orgUnitId, int limit);
}
