-- Agreements (協定), their frozen versions and the signatures on them.
create table agreement (
    id               uuid primary key,
    proposal_id      uuid unique,
    title            text        not null,
    state            text        not null,
    amendment_state  text        not null,
    amendment_reason text,
    working_copy     text        not null,
    latest_version   int         not null,
    version_in_force int,
    pending_version  int,
    end_reason       text,
    ended_at         timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);
create index agreement_state on agreement (state, id);

-- Parties of an agreement in any of its versions or its working copy, to list an organisation's agreements.
create table agreement_party (
    agreement_id    uuid not null references agreement (id),
    organization_id uuid not null,
    primary key (agreement_id, organization_id)
);
create index agreement_party_organization on agreement_party (organization_id);

create table agreement_version (
    id             uuid primary key,
    agreement_id   uuid        not null references agreement (id),
    number         int         not null,
    content        text        not null,
    content_sha256 text        not null,
    frozen_at      timestamptz not null,
    frozen_by      text        not null,
    frozen_for     uuid,
    unique (agreement_id, number)
);

create table agreement_signature (
    id              uuid primary key,
    agreement_id    uuid        not null,
    version_number  int         not null,
    organization_id uuid        not null,
    signer          text        not null,
    signer_role     text        not null,
    content_sha256  text        not null,
    signed_at       timestamptz not null,
    unique (agreement_id, version_number, organization_id),
    foreign key (agreement_id, version_number) references agreement_version (agreement_id, number)
);

-- Actual-cost reports (実績報告) and settlements (精算), per partner and fiscal year.
create table agreement_cost_report (
    id                uuid primary key,
    agreement_id      uuid        not null references agreement (id),
    organization_id   uuid        not null,
    fiscal_year       int         not null,
    lines             text        not null,
    planned_total_yen bigint      not null,
    actual_total_yen  bigint      not null,
    filed_by          text        not null,
    filed_at          timestamptz not null,
    unique (agreement_id, organization_id, fiscal_year)
);

create table agreement_settlement (
    id                   uuid primary key,
    agreement_id         uuid        not null references agreement (id),
    organization_id      uuid        not null,
    fiscal_year          int         not null,
    confirmed_amount_yen bigint      not null,
    already_paid_yen     bigint      not null,
    to_pay_yen           bigint      not null,
    to_return_yen        bigint      not null,
    note                 text,
    recorded_by          text        not null,
    recorded_at          timestamptz not null,
    unique (agreement_id, organization_id, fiscal_year)
);

create table agreement_milestone_progress (
    id           uuid primary key,
    agreement_id uuid        not null references agreement (id),
    milestone_id uuid        not null,
    reached_on   date        not null,
    note         text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    unique (agreement_id, milestone_id)
);
