-- Idempotency keys of creating POSTs, written in the creating transaction together with the response,
-- so a retry gets the first response and a concurrent duplicate waits on the primary key.
create table kyodo_idempotency_key (
    caller          text        not null,
    method          text        not null,
    path            text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_status int         not null,
    response_body   text,
    response_headers jsonb      not null default '{}'::jsonb,
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    primary key (caller, method, path, idempotency_key)
);

create index kyodo_idempotency_key_expiry on kyodo_idempotency_key (expires_at);
