package io.roster.impl.bot;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.utility.BotUtils;
import io.roster.api.bot.BotService;
import io.roster.api.bot.NewTelegramReply;
import io.roster.api.bot.TelegramLink;
import io.roster.api.bot.TelegramLinkCode;
import io.roster.api.bot.TelegramReply;
import io.roster.api.common.Language;
import io.roster.api.error.InvalidStateException;
import io.roster.api.error.NotFoundException;
import io.roster.api.error.ValidationException;
import io.roster.api.pipeline.Task;
import io.roster.api.pipeline.TaskService;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.common.Texts;
import io.roster.impl.member.DefaultMemberService;
import io.roster.impl.persistence.MemberEntity;
import io.roster.impl.security.Access;
import io.roster.impl.telegram.TelegramApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

@ApplicationScoped
public class DefaultBotService implements BotService {
    private static final Logger LOG = Logger.getLogger(DefaultBotService.class);
    static final int MAX_REPLY = 4000;
    private static final String POLL_LOCK = "roster:telegram-polling";

    @PersistenceContext
    EntityManager em;

    @Inject
    Access access;

    @Inject
    CallerContext callers;

    @Inject
    DefaultMemberService members;

    @Inject
    TaskService tasks;

    @Inject
    AuditLog audit;

    @Inject
    RosterClock clock;

    @Inject
    BotSettings settings;

    @Inject
    BotEngine engine;

    @Inject
    BotOutbox outbox;

    @Inject
    TelegramApi telegram;

    private final AtomicLong lastPurge = new AtomicLong();

    @Override
    @Transactional
    public TelegramLinkCode createLinkCode(String memberId) {
        Caller caller = access.require(Permission.MEMBER_WRITE);
        MemberEntity m = visibleMember(memberId);
        if (m.archivedAt != null) {
            throw new InvalidStateException("member-archived", "an archived member's chat cannot be linked");
        }
        String code = LinkCodes.generate();
        Instant now = clock.now();
        Instant expires = now.plus(settings.linkCodeTtl);
        em.createNativeQuery("insert into telegram_link_code (code_hash, member_id, created_by, created_at, expires_at)"
                        + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, LinkCodes.hash(code))
                .setParameter(2, m.id)
                .setParameter(3, caller.id())
                .setParameter(4, now)
                .setParameter(5, expires)
                .executeUpdate();
        // the code itself is never recorded: it is a credential until used
        audit.record("telegram.link-code-created", "member", m.id, m.id, Map.of("expiresAt", expires));
        return new TelegramLinkCode(code, m.id.toString(), expires, settings.deepLink(code));
    }

    @Override
    @Transactional
    public TelegramLink link(String memberId) {
        access.require(Permission.MEMBER_READ);
        MemberEntity m = visibleMember(memberId);
        List<?> rows = em.createNativeQuery("select linked_at from member_telegram_chat where member_id = ?1")
                .setParameter(1, m.id)
                .getResultList();
        return new TelegramLink(
                m.id.toString(),
                !rows.isEmpty(),
                rows.isEmpty() ? null : DefaultKnowledgeBaseService.instant(rows.get(0)));
    }

    @Override
    @Transactional
    public void unlink(String memberId) {
        access.require(Permission.MEMBER_READ);
        access.require(Permission.MEMBER_WRITE);
        MemberEntity m = visibleMember(memberId);
        int removed = em.createNativeQuery("delete from member_telegram_chat where member_id = ?1")
                .setParameter(1, m.id)
                .executeUpdate();
        if (removed == 0) {
            throw new NotFoundException("telegram link", memberId);
        }
        audit.record("telegram.unlinked", "member", m.id, m.id, Map.of());
    }

    @Override
    @Transactional
    public TelegramReply reply(String taskId, NewTelegramReply reply) {
        Caller caller = access.require(Permission.TASK_WRITE);
        Task task = tasks.get(taskId);
        String text = reply == null ? null : Texts.clean(reply.text());
        if (text == null) {
            throw ValidationException.of("text", "required", "text is required");
        }
        if (text.codePointCount(0, text.length()) > MAX_REPLY) {
            throw ValidationException.of("text", "too-long", "at most " + MAX_REPLY + " characters");
        }
        if (task.memberId() == null) {
            throw new InvalidStateException("telegram-not-linked", "the card is not about a member");
        }
        UUID memberId = UUID.fromString(task.memberId());
        List<?> rows = em.createNativeQuery("select t.chat_id, m.preferred_language from member_telegram_chat t"
                        + " join member m on m.id = t.member_id where t.member_id = ?1")
                .setParameter(1, memberId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new InvalidStateException("telegram-not-linked", "the member's Telegram chat is not linked");
        }
        Object[] r = (Object[]) rows.get(0);
        long chatId = ((Number) r[0]).longValue();
        Language language = Language.fromTag((String) r[1]);
        Instant now = clock.now();
        UUID id = outbox.message(
                chatId,
                memberId,
                BotTexts.get(BotTexts.Key.STAFF_REPLY, language) + text,
                null,
                "STAFF",
                UUID.fromString(task.id()),
                caller.id(),
                now);
        audit.record(
                "telegram.reply-queued",
                "telegram-reply",
                id,
                memberId,
                Map.of("taskId", task.id(), "length", text.length()));
        tasks.comment(task.id(), "Telegram ↦ " + text);
        return reply(id);
    }

