package io.roster.web.rest.pipeline;

import io.roster.api.pipeline.PipelineService;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/org-units/{id}/coordinator")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pipelines")
public class CoordinatorResource {
    @Inject
    PipelineService pipelines;

    @Inject
    JsonBodies json;

    @GET
    @Operation(
            summary = "The coordinator responsible for a unit",
            description = "Its own, or the nearest coordinated ancestor's; staffId null when none")
    public CoordinatorBody get(@PathParam("id") String id) {
        return new CoordinatorBody(id, pipelines.coordinator(id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the coordinator of a unit",
            description = "Needs PIPELINE_ADMIN; used by the org-coordinator assignment rule")
    public CoordinatorBody put(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = StaffBody.class))) String body) {
        StaffBody b = json.read(body, StaffBody.class);
        pipelines.setCoordinator(id, b == null ? null : b.staffId());
        return new CoordinatorBody(id, pipelines.coordinator(id));
    }

    @DELETE
    @Operation(summary = "Remove the coordinator of a unit", description = "Needs PIPELINE_ADMIN")
    public CoordinatorBody delete(@PathParam("id") String id) {
        pipelines.setCoordinator(id, null);
        return new CoordinatorBody(id, pipelines.coordinator(id));
    }

    /**
     * A coordinator to set.
     *
     * @param staffId principal id of the staff member
     */
    public record StaffBody(String staffId) {}
}
