package io.roster.api.report;

/**
 * What a dashboard covers.
 *
 * @param orgUnitId the unit whose subtree is counted and whose child units are ranked, or {@code null} for the
 *     caller's whole scope (its top units are ranked)
 * @param months how many calendar months (UTC) up to and including the current one, 1–24; {@code null} for 12
 */
public record DashboardQuery(String orgUnitId, Integer months) {
    /** The default number of months. */
    public static final int DEFAULT_MONTHS = 12;

    /** The most months one dashboard covers. */
    public static final int MAX_MONTHS = 24;
}
