-- The registry: parties, instruments, participations, commitments and unilateral entry policies.
-- Every fact row carries its source and as-of date; 'origin' says which path wrote it
-- (reference, import:visa-matrix, import:treaty-status, secretariat, negotiation), so that
-- re-running that path replaces exactly its own rows.

create table party (
    id               text primary key,
    kind             text not null check (kind in ('STATE', 'ORGANISATION', 'PROCESS')),
    name             text not null,
    alpha2           text,
    numeric_code     text,
    region           text,
    sub_region       text,
    standing         text,
    description      text not null default '',
    source_title     text not null,
    source_reference text not null default '',
    as_of            date not null
);

create table instrument (
    id               text primary key,
    title            text not null,
    kind             text not null,
    level            text not null,
    binding          boolean not null,
    adopted          date,
    in_force         date,
    pillars          text[] not null default '{}',
    source_title     text not null,
    source_reference text not null default '',
    as_of            date not null
);

create table participation (
    id               bigserial primary key,
    party_id         text not null references party (id),
    subject_id       text not null,
    status           text not null,
    since            date,
    until            date,
    reservations     text[] not null default '{}',
    source_title     text not null,
    source_reference text not null default '',
    as_of            date not null,
    origin           text not null,
    unique (party_id, subject_id, status)
);
create index participation_subject on participation (subject_id);

create table commitment (
    id               bigserial primary key,
    instrument_id    text not null references instrument (id),
    kind             text not null,
    reciprocal       boolean not null,
    grantors         text[] not null default '{}',
    beneficiaries    text[] not null default '{}',
    term_from        date,
    term_until       date,
    terms            text not null,
    source_title     text not null,
    source_reference text not null default '',
    as_of            date not null,
    origin           text not null
);
create index commitment_instrument on commitment (instrument_id);

create table entry_policy (
    destination      text not null references party (id),
    passport         text not null references party (id),
    category         text not null,
    stay_days        integer,
    source_title     text not null,
    source_reference text not null default '',
    as_of            date not null,
    origin           text not null,
    primary key (destination, passport)
);

-- One row per import that changed the database: what, from which file (by content hash), when.
create table import_run (
    id               bigserial primary key,
    kind             text not null,
    subject          text not null default '',
    file_name        text not null,
    sha256           text not null,
    rows_read        integer not null,
    imported_at      timestamptz not null default now()
);
