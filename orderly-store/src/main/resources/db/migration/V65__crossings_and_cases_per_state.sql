-- Issue 19: the crossings ledger, overstay alerts and readmission cases belong to states, and a manifest is known per
-- holder. What this does to data already kept:
--  * crossings already carry the state whose border recorded them (column state): they stay that state's;
--  * each crossing gets the stay area it counts in (the state, or a common frontier such as SCHENGEN); rows recorded
--    before are left null here and assigned from the registry at the next start (CrossingStore.assignStayAreas), which
--    then replays their travellers;
--  * where a traveller stands is kept per stay area; the rows of before (one per traveller across every state) are
--    dropped, and rebuilt by that replay;
--  * an overstay alert belongs to the state whose entry began the stay: set from its entry crossing;
--  * readmission cases already name the requesting and the requested state, the only two that see them: unchanged;
--  * manifests and rejected messages are recognised by digest per holder and carrier, no longer across holders.
alter table crossing add column stay_area text;
create index crossing_by_stay on crossing (traveller, stay_area, at);
create index crossing_stay_area_unknown on crossing (id) where stay_area is null;

delete from traveller_stay;
alter table traveller_stay drop constraint traveller_stay_pkey;
alter table traveller_stay add column stay_area text not null;
alter table traveller_stay add primary key (traveller, stay_area);

alter table overstay_alert add column state text;
update overstay_alert a set state = c.state from crossing c where c.id = a.entry_crossing_id;
alter table overstay_alert alter column state set not null;
create index overstay_alert_by_state on overstay_alert (state, raised_at desc);

create index crossing_by_state on crossing (state, traveller);
create index readmission_case_by_requesting on readmission_case (requesting, requested_on desc);

alter table manifest drop constraint manifest_digest_key;
alter table manifest add constraint manifest_digest_per_holder unique (digest, holder, carrier);
alter table manifest_rejected drop constraint manifest_rejected_digest_key;
alter table manifest_rejected add constraint manifest_rejected_digest_per_holder unique (digest, holder, carrier);
