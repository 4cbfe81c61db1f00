package io.roster.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.response.SendResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake answers the real client library (pengrad) the way Telegram does, so other tests can rely on it. */
class FakeTelegramTest {
    private static FakeTelegram fake;
    private static TelegramBot bot;

    @BeforeAll
    static void start() {
        fake = FakeTelegram.start();
        bot = new TelegramBot.Builder(FakeTelegram.TOKEN).apiUrl(fake.apiUrl()).build();
    }

    @AfterAll
    static void stop() {
        bot.shutdown();
        fake.close();
    }

    @Test
    void sendMessageIsRecordedWithTextChatAndButtons() {
        SendResponse r = bot.execute(new SendMessage(42L, "Привіт, Їжак! Здравствуйте")
                .replyMarkup(new InlineKeyboardMarkup(new InlineKeyboardButton("Так").callbackData("kb:1"))));
        assertTrue(r.isOk());
        assertEquals(42L, r.message().chat().id());
        FakeTelegram.Call call = fake.messagesTo(42L).get(0);
        assertEquals("Привіт, Їжак! Здравствуйте", call.text());
        assertEquals(
                "kb:1",
                call.params()
                        .path("reply_markup")
                        .path("inline_keyboard")
                        .path(0)
                        .path(0)
                        .path("callback_data")
                        .asText());
    }

    @Test
    void rateLimitAnswersRetryAfter() {
        fake.rateLimitNext(3, c -> c.chatId() == 7L);
        SendResponse r = bot.execute(new SendMessage(7L, "x"));
        assertFalse(r.isOk());
        assertEquals(429, r.errorCode());
        assertEquals(3, r.parameters().retryAfter());
        assertTrue(bot.execute(new SendMessage(7L, "x")).isOk());
    }

    @Test
    void queuedUpdatesArriveThroughGetUpdates() {
        long id = fake.queueUpdate(FakeTelegram.textUpdate(99L, "/start abc"));
        GetUpdatesResponse r = bot.execute(new GetUpdates().offset(0).timeout(0));
        assertTrue(r.isOk());
        assertEquals(
                "/start abc",
                r.updates().stream()
                        .filter(u -> u.updateId() == id)
                        .findFirst()
                        .orElseThrow()
                        .message()
                        .text());
        assertTrue(bot.execute(new GetUpdates().offset((int) id + 1).timeout(0))
                .updates()
                .isEmpty());
    }
}
