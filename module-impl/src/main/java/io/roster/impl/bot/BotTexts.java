package io.roster.impl.bot;

import io.roster.api.common.Language;
import java.util.Map;

/** What the bot says, in Russian, Ukrainian and English. No text names a member or shows their data. */
final class BotTexts {
    private BotTexts() {}

    enum Key {
        WELCOME,
        HELP,
        LINKED,
        BAD_CODE,
        SUBSCRIBED,
        STOPPED,
        NOT_LINKED_STOP,
        BUSY,
        SUGGESTIONS,
        HUMAN_BUTTON,
        ESCALATED,
        NOT_FOUND_ESCALATED,
        NOT_FOUND_UNLINKED,
        HUMAN_UNLINKED,
        EVENTS_HEADER,
        NO_EVENTS,
        EVENTS_LINK_TO_REGISTER,
        REGISTER_BUTTON,
        REGISTERED,
        EVENT_FULL,
        EVENT_GONE,
        STAFF_REPLY,
        UNKNOWN_ENTRY
    }

    private static final String LINK_HOW_RU = "попросите в своём отделении код привязки и отправьте сюда /start <код>.";
    private static final String LINK_HOW_UK =
            "попросіть у своєму осередку код прив'язки й надішліть сюди /start <код>.";
    private static final String LINK_HOW_EN = "ask your branch for a link code and send /start <code> here.";

