package io.roster.web.rest.webhook;

import io.roster.api.idempotency.StoredResponse;
import io.roster.api.webhook.CreatedWebhookSubscription;
import io.roster.api.webhook.NewWebhookSubscription;
import io.roster.api.webhook.WebhookDelivery;
import io.roster.api.webhook.WebhookService;
import io.roster.api.webhook.WebhookSubscription;
import io.roster.api.webhook.WebhookSubscriptionDraft;
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
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookSubscriptionResource {
    @Inject
    WebhookService webhooks;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "201",
            description = "Created; the signing secret is in this response only",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = CreatedWebhookSubscription.class)))
    @Operation(
            summary = "Subscribe to events",
            description = "Events of the given types, about records within the caller's scope, are POSTed to the URL,"
                    + " signed with the secret (generated when not given)")
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(implementation = NewWebhookSubscription.class)))
                    String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        // Like API key secrets, the signing secret is never part of a stored idempotent response.
        AtomicReference<CreatedWebhookSubscription> created = new AtomicReference<>();
        Response r = creates.run(idempotencyKey, "POST", "/api/v1/webhook-subscriptions", body, () -> {
            CreatedWebhookSubscription c = webhooks.create(json.read(body, NewWebhookSubscription.class));
            created.set(c);
            return new StoredResponse(
                    201,
                    location(c.subscription()),
                    RestSupport.etagHeader(c.subscription().version()),
                    json.write(new CreatedWebhookSubscription(c.subscription(), null)));
        });
        if (created.get() == null) {
            return r;
        }
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Location", location(created.get().subscription()))
                .header(
                        "ETag",
                        RestSupport.etagHeader(created.get().subscription().version()))
                .entity(json.write(created.get()))
                .build();
    }

    private static String location(WebhookSubscription s) {
        return "/api/v1/webhook-subscriptions/" + s.id();
    }

    @GET
    @Operation(summary = "List webhook subscriptions, newest first")
    public PageJson<WebhookSubscription> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(webhooks.list(RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}")
    @APIResponse(
            responseCode = "200",
            description = "The subscription (never its secret); ETag header",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WebhookSubscription.class)))
    @Operation(summary = "Get a webhook subscription")
    public Response get(@PathParam("id") String id) {
        WebhookSubscription s = webhooks.get(id);
        return RestSupport.okWithEtag(s, s.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @APIResponse(
            responseCode = "200",
            description = "The changed subscription; ETag header",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = WebhookSubscription.class)))
    @Operation(
            summary = "Change a webhook subscription (JSON Merge Patch)",
            description = "url, eventTypes, active, description; If-Match with a stale version → 412")
    public Response patch(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = WebhookSubscriptionDraft.class)))
                    String body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WebhookSubscription s = webhooks.update(
                id, RestSupport.ifMatch(ifMatch), json.mergePatch(body, WebhookSubscriptionDraft.class));
        return RestSupport.okWithEtag(s, s.version());
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted; pending deliveries are dropped")
    @Operation(summary = "Delete a webhook subscription")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The delivery log of a subscription, newest first")
    public PageJson<WebhookDelivery> deliveries(
            @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return PageJson.of(webhooks.deliveries(id, RestSupport.page(limit, cursor)));
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with every attempt")
    public WebhookDelivery delivery(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return webhooks.delivery(id, deliveryId);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliveries")
    @APIResponse(
            responseCode = "202",
            description = "Queued; the delivery is sent again with a fresh series of retries",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = WebhookDelivery.class)))
    @Operation(summary = "Redeliver an event", description = "The event keeps its id")
    public Response redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return Response.status(202)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(webhooks.redeliver(id, deliveryId))
                .build();
    }
}
