-- Each audit entry carries the Ed25519 signature (base64) of its hash by the audit key, which lives outside the
-- database ($ORDERLY_HOME/audit): whoever can write this table still cannot write an entry that verifies.
-- Entries written before signing existed are signed once, at the first start with a key, if their chain is intact.
alter table audit_entry add column signature text not null default '';
