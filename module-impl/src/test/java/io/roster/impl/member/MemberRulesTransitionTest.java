package io.roster.impl.member;

import static io.roster.api.member.MemberStatus.DECEASED;
import static io.roster.api.member.MemberStatus.LEFT;
import static io.roster.api.member.MemberStatus.MEMBER;
import static io.roster.api.member.MemberStatus.PROSPECT;
import static io.roster.api.member.MemberStatus.SUPPORTER;
import static io.roster.api.member.MemberStatus.SUSPENDED;
import static io.roster.api.member.MemberStatus.VOLUNTEER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.error.FieldError;
import io.roster.api.error.ValidationException;
import io.roster.api.member.MemberStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemberRulesTransitionTest {

    /** The whole table, so that any rule added or removed by accident shows up here. */
    private static final Map<MemberStatus, Set<MemberStatus>> ALLOWED = Map.of(
            PROSPECT, EnumSet.of(PROSPECT, SUPPORTER, VOLUNTEER, MEMBER, LEFT, DECEASED),
            SUPPORTER, EnumSet.of(PROSPECT, SUPPORTER, VOLUNTEER, MEMBER, LEFT, DECEASED),
            VOLUNTEER, EnumSet.of(PROSPECT, SUPPORTER, VOLUNTEER, MEMBER, LEFT, DECEASED),
            MEMBER, EnumSet.of(MEMBER, SUSPENDED, LEFT, VOLUNTEER, SUPPORTER, DECEASED),
            SUSPENDED, EnumSet.of(SUSPENDED, MEMBER, LEFT, DECEASED),
            LEFT, EnumSet.of(LEFT, PROSPECT, SUPPORTER, VOLUNTEER, MEMBER, DECEASED),
            // a death is recorded from any status, and a mistaken one corrected to any
            DECEASED, EnumSet.allOf(MemberStatus.class));

    @Test
    void everyPairFollowsTheTransitionTable() {
        for (MemberStatus from : MemberStatus.values()) {
            for (MemberStatus to : MemberStatus.values()) {
                assertEquals(ALLOWED.get(from).contains(to), MemberRules.isAllowed(from, to), from + " -> " + to);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MemberStatus.class)
    void stayingInTheSameStatusIsAllowed(MemberStatus status) {
        assertTrue(MemberRules.isAllowed(status, status));
        assertDoesNotThrow(() -> MemberRules.checkTransition(status, status));
    }

    @Test
    void onlyMembersCanBeSuspended() {
        assertAll(
                () -> assertFalse(MemberRules.isAllowed(PROSPECT, SUSPENDED)),
                () -> assertFalse(MemberRules.isAllowed(SUPPORTER, SUSPENDED)),
                () -> assertFalse(MemberRules.isAllowed(VOLUNTEER, SUSPENDED)),
                () -> assertFalse(MemberRules.isAllowed(LEFT, SUSPENDED)),
                () -> assertTrue(MemberRules.isAllowed(MEMBER, SUSPENDED)));
    }

    @Test
    void suspensionEndsOnlyInReinstatementOrLeaving() {
        assertAll(
                () -> assertTrue(MemberRules.isAllowed(SUSPENDED, MEMBER)),
                () -> assertTrue(MemberRules.isAllowed(SUSPENDED, LEFT)),
                () -> assertFalse(MemberRules.isAllowed(SUSPENDED, SUPPORTER)),
                () -> assertFalse(MemberRules.isAllowed(SUSPENDED, VOLUNTEER)),
                () -> assertFalse(MemberRules.isAllowed(SUSPENDED, PROSPECT)));
    }

    @Test
    void peopleWhoLeftMayRejoin() {
        assertTrue(MemberRules.isAllowed(LEFT, MEMBER));
        assertTrue(MemberRules.isAllowed(LEFT, PROSPECT));
    }

    @Test
    void memberCannotGoBackToProspect() {
        assertFalse(MemberRules.isAllowed(MEMBER, PROSPECT));
    }

    @Test
    void refusedTransitionThrowsAValidationErrorOnStatus() {
        ValidationException e =
                assertThrows(ValidationException.class, () -> MemberRules.checkTransition(PROSPECT, SUSPENDED));
        assertEquals(1, e.errors().size());
        FieldError error = e.errors().get(0);
        assertEquals("status", error.path());
        assertEquals("status-transition", error.code());
        assertEquals("validation", e.code());
    }

    @Test
    void newProfileMayStartInAnyStatus() {
        for (MemberStatus to : MemberStatus.values()) {
            assertTrue(MemberRules.isAllowed(null, to));
        }
    }

    @Test
    void missingTargetStatusIsRefused() {
        assertFalse(MemberRules.isAllowed(MEMBER, null));
        assertThrows(ValidationException.class, () -> MemberRules.checkTransition(MEMBER, null));
    }

    @Test
    void telegramUsernameLosesItsAtSign() {
        assertEquals("ivan_petrov", MemberRules.normalizeTelegram("@ivan_petrov"));
        assertEquals("ivan_petrov", MemberRules.normalizeTelegram(" ivan_petrov "));
    }

    @Test
    void blankTelegramUsernameIsNull() {
        assertEquals(null, MemberRules.normalizeTelegram(null));
        assertEquals(null, MemberRules.normalizeTelegram("  "));
    }
}
