-- Issue 23 item 7 (a lean distribution). In the registry's versions (V30-V39).
-- The registry's revision: raised in the transaction of every change to the five tables a registry is read from, so
-- that a registry snapshot kept outside the database ($ORDERLY_HOME/registry.snapshot, RegistrySnapshot) can tell whether
-- the registry moved while it was being written, or since. One row; one statement-level trigger per table (whatever
-- writes: Orderly, an import, psql).
create table registry_revision (
    only_row boolean primary key default true check (only_row),
    revision bigint  not null
);
insert into registry_revision (revision) values (0);

create function registry_changed() returns trigger language plpgsql as $$
begin
    update registry_revision set revision = revision + 1;
    return null;
end
$$;

create trigger party_changed after insert or update or delete or truncate on party
    for each statement execute function registry_changed();
create trigger instrument_changed after insert or update or delete or truncate on instrument
    for each statement execute function registry_changed();
create trigger participation_changed after insert or update or delete or truncate on participation
    for each statement execute function registry_changed();
create trigger commitment_changed after insert or update or delete or truncate on commitment
    for each statement execute function registry_changed();
create trigger entry_policy_changed after insert or update or delete or truncate on entry_policy
    for each statement execute function registry_changed();
