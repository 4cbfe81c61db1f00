package io.roster.impl.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.Outcome;
import io.roster.api.member.Address;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.ContactPointStatus;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberStatus;
import io.roster.api.member.Phone;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeConsequencesTest {
    private static final String MOBILE = "+79131234567";
    private static final String HOME = "+74951234567";
    private static final String WORK = "+78312345678";

    private static MemberDraft member(List<Phone> phones) {
        return MemberDraft.of("00000000-0000-7000-8000-000000000001", "Ирина", "Петровна", "Сутягина").toBuilder()
                .status(MemberStatus.SUPPORTER)
                .phones(phones)
                .build();
    }

    private static Phone phone(String number, boolean primary) {
        return new Phone(number, null, primary, ContactPointStatus.ACTIVE);
    }

    private static Address address(String street, ContactPointStatus status) {
        return new Address(
                "дом", "603000", "RU", "Нижегородская область", "Нижний Новгород", street, "5", "12", false, status);
    }

    private static List<ContactPointStatus> phoneStatuses(MemberDraft m) {
        return m.phones().stream().map(Phone::status).toList();
    }

    // ---- WRONG_NUMBER ---------------------------------------------------------------------------------------------

    @Test
    void wrongNumberMarksTheGivenPhoneBadAndLeavesTheOthers() {
        MemberDraft m = member(List.of(phone(MOBILE, true), phone(HOME, false), phone(WORK, false)));
        MemberDraft out = OutcomeConsequences.apply(m, Outcome.WRONG_NUMBER, InteractionChannel.PHONE, HOME, false);
        assertEquals(
                List.of(ContactPointStatus.ACTIVE, ContactPointStatus.BAD, ContactPointStatus.ACTIVE),
                phoneStatuses(out));
        assertEquals(
                List.of(MOBILE, HOME, WORK),
                out.phones().stream().map(Phone::number).toList());
        assertEquals(
                List.of(true, false, false),
                out.phones().stream().map(Phone::primary).toList());
        assertEquals(m.status(), out.status());
    }

    @Test
    void wrongNumberWithoutAPhoneMarksThePrimaryBad() {
        MemberDraft m = member(List.of(phone(HOME, false), phone(MOBILE, true)));
        MemberDraft out = OutcomeConsequences.apply(m, Outcome.WRONG_NUMBER, InteractionChannel.PHONE, null, false);
        assertEquals(List.of(ContactPointStatus.ACTIVE, ContactPointStatus.BAD), phoneStatuses(out));
    }

    @Test
    void wrongNumberWithoutAPhoneMarksTheOnlyPhoneBadEvenIfNotPrimary() {
        MemberDraft m = member(List.of(phone(HOME, false)));
        MemberDraft out = OutcomeConsequences.apply(m, Outcome.WRONG_NUMBER, InteractionChannel.SMS, null, false);
        assertEquals(List.of(ContactPointStatus.BAD), phoneStatuses(out));
    }

    @Test
    void wrongNumberWithoutAPhoneAndNoPrimaryAmongSeveralChangesNothing() {
        MemberDraft m = member(List.of(phone(HOME, false), phone(WORK, false)));
        assertSame(m, OutcomeConsequences.apply(m, Outcome.WRONG_NUMBER, InteractionChannel.PHONE, null, false));
    }

    @Test
    void wrongNumberWithAnUnknownNumberChangesNothing() {
        MemberDraft m = member(List.of(phone(MOBILE, true), phone(HOME, false)));
        assertSame(m, OutcomeConsequences.apply(m, Outcome.WRONG_NUMBER, InteractionChannel.PHONE, WORK, false));
    }

    @Test
    void wrongNumberForAMemberWithoutPhonesChangesNothing() {
        MemberDraft none = member(null);
        assertSame(none, OutcomeConsequences.apply(none, Outcome.WRONG_NUMBER, InteractionChannel.PHONE, null, false));
        MemberDraft empty = member(List.of());
        assertSame(
                empty, OutcomeConsequences.apply(empty, Outcome.WRONG_NUMBER, InteractionChannel.PHONE, MOBILE, false));
    }

    @Test
    void wrongNumberOnAPhoneAlreadyBadChangesNothing() {
        MemberDraft m = member(List.of(new Phone(MOBILE, null, true, ContactPointStatus.BAD)));
        assertSame(m, OutcomeConsequences.apply(m, Outcome.WRONG_NUMBER, InteractionChannel.PHONE, MOBILE, false));
    }

    // ---- MOVED ----------------------------------------------------------------------------------------------------

    @Test
    void movedMarksActiveAddressesStaleAndKeepsBadOnes() {
        MemberDraft m = member(List.of(phone(MOBILE, true))).toBuilder()
                .addresses(List.of(
                        address("ул. Рождественская", ContactPointStatus.ACTIVE),
                        address("ул. Большая Покровская", null),
                        address("ул. Ильинская", ContactPointStatus.BAD)))
                .build();
        MemberDraft out = OutcomeConsequences.apply(m, Outcome.MOVED, InteractionChannel.VISIT, null, false);
        assertEquals(
                List.of(ContactPointStatus.STALE, ContactPointStatus.STALE, ContactPointStatus.BAD),
                out.addresses().stream().map(Address::status).toList());
        assertEquals(
                List.of("ул. Рождественская", "ул. Большая Покровская", "ул. Ильинская"),
                out.addresses().stream().map(Address::street).toList());
        assertEquals(m.phones(), out.phones(), "a move does not touch phones");
    }

    @Test
    void movedWithoutActiveAddressesChangesNothing() {
        MemberDraft m = member(List.of()).toBuilder()
                .addresses(List.of(address("ул. Ильинская", ContactPointStatus.STALE)))
                .build();
        assertSame(m, OutcomeConsequences.apply(m, Outcome.MOVED, InteractionChannel.VISIT, null, false));
        MemberDraft none = member(null);
        assertSame(none, OutcomeConsequences.apply(none, Outcome.MOVED, InteractionChannel.VISIT, null, false));
    }

    // ---- DECEASED -------------------------------------------------------------------------------------------------

    @Test
    void deceasedSetsTheStatusAndStopsEveryChannel() {
        MemberDraft m = member(List.of(phone(MOBILE, true))).toBuilder()
                .doNotContact(Set.of(ContactChannel.SMS))
                .build();
        MemberDraft out = OutcomeConsequences.apply(m, Outcome.DECEASED, InteractionChannel.PHONE, MOBILE, false);
        assertEquals(MemberStatus.DECEASED, out.status());
        assertEquals(EnumSet.allOf(ContactChannel.class), out.doNotContact());
        assertEquals(m.phones(), out.phones(), "a death does not mark the phone");
    }

    @Test
    void deceasedTwiceChangesNothingTheSecondTime() {
        MemberDraft m = member(List.of()).toBuilder()
                .status(MemberStatus.DECEASED)
                .doNotContact(EnumSet.allOf(ContactChannel.class))
                .build();
        assertSame(m, OutcomeConsequences.apply(m, Outcome.DECEASED, InteractionChannel.VISIT, null, false));
    }

    // ---- REFUSED --------------------------------------------------------------------------------------------------

    @Test
    void refusedWithDoNotContactStopsTheChannelOfTheInteraction() {
        MemberDraft m = member(List.of(phone(MOBILE, true))).toBuilder()
                .doNotContact(Set.of(ContactChannel.EMAIL))
                .build();
        MemberDraft out = OutcomeConsequences.apply(m, Outcome.REFUSED, InteractionChannel.PHONE, MOBILE, true);
        assertEquals(EnumSet.of(ContactChannel.EMAIL, ContactChannel.PHONE), out.doNotContact());
        assertEquals(m.status(), out.status());
        assertEquals(m.phones(), out.phones());

        MemberDraft none = member(null);
        assertEquals(
                EnumSet.of(ContactChannel.TELEGRAM),
                OutcomeConsequences.apply(none, Outcome.REFUSED, InteractionChannel.TELEGRAM, null, true)
                        .doNotContact());
    }

    @Test
    void refusedWithDoNotContactInPersonHasNoChannelToStop() {
        MemberDraft m = member(List.of(phone(MOBILE, true)));
        assertSame(m, OutcomeConsequences.apply(m, Outcome.REFUSED, InteractionChannel.IN_PERSON, null, true));
        assertSame(m, OutcomeConsequences.apply(m, Outcome.REFUSED, InteractionChannel.OTHER, null, true));
    }

    @Test
    void refusedWithoutDoNotContactChangesNothing() {
        MemberDraft m = member(List.of(phone(MOBILE, true)));
        assertSame(m, OutcomeConsequences.apply(m, Outcome.REFUSED, InteractionChannel.PHONE, MOBILE, false));
    }

    @Test
    void refusedOnAChannelAlreadyStoppedChangesNothing() {
        MemberDraft m = member(List.of()).toBuilder()
                .doNotContact(Set.of(ContactChannel.PHONE))
                .build();
        assertSame(m, OutcomeConsequences.apply(m, Outcome.REFUSED, InteractionChannel.PHONE, null, true));
    }

    // ---- the rest -------------------------------------------------------------------------------------------------

    @Test
    void otherOutcomesAndNoOutcomeReturnTheSameInstance() {
        MemberDraft m = member(List.of(phone(MOBILE, true))).toBuilder()
                .addresses(List.of(address("ул. Рождественская", ContactPointStatus.ACTIVE)))
                .build();
        for (Outcome o :
                List.of(Outcome.REACHED, Outcome.LEFT_MESSAGE, Outcome.NOT_HOME, Outcome.INACCESSIBLE, Outcome.OTHER)) {
            assertSame(m, OutcomeConsequences.apply(m, o, InteractionChannel.PHONE, MOBILE, true), o.name());
        }
        assertSame(m, OutcomeConsequences.apply(m, null, InteractionChannel.PHONE, MOBILE, true));
    }
}
