-- Integration surface: a hash-chained audit trail, webhooks with an outbox, and links to the host CRM's contacts.

-- ---------------------------------------------------------------------------------------------------------------
-- Audit trail: every row carries its place in one chain (chain_seq), the hash of the row before it and its own hash,
-- sha256(prev_hash || canonical text of the row). Rows are appended only through audit_append, which takes the chain
-- head's row lock, so concurrent writers append one after another in commit order of that lock. A trigger refuses
-- UPDATE and DELETE; a row altered or removed behind its back breaks the chain, and verification finds where.
alter table audit_event add column request_id text;
alter table audit_event add column org_unit_id uuid;
alter table audit_event add column chain_seq bigint;
alter table audit_event add column prev_hash bytea;
alter table audit_event add column hash bytea;

create table audit_chain_head (
    id    int primary key check (id = 1),
    seq   bigint not null,
    hash  bytea  not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, decode(repeat('00', 32), 'hex'));

-- The canonical text a row's hash covers: a JSON array of its columns in a fixed order. Timestamps as microseconds
-- since the epoch, so the text does not depend on the session's time zone or date style; jsonb prints objects with
-- their keys in one order, so the text does not depend on how the changes were written either.
create function audit_canonical(
        p_seq bigint, p_id uuid, p_occurred_at timestamptz, p_actor_id text, p_actor_kind text, p_actor_name text,
        p_source text, p_action text, p_entity_type text, p_entity_id uuid, p_member_id uuid, p_org_unit_id uuid,
        p_request_id text, p_changes jsonb)
    returns bytea language sql immutable as $$
    select convert_to(jsonb_build_array(
        p_seq, p_id::text, (extract(epoch from p_occurred_at) * 1000000)::bigint, p_actor_id, p_actor_kind,
        p_actor_name, p_source, p_action, p_entity_type, p_entity_id::text, p_member_id::text, p_org_unit_id::text,
        p_request_id, p_changes)::text, 'UTF8')
$$;

-- Chain the rows written before this migration, oldest first.
do $$
declare
    r record;
    head_seq bigint := 0;
    head_hash bytea := decode(repeat('00', 32), 'hex');
    row_hash bytea;
begin
    for r in select * from audit_event order by occurred_at, id loop
        head_seq := head_seq + 1;
        row_hash := sha256(head_hash || audit_canonical(head_seq, r.id, r.occurred_at, r.actor_id, r.actor_kind,
            r.actor_name, r.source, r.action, r.entity_type, r.entity_id, r.member_id, r.org_unit_id, r.request_id,
            r.changes));
        update audit_event set chain_seq = head_seq, prev_hash = head_hash, hash = row_hash where id = r.id;
        head_hash := row_hash;
    end loop;
    update audit_chain_head set seq = head_seq, hash = head_hash where id = 1;
end $$;

alter table audit_event alter column chain_seq set not null;
alter table audit_event alter column prev_hash set not null;
alter table audit_event alter column hash set not null;
create unique index audit_event_chain_uk on audit_event (chain_seq);

create function audit_append(
        p_id uuid, p_occurred_at timestamptz, p_actor_id text, p_actor_kind text, p_actor_name text, p_source text,
        p_action text, p_entity_type text, p_entity_id uuid, p_member_id uuid, p_org_unit_id uuid, p_request_id text,
        p_changes jsonb)
    returns bigint language plpgsql as $$
declare
    head record;
    row_hash bytea;
begin
    select seq, hash into head from audit_chain_head where id = 1 for update;
    row_hash := sha256(head.hash || audit_canonical(head.seq + 1, p_id, p_occurred_at, p_actor_id, p_actor_kind,
        p_actor_name, p_source, p_action, p_entity_type, p_entity_id, p_member_id, p_org_unit_id, p_request_id,
        p_changes));
    insert into audit_event (id, occurred_at, actor_id, actor_kind, actor_name, source, action, entity_type,
            entity_id, member_id, org_unit_id, request_id, changes, chain_seq, prev_hash, hash)
        values (p_id, p_occurred_at, p_actor_id, p_actor_kind, p_actor_name, p_source, p_action, p_entity_type,
            p_entity_id, p_member_id, p_org_unit_id, p_request_id, p_changes, head.seq + 1, head.hash, row_hash);
    update audit_chain_head set seq = head.seq + 1, hash = row_hash where id = 1;
    return head.seq + 1;
end $$;

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();

-- Auditors query by member, by actor and by time (indexes from V2), and by record.
create index audit_event_entity_idx on audit_event (entity_id, occurred_at desc, id desc) where entity_id is not null;

-- ---------------------------------------------------------------------------------------------------------------
-- Webhooks. A subscription names a URL, event types and a secret; its scope is that of the key or person who
-- created it, so it is told only of records it could read.
create table webhook_subscription (
    id            uuid primary key,
    url           text        not null,
    event_types   text[]      not null,
    -- the secret signs deliveries, so it must be kept in the clear; it is never returned after creation
    secret        text        not null,
    active        boolean     not null default true,
    org_unit_ids  uuid[]      not null default '{}',
    unrestricted  boolean     not null,
    description   text,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0,
    deleted_at    timestamptz
);
create index webhook_subscription_created_idx on webhook_subscription (created_at desc, id desc) where deleted_at is null;

-- The outbox: one row per event, written in the transaction of the change. The id is the stable event id a
-- receiver deduplicates by.
create table webhook_event (
    id           uuid primary key,
    type         text        not null,
    occurred_at  timestamptz not null,
    entity_type  text        not null,
    entity_id    uuid,
    member_id    uuid,
    org_unit_id  uuid,
    payload      jsonb       not null
);
create index webhook_event_time_idx on webhook_event (occurred_at);

-- One delivery per (event, subscription), fanned out in the same transaction. Dispatchers claim due rows with
-- FOR UPDATE SKIP LOCKED, so two instances never send the same delivery at once.
create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references webhook_subscription (id),
    event_id         uuid        not null references webhook_event (id),
    status           text        not null,  -- PENDING, DELIVERED, FAILED
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    last_status      int,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    constraint webhook_delivery_uk unique (subscription_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, created_at desc, id desc);

-- Every attempt, for the delivery log.
create table webhook_attempt (
    id            uuid primary key,
    delivery_id   uuid        not null references webhook_delivery (id),
    attempt       int         not null,
    attempted_at  timestamptz not null,
    status        int,
    error         text,
    duration_ms   int         not null
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempt);

-- ---------------------------------------------------------------------------------------------------------------
-- Links between members and the host CRM's contacts, for contact directory sync.
create table member_crm_link (
    member_id       uuid        not null references member (id),
    directory       text        not null,
    crm_contact_id  text        not null,
    linked_at       timestamptz not null,
    linked_by       text        not null,
    primary key (member_id, directory),
    constraint member_crm_link_contact_uk unique (directory, crm_contact_id)
);

-- The admin key made on first start holds every permission; give it those that arrive with this version and the
-- pipelines' (V3).
update api_key
   set permissions = array(select distinct p from unnest(permissions || array['AUDIT_READ', 'WEBHOOK_ADMIN',
       'TASK_READ', 'TASK_WRITE', 'TASK_WIP_OVERRIDE', 'PIPELINE_ADMIN']) p order by p)
 where created_by = 'system' and revoked_at is null;
