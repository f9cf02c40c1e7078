-- The tamper-evident audit log of acts on personal data (screening, border checks, document reads).
-- Append-only: the application never updates or deletes a row; each row's hash seals it and the row before.
create table audit_entry (
    sequence         bigint primary key,
    at               timestamptz not null,
    actor            text not null,
    party            text not null default '',
    action           text not null,
    subject          text not null default '',
    detail           text not null default '',
    previous_hash    char(64) not null,
    hash             char(64) not null unique
);
