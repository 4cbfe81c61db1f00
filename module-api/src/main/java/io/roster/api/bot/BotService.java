package io.roster.api.bot;

/**
 * The Telegram bot: linking members' chats, staff replies to escalated questions, and the intake and dispatch the
 * runtime drives (webhook or long polling, and the outbox of the bot's messages). The bot itself acts as a
 * {@code SYSTEM} caller with source {@code BOT}; staff operations check the caller's permissions and scope.
 */
public interface BotService {

    /**
     * Issues a single-use link code for a member ({@code MEMBER_WRITE}, member in scope); audited. Earlier unused
     * codes of the member stay valid until they expire.
     *
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE}
     * @throws io.roster.api.error.InvalidStateException ({@code member-archived}) for an archived member
     */
    TelegramLinkCode createLinkCode(String memberId);

    /**
     * Whether the member's chat is linked ({@code MEMBER_READ}, member in scope).
     *
     * @throws io.roster.api.error.NotFoundException when the member is unknown or outside scope
     */
    TelegramLink link(String memberId);

    /**
     * Removes the link of the member's chat ({@code MEMBER_WRITE}, member in scope); audited. The chat then gets the
     * generic flow; consents are not changed.
     *
     * @throws io.roster.api.error.NotFoundException when the member is unknown, outside scope or not linked
     */
    void unlink(String memberId);

    /**
     * Queues a staff reply to the member of a card ({@code TASK_WRITE}, card in scope); audited, and sent into the
     * member's chat after commit, retried on 429 (after Telegram's {@code retry_after}) and 5xx.
     *
     * @throws io.roster.api.error.NotFoundException when the card is unknown or outside scope
     * @throws io.roster.api.error.ValidationException ({@code text}) when the text is empty or too long
     * @throws io.roster.api.error.InvalidStateException ({@code telegram-not-linked}) when the card has no member or
     *     the member's chat is not linked
     */
    TelegramReply reply(String taskId, NewTelegramReply reply);

    /**
     * One reply ({@code TASK_READ}, its card in scope).
     *
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     */
    TelegramReply getReply(String taskId, String replyId);

    /**
     * Processes one update as Telegram sends it (JSON). Idempotent: the update id is recorded in the transaction of
     * the update's effects, and an update seen before does nothing.
     *
     * @return whether it was processed now (false: seen before, or not an update)
     */
    boolean handleUpdate(String updateJson);

    /**
     * One long-polling cycle: fetches updates after the stored offset and processes them. Only one instance polls
     * at a time (a PostgreSQL advisory lock held for the cycle).
     *
     * @return updates processed, or {@code -1} when another instance holds the lock
     */
    int poll();

    /**
     * Sends due messages of the bot's outbox, each claimed with {@code FOR UPDATE SKIP LOCKED}.
     *
     * @return how many were attempted
     */
    int dispatchDue(int max);

    /** Calls Telegram's {@code setWebhook} with the configured URL and secret (webhook mode, on start). */
    void registerWebhook();
}
