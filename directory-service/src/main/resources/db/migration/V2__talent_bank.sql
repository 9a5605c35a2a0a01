-- Talent bank (人材バンク): personal data of people who consented to be contacted for the stated purpose.
-- Rows are really deleted on withdrawal and after the retention period; nothing here is ever published.
create table talent_entry (
    id                uuid primary key,
    subject           text        not null unique,
    display_name      text        not null,
    display_name_kana text,
    name_folded       text        not null,
    availability      text        not null,
    email             text,
    phone             text,
    purpose_id        text        not null,
    consented_at      timestamptz not null,
    expires_at        timestamptz not null,
    registered_at     timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null
);
create index talent_entry_expiry on talent_entry (expires_at);

create table talent_skill (
    entry_id     uuid not null references talent_entry (id) on delete cascade,
    position     int  not null,
    skill        text not null,
    skill_folded text not null,
    primary key (entry_id, position)
);
create index talent_skill_by_folded on talent_skill (skill_folded);

create table talent_field (
    entry_id uuid not null references talent_entry (id) on delete cascade,
    field    text not null,
    primary key (entry_id, field)
);
create index talent_field_by_field on talent_field (field, entry_id);

-- Who read which entry when. Keeps only the entry id, so it outlives the entry without holding personal data.
create table talent_access_log (
    id        uuid primary key,
    entry_id  uuid        not null,
    reader    text        not null,
    access    text        not null check (access in ('READ', 'SEARCH')),
    read_at   timestamptz not null
);
create index talent_access_log_by_time on talent_access_log (read_at, id);
create index talent_access_log_by_entry on talent_access_log (entry_id, read_at, id);
