-- Tasks as the owning services published them (kyodo.tasks.v1): who, what, by when, and whether it still waits.
create table task (
    id                uuid primary key,
    action            text        not null,
    aggregate_type    text        not null,
    aggregate_id      uuid        not null,
    occurrence        bigint      not null,
    fiscal_year       int,
    addressee_kind    text        not null check (addressee_kind in ('PERSON', 'ORGANIZATION', 'ROLE')),
    addressee_subject text,
    addressee_org     uuid,
    addressee_role    text,
    actors            text[]      not null default '{}',
    department_id     uuid,
    due_on            date,
    title_ja          text        not null,
    title_en          text        not null,
    link              text        not null,
    state             text        not null check (state in ('OPEN', 'COMPLETED', 'CANCELLED')),
    end_reason        text,
    source            text        not null,
    opened_at         timestamptz,
    ended_at          timestamptz,
    received_at       timestamptz not null,
    -- Set once the people it reaches were told (asking the identity provider may have to wait until it is up).
    announced_at      timestamptz
);

create index task_unannounced on task (received_at) where announced_at is null and state = 'OPEN';

create index task_open_due on task (due_on, id) where state = 'OPEN';
create index task_addressee_subject on task (addressee_subject, state, due_on, id);
create index task_addressee_org on task (addressee_org, state, due_on, id);
create index task_actors on task using gin (actors);

-- What a person was told: a task for them, a reminder, an overdue notice, an escalation, a decision. One row per
-- person and occasion (dedupe_key), so a redelivered fact or a second sweep tells nobody twice.
create table notification (
    id              uuid primary key,
    seq             bigint generated always as identity unique,
    recipient       text        not null,
    kind            text        not null,
    dedupe_key      text        not null unique,
    task_id         uuid,
    title_ja        text        not null,
    title_en        text        not null,
    link            text        not null,
    due_on          date,
    organization_id uuid,
    created_at      timestamptz not null,
    read_at         timestamptz,
    delivery        text        not null check (delivery in ('IMMEDIATELY', 'DAILY_DIGEST', 'OFF')),
    digested_at     timestamptz,
    version         bigint      not null default 0
);

create index notification_inbox on notification (recipient, (read_at is not null), created_at desc, id);
create index notification_digest on notification (recipient, created_at) where delivery = 'DAILY_DIGEST' and digested_at is null;

-- A person's choices: the language of their mail, and a calendar feed secret (only its SHA-256 is kept).
create table person_setting (
    subject              text primary key,
    language             text        not null check (language in ('ja', 'en')),
    calendar_secret_hash text unique,
    updated_at           timestamptz not null,
    version              bigint      not null default 0
);

-- How a person wants each kind of notification: at once, in the daily digest, or not by mail.
create table delivery_preference (
    subject  text not null,
    kind     text not null,
    delivery text not null check (delivery in ('IMMEDIATELY', 'DAILY_DIGEST', 'OFF')),
    primary key (subject, kind)
);

-- Mail outbox: written in the transaction that decides to send, sent by the relay, retried with backoff while the SMTP
-- server is unavailable; every failure is recorded with its reason.
create table outgoing_mail (
    id              uuid primary key,
    dedupe_key      text        not null unique,
    recipient       text        not null,
    address         text,
    language        text        not null,
    subject_line    text        not null,
    body_text       text        not null,
    body_html       text        not null,
    state           text        not null check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);

create index outgoing_mail_due on outgoing_mail (next_attempt_at) where state = 'PENDING';

-- Proposals as far as notices need them (title and proposers), from kyodo.proposals.v1.
create table known_proposal (
    id               uuid primary key,
    title            text   not null,
    proposer_ids     uuid[] not null,
    department_id    uuid
);
