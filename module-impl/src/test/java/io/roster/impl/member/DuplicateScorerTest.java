package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.member.DuplicateCandidate;
import io.roster.api.member.MemberDraft;
import io.roster.impl.member.DuplicateScorer.CandidateData;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DuplicateScorerTest {

    private static final LocalDate BORN = LocalDate.of(1985, 3, 14);

    private static MemberDraft draft(String given, String patronymic, String family, LocalDate birthDate) {
        return new MemberDraft(
                "unit-1",
                given,
                patronymic,
                family,
                birthDate,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static CandidateData existing(
            String given,
            String patronymic,
            String family,
            LocalDate birthDate,
            Set<String> phones,
            Set<String> emails) {
        return new CandidateData("m-1", given, patronymic, family, birthDate, phones, emails);
    }

    @Test
    void sharedPhoneIsAReason() {
        Optional<DuplicateCandidate> candidate = DuplicateScorer.score(
                draft("Пётр", null, "Иванов", null),
                Set.of("+79131234567"),
                Set.of(),
                existing("Иван", "Петрович", "Сутягин", null, Set.of("+79990000000", "+79131234567"), Set.of()));
        assertEquals(List.of("phone"), candidate.orElseThrow().reasons());
        assertTrue(candidate.get().score() >= 0.9);
        assertEquals("m-1", candidate.get().memberId());
    }

    @Test
    void sharedEmailIsAReasonWhateverTheCase() {
        DuplicateCandidate candidate = DuplicateScorer.score(
                        draft("Пётр", null, "Иванов", null),
                        Set.of(),
                        Set.of("Ivan@Example.com"),
                        existing("Иван", null, "Сутягин", null, Set.of(), Set.of("ivan@example.com")))
                .orElseThrow();
        assertEquals(List.of("email"), candidate.reasons());
        assertTrue(candidate.score() >= 0.9);
    }

    @Test
    void sameNameAndBirthDateIsAReasonScoredByNameSimilarity() {
        DuplicateCandidate candidate = DuplicateScorer.score(
                        draft("Иван", "Петрович", "Сутягин", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Иван", "Петрович", "Сутягин", BORN, Set.of(), Set.of()))
                .orElseThrow();
        assertEquals(List.of("name-and-birth-date"), candidate.reasons());
        assertEquals(1.0, candidate.score(), 1e-9);
    }

    @Test
    void nameInTheOtherScriptStillMatches() {
        DuplicateCandidate candidate = DuplicateScorer.score(
                        draft("Ivan", null, "Sutyagin", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Иван", "Петрович", "Сутягин", BORN, Set.of(), Set.of()))
                .orElseThrow();
        assertEquals(List.of("name-and-birth-date"), candidate.reasons());
        assertEquals(1.0, candidate.score(), 1e-9);
    }

    @Test
    void typoInTheNameStillMatchesWithALowerScore() {
        DuplicateCandidate candidate = DuplicateScorer.score(
                        draft("Иван", null, "Сутягинн", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Иван", null, "Сутягин", BORN, Set.of(), Set.of()))
                .orElseThrow();
        assertTrue(candidate.score() >= 0.7 && candidate.score() <= 1.0, () -> "score " + candidate.score());
    }

    @Test
    void sameNameWithDifferentBirthDateIsNotADuplicate() {
        assertEquals(
                Optional.empty(),
                DuplicateScorer.score(
                        draft("Иван", null, "Сутягин", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Иван", null, "Сутягин", BORN.plusDays(1), Set.of(), Set.of())));
    }

    @Test
    void missingBirthDatesNeverMatchOnName() {
        assertEquals(
                Optional.empty(),
                DuplicateScorer.score(
                        draft("Иван", null, "Сутягин", null),
                        Set.of(),
                        Set.of(),
                        existing("Иван", null, "Сутягин", null, Set.of(), Set.of())));
    }

    @Test
    void differentNamesWithTheSameBirthDateAreNotDuplicates() {
        assertEquals(
                Optional.empty(),
                DuplicateScorer.score(
                        draft("Пётр", null, "Иванов", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Пётр", null, "Петров", BORN, Set.of(), Set.of())));
    }

    @Test
    void differentPatronymicsMeanDifferentPeople() {
        assertEquals(
                Optional.empty(),
                DuplicateScorer.score(
                        draft("Иван", "Петрович", "Сутягин", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Иван", "Сергеевич", "Сутягин", BORN, Set.of(), Set.of())));
    }

    @Test
    void missingPatronymicIsCompatible() {
        assertTrue(DuplicateScorer.score(
                        draft("Иван", null, "Сутягин", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Иван", "Петрович", "Сутягин", BORN, Set.of(), Set.of()))
                .isPresent());
    }

    @Test
    void patronymicsInDifferentSpellingsAreCompatible() {
        assertTrue(DuplicateScorer.score(
                        draft("Ivan", "Petrovich", "Sutyagin", BORN),
                        Set.of(),
                        Set.of(),
                        existing("Иван", "Петрович", "Сутягин", BORN, Set.of(), Set.of()))
                .isPresent());
    }

    @Test
    void reasonsCombineAndTheScoreIsTheStrongest() {
        DuplicateCandidate candidate = DuplicateScorer.score(
                        draft("Иван", "Петрович", "Сутягин", BORN),
                        Set.of("+79131234567"),
                        Set.of("ivan@example.com"),
                        existing(
                                "Иван",
                                "Петрович",
                                "Сутягин",
                                BORN,
                                Set.of("+79131234567"),
                                Set.of("ivan@example.com")))
                .orElseThrow();
        assertEquals(List.of("phone", "email", "name-and-birth-date"), candidate.reasons());
        assertEquals(1.0, candidate.score(), 1e-9);
    }

    @Test
    void displayNameIsInRussianOrder() {
        DuplicateCandidate candidate = DuplicateScorer.score(
                        draft(null, null, "X", null),
                        Set.of("+79131234567"),
                        null,
                        existing("Иван", "Петрович", "Сутягин", null, Set.of("+79131234567"), null))
                .orElseThrow();
        assertEquals("Сутягин Иван Петрович", candidate.displayName());
    }

    @Test
    void nothingInCommonIsNoCandidate() {
        assertEquals(
                Optional.empty(),
                DuplicateScorer.score(
                        draft("Иван", null, "Сутягин", BORN),
                        Set.of("+79131234567"),
                        Set.of("a@example.com"),
                        existing("Пётр", null, "Петров", null, Set.of("+79131234568"), Set.of("b@example.com"))));
    }

    @Test
    void nullAndNullElementsInContactSetsAreIgnored() {
        Set<String> withNull = new HashSet<>();
        withNull.add(null);
        assertEquals(
                Optional.empty(),
                DuplicateScorer.score(
                        draft("Иван", null, "Сутягин", null),
                        withNull,
                        withNull,
                        existing("Иван", null, "Сутягин", null, null, Set.of())));
    }

    @Test
    void similarityOfIdenticalNamesIsOne() {
        assertEquals(1.0, DuplicateScorer.similarity("Сутягин Иван", "Сутягин Иван"), 1e-9);
    }

    @Test
    void similarityBridgesScriptsAndRomanisations() {
        assertEquals(1.0, DuplicateScorer.similarity("Петренко Григорій", "Petrenko Hryhorii"), 1e-9);
        assertEquals(1.0, DuplicateScorer.similarity("Петренко Григорій", "Petrenko Grigoriy"), 1e-9);
    }

    @Test
    void similarityMatchesPgTrgmOnFoldedKeys() {
        assertEquals(PgTrgm.similarity("ivanov", "ivanova"), DuplicateScorer.similarity("Ivanov", "Ivanova"), 1e-9);
        assertEquals(
                PgTrgm.similarity("sutiagin ivan", "sutiagin ivan petr"),
                DuplicateScorer.similarity("Sutyagin Ivan", "Sutyagin Ivan Petr"),
                1e-9);
    }

    @Test
    void similarityOfDifferentNamesIsLow() {
        assertTrue(DuplicateScorer.similarity("Иванов", "Петров") < 0.3);
    }

    @Test
    void similarityWithAnEmptySideIsZero() {
        assertEquals(0.0, DuplicateScorer.similarity("", "Иванов"), 1e-9);
        assertEquals(0.0, DuplicateScorer.similarity("Иванов", null), 1e-9);
    }
}
