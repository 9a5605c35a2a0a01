-- The expiry for which the person was asked to renew their consent (the renewal task), so that it is asked once.
alter table talent_entry add column renewal_asked_for timestamptz;
