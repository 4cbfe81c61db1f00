package io.roster.web.rest.audit;

import io.roster.api.audit.AuditQuery;
import io.roster.api.audit.AuditService;
import io.roster.api.audit.AuditVerification;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, read-only: there is no way to write, change or remove an entry through the API. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {
    @Inject
    AuditService audit;

    @GET
    @Path("/audit-events")
    @Operation(
            summary = "Query the audit trail",
            description = "Newest first; filter by memberId, actorId and a time range [from, to). Needs AUDIT_READ.")
    public PageJson<AuditEntryView> query(
            @QueryParam("memberId") String memberId,
            @QueryParam("actorId") String actorId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return PageJson.of(
                audit.query(new AuditQuery(
                        memberId,
                        actorId,
                        RestSupport.instant("from", from),
                        RestSupport.instant("to", to),
                        RestSupport.page(limit, cursor))),
                AuditEntryView::of);
    }

    @GET
    @Path("/audit-chain")
    @Operation(
            summary = "Verify the audit trail's hash chain",
            description = "Walks every entry and reports altered entries and gaps where entries were removed. Needs"
                    + " AUDIT_READ and a caller who sees the whole organisation.")
    public AuditVerification verify() {
        return audit.verify();
    }
}
