-- The consultation desk (総合相談窓口): who came, about what, where they were referred, follow-ups and what came of
-- it. A person's name and contact are kept only with their consent, until the retention period ends without renewed
-- consent; then they are erased and the rest of the record stays for the city's statistics.
create table intake (
    id                      uuid primary key,
    received_on             date        not null,
    channel                 text        not null,
    visitor_organization_id uuid,
    visitor                 jsonb,
    contact_consented_at    timestamptz,
    contact_expires_at      timestamptz,
    contact_erased_at       timestamptz,
    topic                   text        not null,
    field                   text,
    needs                   jsonb       not null,
    referred_department_id  uuid,
    assigned_coordinator    text,
    status                  text        not null,
    outcome                 text,
    outcome_note            text,
    proposal_id             uuid references proposal (id),
    closed_at               timestamptz,
    opened_by               text        not null,
    acting_for              uuid        not null,
    created_at              timestamptz not null,
    version                 bigint      not null
);
create index intake_listing on intake (received_on desc, id desc);
create index intake_contact_expiry on intake (contact_expires_at) where visitor is not null;

create table intake_follow_up (
    id              uuid primary key,
    intake_id       uuid        not null references intake (id),
    note            text        not null,
    consent_renewed boolean     not null,
    recorded_by     text        not null,
    acting_for      uuid        not null,
    recorded_at     timestamptz not null
);
create index intake_follow_up_by_intake on intake_follow_up (intake_id, recorded_at, id);

-- Who read which intake's personal data when. Keeps only the intake id.
create table intake_access_log (
    id        uuid primary key,
    intake_id uuid        not null,
    reader    text        not null,
    read_at   timestamptz not null
);
create index intake_access_log_by_intake on intake_access_log (intake_id, read_at);

-- Pre-submission consultation (事前相談): a draft shared with the department and a coordinator before it is
-- submitted, its comment thread, and the draft as it was each time it was shared or saved while shared.
alter table proposal add column pre_submission jsonb;

create table draft_snapshot (
    proposal_id uuid        not null references proposal (id),
    number      int         not null,
    content     jsonb       not null,
    saved_by    text        not null,
    saved_at    timestamptz not null,
    primary key (proposal_id, number)
);

create table draft_comment (
    id          uuid primary key,
    proposal_id uuid        not null references proposal (id),
    draft       int         not null,
    author      text        not null,
    acting_for  uuid        not null,
    side        text        not null,
    city_only   boolean     not null,
    body        text        not null,
    posted_at   timestamptz not null
);
create index draft_comment_thread on draft_comment (proposal_id, posted_at, id);
