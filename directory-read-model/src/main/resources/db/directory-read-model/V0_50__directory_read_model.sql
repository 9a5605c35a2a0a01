-- What this service knows of the directory, kept from kyodo.directory.v1 events (newest version wins).
create table directory_organization (
    id          uuid primary key,
    name        text        not null,
    name_kana   text        not null,
    type        text        not null,
    status      text        not null,
    version     bigint      not null,
    updated_at  timestamptz not null
);

create table directory_membership (
    organization_id  uuid   not null references directory_organization (id) on delete cascade,
    subject          text   not null,
    role             text   not null,
    amount_limit_yen bigint,
    primary key (organization_id, subject, role)
);

create index directory_membership_subject on directory_membership (subject);
