package io.roster.web.rest.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.api.error.ValidationException;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.member.AttributeDefinition;
import io.roster.api.member.AttributeDefinitionService;
import io.roster.api.member.NewAttributeDefinition;
import io.roster.web.rest.Creates;
import io.roster.web.rest.PageJson;
import io.roster.web.rest.RestSupport;
import io.roster.web.rest.json.JsonBodies;
import io.roster.web.rest.json.MergePatch;
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

@Path("/api/v1/attribute-definitions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Custom attributes")
public class AttributeDefinitionResource {
    @Inject
    AttributeDefinitionService definitions;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AttributeDefinition.class)))
    @Operation(summary = "Define a custom member attribute")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewAttributeDefinition.class)))
                    String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/attribute-definitions", body, () -> {
            AttributeDefinition d = definitions.define(json.read(body, NewAttributeDefinition.class));
            return new StoredResponse(
                    201,
                    "/api/v1/attribute-definitions/" + d.key(),
                    RestSupport.etagHeader(d.version()),
                    json.write(d));
        });
    }

    @GET
    @Operation(summary = "List custom attribute definitions, by key")
    public PageJson<AttributeDefinition> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(definitions.list(RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{key}")
    @APIResponse(
            responseCode = "200",
            description = "The definition; ETag header",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AttributeDefinition.class)))
    @Operation(summary = "Get a custom attribute definition")
    public Response get(@PathParam("key") String key) {
        AttributeDefinition d = definitions.get(key);
        return RestSupport.okWithEtag(d, d.version());
    }

    @PATCH
    @Path("/{key}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed definition",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = AttributeDefinition.class)))
    @Operation(summary = "Change labels, options or required flag (JSON Merge Patch)")
    public Response patch(
            @PathParam("key") String key,
            @RequestBody(content = @Content(schema = @Schema(implementation = NewAttributeDefinition.class)))
                    String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonNode patch = json.tree(body);
        if (!patch.isObject()) {
            throw ValidationException.of("", "not-an-object", "a merge patch is a JSON object");
        }
        AttributeDefinition current = definitions.get(key);
        NewAttributeDefinition base = new NewAttributeDefinition(
                current.key(), current.type(), current.required(), current.labels(), current.options());
        NewAttributeDefinition wanted =
                json.convert(MergePatch.apply(json.toTree(base), patch), NewAttributeDefinition.class);
        Long expected = RestSupport.ifMatch(ifMatch);
        AttributeDefinition d = definitions.update(key, expected == null ? current.version() : expected, wanted);
        return RestSupport.okWithEtag(d, d.version());
    }
}
