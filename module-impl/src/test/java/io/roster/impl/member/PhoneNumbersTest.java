package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private final PhoneNumbers russia = new PhoneNumbers("RU");
    private final PhoneNumbers ukraine = new PhoneNumbers("UA");

    @ParameterizedTest
    @ValueSource(strings = {"8 913 123-45-67", "+7 (913) 123-45-67", "89131234567", "7 913 123 45 67", "9131234567"})
    void russianNationalFormatsBecomeE164(String raw) {
        assertEquals(Optional.of("+79131234567"), russia.toE164(raw));
    }

    @Test
    void ukrainianNationalFormatBecomesE164() {
        assertEquals(Optional.of("+380441234567"), ukraine.toE164("(044) 123 45 67"));
        assertEquals(Optional.of("+380501234567"), ukraine.toE164("050 123 45 67"));
    }

    @Test
    void internationalFormatIgnoresTheDefaultRegion() {
        assertEquals(Optional.of("+380441234567"), russia.toE164("+380 44 123 4567"));
        assertEquals(Optional.of("+380441234567"), ukraine.toE164("+380 44 123 4567"));
        assertEquals(Optional.of("+79131234567"), ukraine.toE164("+7 913 123-45-67"));
    }

    @Test
    void russianInternationalDialPrefixIsUnderstood() {
        assertEquals(Optional.of("+380441234567"), russia.toE164("8 10 380 44 123 45 67"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "12", "abc", "+7 913", "8 913 123-45-67-89-01-23", "+7 913 123-45-67 ext. 12"})
    void nonNumbersAreRefused(String raw) {
        assertEquals(Optional.empty(), russia.toE164(raw));
    }

    @Test
    void vanityLettersAreRefusedRatherThanConverted() {
        assertEquals(Optional.empty(), russia.toE164("8 800 FLOWERS"));
    }

    @Test
    void regionCodeIsCaseInsensitive() {
        assertEquals("RU", new PhoneNumbers(" ru ").defaultRegion());
    }

    @Test
    void unknownRegionIsRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("XX"));
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8 913 123-45-67", "+380 (44) 123.45.67", "12345", "123456789012345", " +7 913 1234567 "})
    void phoneShapedTextLooksLikeAPhone(String text) {
        assertTrue(PhoneNumbers.looksLikePhone(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1234", "1234567890123456", "Иван", "ivan@example.com", "913-123 x", "+7 913 #123"})
    void otherTextDoesNotLookLikeAPhone(String text) {
        assertFalse(PhoneNumbers.looksLikePhone(text));
    }

    @Test
    void maskKeepsCountryCodeAndLastFourDigits() {
        assertEquals("+7 *** ***-45-67", russia.mask("+79131234567"));
    }

    @Test
    void maskUsesTheSameShapeForOtherLengths() {
        assertEquals("+380 *** **-45-67", russia.mask("+380441234567"));
        assertEquals("+49 *** **-45-67", russia.mask("+49301234567"));
        assertEquals("+1 *** ***-45-67", russia.mask("+12021234567"));
    }

    @Test
    void maskOfTextWithoutCountryCodeHidesAllButLastFour() {
        assertEquals("*** ***-45-67", russia.mask("9131234567"));
    }

    @Test
    void maskHidesVeryShortNumbersCompletely() {
        assertEquals("****", russia.mask("1234"));
        assertEquals("+7 ***", russia.mask("+7123"));
    }

    @Test
    void maskOfNullIsNull() {
        assertNull(russia.mask(null));
    }
}
