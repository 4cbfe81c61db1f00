package io.roster.web.rest.bot;

import io.roster.api.bot.BotService;
import io.roster.api.error.UnauthenticatedException;
import io.roster.web.rest.problem.Problems;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where Telegram delivers updates in webhook mode. Not behind API authentication (the authentication filter exempts
 * exactly this path): Telegram proves itself with the secret given to {@code setWebhook}, sent back in
 * {@code X-Telegram-Bot-Api-Secret-Token} and compared in constant time. Without webhook mode, or without a
 * configured secret, the path does not exist. Not part of the integrators' OpenAPI document.
 */
@Path(TelegramWebhookResource.PATH)
public class TelegramWebhookResource {
    public static final String PATH = "/api/v1/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Inject
    BotService bot;

    @Inject
    @ConfigProperty(name = "roster.telegram.mode", defaultValue = "off")
    String mode;

    @Inject
    @ConfigProperty(name = "roster.telegram.webhook-secret")
    Optional<String> secret;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response update(@HeaderParam(SECRET_HEADER) String token, String body) {
        String expected = secret.filter(s -> !s.isBlank()).orElse(null);
        if (!"webhook".equalsIgnoreCase(mode.strip()) || expected == null) {
            return Problems.status(404, "not-found", "Not found", "the Telegram webhook is not enabled");
        }
        if (token == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return Problems.of(new UnauthenticatedException("the Telegram secret token is missing or wrong"));
        }
        bot.handleUpdate(body == null ? "" : body);
        // Telegram only needs a 2xx; replies go out through the bot's outbox right after
        bot.dispatchDue(5);
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }
}
