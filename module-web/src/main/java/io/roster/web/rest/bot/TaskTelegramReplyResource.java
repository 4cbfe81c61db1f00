package io.roster.web.rest.bot;

import io.roster.api.bot.BotService;
import io.roster.api.bot.NewTelegramReply;
import io.roster.api.bot.TelegramReply;
import io.roster.api.idempotency.StoredResponse;
import io.roster.web.rest.Creates;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff replies to a member's question, delivered into the member's Telegram chat. */
@Path("/api/v1/tasks/{id}/telegram-replies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telegram bot")
public class TaskTelegramReplyResource {
    @Inject
    BotService bot;

    @Inject
    JsonBodies json;

    @Inject
    Creates creates;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(
            responseCode = "202",
            description = "Queued; sent after commit and retried on 429/5xx. Location names the reply",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TelegramReply.class)))
    @Operation(
            summary = "Reply to the card's member in Telegram",
            description = "TASK_WRITE, card in scope; audited and added to the card's comments. 409"
                    + " telegram-not-linked when the card has no member or the member's chat is not linked")
    public Response reply(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = NewTelegramReply.class))) String body,
            @HeaderParam(Creates.IDEMPOTENCY_KEY) String idempotencyKey) {
        // with an Idempotency-Key a retried POST answers the first reply again instead of sending a second one
        return creates.run(idempotencyKey, "POST", "/api/v1/tasks/" + id + "/telegram-replies", body, () -> {
            TelegramReply r = bot.reply(id, json.read(body, NewTelegramReply.class));
            return new StoredResponse(
                    202, "/api/v1/tasks/" + r.taskId() + "/telegram-replies/" + r.id(), null, json.write(r));
        });
    }

    @GET
    @Path("/{replyId}")
    @Operation(summary = "A reply and its delivery status (PENDING, SENT, FAILED)")
    public TelegramReply get(@PathParam("id") String id, @PathParam("replyId") String replyId) {
        return bot.getReply(id, replyId);
    }
}
