-- A task may wait for everyone holding a realm role (e.g. the committee's reviewers), except the members of the
-- organisations its owner names as conflicted.
alter table task drop constraint task_addressee_kind_check;
alter table task add constraint task_addressee_kind_check
    check (addressee_kind in ('PERSON', 'ORGANIZATION', 'ROLE', 'REALM_ROLE'));
alter table task add column conflicted_orgs uuid[] not null default '{}';
create index task_addressee_realm_role on task (addressee_role, state, due_on, id) where addressee_kind = 'REALM_ROLE';