    @Override
    @Transactional
    public TelegramReply getReply(String taskId, String replyId) {
        access.require(Permission.TASK_READ);
        Task task = tasks.get(taskId);
        UUID id = Ids.parse(replyId).orElseThrow(() -> new NotFoundException("telegram reply", replyId));
        TelegramReply r = reply(id);
        if (r == null || !task.id().equals(r.taskId())) {
            throw new NotFoundException("telegram reply", replyId);
        }
        return r;
    }

    private TelegramReply reply(UUID id) {
        em.flush();
        List<?> rows = em.createNativeQuery("select id, task_id, member_id, status, attempts, created_at, sent_at"
                        + " from telegram_outbox where id = ?1 and origin = 'STAFF'")
                .setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        return new TelegramReply(
                r[0].toString(),
                r[1] == null ? null : r[1].toString(),
                r[2] == null ? null : r[2].toString(),
                (String) r[3],
                ((Number) r[4]).intValue(),
                DefaultKnowledgeBaseService.instant(r[5]),
                DefaultKnowledgeBaseService.instant(r[6]));
    }

    private MemberEntity visibleMember(String memberId) {
        return members.memberForHistory(memberId);
    }

    // --- intake and dispatch -----------------------------------------------------------------------------------

    @Override
    public boolean handleUpdate(String updateJson) {
        Update u;
        try {
            u = BotUtils.parseUpdate(updateJson);
        } catch (RuntimeException e) {
            return false;
        }
        return process(u);
    }

    private boolean process(Update u) {
        if (u == null || u.updateId() == null) {
            return false;
        }
        try {
            return callers.runAs(BotSettings.BOT, () -> engine.process(u));
        } catch (RuntimeException e) {
            // a bug or a broken update must not come back for ever: it is recorded as failed and skipped
            LOG.errorf(
                    "Telegram update %d could not be processed: %s",
                    u.updateId(), e.getClass().getName());
            callers.runAs(BotSettings.BOT, () -> {
                engine.recordFailed(u);
                return null;
            });
            return false;
        }
    }

    @Override
    @Transactional
    public int poll() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, POLL_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        long offset = ((Number) em.createNativeQuery("select next_offset from telegram_bot_state where id = 1")
                        .getSingleResult())
                .longValue();
        GetUpdatesResponse r = telegram.bot()
                .execute(new GetUpdates().offset((int) offset).limit(100).timeout((int)
                        settings.pollTimeout.toSeconds()));
        if (!r.isOk() || r.updates() == null) {
            LOG.warnf("Telegram getUpdates answered %d", r.errorCode());
            return 0;
        }
        int processed = 0;
        for (Update u : r.updates()) {
            if (u.updateId() != null && u.updateId() >= offset && process(u)) {
                processed++;
            }
        }
        return processed;
    }

    @Override
    public int dispatchDue(int max) {
        purgeNowAndThen();
        int n = 0;
        while (n < max && Boolean.TRUE.equals(callers.runAs(BotSettings.BOT, outbox::attemptOne))) {
            n++;
        }
        return n;
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < Duration.ofHours(1).toMillis() || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        callers.runAs(BotSettings.BOT, () -> {
            outbox.purge(settings.questionLogRetention);
            return null;
        });
    }

    @Override
    public void registerWebhook() {
        String url =
                settings.webhookUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (url == null || !telegram.configured()) {
            return;
        }
        SetWebhook request = new SetWebhook().url(url).allowedUpdates("message", "callback_query");
        settings.webhookSecret.filter(s -> !s.isBlank()).ifPresent(request::secretToken);
        BaseResponse r = telegram.bot().execute(request);
        if (r.isOk()) {
            LOG.info("Telegram webhook registered");
        } else {
            LOG.warnf("Telegram refused setWebhook: %d", r.errorCode());
        }
    }
}
