package io.roster.web.rest.notification;

import io.roster.api.idempotency.StoredResponse;
import io.roster.api.notification.NotificationTemplate;
import io.roster.api.notification.RenderedMessage;
import io.roster.api.notification.TemplateDraft;
import io.roster.api.notification.TemplateService;
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

@Path("/api/v1/message-templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class TemplateResource {
    @Inject
    TemplateService templates;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    /** The preview request: which member to render for. */
    public record PreviewRequest(String memberId) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotificationTemplate.class)))
    @Operation(
            summary = "Create a message template",
            description = "Variants per language (ru, uk, en) with subject, text and optional HTML; Mustache variables"
                    + " from the member's profile; an unknown variable is a 422")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = TemplateDraft.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        return creates.run(idempotencyKey, "POST", "/api/v1/message-templates", body, () -> {
            NotificationTemplate t = templates.create(json.read(body, TemplateDraft.class));
            return new StoredResponse(
                    201, "/api/v1/message-templates/" + t.id(), RestSupport.etagHeader(t.version()), json.write(t));
        });
    }

    @GET
    @Operation(summary = "List message templates, newest first")
    public PageJson<NotificationTemplate> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(templates.list(RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The template; ETag header",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotificationTemplate.class)))
    @Operation(summary = "Get a message template")
    public Response get(@PathParam("id") String id) {
        NotificationTemplate t = templates.get(id);
        return RestSupport.okWithEtag(t, t.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed template; ETag header",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = NotificationTemplate.class)))
    @Operation(summary = "Change a message template (JSON Merge Patch)")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = TemplateDraft.class))) String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        NotificationTemplate t =
                templates.update(id, RestSupport.ifMatch(ifMatch), json.mergePatch(body, TemplateDraft.class));
        return RestSupport.okWithEtag(t, t.version());
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(summary = "Delete a message template")
    public Response delete(@PathParam("id") String id) {
        templates.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/previews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Render a template for a member",
            description = "As a broadcast would: the member's language, else the fallback; nothing is sent")
    public RenderedMessage preview(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = PreviewRequest.class))) String body) {
        return templates.preview(id, json.read(body, PreviewRequest.class).memberId());
    }
}
