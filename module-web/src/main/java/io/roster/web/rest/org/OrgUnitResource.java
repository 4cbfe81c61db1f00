package io.roster.web.rest.org;

import com.fasterxml.jackson.databind.JsonNode;
import io.roster.api.error.FieldError;
import io.roster.api.error.ValidationException;
import io.roster.api.idempotency.StoredResponse;
import io.roster.api.org.NewOrgUnit;
import io.roster.api.org.OrgService;
import io.roster.api.org.OrgUnit;
import io.roster.api.org.OrgUnitChanges;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Org units")
public class OrgUnitResource {
    @Inject
    OrgService orgs;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnit.class)))
    @Operation(summary = "Create an org unit")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewOrgUnit.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/org-units", body, () -> {
            OrgUnit u = orgs.create(json.read(body, NewOrgUnit.class));
            return new StoredResponse(
                    201, "/api/v1/org-units/" + u.id(), RestSupport.etagHeader(u.version()), json.write(u));
        });
    }

    @GET
    @Operation(summary = "List org units", description = "Children of parentId, or the roots of the caller's scope")
    public PageJson<OrgUnit> list(
            @QueryParam("parentId") String parentId,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return PageJson.of(orgs.children(blankToNull(parentId), RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The unit; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnit.class)))
    @Operation(summary = "Get an org unit")
    public Response get(@PathParam("id") String id) {
        OrgUnit u = orgs.get(id);
        return RestSupport.okWithEtag(u, u.version());
    }

    @GET
    @Path("/{id}/children")
    @Operation(summary = "Children of an org unit, by name")
    public PageJson<OrgUnit> children(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(orgs.children(id, RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}/ancestors")
    @Operation(summary = "Ancestors of an org unit, from the top of the caller's scope down")
    public PageJson<OrgUnit> ancestors(@PathParam("id") String id) {
        return new PageJson<>(orgs.ancestors(id), null);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed unit; ETag header",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrgUnit.class)))
    @Operation(
            summary = "Rename, re-code or move an org unit (JSON Merge Patch)",
            description = "A new parentId moves the whole subtree")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = OrgUnitChanges.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        JsonNode patch = json.tree(body);
        if (!patch.isObject()) {
            throw ValidationException.of("", "not-an-object", "a merge patch of an org unit is a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        Iterator<String> names = patch.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (patch.get(name).isNull()) {
                errors.add(new FieldError(name, "required", name + " cannot be removed"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OrgUnit u = orgs.update(id, RestSupport.ifMatch(ifMatch), json.convert(patch, OrgUnitChanges.class));
        return RestSupport.okWithEtag(u, u.version());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
