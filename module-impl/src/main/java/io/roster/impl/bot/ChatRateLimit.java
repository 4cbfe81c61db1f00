package io.roster.impl.bot;

/**
 * The per-chat rate limit: fixed one-minute windows counted in the database (so every instance shares them). Within
 * the limit a message is processed; the first one over it gets one "busy" reply; the rest of the window is ignored.
 * Every update is recorded either way, so none is processed later.
 */
public final class ChatRateLimit {
    private ChatRateLimit() {}

    /** What to do with a message. */
    public enum Verdict {
        PROCESS,
        REPLY_BUSY,
        IGNORE
    }

    /**
     * @param messagesInWindow messages of the chat in the current window, this one included
     * @param busyNotified whether the chat was already told it is over the limit in this window
     * @param perMinute the limit; 0 or less means none
     */
    public static Verdict decide(int messagesInWindow, boolean busyNotified, int perMinute) {
        if (perMinute <= 0 || messagesInWindow <= perMinute) {
            return Verdict.PROCESS;
        }
        return busyNotified ? Verdict.IGNORE : Verdict.REPLY_BUSY;
    }

    /**
     * The statement that counts a message into its chat's window and answers {@code (messages, busy_notified)}: a
     * window older than a minute starts again at this message.
     */
    static final String COUNT = "insert into telegram_chat_window as w (chat_id, window_start, messages, busy_notified)"
            + " values (?1, cast(?2 as timestamptz), 1, false) on conflict (chat_id) do update set"
            + " window_start = case when w.window_start <= cast(?2 as timestamptz) - interval '1 minute'"
            + " then cast(?2 as timestamptz) else w.window_start end,"
            + " messages = case when w.window_start <= cast(?2 as timestamptz) - interval '1 minute' then 1"
            + " else w.messages + 1 end,"
            + " busy_notified = case when w.window_start <= cast(?2 as timestamptz) - interval '1 minute' then false"
            + " else w.busy_notified end"
            + " returning messages, busy_notified";
}
