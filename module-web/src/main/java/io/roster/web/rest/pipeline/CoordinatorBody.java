package io.roster.web.rest.pipeline;

/**
 * The coordinator of an org unit.
 *
 * @param orgUnitId the unit asked about
 * @param staffId the principal id of its coordinator (its own, or the nearest coordinated ancestor's when read), or
 *     {@code null}
 */
public record CoordinatorBody(String orgUnitId, String staffId) {}
