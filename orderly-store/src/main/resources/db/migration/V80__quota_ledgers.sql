-- Issue 20: legal channels replace labour access, and quotas are allocated through ledgers that cannot overbook.

-- A labour-access commitment recorded before channels were data is a legal channel with the same short terms
-- (sector, annual_quota), which the one commitment builder still reads.
update commitment set kind = 'LEGAL_CHANNEL' where kind = 'LABOUR_ACCESS';

-- One ledger per channel and year: its places, its procedure, and how many were granted and refused. The check is
-- what makes overbooking impossible: no transaction can commit more grants than places, whatever the code does.
create table quota_ledger (
    channel_id  text not null,
    year        integer not null check (year between 1800 and 2199),
    places      integer not null check (places >= 0),
    procedure   text not null check (procedure in ('FIRST_COME', 'RANKED', 'LOTTERY')),
    granted     integer not null default 0 check (granted >= 0),
    refused     integer not null default 0 check (refused >= 0),
    closed      boolean not null default false,
    seed_hash   text,
    seed        text,
    opened_at   timestamptz not null default now(),
    primary key (channel_id, year),
    constraint quota_never_overbooked check (granted <= places)
);

-- Each place granted, numbered 1..places in the order granted: a place is given once, an applicant holds at most one.
-- Applicants' references are personal data: read by the authorities, audited, never public.
create table quota_allocation (
    id           bigserial primary key,
    channel_id   text not null,
    year         integer not null,
    slot         integer not null check (slot >= 1),
    applicant    text not null,
    points       integer,
    allocated_at timestamptz not null default now(),
    allocated_by text not null,
    party        text not null,
    foreign key (channel_id, year) references quota_ledger (channel_id, year),
    unique (channel_id, year, slot),
    unique (channel_id, year, applicant)
);

-- Entries into a ranked allocation or a lottery, before it is decided.
create table quota_entry (
    channel_id  text not null,
    year        integer not null,
    applicant   text not null,
    token       text not null,
    points      integer,
    entered_at  timestamptz not null default now(),
    primary key (channel_id, year, applicant),
    foreign key (channel_id, year) references quota_ledger (channel_id, year)
);
