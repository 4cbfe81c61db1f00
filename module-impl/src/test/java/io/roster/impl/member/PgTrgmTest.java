package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test helper must agree with PostgreSQL, or the name-key tests prove nothing about real searches. */
class PgTrgmTest {

    @Test
    void similarityMatchesThePostgresDocumentationExample() {
        assertEquals(4.0 / 11.0, PgTrgm.similarity("word", "two words"), 1e-6);
    }

    @Test
    void wordSimilarityMatchesThePostgresDocumentationExample() {
        assertEquals(0.8, PgTrgm.wordSimilarity("word", "two words"), 1e-6);
    }

    @Test
    void wordSimilarityIsOneWhenTheQueryIsAWordOfTheText() {
        assertEquals(1.0, PgTrgm.wordSimilarity("petrov", "ivan petrov | ivan petrov"), 1e-6);
    }

    @Test
    void wordSimilarityIsZeroWithoutSharedTrigrams() {
        assertEquals(0.0, PgTrgm.wordSimilarity("abc", "xyz"), 1e-6);
    }
}
