-- Audit trail: every state change with who, for which organisation, when, why and from which request.
create table kyodo_audit_entry (
    id             uuid        primary key,
    aggregate_type text        not null,
    aggregate_id   uuid        not null,
    action         text        not null,
    from_state     text,
    to_state       text,
    actor          text        not null,
    acting_for     uuid,
    reason         text,
    details        jsonb       not null default '{}'::jsonb,
    request_id     text,
    occurred_at    timestamptz not null
);

create index kyodo_audit_entry_aggregate on kyodo_audit_entry (aggregate_id, occurred_at, id);
