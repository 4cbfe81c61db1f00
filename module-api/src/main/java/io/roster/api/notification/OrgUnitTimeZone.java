package io.roster.api.notification;

/**
 * The time zone an org unit's members are in, for quiet hours.
 *
 * @param orgUnitId the unit
 * @param timeZone its own IANA time zone (e.g. {@code Europe/Kyiv}), or {@code null} when it inherits
 * @param effectiveTimeZone the zone in force: its own, else the nearest ancestor's, else the configured default
 */
public record OrgUnitTimeZone(String orgUnitId, String timeZone, String effectiveTimeZone) {}
