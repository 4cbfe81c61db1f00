package io.roster.web.rest.security;

import io.roster.api.idempotency.StoredResponse;
import io.roster.api.security.ApiKey;
import io.roster.api.security.ApiKeyService;
import io.roster.api.security.IssuedApiKey;
import io.roster.api.security.NewApiKey;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeyResource {
    @Inject
    ApiKeyService keys;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created; the secret is in this response only",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedApiKey.class)))
    @Operation(
            summary = "Issue an API key",
            description = "The response carries the secret; it is not retrievable later")
    public Response issue(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewApiKey.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        // The secret is never stored, not even as the outcome of an idempotent request: a replay answers with the
        // key but without its secret.
        AtomicReference<IssuedApiKey> issued = new AtomicReference<>();
        Response r = creates.run(idempotencyKey, "POST", "/api/v1/api-keys", body, () -> {
            IssuedApiKey k = keys.issue(json.read(body, NewApiKey.class));
            issued.set(k);
            return new StoredResponse(
                    201, "/api/v1/api-keys/" + k.key().id(), null, json.write(new IssuedApiKey(k.key(), null)));
        });
        if (issued.get() == null) {
            return r;
        }
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Location", "/api/v1/api-keys/" + issued.get().key().id())
                .entity(json.write(issued.get()))
                .build();
    }

    @GET
    @Operation(summary = "List API keys, newest first")
    public PageJson<ApiKey> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(keys.list(RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an API key (without its secret)")
    public ApiKey get(@PathParam("id") String id) {
        return keys.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key")
    public ApiKey revoke(@PathParam("id") String id) {
        return keys.revoke(id);
    }

    @POST
    @Path("/{id}/rotations")
    @APIResponse(
            responseCode = "201",
            description = "The new key with its secret; the old key is revoked",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedApiKey.class)))
    @Operation(
            summary = "Rotate an API key",
            description = "Issues a new secret with the same name, permissions and scope and revokes the old key")
    public Response rotate(@PathParam("id") String id) {
        IssuedApiKey k = keys.rotate(id);
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Location", "/api/v1/api-keys/" + k.key().id())
                .entity(json.write(k))
                .build();
    }
}
