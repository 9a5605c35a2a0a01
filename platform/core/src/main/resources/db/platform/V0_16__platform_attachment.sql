-- Attachments (添付書類): files in the object store, keyed by the record they belong to (aggregate, kind of part and
-- part id), with what was detected and computed from the content. The file itself is never in the database.
create table kyodo_attachment (
    id             uuid        primary key,
    aggregate_type text        not null,
    aggregate_id   uuid        not null,
    part_kind      text        not null,
    part_id        uuid        not null,
    kind           text        not null,
    file_name      text        not null,
    media_type     text        not null,
    size_bytes     bigint      not null,
    sha256         text        not null,
    object_key     text        not null unique,
    public         boolean     not null,
    uploaded_by    text        not null,
    uploaded_for   uuid,
    uploaded_at    timestamptz not null
);

create index kyodo_attachment_part on kyodo_attachment (aggregate_id, part_kind, part_id, uploaded_at, id);
