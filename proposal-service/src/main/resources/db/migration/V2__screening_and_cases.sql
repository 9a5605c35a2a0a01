-- Screening (審査) of one proposal: the committee and the weights of the criteria.
create table screening (
    proposal_id      uuid primary key references proposal (id),
    theme_id         uuid,
    round            int         not null,
    reviewers        jsonb       not null,
    criteria_weights jsonb       not null,
    opened_by        text        not null,
    opened_at        timestamptz not null
);
create index screening_theme_round on screening (theme_id, round);

-- A reviewer's submitted scores: sealed from the other reviewers until they have submitted their own.
create table reviewer_score (
    id           uuid primary key,
    proposal_id  uuid        not null references screening (proposal_id),
    reviewer     text        not null,
    scores       jsonb       not null,
    submitted_at timestamptz not null,
    unique (proposal_id, reviewer)
);

-- Consultation cases (相談案件): proposals that did not lead to collaboration, kept to learn from.
-- search_bigrams holds SearchableText.bigrams() of the folded text: Japanese has no spaces, so words are found
-- by their two-character pieces (pg_trgm cannot index two-character terms); search_text confirms the match.
create table consultation_case (
    proposal_id              uuid primary key references proposal (id),
    reference_number         text        not null,
    fiscal_year              int         not null,
    theme_id                 uuid,
    department_id            uuid,
    field                    text,
    outcome                  text        not null,
    reason                   text,
    title                    text        not null,
    local_issue              text,
    approach                 text,
    proposing_organization_ids jsonb,
    identity_removed         boolean     not null,
    closed_at                timestamptz not null,
    search_text              text        not null,
    search_bigrams           text[]      not null
);
create index consultation_case_bigrams on consultation_case using gin (search_bigrams);
create index consultation_case_closed on consultation_case (closed_at desc, proposal_id desc);
