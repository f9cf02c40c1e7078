-- Issue 24 (registry truth, second pass). Versions V30-V39 are the registry's.
-- Before this version the visa-matrix importer stored the 2022 matrix's "covid ban" (a temporary COVID-19 entry ban)
-- as NO_ADMISSION, a state's ordinary policy; it is now a category of its own (COVID_ENTRY_BAN). The stored rows cannot
-- tell the 1,658 bans from the 8 real "no admission" cells, so the snapshot imported from the one published file that
-- holds bans (Passport Index, 2022-07-03, SHA-256 below) is removed with its import runs, when that file is still the
-- snapshot's latest import. The next start imports it again from ../shared/data (DemoData imports every published
-- snapshot that is missing), or the operator runs `orderly import visa-matrix FILE --as-of 2022-07-03`.
delete from entry_policy e
using import_run r
where e.origin = 'import:visa-matrix' and r.kind = 'import:visa-matrix'
  and r.sha256 = '2471f2dd4dfcbe1cd9417e9398b9d9ca040dd175646fa8609abf4739e8178791'
  and r.id = (select max(id) from import_run l where l.kind = 'import:visa-matrix' and l.subject = r.subject)
  and e.as_of = cast(r.subject as date);
delete from import_run
where kind = 'import:visa-matrix' and sha256 = '2471f2dd4dfcbe1cd9417e9398b9d9ca040dd175646fa8609abf4739e8178791';
