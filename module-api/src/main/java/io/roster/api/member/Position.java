package io.roster.api.member;

import java.time.LocalDate;

/**
 * A position the person holds or held, e.g. branch secretary.
 *
 * @param title title as the organisation writes it
 * @param orgUnitId the unit where it is held, or {@code null}
 * @param since start date, or {@code null}
 * @param until end date, or {@code null} while held
 */
public record Position(String title, String orgUnitId, LocalDate since, LocalDate until) {}
