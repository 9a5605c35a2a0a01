-- Transactional outbox: rows are written in the same transaction as the state change they announce
-- and published to Kafka by the relay, in seq order, then marked sent.
create table kyodo_outbox (
    seq               bigint generated always as identity primary key,
    id                uuid        not null unique,
    topic             text        not null,
    record_key        text        not null,
    kind              text        not null check (kind in ('CLOUD_EVENT', 'RAW')),
    type              text,
    source            text,
    subject           text,
    aggregate_version bigint,
    occurred_at       timestamptz not null,
    content_type      text,
    payload           bytea       not null,
    headers           jsonb       not null default '{}'::jsonb,
    request_id        text,
    traceparent       text,
    sent_at           timestamptz
);

create index kyodo_outbox_unsent on kyodo_outbox (seq) where sent_at is null;
create index kyodo_outbox_sent_at on kyodo_outbox (sent_at) where sent_at is not null;

-- Wakes the relay on commit (NOTIFY is transactional); the relay also polls as a fallback.
create function kyodo_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('kyodo_outbox', '');
    return null;
end;
$$;

create trigger kyodo_outbox_inserted
    after insert on kyodo_outbox
    for each statement execute function kyodo_outbox_notify();
