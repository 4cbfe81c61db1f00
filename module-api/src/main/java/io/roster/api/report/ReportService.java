package io.roster.api.report;

/** Aggregated figures over the caller's org-unit scope. */
public interface ReportService {
    /**
     * The dashboard: new members per month, contacts by channel and the branch leaderboard over the last
     * {@code months} calendar months, counting only what lies in the caller's scope (and in the subtree of
     * {@code orgUnitId} when given). Needs {@code MEMBER_READ}. The leaderboard ranks the child units of
     * {@code orgUnitId}, or without it the top units of the caller's scope.
     *
     * @return the figures; never {@code null}
     * @throws io.roster.api.error.ForbiddenException when the caller lacks {@code MEMBER_READ}
     * @throws io.roster.api.error.ValidationException when {@code months} is outside 1–24 ({@code months} /
     *     {@code range}) or {@code orgUnitId} is unknown or outside the caller's scope ({@code orgUnitId} /
     *     {@code unknown-org-unit})
     */
    Dashboard dashboard(DashboardQuery query);
}
