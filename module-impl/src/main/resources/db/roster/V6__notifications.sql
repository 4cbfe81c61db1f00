-- Notifications: templates, segments, broadcasts and their delivery outbox, the per-channel throttle, and time zones
-- of org units (for quiet hours).

-- A unit's time zone (IANA id); null inherits the nearest ancestor's, and the root's default is configuration.
alter table org_unit add column time_zone text;

-- Named templates with per-locale variants: {"ru": {"subject": …, "text": …, "html": …}, "uk": …, "en": …}.
create table notification_template (
    id           uuid primary key,
    org_unit_id  uuid        not null references org_unit (id),
    name         text        not null,
    description  text,
    variants     jsonb       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    version      bigint      not null,
    deleted_at   timestamptz
);
create unique index notification_template_name_uk on notification_template (org_unit_id, name)
    where deleted_at is null;
create index notification_template_list_idx on notification_template (created_at desc, id desc)
    where deleted_at is null;

-- Saved member filters (the member search's filters as JSON), owned by a unit: the audience never leaves its subtree.
create table segment (
    id           uuid primary key,
    org_unit_id  uuid        not null references org_unit (id),
    name         text        not null,
    filter       jsonb       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    updated_at   timestamptz not null,
    version      bigint      not null,
    deleted_at   timestamptz
);
create index segment_list_idx on segment (created_at desc, id desc) where deleted_at is null;

create table broadcast (
    id               uuid primary key,
    org_unit_id      uuid        not null references org_unit (id),
    name             text        not null,
    template_id      uuid        not null references notification_template (id),
    segment_id       uuid        references segment (id),
    -- an explicit audience (at most BroadcastRules.MAX_EXPLICIT members) when there is no segment
    member_ids       uuid[],
    channels         text[]      not null,
    start_at         timestamptz,
    rate_per_second  double precision not null default 0,
    quiet_start      time,
    quiet_end        time,
    max_attempts     int         not null,
    status           text        not null check (status in
                         ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'CANCELLED', 'COMPLETED')),
    recipients       int         not null default 0,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    started_at       timestamptz,
    completed_at     timestamptz,
    version          bigint      not null
);
create index broadcast_list_idx on broadcast (created_at desc, id desc);
create index broadcast_active_idx on broadcast (start_at) where status in ('SCHEDULED', 'RUNNING');

-- The outbox: one row per member and broadcast (the unique key makes "one message per member" a database fact).
-- QUEUED rows wait for next_attempt_at; SENDING rows are in flight until next_attempt_at (their lease), after which
-- another dispatcher may claim them again; the rest are final.
create table broadcast_delivery (
    id                   uuid primary key,
    broadcast_id         uuid        not null references broadcast (id),
    member_id            uuid        not null references member (id),
    status               text        not null check (status in
                             ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED', 'CANCELLED')),
    channel              text,
    attempts             int         not null default 0,
    next_attempt_at      timestamptz not null,
    provider_message_id  text,
    reason               text,
    deferrals            int         not null default 0,
    sent_at              timestamptz,
    updated_at           timestamptz not null,
    constraint broadcast_delivery_member_uk unique (broadcast_id, member_id)
);
create index broadcast_delivery_due_idx on broadcast_delivery (broadcast_id, next_attempt_at)
    where status in ('QUEUED', 'SENDING');
create index broadcast_delivery_status_idx on broadcast_delivery (broadcast_id, status, id);
create index broadcast_delivery_list_idx on broadcast_delivery (broadcast_id, id);
create index broadcast_delivery_member_idx on broadcast_delivery (member_id);

-- Throttle shared by every instance: the next free sending slot per key (a channel, or a broadcast on a channel),
-- moved forward atomically by whoever reserves slots.
create table send_slot (
    key        text primary key,
    next_slot  timestamptz not null
);
