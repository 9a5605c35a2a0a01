-- The aggregate version a change produced, so that the audit trail and the events can be matched one to one; and
-- whether the change is announced as an event at all (a private draft or a person's own data is not).
alter table kyodo_audit_entry add column aggregate_version bigint;
alter table kyodo_audit_entry add column announced boolean not null default true;
