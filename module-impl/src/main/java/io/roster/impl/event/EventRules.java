package io.roster.impl.event;

import io.roster.api.error.FieldError;
import io.roster.api.event.AttendanceMark;
import io.roster.api.event.AttendanceStatus;
import io.roster.api.event.EventDraft;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Texts;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The rules an event and an attendance sheet must satisfy: field validation, capacity and the counters. */
public final class EventRules {
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 10_000;
    static final int MAX_PLACE_LENGTH = 500;
    static final int MAX_CAPACITY = 100_000;
    static final int MAX_MARKS = 5_000;

    private EventRules() {}

    /** Every reason the draft is invalid, each with its field path; empty when it is valid. */
    public static List<FieldError> validate(EventDraft d) {
        List<FieldError> errors = new ArrayList<>();
        if (d == null) {
            errors.add(new FieldError("", "required", "an event is required"));
            return errors;
        }
        if (d.orgUnitId() == null || d.orgUnitId().isBlank()) {
            errors.add(new FieldError("orgUnitId", "required", "orgUnitId is required"));
        }
        if (d.kind() == null) {
            errors.add(new FieldError("kind", "required", "kind is required"));
        }
        String title = Texts.clean(d.title());
        if (title == null) {
            errors.add(new FieldError("title", "required", "title is required"));
        } else {
            checkLength(errors, "title", title, MAX_TITLE_LENGTH);
            if (hasControl(title, false)) {
                errors.add(new FieldError(
                        "title", "invalid-characters", "Control characters and line breaks are not allowed"));
            }
        }
        String description = Texts.clean(d.description());
        if (description != null) {
            checkLength(errors, "description", description, MAX_DESCRIPTION_LENGTH);
            if (hasControl(description, true)) {
                errors.add(new FieldError(
                        "description",
                        "invalid-characters",
                        "Control characters other than line breaks and tabs" + " are not allowed"));
            }
        }
        String place = Texts.clean(d.place());
        if (place != null) {
            checkLength(errors, "place", place, MAX_PLACE_LENGTH);
            if (hasControl(place, false)) {
                errors.add(new FieldError(
                        "place", "invalid-characters", "Control characters and line breaks are not allowed"));
            }
        }
        if (d.startsAt() == null) {
            errors.add(new FieldError("startsAt", "required", "startsAt is required"));
        } else if (d.endsAt() != null && d.endsAt().isBefore(d.startsAt())) {
            errors.add(new FieldError("endsAt", "before-start", "endsAt cannot be before startsAt"));
        }
        if (d.capacity() != null && (d.capacity() < 1 || d.capacity() > MAX_CAPACITY)) {
            errors.add(
                    new FieldError("capacity", "range", "capacity is 1–" + MAX_CAPACITY + " or absent for no limit"));
        }
        return errors;
    }

    /**
     * The canonical form of a valid draft: text stripped, blank optional text absent, times at the microsecond
     * precision PostgreSQL keeps. Two drafts that mean the same thing are equal in this form.
     */
    public static EventDraft normalize(EventDraft d) {
        return new EventDraft(
                d.orgUnitId().strip(),
                d.kind(),
                Texts.clean(d.title()),
                Texts.clean(d.description()),
                Texts.clean(d.place()),
                d.startsAt().truncatedTo(ChronoUnit.MICROS),
                d.endsAt() == null ? null : d.endsAt().truncatedTo(ChronoUnit.MICROS),
                d.capacity());
    }

    /**
     * Whether a new capacity leaves room for the registrations an event already has.
     *
     * @return the error, or {@code null} when the capacity is fine
     */
    public static FieldError checkCapacity(Integer capacity, int registered) {
        if (capacity != null && capacity < registered) {
            return new FieldError(
                    "capacity",
                    "below-registered",
                    "capacity cannot be below the " + registered + " registrations the event already has");
        }
        return null;
    }

