package io.roster.web.rest.bot;

import io.roster.api.bot.BotService;
import io.roster.api.bot.TelegramLink;
import io.roster.api.bot.TelegramLinkCode;
import io.roster.web.rest.json.JsonBodies;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Linking a member's Telegram chat to the profile (docs/telegram-bot.md#linking). */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telegram bot")
public class MemberTelegramResource {
    @Inject
    BotService bot;

    @Inject
    JsonBodies json;

    @POST
    @Path("/{id}/telegram-link-codes")
    @APIResponse(
            responseCode = "201",
            description = "A single-use code, shown this once; the member sends /start <code> to the bot",
            content =
                    @Content(mediaType = "application/json", schema = @Schema(implementation = TelegramLinkCode.class)))
    @Operation(
            summary = "Issue a Telegram link code for the member",
            description = "MEMBER_WRITE, member in scope; audited (without the code). The answer carries a t.me deep"
                    + " link when roster.telegram.bot-username is set")
    public Response createCode(@PathParam("id") String id) {
        TelegramLinkCode code = bot.createLinkCode(id);
        return Response.status(201)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Location", "/api/v1/members/" + code.memberId() + "/telegram-link")
                .entity(json.write(code))
                .build();
    }

    @GET
    @Path("/{id}/telegram-link")
    @Operation(summary = "Whether the member's Telegram chat is linked")
    public TelegramLink link(@PathParam("id") String id) {
        return bot.link(id);
    }

    @DELETE
    @Path("/{id}/telegram-link")
    @APIResponse(responseCode = "204", description = "Unlinked; 404 when no chat was linked")
    @Operation(summary = "Unlink the member's Telegram chat", description = "MEMBER_WRITE, member in scope; audited")
    public Response unlink(@PathParam("id") String id) {
        bot.unlink(id);
        return Response.noContent().build();
    }
}
