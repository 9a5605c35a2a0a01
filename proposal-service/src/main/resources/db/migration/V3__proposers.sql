-- Each proposing organisation of a proposal, with the proposal's creation time, so that an organisation's proposals
-- in list order (created, then id) are one range of the primary key rather than all of them found and sorted.
-- Derived from the proposal's content by the trigger below, whichever statement writes the proposal.
create table proposal_proposer (
    organization_id uuid        not null,
    created_at      timestamptz not null,
    proposal_id     uuid        not null references proposal (id) on delete cascade,
    primary key (organization_id, created_at, proposal_id)
);
create index proposal_proposer_proposal on proposal_proposer (proposal_id);

create function proposal_proposers_of(content jsonb) returns setof uuid language sql immutable as $$
    select distinct o::uuid
      from jsonb_array_elements_text(case when jsonb_typeof(content -> 'proposingOrganizationIds') = 'array'
                                          then content -> 'proposingOrganizationIds' else '[]'::jsonb end) o;
$$;

create function proposal_proposer_sync() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        -- Every update of a proposal rewrites its content; the proposers rarely change.
        if new.content -> 'proposingOrganizationIds' is not distinct from old.content -> 'proposingOrganizationIds'
                and new.created_at = old.created_at then
            return null;
        end if;
        delete from proposal_proposer where proposal_id = new.id;
    end if;
    insert into proposal_proposer (organization_id, created_at, proposal_id)
    select o, new.created_at, new.id from proposal_proposers_of(new.content) o;
    return null;
end;
$$;

create trigger proposal_proposer_sync
    after insert or update of content, created_at on proposal
    for each row execute function proposal_proposer_sync();

insert into proposal_proposer (organization_id, created_at, proposal_id)
select o, p.created_at, p.id from proposal p, proposal_proposers_of(p.content) o;

-- No query searches the content for a proposer any more; the GIN index only slowed every write of a proposal.
drop index proposal_proposers;
