package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @Test
    void domainIsLowerCasedAndLocalPartKeptAsTyped() {
        assertEquals(Optional.of("Ivan.Petrov@example.com"), EmailAddresses.normalize("  Ivan.Petrov@Example.COM "));
    }

    @Test
    void cyrillicDomainStaysCyrillicInLowerCase() {
        assertEquals(Optional.of("Иван@пример.рф"), EmailAddresses.normalize("Иван@Пример.рф"));
        assertEquals(EmailAddresses.normalize("Иван@пример.рф"), EmailAddresses.normalize("Иван@ПРИМЕР.РФ"));
    }

    @Test
    void punycodeInputIsStoredAsTheDomainPeopleRead() {
        assertEquals(Optional.of("a@пример.рф"), EmailAddresses.normalize("a@XN--E1AFMKFD.xn--p1ai"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "user+tag@mail.ru",
                "first.last@sub.example.co.uk",
                "o'brien@example.ie",
                "x@a-b.example",
                "юлия.коваль@ukr.net",
                "1234@1.example"
            })
    void practicalAddressesAreValid(String raw) {
        assertTrue(EmailAddresses.normalize(raw).isPresent(), raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "plain",
                "@example.com",
                "user@",
                "user@@example.com",
                "a@b@example.com",
                "user@localhost",
                "user@example",
                "user name@example.com",
                "user@exa mple.com",
                ".user@example.com",
                "user.@example.com",
                "us..er@example.com",
                "user@-example.com",
                "user@example-.com",
                "user@exa_mple.com",
                "user@example..com",
                "user@example.com.",
                "user@192.168.0.1",
                "\"quoted\"@example.com",
                "user(comment)@example.com",
                "us\ter@example.com"
            })
    void malformedAddressesAreInvalid(String raw) {
        assertEquals(Optional.empty(), EmailAddresses.normalize(raw), String.valueOf(raw));
    }

    @Test
    void localPartIsLimitedTo64Octets() {
        String domain = "@example.com";
        assertTrue(EmailAddresses.normalize("a".repeat(64) + domain).isPresent());
        assertFalse(EmailAddresses.normalize("a".repeat(65) + domain).isPresent());
        // Cyrillic letters take two octets each in UTF-8, which is what mail servers count.
        assertTrue(EmailAddresses.normalize("я".repeat(32) + domain).isPresent());
        assertFalse(EmailAddresses.normalize("я".repeat(33) + domain).isPresent());
    }

    @Test
    void wholeAddressIsLimitedTo254Octets() {
        String label = "a".repeat(60);
        String domain = String.join(".", label, label, label, "b".repeat(58)) + ".ru"; // 244 characters
        assertEquals(244, domain.length());
        assertTrue(EmailAddresses.normalize("u".repeat(9) + "@" + domain).isPresent());
        assertFalse(EmailAddresses.normalize("u".repeat(10) + "@" + domain).isPresent());
    }

    @Test
    void domainLabelIsLimitedTo63Characters() {
        assertTrue(EmailAddresses.normalize("u@" + "a".repeat(63) + ".com").isPresent());
        assertFalse(EmailAddresses.normalize("u@" + "a".repeat(64) + ".com").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ivan@example.com", " ivan@example ", "a@b", "Иван@Пример.рф"})
    void textWithOneAtSignLooksLikeAnEmail(String text) {
        assertTrue(EmailAddresses.looksLikeEmail(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ivan", "@example.com", "ivan@", "a@b@c", "ivan petrov@example.com", "+7 913 123"})
    void otherTextDoesNotLookLikeAnEmail(String text) {
        assertFalse(EmailAddresses.looksLikeEmail(text));
    }
}
