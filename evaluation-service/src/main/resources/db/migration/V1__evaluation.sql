-- Evaluation plans: created once per agreement from its activation event, carrying the agreement's targets.
create table evaluation_plan (
    id                          uuid primary key,
    agreement_id                uuid        not null unique,
    agreement_version           bigint      not null,
    proposal_id                 uuid,
    title                       text        not null,
    field                       text        not null,
    collaboration_form          text        not null,
    activity_area               text        not null,
    document_version            integer     not null,
    fiscal_years                text        not null,
    term_start                  date        not null,
    term_end                    date        not null,
    satisfaction_target_percent numeric,
    satisfaction_method         text,
    created_at                  timestamptz not null,
    version                     bigint      not null
);

create table evaluation_plan_party (
    plan_id         uuid    not null references evaluation_plan (id) on delete cascade,
    position        integer not null,
    organization_id uuid    not null,
    actor_type      text    not null,
    name            text    not null,
    primary key (plan_id, position)
);
create index evaluation_plan_party_organization on evaluation_plan_party (organization_id);

create table evaluation_plan_indicator (
    plan_id      uuid           not null references evaluation_plan (id) on delete cascade,
    position     integer        not null,
    indicator_id uuid           not null,
    name         text           not null,
    unit         text           not null,
    target_value numeric not null,
    primary key (plan_id, position)
);

create table evaluation_plan_goal (
    plan_id     uuid    not null references evaluation_plan (id) on delete cascade,
    position    integer not null,
    goal_id     uuid    not null,
    description text    not null,
    primary key (plan_id, position)
);

-- Rounds: INTERIM (per fiscal year) and FINAL; OPEN -> IN_REVIEW -> CLOSED -> PUBLISHED.
create table evaluation_round (
    id            uuid primary key,
    plan_id       uuid        not null references evaluation_plan (id),
    kind          text        not null,
    fiscal_year   integer     not null,
    status        text        not null,
    opened_at     timestamptz not null,
    in_review_at  timestamptz,
    closed_at     timestamptz,
    published_at  timestamptz,
    submitted_count integer   not null,
    version       bigint      not null
);
create index evaluation_round_plan on evaluation_round (plan_id, opened_at, id);
create unique index evaluation_round_one_final on evaluation_round (plan_id) where kind = 'FINAL';
create unique index evaluation_round_one_interim_per_year on evaluation_round (plan_id, fiscal_year) where kind = 'INTERIM';

-- One self-assessment per party and round, written once by that party.
create table self_assessment (
    id              uuid primary key,
    round_id        uuid        not null references evaluation_round (id),
    organization_id uuid        not null,
    submitted_by    text        not null,
    submitted_at    timestamptz not null,
    version         bigint      not null,
    unique (round_id, organization_id)
);

create table self_assessment_score (
    self_assessment_id uuid           not null references self_assessment (id) on delete cascade,
    position           integer        not null,
    item               text           not null,
    target_id          uuid,
    score              integer        not null check (score between 1 and 5),
    reason             text,
    actual_value       numeric,
    achievement_rate   numeric(10, 2),
    primary key (self_assessment_id, position)
);

-- Agreed findings and improvement actions of the mutual review (相互評価).
create table evaluation_finding (
    id             uuid primary key,
    round_id       uuid        not null references evaluation_round (id),
    item           text,
    finding        text        not null,
    improvement    text,
    recorded_for   uuid        not null,
    recorded_by    text        not null,
    recorded_at    timestamptz not null
);
create index evaluation_finding_round on evaluation_finding (round_id, recorded_at, id);

-- Third-party assessment (第三者評価) by the committee, kept apart from the parties' own scores.
create table third_party_assessment (
    round_id                 uuid primary key references evaluation_round (id),
    committee                text        not null,
    opinion                  text        not null,
    project_opinion          text,
    collaboration_opinion    text,
    recommendations          text,
    assessed_by              text        not null,
    assessed_at              timestamptz not null
);