    private static final Map<Key, String[]> TEXTS = Map.ofEntries(
            t(
                    Key.WELCOME,
                    "Здравствуйте! Я бот организации: задайте вопрос — я постараюсь ответить. /events — ближайшие"
                            + " мероприятия, /help — что я умею. Чтобы записываться на мероприятия и получать ответы"
                            + " сотрудников, " + LINK_HOW_RU,
                    "Вітаємо! Я бот організації: поставте запитання — я спробую відповісти. /events — найближчі заходи,"
                            + " /help — що я вмію. Щоб записуватися на заходи й отримувати відповіді працівників, "
                            + LINK_HOW_UK,
                    "Hello! I am the organisation's bot: ask a question and I will try to answer. /events — upcoming"
                            + " events, /help — what I can do. To register for events and get answers from staff, "
                            + LINK_HOW_EN),
            t(
                    Key.HELP,
                    "Напишите вопрос своими словами — я отвечу из базы знаний.\n/events — ближайшие мероприятия\n"
                            + "/human — связаться с сотрудником\n/stop — отключить сообщения в Telegram\n"
                            + "/start — включить их снова",
                    "Напишіть запитання своїми словами — я відповім з бази знань.\n/events — найближчі заходи\n"
                            + "/human — зв'язатися з працівником\n/stop — вимкнути повідомлення в Telegram\n"
                            + "/start — увімкнути їх знову",
                    "Write your question in your own words and I will answer from the knowledge base.\n"
                            + "/events — upcoming events\n/human — talk to a person\n/stop — turn Telegram messages"
                            + " off\n/start — turn them on again"),
            t(
                    Key.LINKED,
                    "Готово: этот чат привязан к вашему профилю, сообщения в Telegram включены. /stop — отключить.",
                    "Готово: цей чат прив'язано до вашого профілю, повідомлення в Telegram увімкнено. /stop — вимкнути.",
                    "Done: this chat is linked to your profile and Telegram messages are on. /stop turns them off."),
            t(
                    Key.BAD_CODE,
                    "Этот код не подходит: он неверный, уже использован или истёк. Попросите в отделении новый.",
                    "Цей код не підходить: він неправильний, уже використаний або прострочений. Попросіть в осередку"
                            + " новий.",
                    "This code does not work: it is wrong, used or expired. Ask your branch for a new one."),
            t(
                    Key.SUBSCRIBED,
                    "Сообщения в Telegram включены. /stop — отключить.",
                    "Повідомлення в Telegram увімкнено. /stop — вимкнути.",
                    "Telegram messages are on. /stop turns them off."),
            t(
                    Key.STOPPED,
                    "Сообщения в Telegram отключены. /start — включить снова.",
                    "Повідомлення в Telegram вимкнено. /start — увімкнути знову.",
                    "Telegram messages are off. /start turns them on again."),
            t(
                    Key.NOT_LINKED_STOP,
                    "Этот чат не привязан к профилю, рассылки сюда не приходят.",
                    "Цей чат не прив'язано до профілю, розсилки сюди не надходять.",
                    "This chat is not linked to a profile; no messages are sent here."),
            t(
                    Key.BUSY,
                    "Слишком много сообщений. Подождите минуту, пожалуйста.",
                    "Забагато повідомлень. Зачекайте хвилину, будь ласка.",
                    "Too many messages. Please wait a minute."),
            t(Key.SUGGESTIONS, "Возможно, вы имели в виду:", "Можливо, ви мали на увазі:", "Did you mean:"),
            t(Key.HUMAN_BUTTON, "Связаться с сотрудником", "Зв'язатися з працівником", "Talk to a person"),
            t(
                    Key.ESCALATED,
                    "Ваш вопрос передан сотрудникам отделения. Ответ придёт в этот чат.",
                    "Ваше запитання передано працівникам осередку. Відповідь надійде в цей чат.",
                    "Your question has been passed to the branch staff. The answer will come to this chat."),
            t(
                    Key.NOT_FOUND_ESCALATED,
                    "Я не нашёл ответа. Ваш вопрос передан сотрудникам отделения, ответ придёт в этот чат.",
                    "Я не знайшов відповіді. Ваше запитання передано працівникам осередку, відповідь надійде в цей"
                            + " чат.",
                    "I did not find an answer. Your question has been passed to the branch staff; the answer will"
                            + " come to this chat."),
            t(
                    Key.NOT_FOUND_UNLINKED,
                    "Я не нашёл ответа. Чтобы задать вопрос сотрудникам, " + LINK_HOW_RU,
                    "Я не знайшов відповіді. Щоб поставити запитання працівникам, " + LINK_HOW_UK,
                    "I did not find an answer. To ask the staff, " + LINK_HOW_EN),
            t(
                    Key.HUMAN_UNLINKED,
                    "Чтобы связаться с сотрудником, " + LINK_HOW_RU,
                    "Щоб зв'язатися з працівником, " + LINK_HOW_UK,
                    "To talk to a person, " + LINK_HOW_EN),
            t(Key.EVENTS_HEADER, "Ближайшие мероприятия:", "Найближчі заходи:", "Upcoming events:"),
            t(Key.NO_EVENTS, "Ближайших мероприятий нет.", "Найближчих заходів немає.", "No upcoming events."),
            t(
                    Key.EVENTS_LINK_TO_REGISTER,
                    "Чтобы записаться, " + LINK_HOW_RU,
                    "Щоб записатися, " + LINK_HOW_UK,
                    "To register, " + LINK_HOW_EN),
            t(Key.REGISTER_BUTTON, "Записаться: ", "Записатися: ", "Register: "),
            t(Key.REGISTERED, "Вы записаны: ", "Вас записано: ", "You are registered: "),
            t(Key.EVENT_FULL, "Мест больше нет.", "Місць більше немає.", "The event is full."),
            t(Key.EVENT_GONE, "Это мероприятие недоступно.", "Цей захід недоступний.", "This event is not available."),
            t(Key.STAFF_REPLY, "Ответ сотрудника:\n\n", "Відповідь працівника:\n\n", "A reply from the staff:\n\n"),
            t(
                    Key.UNKNOWN_ENTRY,
                    "Этот ответ больше недоступен. Задайте вопрос ещё раз.",
                    "Ця відповідь більше недоступна. Поставте запитання ще раз.",
                    "This answer is no longer available. Please ask again."));

    static String get(Key key, Language language) {
        String[] t = TEXTS.get(key);
        return switch (language == null ? Language.RU : language) {
            case RU -> t[0];
            case UK -> t[1];
            case EN -> t[2];
        };
    }

    private static Map.Entry<Key, String[]> t(Key key, String ru, String uk, String en) {
        return Map.entry(key, new String[] {ru, uk, en});
    }
}
