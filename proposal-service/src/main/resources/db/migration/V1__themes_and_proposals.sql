-- Collaboration themes (協働テーマ): a department's call for proposals.
create table theme (
    id                 uuid primary key,
    department_id      uuid        not null,
    title              text        not null,
    local_issue        text        not null,
    fiscal_year        int         not null,
    budget_ceiling_yen bigint      not null check (budget_ceiling_yen >= 0),
    opens_at           timestamptz not null,
    closes_at          timestamptz not null,
    eligibility_notes  text,
    field              text,
    criteria_weights   jsonb       not null,
    published_by       text        not null,
    published_at       timestamptz not null,
    version            bigint      not null,
    check (closes_at > opens_at)
);
create index theme_closes_at on theme (closes_at, id);

-- Proposals; the editable content is one JSON document so that every published version can be kept as it was.
create table proposal (
    id                      uuid primary key,
    status                  text        not null,
    origin                  text        not null,
    theme_id                uuid references theme (id),
    content                 jsonb       not null,
    revision                int         not null,
    fiscal_year             int,
    reference_number        text unique,
    consent_to_case_archive boolean,
    created_by              text        not null,
    created_at              timestamptz not null,
    submitted_at            timestamptz,
    decided_at              timestamptz,
    decision_rationale      text,
    closing_reason          text,
    version                 bigint      not null
);
create index proposal_theme on proposal (theme_id);
create index proposal_created on proposal (created_at, id);
create index proposal_proposers on proposal using gin ((content -> 'proposingOrganizationIds'));

-- One row per fiscal year: incrementing it in the submitting transaction gives gapless reference numbers.
create table reference_number_counter (
    fiscal_year int primary key,
    last_number int not null
);

-- Every published version of a proposal (1 = as submitted, then each brush-up revision).
create table proposal_version (
    id           uuid primary key,
    proposal_id  uuid        not null references proposal (id),
    number       int         not null,
    content      jsonb       not null,
    note         text,
    published_by text        not null,
    published_at timestamptz not null,
    unique (proposal_id, number)
);

-- The consultation thread (協議) between proposers, the department and coordinators.
create table consultation_comment (
    id          uuid primary key,
    proposal_id uuid        not null references proposal (id),
    author      text        not null,
    acting_for  uuid        not null,
    side        text        not null,
    body        text        not null,
    posted_at   timestamptz not null
);
create index consultation_comment_thread on consultation_comment (proposal_id, posted_at, id);
