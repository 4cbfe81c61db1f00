package io.roster.web.rest.interaction;

import io.roster.api.error.ValidationException;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.interaction.BulkResult;
import io.roster.api.interaction.InteractionService;
import io.roster.web.rest.Creates;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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

@Path("/api/v1/interaction-batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interactions")
public class InteractionBatchResource {
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
            description = "Logged for every member, in request order",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BulkResult.class)))
    @Operation(
            summary = "Log one interaction for up to 5,000 members",
            description = "All or nothing: any bad member or field fails the whole batch, naming each")
    public Response log(
            @RequestBody(content = @Content(schema = @Schema(implementation = BatchRequest.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/interaction-batches", body, () -> {
            BatchRequest request = json.read(body, BatchRequest.class);
            if (request.interaction() == null) {
                throw ValidationException.of("interaction", "required", "interaction is required");
            }
            BulkResult result = interactions.logForMembers(request.interaction(), request.memberIds());
            return new StoredResponse(201, null, null, json.write(result));
        });
    }
}
