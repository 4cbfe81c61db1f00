package io.roster.web.rest.notification;

import io.roster.api.notification.BroadcastService;
import io.roster.api.notification.OrgUnitTimeZone;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An org unit's time zone, which its subtree inherits: broadcasts keep quiet hours in the member's unit's zone. */
@Path("/api/v1/org-units/{id}/time-zone")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class OrgUnitTimeZoneResource {
    @Inject
    BroadcastService broadcasts;

    @Inject
    JsonBodies json;

    /** The body of a PUT: an IANA zone id, or {@code null} to inherit. */
    public record TimeZoneBody(String timeZone) {}

    @GET
    @Operation(summary = "An org unit's own and effective time zone")
    public OrgUnitTimeZone get(@PathParam("id") String id) {
        return broadcasts.timeZone(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set an org unit's time zone (null: inherit from the parent)")
    public OrgUnitTimeZone put(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = TimeZoneBody.class))) String body) {
        return broadcasts.setTimeZone(id, json.read(body, TimeZoneBody.class).timeZone());
    }
}
