package io.roster.impl.telegram;

import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.SendResponse;
import io.roster.api.member.ContactChannel;
import io.roster.spi.notification.MessageButton;
import io.roster.spi.notification.MessageChannel;
import io.roster.spi.notification.OutgoingMessage;
import io.roster.spi.notification.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends messages to linked Telegram chats through the shared {@link TelegramApi} client. Telegram's answers map to
 * results: 429 → retry after its {@code retry_after}; 5xx and network failures → retry with Roster's backoff; 400
 * (chat not found) and 403 (bot blocked) → failed. A returned message means it is in the chat, so Telegram confirms
 * delivery.
 */
@ApplicationScoped
public class TelegramMessageChannel implements MessageChannel {
    @Inject
    TelegramApi api;

    @Inject
    @ConfigProperty(name = "roster.telegram.max-per-second", defaultValue = "25")
    double maxPerSecond;

    @Override
    public String id() {
        return "telegram";
    }

    @Override
    public Set<ContactChannel> channels() {
        return Set.of(ContactChannel.TELEGRAM);
    }

    @Override
    public boolean available() {
        return api.configured();
    }

    @Override
    public double maxPerSecond() {
        return maxPerSecond;
    }

    @Override
    public boolean confirmsDelivery() {
        return true;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        long chatId;
        try {
            chatId = Long.parseLong(message.address());
        } catch (NumberFormatException e) {
            return SendResult.failed("telegram: the chat id is not a number");
        }
        SendMessage request = new SendMessage(chatId, message.text());
        if (!message.buttons().isEmpty()) {
            InlineKeyboardButton[][] rows =
                    new InlineKeyboardButton[message.buttons().size()][];
            for (int i = 0; i < rows.length; i++) {
                MessageButton b = message.buttons().get(i);
                InlineKeyboardButton button = new InlineKeyboardButton(b.label());
                if (b.url() != null) {
                    button.url(b.url());
                } else {
                    button.callbackData(b.data());
                }
                rows[i] = new InlineKeyboardButton[] {button};
            }
            request.replyMarkup(new InlineKeyboardMarkup(rows));
        }
        SendResponse response;
        try {
            response = api.bot().execute(request);
        } catch (RuntimeException e) {
            // the client wraps I/O failures (timeouts, refused connections): the message may be sent again
            return SendResult.retry("telegram: no answer (" + e.getClass().getSimpleName() + ")", null);
        }
        if (response.isOk() && response.message() != null) {
            return SendResult.sent(Integer.toString(response.message().messageId()));
        }
        int code = response.errorCode();
        String error = "telegram " + code + ": " + response.description();
        if (code == 429) {
            Integer after =
                    response.parameters() == null ? null : response.parameters().retryAfter();
            return SendResult.retry(error, after == null ? null : Duration.ofSeconds(after));
        }
        if (code >= 500 || code == 0) {
            return SendResult.retry(error, null);
        }
        return SendResult.failed(error);
    }
}
