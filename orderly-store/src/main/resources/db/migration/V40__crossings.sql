-- The crossings ledger (issue 10): every entry and exit kept, overstay alerts raised once, unmatched crossings reported.
create table crossing (
    id              text primary key,
    traveller       text not null,
    direction       text not null check (direction in ('ENTRY', 'EXIT')),
    at              timestamptz not null,
    state           text not null,
    crossing_point  text not null,
    document_number text not null,
    issuing_state   text not null,
    nationality     text not null,
    rule            text,
    recorded_at     timestamptz not null default now()
);
create index crossing_by_traveller on crossing (traveller, at);

-- Where each traveller stands after the last replay: the open stay, and when its alert falls due (null: none pending).
create table traveller_stay (
    traveller       text primary key,
    open_entry_id   text references crossing (id),
    last_legal_day  date,
    due             timestamptz
);
create index traveller_stay_due on traveller_stay (due) where due is not null;

create table overstay_alert (
    entry_crossing_id text primary key references crossing (id),
    traveller         text not null,
    nationality       text not null,
    rule              text not null,
    entry_day         date not null,
    last_legal_day    date,
    raised_at         timestamptz not null,
    cleared_at        timestamptz,
    exit_crossing_id  text references crossing (id),
    overstay_days     integer
);
create index overstay_alert_open on overstay_alert (traveller) where cleared_at is null;

-- Exits without an entry and entries without an exit, as the last replay of the traveller found them.
create table unmatched_crossing (
    crossing_id text primary key references crossing (id),
    traveller   text not null,
    kind        text not null check (kind in ('EXIT_WITHOUT_ENTRY', 'ENTRY_WITHOUT_EXIT'))
);
create index unmatched_by_traveller on unmatched_crossing (traveller);
