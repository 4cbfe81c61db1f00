package io.roster.api.event;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Events and trainings, with registrations and attendance. Reading needs {@code MEMBER_READ}; creating events and
 * marking attendance need {@code EVENT_WRITE}. Events and members outside the caller's scope are not found.
 */
public interface EventService {

    /** @throws io.roster.api.error.ValidationException with a path for every invalid field */
    Event create(EventDraft draft);

    /** @throws io.roster.api.error.NotFoundException when unknown or outside scope */
    Event get(String id);

    /** @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current */
    Event update(String id, Long expectedVersion, UnaryOperator<EventDraft> changes);

    /** Events in scope by start time, earliest first. */
    Page<Event> list(EventQuery query);

    /**
     * Marks registrations and attendance for many members at once, in one transaction: all or nothing. Each mark
     * appears on the member's timeline; attending counts as a contact.
     *
     * @param marks at most 5,000; a member at most once
     * @return the attendance of each marked member, in the order given
     * @throws io.roster.api.error.ValidationException naming each bad line as {@code marks[i].memberId} or
     *     {@code marks[i].status}
     * @throws io.roster.api.error.ConflictException when registrations would exceed the capacity
     *     ({@code event-capacity-reached})
     */
    List<Attendance> mark(String eventId, List<AttendanceMark> marks);

    /** The attendance sheet of an event, by member id. */
    Page<Attendance> attendance(String eventId, PageRequest page);
}
