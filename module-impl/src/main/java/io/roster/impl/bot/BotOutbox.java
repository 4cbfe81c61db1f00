package io.roster.impl.bot;

import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.utility.BotUtils;
import io.roster.api.interaction.Direction;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.InteractionDraft;
import io.roster.api.interaction.InteractionService;
import io.roster.api.interaction.InteractionSource;
import io.roster.impl.common.Ids;
import io.roster.impl.common.Json;
import io.roster.impl.telegram.TelegramApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The bot's own outbox: answers, suggestions, staff replies and callback answers are written here in the transaction
 * that decides them and sent after commit, so a rolled-back update sends nothing and a crash after commit loses
 * nothing. (Broadcasts have their own outbox and dispatcher, in the notification area.) A row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and stays locked while it is sent, so instances share the work without sending
 * twice; a chat's messages go out in order. Telegram's 429 is retried after its {@code retry_after}, 5xx and
 * network errors with exponential backoff, other refusals (a bot blocked by the user) fail at once.
 */
@ApplicationScoped
public class BotOutbox {
    private static final Logger LOG = Logger.getLogger(BotOutbox.class);
    static final int MAX_INTERACTION_BODY = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    TelegramApi telegram;

    @Inject
    InteractionService interactions;

    @Inject
    BotSettings settings;

    /** A button: its label and callback data (at most 64 bytes). */
    record Button(String text, String data) {}

    /** Queues a message; {@code memberId} set when the chat is linked, so the message lands on the timeline. */
    UUID message(
            long chatId,
            UUID memberId,
            String text,
            List<List<Button>> buttons,
            String origin,
            UUID taskId,
            String createdBy,
            Instant now) {
        UUID id = Ids.newUuid();
        String markup = null;
        if (buttons != null && !buttons.isEmpty()) {
            markup = Json.write(Map.of(
                    "inline_keyboard",
                    buttons.stream()
                            .map(row -> row.stream()
                                    .map(b -> Map.of("text", b.text(), "callback_data", b.data()))
                                    .toList())
                            .toList()));
        }
        em.createNativeQuery("insert into telegram_outbox (id, kind, chat_id, member_id, text, reply_markup,"
                        + " task_id, origin, status, next_attempt_at, created_by, created_at)"
                        + " values (?1, 'MESSAGE', ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, 'PENDING', ?8, ?9, ?8)")
                .setParameter(1, id)
                .setParameter(2, chatId)
                .setParameter(3, memberId)
                .setParameter(4, text)
                .setParameter(5, markup)
                .setParameter(6, taskId)
                .setParameter(7, origin)
                .setParameter(8, now)
                .setParameter(9, createdBy)
                .executeUpdate();
        return id;
    }

    /** Queues the answer to a pressed button (which stops its spinner). */
    void callbackAnswer(long chatId, String callbackQueryId, Instant now) {
        em.createNativeQuery("insert into telegram_outbox (id, kind, chat_id, callback_query_id, origin, status,"
                        + " next_attempt_at, created_by, created_at)"
                        + " values (?1, 'CALLBACK_ANSWER', ?2, ?3, 'BOT', 'PENDING', ?4, 'telegram-bot', ?4)")
                .setParameter(1, Ids.newUuid())
                .setParameter(2, chatId)
                .setParameter(3, callbackQueryId)
                .setParameter(4, now)
                .executeUpdate();
    }

    private record Claimed(
            UUID id,
            String kind,
            long chatId,
            UUID memberId,
            String text,
            String markup,
            String callbackId,
            int attempts) {}

