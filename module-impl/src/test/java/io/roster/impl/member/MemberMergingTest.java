package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.common.Language;
import io.roster.api.member.Address;
import io.roster.api.member.AttributeConflictRule;
import io.roster.api.member.Consent;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.ContactPointStatus;
import io.roster.api.member.Email;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.Phone;
import io.roster.api.member.Position;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberMergingTest {
    static final Instant EARLY = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant LATE = Instant.parse("2025-06-01T00:00:00Z");

    static MemberDraft draft(
            String given,
            String patronymic,
            LocalDate birth,
            List<Phone> phones,
            List<Email> emails,
            Set<String> tags,
            List<Consent> consents,
            Set<ContactChannel> dnc,
            Map<String, Object> attrs) {
        return new MemberDraft(
                "unit",
                given,
                patronymic,
                "Сутягин",
                birth,
                null,
                Language.RU,
                MemberStatus.MEMBER,
                null,
                null,
                null,
                null,
                List.of(new Position("Секретарь", null, null, null)),
                tags,
                Set.of(),
                phones,
                emails,
                null,
                List.of(new Address(
                        null, null, "RU", null, "Омск", "ул. Ленина", "1", null, true, ContactPointStatus.ACTIVE)),
                consents,
                dnc,
                attrs);
    }

    static Phone phone(String n, boolean primary) {
        return new Phone(n, null, primary, ContactPointStatus.ACTIVE);
    }

    static Email email(String a, boolean primary) {
        return new Email(a, null, primary, ContactPointStatus.ACTIVE);
    }

    @Test
    void contactPointsAreUnitedWithoutDuplicatesAndTheTargetKeepsItsPrimary() {
        MemberDraft target = draft(
                "Иван",
                null,
                null,
                List.of(phone("+79131111111", true)),
                List.of(email("ivan@example.org", true)),
                Set.of("агитатор"),
                List.of(),
                Set.of(),
                Map.of());
        MemberDraft source = draft(
                "Иван",
                "Петрович",
                LocalDate.of(1980, 1, 2),
                List.of(phone("+79131111111", true), phone("+79132222222", true)),
                List.of(email("IVAN@example.org", true), email("other@example.org", true)),
                Set.of("донор"),
                List.of(),
                Set.of(),
                Map.of());
        MemberDraft merged = MemberMerging.merge(target, source, AttributeConflictRule.KEEP_TARGET);
        assertEquals(
                List.of("+79131111111", "+79132222222"),
                merged.phones().stream().map(Phone::number).toList());
        assertEquals(1, merged.phones().stream().filter(Phone::primary).count());
        assertTrue(merged.phones().get(0).primary());
        assertEquals(
                List.of("ivan@example.org", "other@example.org"),
                merged.emails().stream().map(Email::address).toList());
        assertEquals(1, merged.emails().stream().filter(Email::primary).count());
        assertEquals(1, merged.addresses().size(), "the same address is not repeated");
        assertEquals(1, merged.positions().size(), "the same position is not repeated");
        assertEquals(Set.of("агитатор", "донор"), merged.tags());
    }

    @Test
    void emptyTargetFieldsAreFilledFromTheSource() {
        MemberDraft target = draft("Иван", null, null, List.of(), List.of(), Set.of(), List.of(), Set.of(), Map.of());
        MemberDraft source = draft(
                "Ваня",
                "Петрович",
                LocalDate.of(1980, 1, 2),
                List.of(),
                List.of(),
                Set.of(),
                List.of(),
                Set.of(),
                Map.of());
        MemberDraft merged = MemberMerging.merge(target, source, AttributeConflictRule.KEEP_TARGET);
        assertEquals("Иван", merged.givenName(), "the target's value wins where both have one");
        assertEquals("Петрович", merged.patronymic());
        assertEquals(LocalDate.of(1980, 1, 2), merged.birthDate());
    }

    @Test
    void theLaterConsentWinsAndAWithdrawalWinsATie() {
        MemberDraft target = draft(
                "Иван",
                null,
                null,
                List.of(),
                List.of(),
                Set.of(),
                List.of(
                        new Consent(ContactChannel.EMAIL, true, "form", null, EARLY),
                        new Consent(ContactChannel.SMS, true, "form", null, LATE)),
                Set.of(),
                Map.of());
        MemberDraft source = draft(
                "Иван",
                null,
                null,
                List.of(),
                List.of(),
                Set.of(),
                List.of(
                        new Consent(ContactChannel.EMAIL, false, "call", "отказ", LATE),
                        new Consent(ContactChannel.SMS, false, "call", null, LATE),
                        new Consent(ContactChannel.TELEGRAM, true, "bot", null, EARLY)),
                Set.of(),
                Map.of());
        Map<ContactChannel, Boolean> granted = new java.util.EnumMap<>(ContactChannel.class);
        MemberMerging.merge(target, source, AttributeConflictRule.KEEP_TARGET)
                .consents()
                .forEach(c -> granted.put(c.channel(), c.granted()));
        assertFalse(granted.get(ContactChannel.EMAIL), "the later withdrawal wins");
        assertFalse(granted.get(ContactChannel.SMS), "on a tie, the withdrawal wins");
        assertTrue(granted.get(ContactChannel.TELEGRAM), "a consent only the source has is kept");
    }

    @Test
    void doNotContactFlagsAreNeverLost() {
        MemberDraft target = draft(
                "Иван", null, null, List.of(), List.of(), Set.of(), List.of(), Set.of(ContactChannel.PHONE), Map.of());
        MemberDraft source = draft(
                "Иван", null, null, List.of(), List.of(), Set.of(), List.of(), Set.of(ContactChannel.VISIT), Map.of());
        assertEquals(
                Set.of(ContactChannel.PHONE, ContactChannel.VISIT),
                MemberMerging.merge(target, source, AttributeConflictRule.KEEP_TARGET)
                        .doNotContact());
    }

    @Test
    void attributeConflictsFollowTheRule() {
        MemberDraft target = draft(
                "Иван",
                null,
                null,
                List.of(),
                List.of(),
                Set.of(),
                List.of(),
                Set.of(),
                Map.of("shirt", "M", "onlyTarget", 1));
        MemberDraft source = draft(
                "Иван",
                null,
                null,
                List.of(),
                List.of(),
                Set.of(),
                List.of(),
                Set.of(),
                Map.of("shirt", "L", "onlySource", true));
        assertEquals(
                Map.of("shirt", "M", "onlyTarget", 1, "onlySource", true),
                MemberMerging.merge(target, source, AttributeConflictRule.KEEP_TARGET)
                        .customAttributes());
        assertEquals(
                Map.of("shirt", "L", "onlyTarget", 1, "onlySource", true),
                MemberMerging.merge(target, source, AttributeConflictRule.PREFER_SOURCE)
                        .customAttributes());
    }
}
