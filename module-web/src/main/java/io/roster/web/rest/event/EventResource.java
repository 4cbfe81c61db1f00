package io.roster.web.rest.event;

import io.roster.api.error.ValidationException;
import io.roster.api.event.Attendance;
import io.roster.api.event.Event;
import io.roster.api.event.EventDraft;
import io.roster.api.event.EventQuery;
import io.roster.api.event.EventService;
import io.roster.api.idempotency.StoredResponse;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {
    @Inject
    EventService events;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Event.class)))
    @Operation(summary = "Create an event or training", description = "Needs EVENT_WRITE")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = EventDraft.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/events", body, () -> {
            Event e = events.create(json.read(body, EventDraft.class));
            return new StoredResponse(
                    201, "/api/v1/events/" + e.id(), RestSupport.etagHeader(e.version()), json.write(e));
        });
    }

    @GET
    @Operation(
            summary = "List events in scope, earliest first",
            description = "orgUnitId limits to a unit's subtree; from (inclusive) and to (exclusive) bound the start")
    public PageJson<Event> list(
            @QueryParam("orgUnitId") String orgUnitId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return PageJson.of(events.list(new EventQuery(
                orgUnitId == null || orgUnitId.isBlank() ? null : orgUnitId.strip(),
                RestSupport.instant("from", from),
                RestSupport.instant("to", to),
                RestSupport.page(limit, cursor))));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The event; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Event.class)))
    @Operation(summary = "Get an event")
    public Response get(@PathParam("id") String id) {
        return ok(events.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed event; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Event.class)))
    @Operation(
            summary = "Change an event (JSON Merge Patch)",
            description = "If-Match with a stale version → 412; a capacity below the registrations → 422")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = EventDraft.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Event e = events.update(id, RestSupport.ifMatch(ifMatch), json.mergePatch(body, EventDraft.class));
        return ok(e);
    }

    @POST
    @Path("/{id}/attendances")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "200",
            description = "The attendance of each marked member, in the order of the sheet",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = MarkedAttendance.class)))
    @Operation(
            summary = "Mark registrations and attendance",
            description = "Up to 5,000 lines, all or nothing: a bad line → 422 naming marks[i].memberId or"
                    + " marks[i].status; more registrations than the capacity → 409 event-capacity-reached")
    public Response mark(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = AttendanceSheet.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        String path = "/api/v1/events/" + id + "/attendances";
        return creates.run(idempotencyKey, "POST", path, body, () -> {
            AttendanceSheet sheet = json.read(body, AttendanceSheet.class);
            if (sheet == null) {
                throw ValidationException.of("marks", "required", "at least one mark is required");
            }
            return new StoredResponse(
                    200, null, null, json.write(new MarkedAttendance(events.mark(id, sheet.marks()))));
        });
    }

    @GET
    @Path("/{id}/attendances")
    @Operation(
            summary = "The attendance sheet of an event, by member id",
            description = "Members outside the caller's scope are left out")
    public PageJson<Attendance> attendance(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(events.attendance(id, RestSupport.page(limit, cursor)));
    }

    private static Response ok(Event e) {
        return RestSupport.okWithEtag(e, e.version());
    }
}
