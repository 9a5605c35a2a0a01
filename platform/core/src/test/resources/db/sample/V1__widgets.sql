create table widget (
    id      uuid primary key,
    name    text   not null,
    colour  text   not null,
    version bigint not null
);

-- The effect of consumed widget events: how often each was applied.
create table widget_projection (
    widget_id     uuid primary key,
    name          text   not null,
    applied_count int    not null
);
