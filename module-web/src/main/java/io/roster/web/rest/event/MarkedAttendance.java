package io.roster.web.rest.event;

import io.roster.api.event.Attendance;
import java.util.List;

/**
 * The answer to a marking.
 *
 * @param items the attendance of each marked member, in the order of the sheet
 */
public record MarkedAttendance(List<Attendance> items) {}
