-- Each form's own procedure (協働の形態ごとの手続): tracks (a fiscal year's grant or commission, an endorsed or
-- co-hosted event, goods lent, a request for supplies, activity reports) and the steps taken on them.
create table procedure_track (
    id           uuid primary key,
    agreement_id uuid        not null references agreement (id),
    kind         text        not null,
    track_key    text        not null,
    state        text        not null,
    data         text        not null,
    due_on       date,
    next_step    text,
    next_actor   text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    unique (agreement_id, kind, track_key)
);
-- What is due soonest, across collaborations (reminders, overdue lists).
create index procedure_track_due on procedure_track (due_on) where next_step is not null;

create table procedure_step (
    id           uuid primary key,
    agreement_id uuid        not null references agreement (id),
    track_id     uuid        not null references procedure_track (id),
    step         text        not null,
    from_state   text,
    to_state     text        not null,
    data         text        not null,
    acting_for   uuid,
    actor        text        not null,
    taken_at     timestamptz not null
);
create index procedure_step_track on procedure_step (track_id, taken_at, id);
