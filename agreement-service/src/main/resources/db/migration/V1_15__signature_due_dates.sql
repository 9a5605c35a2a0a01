-- The date by which the parties are asked to sign the version awaiting signatures (set when it is frozen).
alter table agreement add column signatures_due_on date;
