-- Committees (審査委員会・協働推進会議): members with their terms of office, meetings with agenda, attendance and
-- minutes, and the members' declarations of a conflict of interest per proposal (and meeting).
create table committee (
    id            uuid primary key,
    department_id uuid        not null,
    name          text        not null,
    kind          text        not null,
    quorum        int check (quorum is null or quorum >= 1),
    members       jsonb       not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    version       bigint      not null
);
create index committee_created on committee (created_at, id);

create table committee_meeting (
    id                  uuid primary key,
    committee_id        uuid        not null references committee (id),
    title               text        not null,
    scheduled_at        timestamptz not null,
    place               text,
    agenda              jsonb       not null,
    status              text        not null,
    attendance          jsonb,
    held_at             timestamptz,
    minutes             text,
    minutes_recorded_at timestamptz,
    created_at          timestamptz not null,
    version             bigint      not null
);
create index committee_meeting_by_committee on committee_meeting (committee_id, scheduled_at, id);

create table conflict_declaration (
    id           uuid primary key,
    committee_id uuid        not null references committee (id),
    member       text        not null,
    proposal_id  uuid        not null references proposal (id),
    meeting_id   uuid references committee_meeting (id),
    reason       text        not null,
    declared_by  text        not null,
    declared_at  timestamptz not null
);
create index conflict_declaration_by_proposal on conflict_declaration (proposal_id, member);
create index conflict_declaration_by_committee on conflict_declaration (committee_id, declared_at, id);

-- A screening drawn from a committee is decided at one of its meetings, from the scores of the members present
-- there without a conflict; those are the scores its result is computed from.
alter table screening add column committee_id uuid references committee (id);
alter table screening add column decided_at_meeting uuid references committee_meeting (id);
alter table screening add column counted_reviewers jsonb;
