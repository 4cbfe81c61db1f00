package io.roster.api.bot;

import java.util.List;

/**
 * What the bot would do with a question: the best candidates with their confidence, and the decision.
 *
 * @param decision {@code ANSWER} (the first candidate is above the threshold), {@code SUGGEST} (candidates, none
 *     confident enough; up to three are offered as buttons) or {@code NONE}
 * @param candidates best first, at most three
 */
public record KnowledgeMatch(String decision, List<Candidate> candidates) {

    /**
     * One candidate entry.
     *
     * @param entryId the entry
     * @param question the variant that matched best
     * @param confidence 0 to 1
     */
    public record Candidate(String entryId, String question, double confidence) {}
}
