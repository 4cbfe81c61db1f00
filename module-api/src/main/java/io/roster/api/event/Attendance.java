package io.roster.api.event;

import java.time.Instant;

/**
 * A member's registration or attendance at an event.
 *
 * @param eventId the event
 * @param memberId the member
 * @param status where they stand
 * @param updatedAt when it last changed
 * @param updatedBy id of the caller who changed it
 */
public record Attendance(
        String eventId, String memberId, AttendanceStatus status, Instant updatedAt, String updatedBy) {}
