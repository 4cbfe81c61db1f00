package io.roster.web.rest.report;

import io.roster.api.report.Dashboard;
import io.roster.api.report.DashboardQuery;
import io.roster.api.report.ReportService;
import io.roster.web.rest.RestSupport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {
    @Inject
    ReportService reports;

    @GET
    @Path("/dashboard")
    @Operation(
            summary = "Dashboard figures of the caller's scope",
            description = "New members per month, contacts by channel and the branch leaderboard over the last"
                    + " months (1–24, default 12) calendar months, UTC. orgUnitId limits the figures to a subtree"
                    + " and ranks its child units. Needs MEMBER_READ.")
    public Dashboard dashboard(@QueryParam("orgUnitId") String orgUnitId, @QueryParam("months") String months) {
        return reports.dashboard(new DashboardQuery(orgUnitId, RestSupport.integer("months", months)));
    }
}
