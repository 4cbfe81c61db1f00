package io.roster.web.rest.interaction;

import io.roster.api.idempotency.StoredResponse;
import io.roster.api.interaction.Interaction;
import io.roster.api.interaction.InteractionDraft;
import io.roster.api.interaction.InteractionService;
import io.roster.api.interaction.Revision;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
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

@Path("/api/v1/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
public class InteractionResource {
    @Inject
    InteractionService interactions;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Logged; Location and ETag headers. 200 when the externalRef was known and the existing"
                    + " interaction was corrected",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Interaction.class)))
    @Operation(summary = "Log an interaction", description = "Applies the outcome's consequences to the member")
    public Response log(
            @RequestBody(content = @Content(schema = @Schema(implementation = InteractionDraft.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/interactions", body, () -> {
            InteractionService.Logged logged = interactions.log(json.read(body, InteractionDraft.class));
            Interaction i = logged.interaction();
            return new StoredResponse(
                    logged.created() ? 201 : 200,
                    "/api/v1/interactions/" + i.id(),
                    RestSupport.etagHeader(i.version()),
                    json.write(i));
        });
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The interaction; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Interaction.class)))
    @Operation(summary = "Get an interaction", description = "A deleted one is visible with INTERACTION_ADMIN only")
    public Response get(@PathParam("id") String id) {
        Interaction i = interactions.get(id);
        return RestSupport.okWithEtag(i, i.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The corrected interaction; the previous state is kept as a revision",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Interaction.class)))
    @Operation(summary = "Correct an interaction (JSON Merge Patch)")
    public Response correct(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = InteractionDraft.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Interaction i =
                interactions.correct(id, RestSupport.ifMatch(ifMatch), json.mergePatch(body, InteractionDraft.class));
        return RestSupport.okWithEtag(i, i.version());
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The deleted interaction (kept for admins, gone from timelines)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Interaction.class)))
    @Operation(summary = "Delete an interaction (soft)")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Interaction i = interactions.delete(id, RestSupport.ifMatch(ifMatch));
        return RestSupport.okWithEtag(i, i.version());
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "Corrections of an interaction, oldest first")
    public PageJson<Revision> revisions(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(interactions.revisions(id, RestSupport.page(limit, cursor)));
    }
}
