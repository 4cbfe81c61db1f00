package io.roster.web.rest.notification;

import io.roster.api.common.Language;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.member.MemberSummary;
import io.roster.api.notification.Segment;
import io.roster.api.notification.SegmentDraft;
import io.roster.api.notification.SegmentService;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import io.roster.web.rest.member.MemberSummaryView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class SegmentResource {
    @Inject
    SegmentService segments;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    /** A segment's live size. */
    public record SegmentCount(String segmentId, long count) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Segment.class)))
    @Operation(
            summary = "Save a segment",
            description = "A name, an owning org unit and the member search's filters (as POST /member-searches)")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = SegmentDraft.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/segments", body, () -> {
            Segment s = segments.create(json.read(body, SegmentDraft.class));
            return new StoredResponse(
                    201, "/api/v1/segments/" + s.id(), RestSupport.etagHeader(s.version()), json.write(s));
        });
    }

    @GET
    @Operation(summary = "List segments, newest first")
    public PageJson<Segment> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(segments.list(RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The segment; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Segment.class)))
    @Operation(summary = "Get a segment")
    public Response get(@PathParam("id") String id) {
        Segment s = segments.get(id);
        return RestSupport.okWithEtag(s, s.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed segment; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Segment.class)))
    @Operation(summary = "Change a segment (JSON Merge Patch)")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = SegmentDraft.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Segment s = segments.update(id, RestSupport.ifMatch(ifMatch), json.mergePatch(body, SegmentDraft.class));
        return RestSupport.okWithEtag(s, s.version());
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a segment")
    public Response delete(@PathParam("id") String id) {
        segments.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/count")
    @Operation(summary = "How many members the segment holds now (within the caller's scope)")
    public SegmentCount count(@PathParam("id") String id) {
        return new SegmentCount(id, segments.count(id));
    }

    @GET
    @Path("/{id}/members")
    @Operation(summary = "The segment's members now, by name")
    public PageJson<MemberSummaryView> members(
            @PathParam("id") String id,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Language lang = RestSupport.language(acceptLanguage);
        return PageJson.of(
                segments.members(id, RestSupport.page(limit, cursor)),
                (MemberSummary m) -> MemberSummaryView.of(m, lang));
    }
}
