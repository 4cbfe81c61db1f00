package io.roster.api.report;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard's figures for a period.
 *
 * @param orgUnitId the unit asked for, or {@code null} for the caller's whole scope
 * @param from the start of the period (the first day of the first month, 00:00 UTC), inclusive
 * @param to the end of the period (now), exclusive
 * @param newMembers one entry per month of the period, oldest first, months without members included
 * @param contactsByChannel channels with at least one contact, most contacts first
 * @param leaderboard up to {@link #LEADERBOARD_SIZE} units ranked by contacts, then new members, then name
 */
public record Dashboard(
        String orgUnitId,
        Instant from,
        Instant to,
        List<MonthCount> newMembers,
        List<ChannelCount> contactsByChannel,
        List<BranchScore> leaderboard) {
    /** The most units a leaderboard lists. */
    public static final int LEADERBOARD_SIZE = 50;
}
