-- Inbox of an idempotent consumer: one row per (source, event id), written in the same transaction
-- as the event's effect, so a redelivered event is recognised and does nothing.
create table kyodo_inbox (
    source       text        not null,
    event_id     text        not null,
    type         text,
    subject      text,
    topic        text        not null,
    partition    int         not null,
    kafka_offset bigint      not null,
    outcome      text        not null check (outcome in ('APPLIED', 'STALE', 'DEAD_LETTERED')),
    error        text,
    received_at  timestamptz not null default now(),
    primary key (source, event_id)
);

-- Newest aggregate version applied per (source, subject): older versions arriving later are ignored.
create table kyodo_inbox_version (
    source  text   not null,
    subject text   not null,
    version bigint not null,
    primary key (source, subject)
);