    /**
     * The shape of an attendance sheet, before any lookup: present, not too long.
     *
     * @return the error, or {@code null} when the sheet may be checked line by line
     */
    public static FieldError checkSheet(List<AttendanceMark> marks) {
        if (marks == null || marks.isEmpty()) {
            return new FieldError("marks", "required", "at least one mark is required");
        }
        if (marks.size() > MAX_MARKS) {
            return new FieldError("marks", "too-many", "at most " + MAX_MARKS + " marks per request");
        }
        return null;
    }

    /**
     * Every bad line of an attendance sheet. A member id that is malformed, unknown or outside the caller's scope is
     * reported the same way ({@code unknown-member}), so that the answer never reveals that a member exists.
     *
     * @param visible whether a member id names a member the caller may mark
     */
    public static List<FieldError> checkMarks(List<AttendanceMark> marks, Predicate<UUID> visible) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < marks.size(); i++) {
            AttendanceMark m = marks.get(i);
            String path = "marks[" + i + "]";
            if (m == null) {
                errors.add(new FieldError(path, "required", "a mark is required"));
                continue;
            }
            if (m.memberId() == null || m.memberId().isBlank()) {
                errors.add(new FieldError(path + ".memberId", "required", "memberId is required"));
            } else {
                UUID id = Ids.parse(m.memberId().strip()).orElse(null);
                if (id == null || !visible.test(id)) {
                    errors.add(new FieldError(path + ".memberId", "unknown-member", "no such member in your scope"));
                } else if (!seen.add(id)) {
                    errors.add(new FieldError(
                            path + ".memberId", "duplicate", "a member may be marked only once per request"));
                }
            }
            if (m.status() == null) {
                errors.add(new FieldError(path + ".status", "required", "status is required"));
            }
        }
        return errors;
    }

    /** The member ids of a sheet that may name members, for looking them up. */
    public static Set<UUID> memberIds(List<AttendanceMark> marks) {
        Set<UUID> ids = new HashSet<>();
        for (AttendanceMark m : marks) {
            if (m != null && m.memberId() != null) {
                Ids.parse(m.memberId().strip()).ifPresent(ids::add);
            }
        }
        return ids;
    }

    /** Whether a status takes a place, i.e. counts against the capacity. */
    public static boolean takesPlace(AttendanceStatus s) {
        return s == AttendanceStatus.REGISTERED || s == AttendanceStatus.ATTENDED;
    }

    /** How the counters of an event change when one member's status goes from {@code from} to {@code to}. */
    public static Counts change(AttendanceStatus from, AttendanceStatus to) {
        return new Counts(
                (takesPlace(to) ? 1 : 0) - (takesPlace(from) ? 1 : 0),
                (to == AttendanceStatus.ATTENDED ? 1 : 0) - (from == AttendanceStatus.ATTENDED ? 1 : 0));
    }

    /**
     * Whether a marking breaks the capacity: it adds registrations and there are more than the capacity afterwards.
     * A marking that adds none (a registered member attended, another cancelled) is never refused.
     */
    public static boolean exceedsCapacity(Integer capacity, int registeredBefore, int registeredChange) {
        return capacity != null && registeredChange > 0 && registeredBefore + registeredChange > capacity;
    }

    private static void checkLength(List<FieldError> errors, String path, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            errors.add(new FieldError(path, "too-long", "At most " + max + " characters are allowed"));
        }
    }

    private static boolean hasControl(String value, boolean multiline) {
        return value.codePoints().anyMatch(c -> {
            if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
                return false;
            }
            int type = Character.getType(c);
            return type == Character.CONTROL
                    || (!multiline && (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR));
        });
    }

    /**
     * Counters of an event, or changes to them.
     *
     * @param registered registered or attended
     * @param attended attended
     */
    public record Counts(int registered, int attended) {
        public static final Counts ZERO = new Counts(0, 0);

        public Counts plus(Counts other) {
            return new Counts(registered + other.registered, attended + other.attended);
        }
    }
}
