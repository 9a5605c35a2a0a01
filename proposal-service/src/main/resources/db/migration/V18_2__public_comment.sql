-- Public comment (パブリックコメント・意見公募) on a draft policy document or theme: the period, the comments with the
-- commenters' name and address (never public), and the city's summary of the opinions with its view (意見の概要と市の考え方).
create table comment_period (
    id                  uuid primary key,
    department_id       uuid        not null,
    subject_kind        text        not null,
    title               text        not null,
    body                text        not null,
    eligibility         text        not null,
    anonymous_allowed   boolean     not null,
    opens_on            date        not null,
    closes_on           date        not null,
    short_period_reason text,
    status              text        not null,
    comment_count       int         not null,
    result              jsonb,
    result_published_at timestamptz,
    created_by          text        not null,
    created_at          timestamptz not null,
    version             bigint      not null,
    check (closes_on >= opens_on)
);
create index comment_period_listing on comment_period (opens_on, id);

create table public_comment (
    id                  uuid primary key,
    period_id           uuid        not null references comment_period (id),
    receipt_number      int         not null,
    commenter_name      text        not null,
    commenter_address   text        not null,
    relation            text        not null,
    workplace_or_school text,
    body                text        not null,
    signed_in_subject   text,
    received_at         timestamptz not null,
    unique (period_id, receipt_number)
);
