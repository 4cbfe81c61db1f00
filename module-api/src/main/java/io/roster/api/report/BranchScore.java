package io.roster.api.report;

/**
 * One unit on the leaderboard, its subtree counted.
 *
 * @param orgUnitId the unit
 * @param name its name
 * @param contacts interactions its subtree made in the period (by the interaction's unit)
 * @param newMembers profiles created in its subtree in the period
 */
public record BranchScore(String orgUnitId, String name, long contacts, long newMembers) {}
