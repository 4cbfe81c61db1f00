package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameKeysTest {

    /** pg_trgm's default word_similarity_threshold: a search with the {@code <%} operator finds at least this. */
    private static final double FOUND = 0.6;

    private static double match(String query, String storedKey) {
        return PgTrgm.bestWordSimilarity(NameKeys.queryKeys(query), storedKey);
    }

    private static void assertFinds(String query, String storedKey) {
        double similarity = match(query, storedKey);
        assertTrue(
                similarity >= FOUND,
                () -> "'" + query + "' " + NameKeys.queryKeys(query) + " should find [" + storedKey + "] but scored "
                        + similarity);
    }

    @ParameterizedTest
    @CsvSource({"Sutyagin", "sutiagin", "Sutjagin", "Сутягин", "СУТЯГИН", "Sutyagin Ivan", "Иван Сутягин"})
    void cyrillicAndLatinSpellingsShareAKey(String query) {
        assertFinds(query, NameKeys.searchKey("Иван", "Петрович", "Сутягин"));
    }

    @Test
    void spellingsOfSutyaginFoldToOneKey() {
        assertEquals(List.of("sutiagin"), NameKeys.queryKeys("Sutyagin"));
        assertEquals(List.of("sutiagin"), NameKeys.queryKeys("sutiagin"));
        assertEquals(List.of("sutiagin"), NameKeys.queryKeys("Sutjagin"));
        assertTrue(NameKeys.queryKeys("Сутягин").contains("sutiagin"));
    }

    @ParameterizedTest
    @CsvSource({"Hryhorii", "Grigoriy", "Григорий", "Григорій", "Hryhoriy Petrenko", "Grigory Petrenko", "Петренко"})
    void ukrainianNamesAreFoundByUkrainianAndRussianRomanisations(String query) {
        assertFinds(query, NameKeys.searchKey("Григорій", null, "Петренко"));
    }

    @Test
    void ukrainianNameKeyCarriesBothReadings() {
        assertEquals("petrenko grigori | petrenko hrihori", NameKeys.searchKey("Григорій", null, "Петренко"));
    }

    @Test
    void russianNameKeyHasFamilyGivenPatronymicOrder() {
        assertEquals(
                "sutiagin ivan petrovich | sutiahin ivan petrovich", NameKeys.searchKey("Иван", "Петрович", "Сутягин"));
    }

    @Test
    void latinNameHasASingleVariant() {
        assertEquals("sutiagin ivan", NameKeys.searchKey("Ivan", null, "Sutyagin"));
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
        "Shcherbakov, Щербаков",
        "Scherbakov, Щербаков",
        "Sherbakov, Щербаков",
        "Щербаков, Shcherbakov",
        "Yulia, Юлия",
        "Julia, Юлия",
        "Iuliia, Юлия",
        "Yuliya, Юлія",
        "Юлия, Юлія",
        "Юлія, Юлия",
        "Oleksii, Олексій",
        "Oleksiy, Олексій",
        "Олексий, Олексій",
        "Yizhakevych, Їжакевич",
        "Izhakevych, Їжакевич",
        "Ижакевич, Їжакевич",
        "Yevhen, Євген",
        "Evgen, Євген",
        "Евген, Євген",
        "Євген, Евген",
        "Kovalchuk, Ковальчук",
        "Koval'chuk, Ковальчук",
        "Kowalczuk, Ковальчук",
        "Szewczenko, Шевченко",
        "Szczerbakow, Щербаков",
        "Khmelnytskyi, Хмельницький",
        "Khmelnitsky, Хмельницький",
        "Хмельницкий, Хмельницький",
        "Хмельницький, Khmelnitskiy",
        "Tsoi, Цой",
        "Tsoy, Цой",
        "Цой, Tsoi",
        "Ёлкин, Елкин",
        "Елкин, Ёлкин",
        "Yelkin, Ёлкин",
        "Elkin, Ёлкин",
        "Yolkin, Ёлкин",
        "Yolkin, Елкин",
        "Fyodor, Фёдор",
        "Fedor, Фёдор",
        "Pyotr, Пётр",
        "Artyom, Артём",
        "Semyon, Семён",
        "Solovyov, Соловьёв",
        "Soloviev, Соловьёв",
        "Соловйов, Соловьёв",
        "Мар'яна, Марʼяна",
        "Mariana, Мар'яна",
        "Aleksei, Алексей",
        "Alexey, Алексей",
        "Sergeevich, Сергеевич",
        "Sergeyevich, Сергеевич",
        "Dmitriy, Дмитрий",
        "Dmitry, Дмитрий",
        "Dmytro, Дмитро",
    })
    void matchingSpellingsFindEachOther(String query, String stored) {
        assertFinds(query, NameKeys.searchKey(stored, null, null));
    }

    @ParameterizedTest(name = "{0} does not find {1}")
    @CsvSource({
        "Иванов, Петров",
        "Petrov, Иванов",
        "Сутягин, Щербаков",
        "Юлия, Ольга",
        "Ковальчук, Шевченко",
    })
    void differentNamesStayApart(String query, String stored) {
        assertTrue(match(query, NameKeys.searchKey(null, null, stored)) < 0.3);
    }

    @Test
    void typosStillReachTheThreshold() {
        assertFinds("Sutyagn", NameKeys.searchKey("Иван", null, "Сутягин"));
        assertFinds("Щербаков", NameKeys.searchKey(null, null, "Щербакова"));
    }

    @Test
    void wholeNameQueryFindsTheMemberInAnyWordOrder() {
        String key = NameKeys.searchKey("Юлия", "Сергеевна", "Ковальчук");
        assertFinds("Yulia Kovalchuk", key);
        assertFinds("Ковальчук Юлия Сергеевна", key);
        assertFinds("Kovalchuk Yuliya Sergeevna", key);
    }

    @Test
    void cyrillicQueryHasRussianAndUkrainianReadings() {
        assertEquals(List.of("grigori", "hrihori"), NameKeys.queryKeys("Григорий"));
    }

    @Test
    void latinQueryHasOneKey() {
        assertEquals(List.of("hrihori"), NameKeys.queryKeys("  Hryhorii "));
    }

    @Test
    void readingsThatCoincideAreNotRepeated() {
        assertEquals(List.of("kovalchuk"), NameKeys.queryKeys("Ковальчук"));
        assertEquals("kovalchuk iulia", NameKeys.searchKey("Юлия", null, "Ковальчук"));
    }

    @Test
    void emptyOrUnsearchableQueryHasNoKeys() {
        assertEquals(List.of(), NameKeys.queryKeys(null));
        assertEquals(List.of(), NameKeys.queryKeys(""));
        assertEquals(List.of(), NameKeys.queryKeys("   "));
        assertEquals(List.of(), NameKeys.queryKeys("'-'"));
    }

    @Test
    void keysContainOnlyLowerCaseLatinDigitsSpacesAndTheSeparator() {
        String key = NameKeys.searchKey("Марʼяна-Ївга", "Ґеоргіївна", "О'Коннор-Щукіна 2-я");
        assertTrue(key.matches("[a-z0-9 |]+"), key);
        for (String q : NameKeys.queryKeys("Марʼяна Ївга Ґеоргіївна (О'Коннор)")) {
            assertTrue(q.matches("[a-z0-9 ]+"), q);
        }
    }

    @Test
    void hyphenatedNamesBecomeSeparateWords() {
        assertEquals("petrov vodkin kuzma", NameKeys.searchKey("Кузьма", null, "Petrov-Vodkin"));
    }

    @Test
    void compatibilityCharactersAreNormalised() {
        assertEquals(NameKeys.queryKeys("Ivan"), NameKeys.queryKeys("Ｉｖａｎ"));
    }

    @Test
    void accentedLatinIsFoldedToAscii() {
        assertEquals(NameKeys.queryKeys("Jose Muller"), NameKeys.queryKeys("José Müller"));
    }

    @Test
    void searchKeyIsEmptyWithoutAName() {
        assertEquals("", NameKeys.searchKey(null, null, null));
        assertEquals("", NameKeys.searchKey(" ", "", null));
    }

    @Test
    void searchKeySkipsMissingParts() {
        assertEquals("ivan", NameKeys.searchKey("Иван", null, " "));
    }

    @Test
    void foldingIsIdempotent() {
        for (String query : List.of("Сутягин", "Хмельницький", "Сергеевич", "Yevgeniy Alexeyev", "Щукин")) {
            for (String key : NameKeys.queryKeys(query)) {
                assertEquals(key, NameKeys.fold(key));
            }
        }
    }

    @Test
    void foldingConvergesCommonRomanisations() {
        assertEquals("hmelnicki", NameKeys.fold("khmel'nyts'kyy"));
        assertEquals("hmelnicki", NameKeys.fold("Khmelnitzky"));
        assertEquals("aleksei", NameKeys.fold("Alexey"));
        assertEquals(NameKeys.queryKeys("Васильев").get(0), NameKeys.fold("Wassiljew"));
        assertEquals("evgeni", NameKeys.fold("Yevgeniy"));
        assertEquals("fedor", NameKeys.fold("Fyodor"));
        assertEquals("kovalchuk", NameKeys.fold("Kowalczuk"));
    }

    @Test
    void sortKeyKeepsTheOriginalScriptInFamilyGivenPatronymicOrder() {
        assertEquals("сутягин иван петрович", NameKeys.sortKey("Сутягин", "Иван", "Петрович"));
        assertEquals("ёлкин пётр", NameKeys.sortKey("  Ёлкин ", "ПЁТР", null));
    }

    @Test
    void sortKeyCollapsesWhitespaceAndAppliesNfkc() {
        assertEquals("petrov-vodkin kuzma", NameKeys.sortKey("Petrov-Vodkin\u00a0", " Ｋuzma\t\n", ""));
        assertEquals("ivan maria", NameKeys.sortKey(null, "Ivan   Maria", null));
    }

    @Test
    void sortKeyIsEmptyWithoutAName() {
        assertEquals("", NameKeys.sortKey(null, null, null));
    }

    @Test
    void keysAreTheSameWhenComputedConcurrently() throws Exception {
        String expected = NameKeys.searchKey("Григорій", "Олексійович", "Хмельницький");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> NameKeys.searchKey("Григорій", "Олексійович", "Хмельницький"));
            }
            for (Future<String> result : pool.invokeAll(tasks)) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertFalse(expected.isEmpty());
    }
}
