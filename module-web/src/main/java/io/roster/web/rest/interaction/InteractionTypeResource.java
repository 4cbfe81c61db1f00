package io.roster.web.rest.interaction;

import io.roster.api.interaction.InteractionService;
import io.roster.api.interaction.InteractionType;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/interaction-types")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
public class InteractionTypeResource {
    @Inject
    InteractionService interactions;

    @Inject
    JsonBodies json;

    @GET
    @Operation(summary = "Interaction types, built-in first (at most 500 exist)")
    public PageJson<InteractionType> list() {
        return new PageJson<>(interactions.types(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Defined",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = InteractionType.class)))
    @Operation(summary = "Define an interaction type (INTERACTION_ADMIN, unrestricted)")
    public Response define(
            @RequestBody(content = @Content(schema = @Schema(implementation = InteractionType.class))) String body) {
        InteractionType t = interactions.defineType(json.read(body, InteractionType.class));
        return Response.status(201).entity(t).build();
    }
}