    /**
     * Claims and sends the message that has been due longest (and whose chat has nothing older pending).
     *
     * @return whether there was one
     */
    @Transactional
    public boolean attemptOne() {
        Session session = em.unwrap(Session.class);
        Claimed c = session.doReturningWork(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("select o.id, o.kind, o.chat_id, o.member_id, o.text,"
                            + " o.reply_markup::text, o.callback_query_id, o.attempts from telegram_outbox o"
                            + " where o.status = 'PENDING' and o.next_attempt_at <= clock_timestamp()"
                            + " and not exists (select 1 from telegram_outbox p where p.chat_id = o.chat_id"
                            + " and p.status = 'PENDING' and p.created_at < o.created_at)"
                            + " order by o.next_attempt_at limit 1 for update of o skip locked");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8));
            }
        });
        if (c == null) {
            return false;
        }
        int attempt = c.attempts() + 1;
        BaseRequest<?, ? extends BaseResponse> request;
        if ("CALLBACK_ANSWER".equals(c.kind())) {
            request = new AnswerCallbackQuery(c.callbackId());
        } else {
            SendMessage m = new SendMessage(c.chatId(), c.text());
            if (c.markup() != null) {
                m.replyMarkup(BotUtils.fromJson(c.markup(), InlineKeyboardMarkup.class));
            }
            request = m;
        }
        String status;
        String error = null;
        double delaySeconds = 0;
        try {
            BaseResponse r = telegram.bot().execute(request);
            if (r.isOk()) {
                status = "SENT";
            } else {
                int code = r.errorCode();
                error = "Telegram answered " + code;
                Integer retryAfter =
                        r.parameters() == null ? null : r.parameters().retryAfter();
                if (code == 429) {
                    status = "PENDING";
                    delaySeconds = retryAfter == null ? backoff(attempt) : retryAfter;
                } else if (code >= 500 || code == 0) {
                    status = attempt >= settings.maxAttempts ? "FAILED" : "PENDING";
                    delaySeconds = backoff(attempt);
                } else {
                    status = "FAILED";
                }
            }
        } catch (RuntimeException e) {
            // the client wraps network errors; nothing identifying is in the message we keep
            error = "could not reach Telegram (" + e.getClass().getSimpleName() + ")";
            status = attempt >= settings.maxAttempts ? "FAILED" : "PENDING";
            delaySeconds = backoff(attempt);
        }
        if ("FAILED".equals(status)) {
            LOG.warnf("Telegram message %s failed after %d attempts: %s", c.id(), attempt, error);
        }
        em.createNativeQuery("update telegram_outbox set status = ?2, attempts = ?3, last_error = ?4,"
                        + " next_attempt_at = clock_timestamp() + make_interval(secs => ?5),"
                        + " sent_at = case when ?2 = 'SENT' then clock_timestamp() end where id = ?1")
                .setParameter(1, c.id())
                .setParameter(2, status)
                .setParameter(3, attempt)
                .setParameter(4, error)
                .setParameter(5, delaySeconds)
                .executeUpdate();
        if ("SENT".equals(status) && "MESSAGE".equals(c.kind()) && c.memberId() != null) {
            interactions.log(timelineEntry(c.memberId(), Direction.OUTBOUND, c.text()));
        }
        return true;
    }

    /**
     * Purges what the bot keeps only for a while: question-log rows older than their retention, sent or failed
     * outbox rows and recorded update ids after 30 days (Telegram retries an update for a day at most).
     */
    @Transactional
    public void purge(java.time.Duration questionLogRetention) {
        Instant now = Instant.now();
        em.createNativeQuery("delete from kb_question_log where asked_at < ?1")
                .setParameter(1, now.minus(questionLogRetention))
                .executeUpdate();
        Instant month = now.minus(java.time.Duration.ofDays(30));
        em.createNativeQuery("delete from telegram_update where received_at < ?1")
                .setParameter(1, month)
                .executeUpdate();
        em.createNativeQuery("delete from telegram_outbox where status <> 'PENDING' and created_at < ?1")
                .setParameter(1, month)
                .executeUpdate();
    }

    private double backoff(int attempt) {
        double base = settings.retryBase.toMillis() / 1000.0;
        return Math.min(300, base * Math.pow(2, Math.min(attempt - 1, 16)));
    }

    /** A Telegram message of a linked member as an interaction of the bot, its body bounded. */
    static InteractionDraft timelineEntry(UUID memberId, Direction direction, String text) {
        String body = text == null || text.isBlank() ? "—" : text;
        if (body.codePointCount(0, body.length()) > MAX_INTERACTION_BODY) {
            body = body.substring(0, body.offsetByCodePoints(0, MAX_INTERACTION_BODY - 1)) + "…";
        }
        return new InteractionDraft(
                memberId.toString(),
                null,
                "TELEGRAM",
                direction,
                InteractionChannel.TELEGRAM,
                null,
                null,
                null,
                body,
                null,
                null,
                null,
                null,
                null,
                null,
                InteractionSource.BOT,
                null,
                false);
    }
}
