-- The document a frozen version produces (協定書 …) as stored PDF revisions: revision 0 is the PDF rendered at the
-- freeze, each signature adds one revision (an incremental update of the previous one). The bytes live in the object
-- store under object_key; sha256 identifies a revision this service issued when a PDF comes back for verification.
create table agreement_document_revision (
    agreement_id   uuid        not null references agreement (id),
    version_number int         not null,
    revision       int         not null,
    kind           text        not null,
    object_key     text        not null unique,
    sha256         text        not null,
    size_bytes     bigint      not null,
    signed_for     uuid,
    created_at     timestamptz not null,
    primary key (agreement_id, version_number, revision),
    foreign key (agreement_id, version_number) references agreement_version (agreement_id, number)
);
create index agreement_document_revision_sha256 on agreement_document_revision (sha256);

-- The PDF revision a signature produced (absent for signatures made before documents were signed).
alter table agreement_signature add column document_sha256 text;
