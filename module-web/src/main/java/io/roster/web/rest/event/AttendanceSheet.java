package io.roster.web.rest.event;

import io.roster.api.event.AttendanceMark;
import java.util.List;

/**
 * The body of a marking: one line per member.
 *
 * @param marks at most 5,000 lines, a member at most once
 */
public record AttendanceSheet(List<AttendanceMark> marks) {}
