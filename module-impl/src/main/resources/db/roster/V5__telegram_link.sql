-- A member's Telegram chat, once linked through the bot (/start <code>). Shared by the bot (which writes it) and the
-- Telegram message channel (which reads the chat id to deliver broadcasts). One chat per member and one member per
-- chat: linking again moves the link.
create table member_telegram_chat (
    member_id         uuid        primary key references member (id),
    chat_id           bigint      not null,
    telegram_user_id  bigint,
    linked_at         timestamptz not null,
    constraint member_telegram_chat_chat_uk unique (chat_id)
);
