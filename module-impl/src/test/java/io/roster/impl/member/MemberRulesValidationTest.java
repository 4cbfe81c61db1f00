package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.Language;
import io.roster.api.error.FieldError;
import io.roster.api.member.Address;
import io.roster.api.member.Consent;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.Email;
import io.roster.api.member.Gender;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.Phone;
import io.roster.api.member.Position;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemberRulesValidationTest {

    private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final PhoneNumbers PHONES = new PhoneNumbers("RU");

    /** A draft that breaks no rule, to be changed one field at a time. */
    private static Draft valid() {
        Draft d = new Draft();
        d.orgUnitId = "unit-1";
        d.givenName = "Иван";
        d.patronymic = "Петрович";
        d.familyName = "Сутягин";
        d.birthDate = LocalDate.of(1985, 3, 14);
        d.gender = Gender.MALE;
        d.preferredLanguage = Language.RU;
        d.status = MemberStatus.MEMBER;
        d.membershipNumber = "МСК-2024/017";
        d.joinedOn = LocalDate.of(2020, 1, 1);
        d.supportLevel = 5;
        d.positions = List.of(new Position("Секретарь отделения", "unit-1", LocalDate.of(2021, 1, 1), null));
        d.tags = new LinkedHashSet<>(List.of("активист", "driver"));
        d.skills = new LinkedHashSet<>(List.of("вождение"));
        d.phones = List.of(
                new Phone("8 913 123-45-67", "mobile", true, null), new Phone("+380 44 123 4567", null, false, null));
        d.emails = List.of(
                new Email("Иван@Пример.рф", null, true, null), new Email("ivan@example.com", "work", false, null));
        d.telegramUsername = "@ivan_sutyagin";
        d.addresses = List.of(new Address(
                "home", "630000", "RU", "Новосибирская обл.", "Новосибирск", "ул. Ленина", "1", "2", true, null));
        d.consents = List.of(
                new Consent(ContactChannel.EMAIL, true, "paper form", "form 17", NOW.minusSeconds(3600)),
                new Consent(ContactChannel.TELEGRAM, false, "telegram", null, null));
        d.doNotContact = EnumSet.of(ContactChannel.VISIT);
        d.customAttributes = Map.of("shirtSize", "L");
        return d;
    }

    private static List<FieldError> validate(Draft d) {
        return MemberRules.validate(d.build(), PHONES, CLOCK);
    }

    private static List<String> pathsAndCodes(Draft d) {
        return validate(d).stream().map(e -> e.path() + " " + e.code()).collect(Collectors.toList());
    }

    private static void assertOnly(Draft d, String... expected) {
        assertEquals(Arrays.asList(expected), pathsAndCodes(d));
    }

    @Test
    void validDraftHasNoErrors() {
        assertEquals(List.of(), validate(valid()));
    }

    @Test
    void minimalDraftHasNoErrors() {
        assertEquals(List.of(), MemberRules.validate(MemberDraft.of("unit-1", null, null, "Сутягин"), PHONES, CLOCK));
    }

    @Test
    void errorsCarryAHumanReadableMessage() {
        Draft d = valid();
        d.orgUnitId = null;
        FieldError error = validate(d).get(0);
        assertTrue(error.message() != null && !error.message().isBlank());
    }

    @Test
    void orgUnitIsRequired() {
        Draft d = valid();
        d.orgUnitId = " ";
        assertOnly(d, "orgUnitId required");
    }

    @Test
    void givenOrFamilyNameIsRequired() {
        Draft d = valid();
        d.givenName = " ";
        d.familyName = null;
        assertOnly(d, "givenName required");
    }

    @Test
    void givenNameAloneIsEnough() {
        Draft d = valid();
        d.familyName = null;
        assertOnly(d);
    }

    @Test
    void namesAreLimitedTo100Characters() {
        Draft d = valid();
        d.familyName = "Щ".repeat(101);
        d.givenName = "Ю".repeat(100);
        d.patronymic = "П".repeat(101);
        assertOnly(d, "patronymic too-long", "familyName too-long");
    }

    @Test
    void namesMustNotContainControlCharacters() {
        Draft d = valid();
        d.familyName = "Сутягин\n";
        d.givenName = "Ив\u0000ан";
        assertOnly(d, "givenName invalid-characters", "familyName invalid-characters");
    }

    @Test
    void birthDateMayBeTodayButNotTomorrow() {
        Draft d = valid();
        d.birthDate = TODAY;
        assertOnly(d);
        d.birthDate = TODAY.plusDays(1);
        assertOnly(d, "birthDate out-of-range");
    }

    @Test
    void birthDateBefore1900IsRefused() {
        Draft d = valid();
        d.birthDate = LocalDate.of(1900, 1, 1);
        assertOnly(d);
        d.birthDate = LocalDate.of(1899, 12, 31);
        assertOnly(d, "birthDate out-of-range");
    }

    @Test
    void supportLevelIsOneToFive() {
        Draft d = valid();
        d.supportLevel = 1;
        assertOnly(d);
        d.supportLevel = 0;
        assertOnly(d, "supportLevel range");
        d.supportLevel = 6;
        assertOnly(d, "supportLevel range");
    }

    @Test
    void membershipNumberAllowsLatinCyrillicDigitsAndSeparators() {
        Draft d = valid();
        d.membershipNumber = "UA-Київ_12.3/4";
        assertOnly(d);
    }

    @Test
    void membershipNumberWithSpacesOrTooLongIsInvalid() {
        Draft d = valid();
        d.membershipNumber = "12 34";
        assertOnly(d, "membershipNumber invalid");
        d.membershipNumber = "1".repeat(65);
        assertOnly(d, "membershipNumber invalid");
        d.membershipNumber = "";
        assertOnly(d, "membershipNumber invalid");
    }

    @Test
    void leavingBeforeJoiningIsRefused() {
        Draft d = valid();
        d.joinedOn = LocalDate.of(2022, 5, 1);
        d.leftOn = LocalDate.of(2022, 4, 30);
        assertOnly(d, "leftOn before-joined");
        d.leftOn = d.joinedOn;
        assertOnly(d);
    }

    @Test
    void invalidTagsAreReportedByIndex() {
        Draft d = valid();
        d.tags = new LinkedHashSet<>(List.of("ok", "also ok", "x".repeat(65), "", "bad\ttag"));
        assertOnly(d, "tags[2] invalid", "tags[3] invalid", "tags[4] invalid");
    }

    @Test
    void invalidSkillsAreReportedByIndex() {
        Draft d = valid();
        d.skills = new LinkedHashSet<>(Arrays.asList("вождение", null));
        assertOnly(d, "skills[1] invalid");
    }

    @Test
    void atMostHundredTags() {
        Draft d = valid();
        d.tags = IntStream.range(0, 101).mapToObj(i -> "t" + i).collect(Collectors.toCollection(LinkedHashSet::new));
        assertOnly(d, "tags too-many");
    }

    @Test
    void positionNeedsATitleOfAtMost200Characters() {
        Draft d = valid();
        d.positions = Arrays.asList(
                new Position(" ", null, null, null), new Position("т".repeat(201), null, null, null), null);
        assertOnly(d, "positions[0].title required", "positions[1].title too-long", "positions[2] required");
    }

    @Test
    void positionCannotEndBeforeItStarts() {
        Draft d = valid();
        d.positions = List.of(new Position("Секретарь", null, LocalDate.of(2022, 1, 2), LocalDate.of(2022, 1, 1)));
        assertOnly(d, "positions[0].until before-since");
    }

    @Test
    void unparseablePhoneIsReportedOnItsNumber() {
        Draft d = valid();
        d.phones = List.of(new Phone("+7 913 123-45-67", null, false, null), new Phone("call me", null, false, null));
        assertOnly(d, "phones[1].number invalid-phone");
    }

    @Test
    void samePhoneInTwoFormatsIsADuplicate() {
        Draft d = valid();
        d.phones = List.of(
                new Phone("+7 913 123-45-67", null, false, null), new Phone("8 (913) 1234567", null, false, null));
        assertOnly(d, "phones[1].number duplicate");
    }

    @Test
    void atMostOnePrimaryPhone() {
        Draft d = valid();
        d.phones = List.of(new Phone("+79131234567", null, true, null), new Phone("+79131234568", null, true, null));
        assertOnly(d, "phones multiple-primary");
    }

    @Test
    void atMostTwentyPhones() {
        Draft d = valid();
        d.phones = IntStream.range(0, 21)
                .mapToObj(i -> new Phone(String.format("+791312345%02d", i), null, false, null))
                .collect(Collectors.toList());
        assertOnly(d, "phones too-many");
    }

    @Test
    void phoneLabelIsLimitedTo64Characters() {
        Draft d = valid();
        d.phones = List.of(new Phone("+79131234567", "л".repeat(65), false, null));
        assertOnly(d, "phones[0].label too-long");
    }

    @Test
    void invalidEmailIsReportedOnItsAddress() {
        Draft d = valid();
        d.emails = List.of(new Email("ivan@example.com", null, false, null), new Email("ivan@", null, false, null));
        assertOnly(d, "emails[1].address invalid-email");
    }

    @Test
    void sameEmailInAnotherCaseIsADuplicate() {
        Draft d = valid();
        d.emails = List.of(
                new Email("ivan@example.com", null, false, null), new Email("Ivan@EXAMPLE.com ", null, false, null));
        assertOnly(d, "emails[1].address duplicate");
    }

    @Test
    void atMostOnePrimaryEmail() {
        Draft d = valid();
        d.emails = List.of(new Email("a@example.com", null, true, null), new Email("b@example.com", null, true, null));
        assertOnly(d, "emails multiple-primary");
    }

    @Test
    void atMostTwentyEmails() {
        Draft d = valid();
        d.emails = IntStream.range(0, 21)
                .mapToObj(i -> new Email("u" + i + "@example.com", null, false, null))
                .collect(Collectors.toList());
        assertOnly(d, "emails too-many");
    }

    @Test
    void telegramUsernameFollowsTelegramRules() {
        Draft d = valid();
        for (String ok : List.of("ivan_p", "@Ivan_Petrov_1985", "a" + "b".repeat(31))) {
            d.telegramUsername = ok;
            assertOnly(d);
        }
        for (String bad : List.of("ivan", "1ivan_p", "иван_петров", "ivan-petrov", "a" + "b".repeat(32), "@@ivan_p")) {
            d.telegramUsername = bad;
            assertOnly(d, "telegramUsername invalid");
        }
    }

    @Test
    void addressNeedsLocalityOrStreet() {
        Draft d = valid();
        d.addresses = List.of(
                new Address(null, "630000", "RU", "Новосибирская обл.", null, null, "1", null, false, null),
                new Address(null, null, null, null, null, "ул. Ленина", null, null, false, null));
        assertOnly(d, "addresses[0] incomplete");
    }

    @Test
    void addressCountryIsTwoLetters() {
        Draft d = valid();
        d.addresses = List.of(
                new Address(null, null, "RUS", null, "Москва", null, null, null, false, null),
                new Address(null, null, "ua", null, "Київ", null, null, null, false, null));
        assertOnly(d, "addresses[0].country invalid");
    }

    @Test
    void atMostOnePrimaryAddress() {
        Draft d = valid();
        d.addresses = List.of(
                new Address(null, null, null, null, "Москва", null, null, null, true, null),
                new Address(null, null, null, null, "Київ", null, null, null, true, null));
        assertOnly(d, "addresses multiple-primary");
    }

    @Test
    void oneConsentPerChannel() {
        Draft d = valid();
        d.consents = List.of(
                new Consent(ContactChannel.SMS, true, null, null, null),
                new Consent(ContactChannel.SMS, false, null, null, null));
        assertOnly(d, "consents[1].channel duplicate");
    }

    @Test
    void consentNeedsAChannel() {
        Draft d = valid();
        d.consents = List.of(new Consent(null, true, null, null, null));
        assertOnly(d, "consents[0].channel required");
    }

    @Test
    void consentMayBeRecordedWithinFiveMinutesOfClockSkew() {
        Draft d = valid();
        d.consents = List.of(new Consent(ContactChannel.SMS, true, null, null, NOW.plus(Duration.ofMinutes(5))));
        assertOnly(d);
        d.consents = List.of(new Consent(ContactChannel.SMS, true, null, null, NOW.plus(Duration.ofMinutes(6))));
        assertOnly(d, "consents[0].recordedAt in-future");
    }

    @Test
    void consentSourceAndEvidenceHaveLimits() {
        Draft d = valid();
        d.consents = List.of(new Consent(ContactChannel.SMS, true, "s".repeat(201), "e".repeat(2001), null));
        assertOnly(d, "consents[0].source too-long", "consents[0].evidence too-long");
        d.consents = List.of(new Consent(ContactChannel.SMS, true, "s".repeat(200), "e".repeat(2000), null));
        assertOnly(d);
    }

    @Test
    void allErrorsAreReportedTogether() {
        Draft d = valid();
        d.orgUnitId = null;
        d.supportLevel = 9;
        d.birthDate = TODAY.plusYears(1);
        d.telegramUsername = "x";
        d.phones = List.of(new Phone("nope", null, false, null));
        d.emails = List.of(new Email("nope", null, false, null));
        assertOnly(
                d,
                "orgUnitId required",
                "birthDate out-of-range",
                "supportLevel range",
                "phones[0].number invalid-phone",
                "emails[0].address invalid-email",
                "telegramUsername invalid");
    }

    @Test
    void nullCollectionsMeanEmpty() {
        Draft d = valid();
        d.positions = null;
        d.tags = null;
        d.skills = null;
        d.phones = null;
        d.emails = null;
        d.addresses = null;
        d.consents = null;
        d.doNotContact = null;
        d.customAttributes = null;
        assertOnly(d);
    }

    @Test
    void nullEntriesAreReportedNotThrown() {
        Draft d = valid();
        d.phones = Collections.singletonList(null);
        d.emails = Collections.singletonList(null);
        d.addresses = Collections.singletonList(null);
        d.consents = Collections.singletonList(null);
        Set<ContactChannel> channels = new HashSet<>();
        channels.add(null);
        d.doNotContact = channels;
        assertOnly(
                d,
                "phones[0] required",
                "emails[0] required",
                "addresses[0] required",
                "consents[0] required",
                "doNotContact invalid");
    }

    /** Mutable stand-in for the 22-argument record, so each test states only what it changes. */
    private static final class Draft {
        String orgUnitId;
        String givenName;
        String patronymic;
        String familyName;
        LocalDate birthDate;
        Gender gender;
        Language preferredLanguage;
        MemberStatus status;
        String membershipNumber;
        LocalDate joinedOn;
        LocalDate leftOn;
        Integer supportLevel;
        List<Position> positions;
        Set<String> tags;
        Set<String> skills;
        List<Phone> phones;
        List<Email> emails;
        String telegramUsername;
        List<Address> addresses;
        List<Consent> consents;
        Set<ContactChannel> doNotContact;
        Map<String, Object> customAttributes;

        MemberDraft build() {
            return new MemberDraft(
                    orgUnitId,
                    givenName,
                    patronymic,
                    familyName,
                    birthDate,
                    gender,
                    preferredLanguage,
                    status,
                    membershipNumber,
                    joinedOn,
                    leftOn,
                    supportLevel,
                    positions,
                    tags,
                    skills,
                    phones,
                    emails,
                    telegramUsername,
                    addresses,
                    consents,
                    doNotContact,
                    customAttributes);
        }
    }
}
