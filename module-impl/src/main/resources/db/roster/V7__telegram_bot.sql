-- The Telegram bot (docs/telegram-bot.md): updates taken in, the polling offset, per-chat rate windows, link codes,
-- the outbox of the bot's own messages, escalations, and the knowledge base with its question log.

-- Every update processed, recorded in the transaction of its effects: a retry by Telegram or a restart finds its id
-- here and does nothing. Rows are purged after 30 days (Telegram retries for a day at most).
create table telegram_update (
    update_id    bigint      primary key,
    chat_id      bigint,
    received_at  timestamptz not null,
    outcome      text        not null
);
create index telegram_update_received_idx on telegram_update (received_at);

-- One row per bot (id 1): where long polling resumes. Advanced in the transaction of each processed update.
create table telegram_bot_state (
    id           int    primary key,
    next_offset  bigint not null
);
insert into telegram_bot_state (id, next_offset) values (1, 0);

-- Per-chat fixed one-minute windows of the rate limit, shared by every instance.
create table telegram_chat_window (
    chat_id        bigint      primary key,
    window_start   timestamptz not null,
    messages       int         not null,
    busy_notified  boolean     not null
);

-- Single-use link codes: only the SHA-256 of the code is kept.
create table telegram_link_code (
    code_hash   text        primary key,
    member_id   uuid        not null references member (id),
    created_by  text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index telegram_link_code_member_idx on telegram_link_code (member_id, created_at desc);

-- The bot's own outgoing messages (answers, staff replies, callback answers), written in the transaction that decides
-- to send them and sent after commit by a dispatcher claiming rows with FOR UPDATE SKIP LOCKED. Broadcasts have
-- their own outbox (docs/notifications.md).
create table telegram_outbox (
    id                 uuid        primary key,
    kind               text        not null,  -- MESSAGE | CALLBACK_ANSWER
    chat_id            bigint      not null,
    member_id          uuid        references member (id),
    text               text,
    reply_markup       jsonb,
    callback_query_id  text,
    task_id            uuid,
    origin             text        not null,  -- BOT | STAFF
    status             text        not null,  -- PENDING | SENT | FAILED
    attempts           int         not null default 0,
    next_attempt_at    timestamptz not null,
    last_error         text,
    created_by         text        not null,
    created_at         timestamptz not null,
    sent_at            timestamptz
);
create index telegram_outbox_due_idx on telegram_outbox (next_attempt_at) where status = 'PENDING';
-- messages of one chat go out in order: a row waits while an older one of its chat is pending
create index telegram_outbox_chat_idx on telegram_outbox (chat_id, created_at) where status = 'PENDING';
create index telegram_outbox_task_idx on telegram_outbox (task_id, created_at) where task_id is not null;

-- The member-question cards the bot opened, so further questions go to the open card instead of a new one.
create table telegram_escalation (
    member_id   uuid        primary key references member (id),
    task_id     uuid        not null,
    created_at  timestamptz not null
);

-- Knowledge base entries: answers per language (jsonb {"ru": …, "uk": …, "en": …}); org_unit_id null = the whole
-- organisation. Soft-deleted so the question log keeps its references.
create table kb_entry (
    id           uuid        primary key,
    org_unit_id  uuid        references org_unit (id),
    answers      jsonb       not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    deleted_at   timestamptz,
    version      bigint      not null
);
create index kb_entry_unit_idx on kb_entry (org_unit_id, id) where deleted_at is null;

-- Question variants, matched with full-text search (russian, english, simple for Ukrainian) and trigrams (typos).
create table kb_question (
    id          uuid     primary key,
    entry_id    uuid     not null references kb_entry (id),
    position    int      not null,
    language    text     not null,
    text        text     not null,
    -- lower() under the ICU collation: the database's own may be C, which folds ASCII only
    norm        text     generated always as (lower(translate(text, 'Ёё', 'Ее') collate "und-x-icu")) stored,
    tsv_ru      tsvector generated always as (to_tsvector('russian'::regconfig, text)) stored,
    tsv_en      tsvector generated always as (to_tsvector('english'::regconfig, text)) stored,
    tsv_simple  tsvector generated always as (to_tsvector('simple'::regconfig, text)) stored
);
create index kb_question_entry_idx on kb_question (entry_id, position);
create index kb_question_ru_idx on kb_question using gin (tsv_ru);
create index kb_question_en_idx on kb_question using gin (tsv_en);
create index kb_question_simple_idx on kb_question using gin (tsv_simple);
create index kb_question_trgm_idx on kb_question using gin (norm gin_trgm_ops);

-- Every question asked of the bot: what matched and how confidently. The text is kept only when nothing was answered
-- (staff need it to write new entries); no chat or member is recorded, only the unit, for scoped statistics.
create table kb_question_log (
    id           uuid        primary key,
    asked_at     timestamptz not null,
    org_unit_id  uuid,
    language     text        not null,
    entry_id     uuid,
    confidence   real        not null,
    outcome      text        not null,  -- ANSWERED | SUGGESTED | CHOSEN | UNANSWERED
    text         text
);
create index kb_question_log_time_idx on kb_question_log (asked_at);
