package io.roster.impl.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.roster.api.error.FieldError;
import io.roster.api.event.AttendanceMark;
import io.roster.api.event.AttendanceStatus;
import io.roster.api.event.EventDraft;
import io.roster.api.event.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventRulesTest {
    private static final Instant START = Instant.parse("2025-09-01T15:00:00Z");
    private static final UUID A = UUID.fromString("01900000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("01900000-0000-7000-8000-00000000000b");

    private static EventDraft valid() {
        return new EventDraft(
                "unit-1",
                EventKind.TRAINING,
                "Школа актива: как говорить с избирателем",
                "Занятие 1.\nРабота с возражениями.",
                "Нижний Новгород, ул. Рождественская, 5",
                START,
                START.plusSeconds(7200),
                30);
    }

    private static String paths(List<FieldError> errors) {
        return errors.stream().map(e -> e.path() + ":" + e.code()).sorted().collect(Collectors.joining(","));
    }

    @Test
    void aCompleteDraftIsValid() {
        assertEquals(List.of(), EventRules.validate(valid()));
    }

    @Test
    void everyBrokenFieldIsReportedAtOnceWithItsPath() {
        EventDraft d = new EventDraft(null, null, "  ", null, null, null, START, 0);
        assertEquals(
                "capacity:range,kind:required,orgUnitId:required,startsAt:required,title:required",
                paths(EventRules.validate(d)));
    }

    @Test
    void textLimitsCountCharactersNotBytes() {
        String title200 = "ж".repeat(200);
        EventDraft ok =
                new EventDraft("u", EventKind.EVENT, title200, "ё".repeat(10_000), "ї".repeat(500), START, null, null);
        assertEquals(List.of(), EventRules.validate(ok));
        EventDraft tooLong = new EventDraft(
                "u", EventKind.EVENT, title200 + "ж", "ё".repeat(10_001), "ї".repeat(501), START, null, null);
        assertEquals("description:too-long,place:too-long,title:too-long", paths(EventRules.validate(tooLong)));
    }

    @Test
    void aTitleIsOneLineWhileADescriptionMayHaveLineBreaks() {
        EventDraft d = new EventDraft(
                "u", EventKind.EVENT, "Митинг\nв центре", "строка 1\r\n\tстрока 2", "зал\u0000", START, null, null);
        assertEquals("place:invalid-characters,title:invalid-characters", paths(EventRules.validate(d)));
        EventDraft nul = new EventDraft("u", EventKind.EVENT, "Митинг", "нуль\u0000", null, START, null, null);
        assertEquals("description:invalid-characters", paths(EventRules.validate(nul)));
    }

    @Test
    void anEventCannotEndBeforeItStarts() {
        EventDraft d = new EventDraft("u", EventKind.EVENT, "Собрание", null, null, START, START.minusSeconds(1), null);
        assertEquals("endsAt:before-start", paths(EventRules.validate(d)));
        EventDraft instant = new EventDraft("u", EventKind.EVENT, "Собрание", null, null, START, START, null);
        assertEquals(List.of(), EventRules.validate(instant));
    }

    @Test
    void capacityIsAbsentOrOneToOneHundredThousand() {
        for (Integer ok : Arrays.asList(null, 1, 100_000)) {
            assertEquals(List.of(), EventRules.validate(withCapacity(ok)), String.valueOf(ok));
        }
        for (int bad : new int[] {0, -5, 100_001}) {
            assertEquals("capacity:range", paths(EventRules.validate(withCapacity(bad))), String.valueOf(bad));
        }
    }

    @Test
    void normalizingStripsTextDropsBlanksAndTruncatesToMicroseconds() {
        EventDraft d = new EventDraft(
                " unit-1 ",
                EventKind.EVENT,
                "  Собрание  ",
                "   ",
                " Зал ",
                Instant.parse("2025-09-01T15:00:00.123456789Z"),
                null,
                null);
        EventDraft n = EventRules.normalize(d);
        assertEquals("unit-1", n.orgUnitId());
        assertEquals("Собрание", n.title());
        assertNull(n.description());
        assertEquals("Зал", n.place());
        assertEquals(Instant.parse("2025-09-01T15:00:00.123456Z"), n.startsAt());
        assertEquals(n, EventRules.normalize(n));
    }

    @Test
    void capacityCannotDropBelowTheRegistrations() {
        assertNull(EventRules.checkCapacity(null, 500));
        assertNull(EventRules.checkCapacity(10, 10));
        assertEquals("below-registered", EventRules.checkCapacity(9, 10).code());
    }

    @Test
    void aSheetHasOneToFiveThousandLines() {
        assertEquals("marks", EventRules.checkSheet(null).path());
        assertEquals("required", EventRules.checkSheet(List.of()).code());
        List<AttendanceMark> full = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            full.add(new AttendanceMark(UUID.randomUUID().toString(), AttendanceStatus.REGISTERED));
        }
        assertNull(EventRules.checkSheet(full));
        full.add(new AttendanceMark(A.toString(), AttendanceStatus.REGISTERED));
        assertEquals("too-many", EventRules.checkSheet(full).code());
    }

    @Test
    void badLinesAreNamedByIndexAndUnknownLooksLikeOutOfScope() {
        Set<UUID> visible = Set.of(A, B);
        List<AttendanceMark> marks = Arrays.asList(
                new AttendanceMark(A.toString(), AttendanceStatus.ATTENDED),
                new AttendanceMark("not-a-uuid", AttendanceStatus.ATTENDED),
                new AttendanceMark(UUID.randomUUID().toString(), AttendanceStatus.REGISTERED),
                new AttendanceMark(A.toString(), AttendanceStatus.NO_SHOW),
                new AttendanceMark(B.toString(), null),
                new AttendanceMark(null, AttendanceStatus.REGISTERED),
                null);
        assertEquals(
                "marks[1].memberId:unknown-member,marks[2].memberId:unknown-member,marks[3].memberId:duplicate,"
                        + "marks[4].status:required,marks[5].memberId:required,marks[6]:required",
                paths(EventRules.checkMarks(marks, visible::contains)));
    }

    @Test
    void aMalformedIdIsNeverLookedUp() {
        @SuppressWarnings("unchecked")
        Predicate<UUID> visible = mock(Predicate.class);
        when(visible.test(any())).thenReturn(true);
        List<FieldError> errors =
                EventRules.checkMarks(List.of(new AttendanceMark("0190-nope", AttendanceStatus.ATTENDED)), visible);
        assertEquals("marks[0].memberId:unknown-member", paths(errors));
        verify(visible, never()).test(any());
        assertEquals(
                Set.of(A),
                EventRules.memberIds(Arrays.asList(
                        new AttendanceMark(" " + A + " ", AttendanceStatus.ATTENDED),
                        new AttendanceMark("x", AttendanceStatus.ATTENDED),
                        null)));
    }

    @Test
    void countersFollowEachChangeOfStatus() {
        assertEquals(new EventRules.Counts(1, 0), EventRules.change(null, AttendanceStatus.REGISTERED));
        assertEquals(new EventRules.Counts(1, 1), EventRules.change(null, AttendanceStatus.ATTENDED));
        assertEquals(
                new EventRules.Counts(0, 1), EventRules.change(AttendanceStatus.REGISTERED, AttendanceStatus.ATTENDED));
        assertEquals(
                new EventRules.Counts(-1, -1), EventRules.change(AttendanceStatus.ATTENDED, AttendanceStatus.NO_SHOW));
        assertEquals(
                new EventRules.Counts(-1, 0),
                EventRules.change(AttendanceStatus.REGISTERED, AttendanceStatus.CANCELLED));
        assertEquals(
                new EventRules.Counts(1, 0),
                EventRules.change(AttendanceStatus.CANCELLED, AttendanceStatus.REGISTERED));
        assertEquals(EventRules.Counts.ZERO, EventRules.change(null, AttendanceStatus.NO_SHOW));
        assertEquals(
                new EventRules.Counts(2, 1),
                EventRules.change(null, AttendanceStatus.ATTENDED)
                        .plus(EventRules.change(null, AttendanceStatus.REGISTERED)));
    }

    @Test
    void onlyAMarkingThatAddsRegistrationsCanBreakTheCapacity() {
        assertFalse(EventRules.exceedsCapacity(null, 1_000, 5_000));
        assertFalse(EventRules.exceedsCapacity(10, 7, 3));
        assertTrue(EventRules.exceedsCapacity(10, 7, 4));
        assertTrue(EventRules.exceedsCapacity(10, 10, 1));
        assertFalse(EventRules.exceedsCapacity(10, 12, 0), "already over after a correction: not refused");
        assertFalse(EventRules.exceedsCapacity(10, 12, -1));
    }

    private static EventDraft withCapacity(Integer capacity) {
        EventDraft v = valid();
        return new EventDraft(
                v.orgUnitId(), v.kind(), v.title(), v.description(), v.place(), v.startsAt(), v.endsAt(), capacity);
    }
}
