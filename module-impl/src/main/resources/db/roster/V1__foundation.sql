-- Roster foundation: org tree, member profiles, API keys, idempotency records.
-- Needs PostgreSQL 15+ with the contrib extensions below (all "trusted": a database owner may create them).
create extension if not exists ltree;
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table org_unit (
    id          uuid primary key,
    code        text        not null,
    name        text        not null,
    kind        text        not null,
    parent_id   uuid        references org_unit (id),
    -- labels are the unit ids without dashes, so renames never touch paths and moves rewrite one prefix
    path        ltree       not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null,
    constraint org_unit_code_uk unique (code),
    constraint org_unit_path_uk unique (path)
);
create index org_unit_path_gist on org_unit using gist (path);
create index org_unit_parent_name_idx on org_unit (parent_id, name, id);

create table member (
    id                  uuid primary key,
    org_unit_id         uuid        not null references org_unit (id),
    given_name          text,
    patronymic          text,
    family_name         text,
    birth_date          date,
    gender              text,
    preferred_language  text        not null,
    status              text        not null,
    membership_number   text,
    joined_on           date,
    left_on             date,
    support_level       smallint check (support_level between 1 and 5),
    positions           jsonb       not null default '[]',
    tags                text[]      not null default '{}',
    skills              text[]      not null default '{}',
    telegram_username   text,
    do_not_contact      text[]      not null default '{}',
    custom_attributes   jsonb       not null default '{}',
    -- transliterated, folded name variants for fuzzy search (see NameKeys); sort_key orders by name
    search_key          text        not null,
    sort_key            text        collate "C" not null,
    archived_at         timestamptz,
    merged_into_id      uuid        references member (id),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null
);
create unique index member_membership_number_uk on member (membership_number) where membership_number is not null;
create index member_search_key_trgm on member using gin (search_key gin_trgm_ops);
create index member_org_sort_idx on member (org_unit_id, sort_key, id);
create index member_sort_idx on member (sort_key, id);
create index member_birth_date_idx on member (birth_date) where birth_date is not null;
create index member_updated_idx on member (updated_at, id);
create index member_created_idx on member (created_at, id);
create index member_tags_gin on member using gin (tags);
create index member_merged_into_idx on member (merged_into_id) where merged_into_id is not null;

create table member_contact (
    id          uuid primary key,
    member_id   uuid    not null references member (id) on delete cascade,
    kind        text    not null check (kind in ('PHONE', 'EMAIL', 'ADDRESS')),
    position    int     not null,
    -- E.164 for phones, normalised address for e-mails, formatted one-line text for postal addresses
    value       text    not null,
    -- lower-cased lookup key: exact search by phone and e-mail
    lookup      text    not null,
    label       text,
    is_primary  boolean not null default false,
    status      text    not null,
    details     jsonb
);
create index member_contact_member_idx on member_contact (member_id, kind, position);
create index member_contact_lookup_idx on member_contact (kind, lookup) where kind in ('PHONE', 'EMAIL');

create table member_consent (
    member_id    uuid        not null references member (id) on delete cascade,
    channel      text        not null,
    granted      boolean     not null,
    source       text,
    evidence     text,
    recorded_at  timestamptz not null,
    recorded_by  text        not null,
    primary key (member_id, channel)
);
create index member_consent_granted_idx on member_consent (channel, member_id) where granted;

-- Append-only history of consent changes, kept as evidence.
create table member_consent_event (
    id           uuid primary key,
    member_id    uuid        not null references member (id) on delete cascade,
    channel      text        not null,
    granted      boolean     not null,
    source       text,
    evidence     text,
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);
create index member_consent_event_member_idx on member_consent_event (member_id, recorded_at desc, id desc);

create table member_status_change (
    id           uuid primary key,
    member_id    uuid        not null references member (id) on delete cascade,
    from_status  text,
    to_status    text        not null,
    changed_at   timestamptz not null,
    changed_by   text        not null
);
create index member_status_change_member_idx on member_status_change (member_id, changed_at desc, id desc);

create table member_merge (
    id               uuid primary key,
    target_id        uuid        not null references member (id),
    source_id        uuid        not null references member (id),
    attribute_rule   text        not null,
    merged_at        timestamptz not null,
    merged_by        text        not null
);

create table attribute_definition (
    key         text primary key,
    type        text        not null,
    required    boolean     not null,
    labels      jsonb       not null,
    options     jsonb       not null default '[]',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null
);

create table api_key (
    id            uuid primary key,
    name          text        not null,
    prefix        text        not null,
    -- SHA-256 of the secret; secrets are 256-bit random, so a fast hash is enough and the secret is never stored
    secret_hash   bytea       not null,
    permissions   text[]      not null,
    org_unit_ids  uuid[]      not null default '{}',
    created_at    timestamptz not null,
    created_by    text        not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    constraint api_key_secret_hash_uk unique (secret_hash)
);
create index api_key_created_idx on api_key (created_at desc, id desc);

create table idempotency_record (
    caller_id     text        not null,
    key           text        not null,
    fingerprint   text        not null,
    status        int,
    location      text,
    etag          text,
    body          text,
    created_at    timestamptz not null,
    primary key (caller_id, key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);

-- One row per installation-wide fact, e.g. that the demo data was loaded.
create table installation_fact (
    name        text primary key,
    value       text        not null,
    created_at  timestamptz not null
);
