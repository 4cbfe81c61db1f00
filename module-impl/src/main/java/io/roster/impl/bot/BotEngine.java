package io.roster.impl.bot;

import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Chat;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.User;
import io.roster.api.common.Language;
import io.roster.api.event.AttendanceMark;
import io.roster.api.event.AttendanceStatus;
import io.roster.api.event.EventService;
import io.roster.api.interaction.Direction;
import io.roster.api.interaction.InteractionService;
import io.roster.api.member.Consent;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberService;
import io.roster.api.pipeline.Task;
import io.roster.api.pipeline.TaskDraft;
import io.roster.api.pipeline.TaskService;
import io.roster.impl.audit.AuditLog;
import io.roster.impl.bot.BotOutbox.Button;
import io.roster.impl.bot.BotTexts.Key;
import io.roster.impl.bot.KnowledgeScorer.Decision;
import io.roster.impl.bot.KnowledgeScorer.Scored;
import io.roster.impl.common.Ids;
import io.roster.impl.common.RosterClock;
import io.roster.impl.org.UnitTimeZones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Processes one Telegram update in one transaction, as the bot (caller bound by the caller of {@link #process}). The
 * update id is recorded first, so a second delivery of the same update finds it and does nothing, and everything the
 * update causes (link, consent, interactions, task, question log, queued replies) commits or rolls back with it.
 */
@ApplicationScoped
public class BotEngine {
    static final int MAX_QUESTION = 1000;
    static final int CONVERSATION_MESSAGES = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    BotSettings settings;

    @Inject
    BotOutbox outbox;

    @Inject
    KnowledgeMatcher matcher;

    @Inject
    InteractionService interactions;

    @Inject
    MemberService members;

    @Inject
    EventService events;

    @Inject
    TaskService tasks;

    @Inject
    AuditLog audit;

    @Inject
    RosterClock clock;

    @Inject
    @ConfigProperty(name = "roster.telegram.time-zone")
    Optional<String> timeZone;

    @Inject
    @ConfigProperty(name = "roster.notifications.default-time-zone", defaultValue = "Europe/Moscow")
    String defaultTimeZone;

    /** A linked member, as far as the bot needs to know them (no names, no contacts). */
    record Linked(UUID memberId, UUID orgUnitId, Language language) {}

    /** The chat an update came from. */
    record Ctx(long chatId, Long userId, Language language, Linked member, Instant now) {
        boolean linked() {
            return member != null;
        }

        UUID memberId() {
            return member == null ? null : member.memberId();
        }
    }

    /**
     * Processes an update unless it was processed before.
     *
     * @return whether it was processed now
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean process(Update u) {
        if (u == null || u.updateId() == null) {
            return false;
        }
        long updateId = u.updateId();
        Message m = u.message();
        CallbackQuery cq = u.callbackQuery();
        Chat chat = m != null
                ? m.chat()
                : cq != null && cq.maybeInaccessibleMessage() != null
                        ? cq.maybeInaccessibleMessage().chat()
                        : null;
        User from = m != null ? m.from() : cq != null ? cq.from() : null;
        Long chatId = chat == null ? null : chat.id();
        Instant now = clock.now();
        if (!record(updateId, chatId, now)) {
            return false;
        }
        String outcome;
        if (chatId == null || chat.type() != Chat.Type.Private || (m == null && cq == null)) {
            // groups, channels, edits, reactions: the bot talks to people one to one
            outcome = "IGNORED";
        } else {
            outcome = rateLimited(chatId, from, now);
            if (outcome == null) {
                Linked member = linked(chatId);
                Language language = member != null ? member.language() : userLanguage(from);
                Ctx ctx = new Ctx(chatId, from == null ? null : from.id(), language, member, now);
                if (m != null) {
                    onMessage(ctx, m.text());
                } else {
                    onButton(ctx, cq);
                }
                outcome = "PROCESSED";
            }
        }
        em.createNativeQuery("update telegram_update set outcome = ?2 where update_id = ?1")
                .setParameter(1, updateId)
                .setParameter(2, outcome)
                .executeUpdate();
        return true;
    }

    /** An update that could not be processed is recorded as failed, so it is not fetched and retried for ever. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailed(Update u) {
        if (u == null || u.updateId() == null) {
            return;
        }
        if (record(u.updateId(), null, clock.now())) {
            em.createNativeQuery("update telegram_update set outcome = 'FAILED' where update_id = ?1")
                    .setParameter(1, (long) u.updateId())
                    .executeUpdate();
        }
    }

    private boolean record(long updateId, Long chatId, Instant now) {
        int inserted = em.createNativeQuery("insert into telegram_update (update_id, chat_id, received_at, outcome)"
                        + " values (?1, ?2, ?3, 'PENDING') on conflict (update_id) do nothing")
                .setParameter(1, updateId)
                .setParameter(2, chatId)
                .setParameter(3, now)
                .executeUpdate();
        em.createNativeQuery("update telegram_bot_state set next_offset = greatest(next_offset, ?1) where id = 1")
                .setParameter(1, updateId + 1)
                .executeUpdate();
        return inserted == 1;
    }

    /** {@code null} to go on; otherwise the outcome of a message over the chat's limit. */
    private String rateLimited(long chatId, User from, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery(ChatRateLimit.COUNT)
                .setParameter(1, chatId)
                .setParameter(2, now)
                .getSingleResult();
        int messages = ((Number) row[0]).intValue();
        boolean notified = (Boolean) row[1];
        return switch (ChatRateLimit.decide(messages, notified, settings.perMinute)) {
            case PROCESS -> null;
            case IGNORE -> "RATE_LIMITED";
            case REPLY_BUSY -> {
                em.createNativeQuery("update telegram_chat_window set busy_notified = true where chat_id = ?1")
                        .setParameter(1, chatId)
                        .executeUpdate();
                Linked member = linked(chatId);
                Language language = member != null ? member.language() : userLanguage(from);
                send(new Ctx(chatId, null, language, member, now), BotTexts.get(Key.BUSY, language), null);
                yield "RATE_LIMITED";
            }
        };
    }

    private Language userLanguage(User from) {
        Language l = from == null ? null : Language.fromTag(from.languageCode());
        return l == null ? settings.defaultLanguage() : l;
    }

    private Linked linked(long chatId) {
        List<?> rows = em.createNativeQuery("select m.id, m.org_unit_id, m.preferred_language from"
                        + " member_telegram_chat t join member m on m.id = t.member_id where t.chat_id = ?1"
                        + " and m.archived_at is null and m.merged_into_id is null")
                .setParameter(1, chatId)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        Language l = Language.fromTag((String) r[2]);
        return new Linked((UUID) r[0], (UUID) r[1], l == null ? Language.RU : l);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void onMessage(Ctx ctx, String text) {
        String t = text == null ? "" : text.strip();
        if (ctx.linked()) {
            // a link code is a credential until used: it never goes into the history
            boolean code = t.toLowerCase(Locale.ROOT).startsWith("/start ");
            interactions.log(BotOutbox.timelineEntry(ctx.memberId(), Direction.INBOUND, code ? "/start ‹code›" : text));
        }
        if (t.isEmpty()) {
            send(ctx, BotTexts.get(Key.HELP, ctx.language()), null);
            return;
        }
        if (t.startsWith("/")) {
            int space = t.indexOf(' ');
            String command = (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
            int at = command.indexOf('@');
            if (at > 0) {
                command = command.substring(0, at);
            }
            String argument = space < 0 ? "" : t.substring(space + 1).strip();
            switch (command) {
                case "/start" -> start(ctx, argument);
                case "/stop" -> stop(ctx);
                case "/events" -> events(ctx);
                case "/human" -> escalate(ctx, null, Key.ESCALATED);
                default -> send(ctx, BotTexts.get(Key.HELP, ctx.language()), null);
            }
            return;
        }
        question(ctx, t);
    }

    private void onButton(Ctx ctx, CallbackQuery cq) {
        String data = cq.data() == null ? "" : cq.data();
        if (ctx.linked()) {
            interactions.log(BotOutbox.timelineEntry(ctx.memberId(), Direction.INBOUND, "[button] " + data));
        }
        outbox.callbackAnswer(ctx.chatId(), cq.id(), ctx.now());
        if (data.startsWith("kb:")) {
            chosen(ctx, Ids.parse(data.substring(3)).orElse(null));
        } else if (data.startsWith("ev:")) {
            register(ctx, Ids.parse(data.substring(3)).orElse(null));
        } else if (data.equals("human")) {
            escalate(ctx, null, Key.ESCALATED);
        } else {
            send(ctx, BotTexts.get(Key.HELP, ctx.language()), null);
        }
    }

    // --- linking and consent -----------------------------------------------------------------------------------

    private void start(Ctx ctx, String code) {
        if (code.isEmpty()) {
            if (ctx.linked()) {
                consent(ctx.memberId(), true, "/start in the linked Telegram chat");
                send(ctx, BotTexts.get(Key.SUBSCRIBED, ctx.language()), null);
            } else {
                send(ctx, BotTexts.get(Key.WELCOME, ctx.language()), null);
            }
            return;
        }
        UUID memberId = LinkCodes.plausible(code) ? redeem(code, ctx.now()) : null;
        if (memberId == null) {
            send(ctx, BotTexts.get(Key.BAD_CODE, ctx.language()), null);
            return;
        }
        em.createNativeQuery("delete from member_telegram_chat where chat_id = ?1 or member_id = ?2")
                .setParameter(1, ctx.chatId())
                .setParameter(2, memberId)
                .executeUpdate();
        em.createNativeQuery("insert into member_telegram_chat (member_id, chat_id, telegram_user_id, linked_at)"
                        + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, memberId)
                .setParameter(2, ctx.chatId())
                .setParameter(3, ctx.userId())
                .setParameter(4, ctx.now())
                .executeUpdate();
        audit.record("telegram.linked", "member", memberId, memberId, Map.of("via", "link code"));
        consent(memberId, true, "linked with /start and a link code");
        Linked member = linked(ctx.chatId());
        Ctx now = new Ctx(ctx.chatId(), ctx.userId(), member.language(), member, ctx.now());
        interactions.log(BotOutbox.timelineEntry(memberId, Direction.INBOUND, "/start"));
        send(now, BotTexts.get(Key.LINKED, now.language()), null);
    }

    /** The member a usable code links, marking it used; {@code null} for an unknown, used or expired code. */
    private UUID redeem(String code, Instant now) {
        List<?> rows = em.createNativeQuery("select c.member_id, c.expires_at, c.used_at from telegram_link_code c"
                        + " join member m on m.id = c.member_id where c.code_hash = ?1"
                        + " and m.archived_at is null and m.merged_into_id is null for update of c")
                .setParameter(1, LinkCodes.hash(code))
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = (Object[]) rows.get(0);
        if (!LinkCodes.usable(
                DefaultKnowledgeBaseService.instant(r[1]), DefaultKnowledgeBaseService.instant(r[2]), now)) {
            return null;
        }
        em.createNativeQuery("update telegram_link_code set used_at = ?2 where code_hash = ?1")
                .setParameter(1, LinkCodes.hash(code))
                .setParameter(2, now)
                .executeUpdate();
        return (UUID) r[0];
    }

    private void stop(Ctx ctx) {
        if (!ctx.linked()) {
            send(ctx, BotTexts.get(Key.NOT_LINKED_STOP, ctx.language()), null);
            return;
        }
        consent(ctx.memberId(), false, "/stop in the linked Telegram chat");
        send(ctx, BotTexts.get(Key.STOPPED, ctx.language()), null);
    }

    /** Records the TELEGRAM consent (a consent change in the member's history) unless it already says so. */
    private void consent(UUID memberId, boolean granted, String evidence) {
        members.update(memberId.toString(), null, d -> {
            List<Consent> consents = new ArrayList<>(d.consents() == null ? List.of() : d.consents());
            boolean same = consents.stream()
                    .anyMatch(c -> c.channel() == ContactChannel.TELEGRAM
                            && Boolean.valueOf(granted).equals(c.granted()));
            if (same) {
                return d;
            }
            consents.removeIf(c -> c.channel() == ContactChannel.TELEGRAM);
            consents.add(new Consent(ContactChannel.TELEGRAM, granted, "telegram", evidence, null));
            return d.toBuilder().consents(consents).build();
        });
    }

    // --- knowledge base ----------------------------------------------------------------------------------------

    private List<UUID> units(Ctx ctx) {
        return ctx.linked()
                ? DefaultKnowledgeBaseService.unitAndAncestors(em, ctx.member().orgUnitId())
                : List.of();
    }

    private void question(Ctx ctx, String text) {
        String t = text.length() > MAX_QUESTION ? text.substring(0, MAX_QUESTION) : text;
        KnowledgeMatcher.Result r = matcher.match(t, units(ctx));
        Scored top = r.ranked().isEmpty() ? null : r.ranked().get(0);
        double confidence = top == null ? 0 : top.confidence();
        if (r.decision() == Decision.ANSWER) {
            logQuestion(ctx, top.entryId(), confidence, "ANSWERED", null);
            send(ctx, answer(top.entryId(), ctx.language()), null);
        } else if (r.decision() == Decision.SUGGEST) {
            logQuestion(ctx, top.entryId(), confidence, "SUGGESTED", null);
            List<List<Button>> buttons = new ArrayList<>();
            for (Scored s : r.suggestions(settings.suggestionThreshold)) {
                buttons.add(List.of(new Button(label(s.question()), "kb:" + s.entryId())));
            }
            if (ctx.linked()) {
                buttons.add(List.of(new Button(BotTexts.get(Key.HUMAN_BUTTON, ctx.language()), "human")));
            }
            send(ctx, BotTexts.get(Key.SUGGESTIONS, ctx.language()), buttons);
        } else {
            logQuestion(ctx, null, confidence, "UNANSWERED", t);
            if (ctx.linked()) {
                escalate(ctx, t, Key.NOT_FOUND_ESCALATED);
            } else {
                send(ctx, BotTexts.get(Key.NOT_FOUND_UNLINKED, ctx.language()), null);
            }
        }
    }

    private void chosen(Ctx ctx, UUID entryId) {
        boolean visible = entryId != null
                && !em.createNativeQuery("select 1 from kb_entry e where e.id = ?1 and e.deleted_at is null and"
                                + " (e.org_unit_id is null or e.org_unit_id = any(cast(?2 as uuid[])))")
                        .setParameter(1, entryId)
                        .setParameter(2, uuidArray(units(ctx)))
                        .getResultList()
                        .isEmpty();
        if (!visible) {
            send(ctx, BotTexts.get(Key.UNKNOWN_ENTRY, ctx.language()), null);
            return;
        }
        logQuestion(ctx, entryId, 1, "CHOSEN", null);
        send(ctx, answer(entryId, ctx.language()), null);
    }

    /** The entry's answer in the language, else the default language, else any it has. */
    private String answer(UUID entryId, Language language) {
        Map<String, String> answers = DefaultKnowledgeBaseService.answers(em, entryId);
        for (Language l : List.of(language, settings.defaultLanguage(), Language.RU, Language.UK, Language.EN)) {
            String a = answers.get(l.code());
            if (a != null) {
                return a;
            }
        }
        return "—";
    }

    /**
     * The question log: entry and confidence always; the text only when nothing answered (staff need it to write new
     * entries). No chat or member, only the unit, for scoped statistics.
     */
    private void logQuestion(Ctx ctx, UUID entryId, double confidence, String outcome, String text) {
        em.createNativeQuery("insert into kb_question_log (id, asked_at, org_unit_id, language, entry_id, confidence,"
                        + " outcome, text) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, Ids.newUuid())
                .setParameter(2, ctx.now())
                .setParameter(3, ctx.linked() ? ctx.member().orgUnitId() : null)
                .setParameter(4, ctx.language().code())
                .setParameter(5, entryId)
                .setParameter(6, (float) confidence)
                .setParameter(7, outcome)
                .setParameter(8, text == null ? null : text.length() > 500 ? text.substring(0, 500) : text)
                .executeUpdate();
    }

    private static String label(String question) {
        String q = question.replaceAll("\\s+", " ").strip();
        return q.codePointCount(0, q.length()) > 60 ? q.substring(0, q.offsetByCodePoints(0, 59)) + "…" : q;
    }

    // --- escalation --------------------------------------------------------------------------------------------

    private void escalate(Ctx ctx, String question, Key reply) {
        if (!ctx.linked()) {
            send(ctx, BotTexts.get(Key.HUMAN_UNLINKED, ctx.language()), null);
            return;
        }
        UUID memberId = ctx.memberId();
        List<?> open = em.createNativeQuery(
                        "select e.task_id from telegram_escalation e join task t on t.id = e.task_id"
                                + " where e.member_id = ?1 and t.closed_at is null")
                .setParameter(1, memberId)
                .getResultList();
        String note = question == null ? "/human" : question;
        if (!open.isEmpty()) {
            tasks.comment(open.get(0).toString(), "Telegram: " + note);
        } else {
            String title = question == null
                    ? "Telegram: просьба связаться с сотрудником"
                    : "Telegram: " + question.replaceAll("\\s+", " ").strip();
            if (title.codePointCount(0, title.length()) > 150) {
                title = title.substring(0, title.offsetByCodePoints(0, 149)) + "…";
            }
            Task task = tasks.create(
                    new TaskDraft(
                            settings.escalationPipeline,
                            null,
                            memberId.toString(),
                            null,
                            title,
                            conversation(memberId),
                            null,
                            null,
                            null,
                            null,
                            List.of("telegram"),
                            null,
                            null),
                    null);
            em.createNativeQuery("insert into telegram_escalation (member_id, task_id, created_at) values (?1, ?2, ?3)"
                            + " on conflict (member_id) do update set task_id = excluded.task_id,"
                            + " created_at = excluded.created_at")
                    .setParameter(1, memberId)
                    .setParameter(2, UUID.fromString(task.id()))
                    .setParameter(3, ctx.now())
                    .executeUpdate();
        }
        send(ctx, BotTexts.get(reply, ctx.language()), null);
    }

    /** The recent messages of the chat, oldest first, from the member's timeline: "←" the member, "→" the bot. */
    private String conversation(UUID memberId) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.occurred_at, i.direction, i.body from interaction i"
                        + " where i.member_id = ?1 and i.channel = 'TELEGRAM' and i.source = 'BOT'"
                        + " and i.deleted_at is null order by i.occurred_at desc, i.id desc limit ?2")
                .setParameter(1, memberId)
                .setParameter(2, CONVERSATION_MESSAGES)
                .getResultList();
        List<Object[]> ordered = new ArrayList<>(rows);
        Collections.reverse(ordered);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone(unitOf(memberId)));
        StringBuilder b = new StringBuilder();
        for (Object[] r : ordered) {
            String line = f.format(DefaultKnowledgeBaseService.instant(r[0]))
                    + ("INBOUND".equals(r[1]) ? " ← " : " → ")
                    + r[2]
                    + "\n";
            if (b.length() + line.length() > 9000) {
                break;
            }
            b.append(line);
        }
        return b.toString().strip();
    }

    // --- events ------------------------------------------------------------------------------------------------

    private void events(Ctx ctx) {
        List<UUID> units = ctx.linked()
                ? units(ctx)
                : em.createNativeQuery("select id from org_unit where parent_id is null").getResultList().stream()
                        .map(o -> (UUID) o)
                        .toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.id, e.title, e.starts_at, e.place from event e"
                        + " where e.org_unit_id = any(cast(?1 as uuid[])) and e.starts_at >= ?2"
                        + " order by e.starts_at, e.id limit 5")
                .setParameter(1, uuidArray(units))
                .setParameter(2, ctx.now())
                .getResultList();
        if (rows.isEmpty()) {
            send(ctx, BotTexts.get(Key.NO_EVENTS, ctx.language()), null);
            return;
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                .withZone(zone(ctx.linked() ? ctx.member().orgUnitId() : null));
        StringBuilder b = new StringBuilder(BotTexts.get(Key.EVENTS_HEADER, ctx.language()));
        List<List<Button>> buttons = new ArrayList<>();
        for (Object[] r : rows) {
            b.append("\n• ")
                    .append(f.format(DefaultKnowledgeBaseService.instant(r[2])))
                    .append(" — ")
                    .append(r[1]);
            if (r[3] != null) {
                b.append(" (").append(r[3]).append(')');
            }
            if (ctx.linked()) {
                buttons.add(List.of(new Button(
                        BotTexts.get(Key.REGISTER_BUTTON, ctx.language()) + label((String) r[1]), "ev:" + r[0])));
            }
        }
        if (!ctx.linked()) {
            b.append("\n\n").append(BotTexts.get(Key.EVENTS_LINK_TO_REGISTER, ctx.language()));
        }
        send(ctx, b.toString(), buttons);
    }

    private void register(Ctx ctx, UUID eventId) {
        if (!ctx.linked()) {
            send(ctx, BotTexts.get(Key.EVENTS_LINK_TO_REGISTER, ctx.language()), null);
            return;
        }
        List<?> rows = eventId == null
                ? List.of()
                : em.createNativeQuery("select e.title from event e where e.id = ?1 and e.starts_at >= ?2"
                                + " and e.org_unit_id = any(cast(?3 as uuid[]))")
                        .setParameter(1, eventId)
                        .setParameter(2, ctx.now())
                        .setParameter(3, uuidArray(units(ctx)))
                        .getResultList();
        if (rows.isEmpty()) {
            send(ctx, BotTexts.get(Key.EVENT_GONE, ctx.language()), null);
            return;
        }
        boolean registered = !em.createNativeQuery("select 1 from event_attendance a where a.event_id = ?1"
                        + " and a.member_id = ?2 and a.status in ('REGISTERED', 'ATTENDED')")
                .setParameter(1, eventId)
                .setParameter(2, ctx.memberId())
                .getResultList()
                .isEmpty();
        if (!registered) {
            if (full(eventId)) {
                send(ctx, BotTexts.get(Key.EVENT_FULL, ctx.language()), null);
                return;
            }
            events.mark(
                    eventId.toString(),
                    List.of(new AttendanceMark(ctx.memberId().toString(), AttendanceStatus.REGISTERED)));
        }
        send(ctx, BotTexts.get(Key.REGISTERED, ctx.language()) + rows.get(0), null);
    }

    /** Checked before marking: a capacity conflict thrown inside would roll the whole update back. */
    private boolean full(UUID eventId) {
        Object[] r = (Object[]) em.createNativeQuery("select e.capacity, e.registered from event e where e.id = ?1")
                .setParameter(1, eventId)
                .getSingleResult();
        return r[0] != null && ((Number) r[1]).intValue() >= ((Number) r[0]).intValue();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private void send(Ctx ctx, String text, List<List<Button>> buttons) {
        outbox.message(ctx.chatId(), ctx.memberId(), text, buttons, "BOT", null, "telegram-bot", ctx.now());
    }

    /**
     * The time zone times are written in for a unit's members: the unit's own or its nearest ancestor's (set for
     * quiet hours, see notifications), else {@code roster.telegram.time-zone}, else the notifications' default.
     */
    private ZoneId zone(UUID orgUnitId) {
        if (orgUnitId != null) {
            @SuppressWarnings("unchecked")
            List<String> own = em.createNativeQuery(
                            "select " + UnitTimeZones.nearest("u.path") + " from org_unit u where u.id = ?1")
                    .setParameter(1, orgUnitId)
                    .getResultList();
            ZoneId z = own.isEmpty() ? null : zoneOrNull(own.get(0));
            if (z != null) {
                return z;
            }
        }
        ZoneId configured = timeZone.map(BotEngine::zoneOrNull).orElse(null);
        if (configured != null) {
            return configured;
        }
        ZoneId fallback = zoneOrNull(defaultTimeZone);
        return fallback == null ? ZoneId.of("UTC") : fallback;
    }

    private static ZoneId zoneOrNull(String id) {
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private UUID unitOf(UUID memberId) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery("select org_unit_id from member where id = ?1")
                .setParameter(1, memberId)
                .getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    static String uuidArray(List<UUID> ids) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(ids.get(i));
        }
        return b.append('}').toString();
    }
}
