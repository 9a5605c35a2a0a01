-- The area a talent works in (活動できる地域), for matching (人材紹介).
alter table talent_entry add column area text;
alter table talent_entry add column area_folded text;

-- Introductions (人材紹介): a coordinator or staff member introduces a talent to someone who came to the desk or to a
-- proposal's proposers. The talent answers; their contact is shared only once they accepted, and read from their
-- entry then (never copied), so a withdrawn entry shares nothing any more.
create table introduction (
    id                        uuid primary key,
    talent_entry_id           uuid        not null,
    talent_subject            text        not null,
    requested_by              text        not null,
    intake_id                 uuid,
    proposal_id               uuid,
    recipient_organization_id uuid references organization (id),
    fields                    text        not null,
    message                   text        not null,
    state                     text        not null,
    answer_note               text,
    requested_at              timestamptz not null,
    answered_at               timestamptz,
    version                   bigint      not null,
    check (intake_id is not null or proposal_id is not null)
);
create index introduction_by_talent on introduction (talent_subject, requested_at desc, id desc);
create index introduction_by_intake on introduction (intake_id) where intake_id is not null;
create index introduction_by_proposal on introduction (proposal_id) where proposal_id is not null;
create index introduction_listing on introduction (requested_at desc, id desc);
