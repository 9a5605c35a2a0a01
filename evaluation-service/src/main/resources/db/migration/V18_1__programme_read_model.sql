-- The programme read model (条例の見直し・年次報告): what the other services announced, kept as facts per aggregate,
-- from which the programme report is computed. Each row holds the newest version applied of its aggregate.
create table programme_intake (
    intake_id   uuid primary key,
    version     bigint  not null,
    fiscal_year int     not null,
    channel     text    not null,
    field       text,
    status      text    not null,
    outcome     text
);
create index programme_intake_year on programme_intake (fiscal_year);

create table programme_proposal (
    proposal_id         uuid primary key,
    version             bigint not null,
    fiscal_year         int,
    origin              text,
    field               text,
    collaboration_form  text,
    department_id       uuid,
    proposer_ids        jsonb,
    status              text   not null,
    submitted_at        timestamptz,
    decided_at          timestamptz
);
create index programme_proposal_year on programme_proposal (fiscal_year);

create table programme_agreement (
    agreement_id       uuid primary key,
    version            bigint not null,
    proposal_id        uuid,
    collaboration_form text   not null,
    field              text   not null,
    state              text   not null,
    activated_at       timestamptz,
    costs              jsonb
);

create table programme_settlement (
    agreement_id    uuid   not null,
    organization_id uuid   not null,
    fiscal_year     int    not null,
    version         bigint not null,
    confirmed_yen   bigint not null,
    to_return_yen   bigint not null,
    primary key (agreement_id, organization_id, fiscal_year)
);

create table programme_comment_period (
    period_id        uuid primary key,
    version          bigint  not null,
    fiscal_year      int     not null,
    subject_kind     text,
    comments         int     not null,
    result_published boolean not null
);

