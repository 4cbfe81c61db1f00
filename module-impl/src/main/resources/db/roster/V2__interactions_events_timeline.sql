-- Interaction history, events and attendance, the member timeline, contact facts, and the audit trail's first table.

create table interaction_type (
    key                text primary key,
    labels             jsonb       not null,
    builtin            boolean     not null,
    counts_as_contact  boolean     not null,
    created_at         timestamptz not null
);
insert into interaction_type (key, labels, builtin, counts_as_contact, created_at) values
    ('CALL',             '{"ru":"Звонок","uk":"Дзвінок","en":"Call"}', true, true, now()),
    ('SMS',              '{"ru":"SMS","uk":"SMS","en":"SMS"}', true, true, now()),
    ('EMAIL',            '{"ru":"Письмо","uk":"Лист","en":"E-mail"}', true, true, now()),
    ('TELEGRAM',         '{"ru":"Сообщение в Telegram","uk":"Повідомлення в Telegram","en":"Telegram message"}', true, true, now()),
    ('MEETING',          '{"ru":"Встреча","uk":"Зустріч","en":"Meeting"}', true, true, now()),
    ('VISIT',            '{"ru":"Визит / обход","uk":"Візит / обхід","en":"Home visit / door knock"}', true, true, now()),
    ('EVENT_ATTENDANCE', '{"ru":"Участие в мероприятии","uk":"Участь у заході","en":"Event attendance"}', true, true, now()),
    ('TRAINING',         '{"ru":"Обучение","uk":"Навчання","en":"Training"}', true, true, now()),
    ('NOTE',             '{"ru":"Заметка","uk":"Нотатка","en":"Note"}', true, false, now()),
    ('CANVASS',          '{"ru":"Агитационный контакт","uk":"Агітаційний контакт","en":"Canvass"}', true, true, now()),
    ('OTHER',            '{"ru":"Другое","uk":"Інше","en":"Other"}', true, true, now());

create table interaction (
    id                uuid primary key,
    member_id         uuid        not null references member (id),
    org_unit_id       uuid        not null references org_unit (id),
    type              text        not null references interaction_type (key),
    direction         text        not null,
    channel           text        not null,
    occurred_at       timestamptz not null,
    duration_seconds  int,
    subject           text,
    body              text,
    outcome           text,
    phone             text,
    event_id          uuid,
    campaign_id       uuid,
    task_id           uuid,
    tags              text[]      not null default '{}',
    source            text        not null,
    external_ref      text,
    author_id         text        not null,
    author_name       text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    deleted_at        timestamptz,
    deleted_by        text,
    version           bigint      not null
);
create index interaction_member_time_idx on interaction (member_id, occurred_at desc, id desc);
create unique index interaction_external_ref_uk on interaction (external_ref) where external_ref is not null;
create index interaction_event_idx on interaction (event_id) where event_id is not null;

create table interaction_revision (
    id               uuid primary key,
    interaction_id   uuid        not null references interaction (id),
    revision         int         not null,
    changed_at       timestamptz not null,
    changed_by       text        not null,
    changed_by_name  text,
    changes          jsonb       not null,
    deleted          boolean     not null,
    constraint interaction_revision_uk unique (interaction_id, revision)
);

create table event (
    id           uuid primary key,
    org_unit_id  uuid        not null references org_unit (id),
    kind         text        not null,
    title        text        not null,
    description  text,
    place        text,
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    capacity     int check (capacity is null or capacity > 0),
    -- kept by the attendance writes in the same transaction, so listing events never counts registrations
    registered   int         not null default 0,
    attended     int         not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null
);
create index event_start_idx on event (starts_at, id);
create index event_org_start_idx on event (org_unit_id, starts_at, id);

create table event_attendance (
    event_id    uuid        not null references event (id),
    member_id   uuid        not null references member (id),
    status      text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null,
    primary key (event_id, member_id)
);
create index event_attendance_member_idx on event_attendance (member_id, event_id);

-- One row per thing shown on a member's timeline, written in the transaction of the change it records. A page is one
-- index range scan, whatever the length of the history and however many people attended an event.
create table timeline_entry (
    id           uuid primary key,
    member_id    uuid        not null references member (id),
    kind         text        not null,
    occurred_at  timestamptz not null,
    type         text,
    channel      text,
    ref_id       uuid,
    title        text,
    data         jsonb       not null default '{}'
);
create index timeline_member_time_idx on timeline_entry (member_id, occurred_at desc, id desc);
create index timeline_member_kind_time_idx on timeline_entry (member_id, kind, occurred_at desc, id desc);
create unique index timeline_entry_ref_uk on timeline_entry (member_id, kind, ref_id)
    where kind in ('INTERACTION', 'ATTENDANCE');

-- Earlier history joins the timeline.
insert into timeline_entry (id, member_id, kind, occurred_at, type, title, data)
select s.id, s.member_id, 'STATUS_CHANGE', s.changed_at, s.to_status,
       coalesce(s.from_status || ' → ', '') || s.to_status,
       jsonb_strip_nulls(jsonb_build_object('from', s.from_status, 'to', s.to_status, 'by', s.changed_by))
from member_status_change s;
insert into timeline_entry (id, member_id, kind, occurred_at, type, title, data)
select c.id, c.member_id, 'CONSENT_CHANGE', c.recorded_at, c.channel,
       c.channel || case when c.granted then ' +' else ' −' end,
       jsonb_strip_nulls(jsonb_build_object('granted', c.granted, 'source', c.source, 'by', c.recorded_by))
from member_consent_event c;

alter table member
    add column last_contact_at      timestamptz,
    add column last_contact_channel text,
    add column last_outcome         text;
create index member_last_contact_idx on member (last_contact_at, id);

-- Append-only record of writes: who, when, through what, what changed.
create table audit_event (
    id           uuid primary key,
    occurred_at  timestamptz not null,
    actor_id     text        not null,
    actor_kind   text        not null,
    actor_name   text,
    source       text        not null,
    action       text        not null,
    entity_type  text        not null,
    entity_id    uuid,
    member_id    uuid,
    changes      jsonb       not null default '{}'
);
create index audit_event_member_idx on audit_event (member_id, occurred_at desc, id desc) where member_id is not null;
create index audit_event_actor_idx on audit_event (actor_id, occurred_at desc, id desc);
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);

-- Names sort the way people read them: the ICU root collation orders Russian and Ukrainian letters together
-- (е ё є, и і ї, г ґ), where the byte order of collation "C" put ї, є, і after я. The indexes on sort_key follow.
alter table member alter column sort_key type text collate "und-x-icu";
