package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ContactMaskingTest {
    @Test
    void emailsKeepTheirFirstLettersAndTopLevelDomain() {
        assertEquals("i***@e***.ru", ContactMasking.email("ivan.petrov@example.ru"));
        assertEquals("о***@п***.рф", ContactMasking.email("ольга@почта.рф"));
        assertEquals("***", ContactMasking.email("not-an-address"));
        assertNull(ContactMasking.email(null));
    }

    @Test
    void telegramNamesKeepTwoLetters() {
        assertEquals("iv***", ContactMasking.telegram("ivan_petrov"));
        assertEquals("***", ContactMasking.telegram("ivan"));
        assertNull(ContactMasking.telegram(null));
    }
}
