package io.roster.impl.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.impl.bot.KnowledgeScorer.Decision;
import io.roster.impl.bot.KnowledgeScorer.Query;
import io.roster.impl.bot.KnowledgeScorer.Scored;
import io.roster.impl.bot.KnowledgeScorer.Variant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KnowledgeScorerTest {
    static final UUID DUES = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID ADDRESS = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final UUID CARD = UUID.fromString("00000000-0000-7000-8000-000000000003");

    @Test
    void askingAllOfAQuestionAndNothingElseIsFullConfidence() {
        assertEquals(
                1.0, KnowledgeScorer.dice(List.of("уплат", "членск", "взнос"), List.of("взнос", "членск", "уплат")));
    }

    @Test
    void overlapIsTwiceTheSharedLexemesOverBothSizes() {
        // {заплат, взнос} against {уплат, членск, взнос}: 2·1 / (2 + 3)
        assertEquals(0.4, KnowledgeScorer.dice(List.of("заплат", "взнос"), List.of("уплат", "членск", "взнос")), 1e-9);
        assertEquals(0.0, KnowledgeScorer.dice(List.of(), List.of("взнос")));
    }

    @Test
    void shortWordsThatSimpleKeepsDoNotCount() {
        // Ukrainian "як" and "чи" are stop words PostgreSQL's simple configuration keeps
        assertEquals(
                1.0, KnowledgeScorer.dice(List.of("як", "сплатити", "внесок"), List.of("сплатити", "внесок", "чи")));
    }

    @Test
    void questionWordsSayNothingAboutTheTopic() {
        assertEquals(1.0, KnowledgeScorer.dice(List.of("який", "внесок"), List.of("що", "внесок", "коли")));
    }

    @Test
    void theBestConfigurationOrTrigramSimilarityIsTheConfidence() {
        Query q = new Query(List.of("сплат", "внесок"), List.of("сплатити", "внесок"), List.of("сплатити", "внесок"));
        Variant uk = new Variant(
                DUES,
                "Як сплатити членський внесок?",
                List.of("сплат", "членськ", "внесок"),
                List.of("сплатити", "членський", "внесок"),
                List.of("як", "сплатити", "членський", "внесок"),
                0.3);
        assertEquals(0.8, KnowledgeScorer.confidence(q, uk), 1e-9);
        Variant typo = new Variant(ADDRESS, "x", List.of(), List.of(), List.of(), 0.72);
        assertEquals(0.72, KnowledgeScorer.confidence(q, typo), 1e-9);
    }

    @Test
    void anEntryScoresAsItsBestVariantAndRanksBestFirst() {
        Query q = new Query(List.of("взнос"), List.of(), List.of("взнос"));
        List<Scored> ranked = KnowledgeScorer.rank(
                q,
                List.of(
                        new Variant(
                                ADDRESS, "Как изменить адрес?", List.of("измен", "адрес"), List.of(), List.of(), 0.1),
                        new Variant(DUES, "Про взнос", List.of("взнос"), List.of(), List.of(), 0.2),
                        new Variant(
                                DUES, "Как уплатить взнос?", List.of("уплат", "взнос"), List.of(), List.of(), 0.1)));
        assertEquals(DUES, ranked.get(0).entryId());
        assertEquals("Про взнос", ranked.get(0).question());
        assertEquals(1.0, ranked.get(0).confidence(), 1e-9);
        assertEquals(2, ranked.size());
    }

    @Test
    void aboveTheThresholdAnswersBelowItSuggestsUpToThree() {
        List<Scored> ranked = List.of(
                new Scored(DUES, "a", 0.5),
                new Scored(ADDRESS, "b", 0.4),
                new Scored(CARD, "c", 0.3),
                new Scored(UUID.randomUUID(), "d", 0.3),
                new Scored(UUID.randomUUID(), "e", 0.1));
        assertEquals(Decision.SUGGEST, KnowledgeScorer.decide(ranked, 0.6, 0.25));
        assertEquals(3, KnowledgeScorer.suggestions(ranked, 0.25).size());
        assertEquals(Decision.ANSWER, KnowledgeScorer.decide(ranked, 0.5, 0.25));
        assertEquals(Decision.NONE, KnowledgeScorer.decide(ranked, 0.6, 0.55));
        assertEquals(Decision.NONE, KnowledgeScorer.decide(List.of(), 0.6, 0.25));
    }

    @Test
    void wordsAreLettersAndDigitsOnlySoNothingTypedIsQuerySyntax() {
        assertEquals(
                List.of("взнос", "членський", "2026"), KnowledgeScorer.words("Взнос & | ! членський:* (2026) — як? ё"));
        assertEquals(List.of("пам'ять".replace("'", "")), KnowledgeScorer.words("пам'ять"));
        assertTrue(KnowledgeScorer.words(null).isEmpty());
    }
}
