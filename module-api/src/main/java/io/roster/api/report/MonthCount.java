package io.roster.api.report;

import java.time.LocalDate;

/**
 * Members counted in one calendar month (UTC).
 *
 * @param month the first day of the month
 * @param created profiles created in the month
 * @param joined members whose membership began ({@code joinedOn}) in the month
 */
public record MonthCount(LocalDate month, long created, long joined) {}
