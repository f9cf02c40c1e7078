-- Issue 8 (registry truth). Versions V30-V39 are the registry's.
-- 1. A participation's origin is part of its key: reference data, a treaty import and a secretariat edit of the
--    same party, subject and status are kept side by side, and reading picks the newest fact (see RegistryStore.load),
--    so rewriting reference data at a restart never reverts another origin's correction.
alter table participation drop constraint participation_party_id_subject_id_status_key;
alter table participation add constraint participation_party_subject_status_origin unique (party_id, subject_id, status, origin);
-- 2. How much of 'since' the source gives: the day, or only the year (then stored as 1 January of it).
alter table participation add column since_precision text not null default 'DAY' check (since_precision in ('DAY', 'YEAR'));
-- 3. A commitment may wait for a condition (e.g. a visa waiver that applies from an agreement not yet in force).
alter table commitment add column term_condition text;
-- 4. Several dated snapshots of a visa matrix may be kept; a travel answer uses the one nearest its date.
alter table entry_policy drop constraint entry_policy_pkey;
alter table entry_policy add primary key (destination, passport, as_of);
-- 5. Which parties an import's file covers (the UN Treaty Collection extracts cover the 193 UN member states only),
--    so that a page can tell "no action recorded" from "not recorded in Orderly".
alter table import_run add column coverage text not null default '';
