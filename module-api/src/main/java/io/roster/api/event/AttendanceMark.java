package io.roster.api.event;

/**
 * One line of an attendance sheet.
 *
 * @param memberId the member
 * @param status the new status
 */
public record AttendanceMark(String memberId, AttendanceStatus status) {}
