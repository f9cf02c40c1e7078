-- Issue 24 (registry truth, second pass). An instrument may be applied only after its entry into force (the Schengen
-- Convention: in force 1 September 1993, applied from 26 March 1995); both dates are kept, each under its own name.
alter table instrument add column applied_from date;
