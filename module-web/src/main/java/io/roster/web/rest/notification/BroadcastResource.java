package io.roster.web.rest.notification;

import io.roster.api.idempotency.StoredResponse;
import io.roster.api.notification.Broadcast;
import io.roster.api.notification.BroadcastDelivery;
import io.roster.api.notification.BroadcastService;
import io.roster.api.notification.BroadcastStatistics;
import io.roster.api.notification.DeliveryStatus;
import io.roster.api.notification.NewBroadcast;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/broadcasts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class BroadcastResource {
    @Inject
    BroadcastService broadcasts;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created as a DRAFT; POST …/start to send it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Broadcast.class)))
    @Operation(summary = "Create a broadcast")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewBroadcast.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/broadcasts", body, () -> {
            Broadcast b = broadcasts.create(json.read(body, NewBroadcast.class));
            return new StoredResponse(
                    201, "/api/v1/broadcasts/" + b.id(), RestSupport.etagHeader(b.version()), json.write(b));
        });
    }

    @GET
    @Operation(summary = "List broadcasts, newest first")
    public PageJson<Broadcast> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(broadcasts.list(RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The broadcast; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Broadcast.class)))
    @Operation(summary = "Get a broadcast")
    public Response get(@PathParam("id") String id) {
        Broadcast b = broadcasts.get(id);
        return RestSupport.okWithEtag(b, b.version());
    }

    @POST
    @Path("/{id}/start")
    @Operation(
            summary = "Start a draft broadcast",
            description = "Enqueues one delivery per audience member; SCHEDULED until startAt, then RUNNING")
    public Response start(@PathParam("id") String id) {
        return transition(id, broadcasts::start);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a scheduled or running broadcast", description = "Messages in flight finish")
    public Response pause(@PathParam("id") String id) {
        return transition(id, broadcasts::pause);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused broadcast")
    public Response resume(@PathParam("id") String id) {
        return transition(id, broadcasts::resume);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a broadcast", description = "Queued deliveries become CANCELLED")
    public Response cancel(@PathParam("id") String id) {
        return transition(id, broadcasts::cancel);
    }

    private static Response transition(String id, Function<String, Broadcast> action) {
        Broadcast b = action.apply(id);
        return RestSupport.okWithEtag(b, b.version());
    }

    @GET
    @Path("/{id}/statistics")
    @Operation(
            summary = "Recipients per delivery state",
            description =
                    "delivered counts only messages the channel confirmed (Telegram); e-mail and SMS stop at sent")
    public BroadcastStatistics statistics(@PathParam("id") String id) {
        return broadcasts.statistics(id);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The broadcast's deliveries, optionally of one status")
    public PageJson<BroadcastDelivery> deliveries(
            @PathParam("id") String id,
            @QueryParam("status") String status,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        DeliveryStatus s = status == null ? null : RestSupport.enumValue("status", DeliveryStatus.class, status);
        return PageJson.of(broadcasts.deliveries(id, s, RestSupport.page(limit, cursor)));
    }
}
