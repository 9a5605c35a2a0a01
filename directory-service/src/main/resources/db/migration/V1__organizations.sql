-- Organisations (協働の主体) of every actor type, with their members, eligibility checks and search keys.
create table organization (
    id                  uuid primary key,
    type                text        not null,
    status              text        not null check (status in ('UNVERIFIED', 'VERIFIED', 'SUSPENDED')),
    name                text        not null,
    name_kana           text        not null,
    -- SearchableText.fold of name and kana: what searches match against.
    name_folded         text        not null,
    -- Folded katakana reading; code-point order ("C") is the gojūon order of katakana.
    kana_sort           text        collate "C" not null,
    corporate_number    text check (corporate_number ~ '^[0-9]{13}$'),
    representative_name text,
    postal_code         text check (postal_code ~ '^[0-9]{7}$'),
    address             text,
    phone               text,
    email               text,
    website             text,
    contact_public      boolean     not null default false,
    description         text,
    registered_at       timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null
);

-- One record per corporation; departments all carry the city's own corporate number.
create unique index organization_corporate_number on organization (corporate_number)
    where corporate_number is not null and type <> 'CITY_DEPARTMENT';
create index organization_by_kana on organization (kana_sort, id);
create index organization_by_status_kana on organization (status, kana_sort, id);
create index organization_by_type on organization (type);

create table organization_field (
    organization_id uuid not null references organization (id) on delete cascade,
    field           text not null,
    primary key (organization_id, field)
);
create index organization_field_by_field on organization_field (field, organization_id);

-- Overlapping two-character pieces of the folded name and reading (SearchableText.bigrams): the index a text
-- query narrows candidates by, since Japanese has no word boundaries.
create table organization_search_gram (
    organization_id uuid not null references organization (id) on delete cascade,
    gram            text not null,
    primary key (organization_id, gram)
);
create index organization_search_gram_by_gram on organization_search_gram (gram, organization_id);

-- People linked to an organisation by their login subject, one role each.
create table membership (
    id               uuid primary key,
    organization_id  uuid        not null references organization (id) on delete cascade,
    subject          text        not null,
    role             text        not null check (role in ('REPRESENTATIVE', 'SIGNATORY', 'STAFF', 'MEMBER')),
    amount_limit_yen bigint,
    display_name     text,
    email            text,
    added_at         timestamptz not null,
    unique (organization_id, subject)
);
create index membership_by_subject on membership (subject);
-- At most one representative (代表者) per organisation.
create unique index membership_one_representative on membership (organization_id) where role = 'REPRESENTATIVE';

-- The four eligibility checks (提案者の要件), each with the evidence staff saw.
create table eligibility_check (
    organization_id uuid        not null references organization (id) on delete cascade,
    requirement     text        not null,
    satisfied       boolean     not null,
    evidence        text        not null,
    checked_by      text        not null,
    checked_at      timestamptz not null,
    primary key (organization_id, requirement)
);
