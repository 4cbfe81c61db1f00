package io.roster.impl.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.ResponseParameters;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.SendResponse;
import io.roster.api.common.Language;
import io.roster.api.member.ContactChannel;
import io.roster.spi.notification.MessageButton;
import io.roster.spi.notification.OutgoingMessage;
import io.roster.spi.notification.SendResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** How Telegram's answers become send results: 429 with retry_after, 5xx and I/O retried, 400/403 failed. */
class TelegramMessageChannelTest {
    private TelegramBot bot;
    private TelegramMessageChannel channel;

    @BeforeEach
    void setUp() {
        bot = mock(TelegramBot.class);
        TelegramApi api = mock(TelegramApi.class);
        when(api.bot()).thenReturn(bot);
        when(api.configured()).thenReturn(true);
        channel = new TelegramMessageChannel();
        channel.api = api;
        channel.maxPerSecond = 25;
    }

    private static OutgoingMessage message(List<MessageButton> buttons) {
        return new OutgoingMessage(
                "0190f000-0000-7000-8000-000000000001",
                "m",
                ContactChannel.TELEGRAM,
                "4242",
                Language.RU,
                null,
                "Привет",
                null,
                buttons);
    }

    private SendResponse answer(boolean ok, int code, Integer retryAfter) {
        SendResponse r = mock(SendResponse.class);
        when(r.isOk()).thenReturn(ok);
        when(r.errorCode()).thenReturn(code);
        when(r.description()).thenReturn("描述");
        if (ok) {
            Message m = mock(Message.class);
            when(m.messageId()).thenReturn(77);
            when(r.message()).thenReturn(m);
        }
        if (retryAfter != null) {
            ResponseParameters p = mock(ResponseParameters.class);
            when(p.retryAfter()).thenReturn(retryAfter);
            when(r.parameters()).thenReturn(p);
        }
        when(bot.execute(any(SendMessage.class))).thenReturn(r);
        return r;
    }

    @Test
    void acceptedMessageIsSentWithTelegramsMessageId() {
        answer(true, 0, null);
        SendResult r = channel.send(message(List.of(MessageButton.callback("Да", "yes"))));
        assertEquals(SendResult.Status.SENT, r.status());
        assertEquals("77", r.providerMessageId());
        ArgumentCaptor<SendMessage> sent = ArgumentCaptor.forClass(SendMessage.class);
        verify(bot).execute(sent.capture());
        assertEquals(4242L, sent.getValue().getParameters().get("chat_id"));
        assertEquals("Привет", sent.getValue().getParameters().get("text"));
    }

    @Test
    void rateLimitIsRetriedAfterTelegramsRetryAfter() {
        answer(false, 429, 17);
        SendResult r = channel.send(message(List.of()));
        assertEquals(SendResult.Status.RETRY, r.status());
        assertEquals(Duration.ofSeconds(17), r.retryAfter());
    }

    @Test
    void serverErrorsAndNetworkFailuresAreRetriedWithBackoff() {
        answer(false, 502, null);
        SendResult r = channel.send(message(List.of()));
        assertEquals(SendResult.Status.RETRY, r.status());
        assertEquals(null, r.retryAfter());
        when(bot.execute(any(SendMessage.class))).thenThrow(new RuntimeException("timeout"));
        assertEquals(SendResult.Status.RETRY, channel.send(message(List.of())).status());
    }

    @Test
    void unknownOrBlockedChatFails() {
        answer(false, 403, null);
        assertEquals(SendResult.Status.FAILED, channel.send(message(List.of())).status());
        answer(false, 400, null);
        assertEquals(SendResult.Status.FAILED, channel.send(message(List.of())).status());
    }

    @Test
    void respectsTelegramsGlobalLimitAndConfirmsDelivery() {
        assertEquals(25, channel.maxPerSecond());
        assertEquals(true, channel.confirmsDelivery());
    }
}
