-- Passenger messages (PAXLST, PNRGOV) received from carriers, held by the state they were sent to.
-- The SHA-256 digest of the exact bytes makes a re-sent message recognisable: stored once.
create table manifest (
    id              bigserial primary key,
    digest          char(64)    not null unique,
    carrier         text        not null,
    holder          text        not null,
    received_at     timestamptz not null,
    message_type    text        not null,
    version         text,
    flights         text        not null,
    travellers      integer     not null,
    warnings        integer     not null,
    raw             bytea,
    masked_at       timestamptz
);
create index manifest_holder on manifest (holder, received_at desc);

create table manifest_traveller (
    manifest_id       bigint  not null references manifest (id) on delete cascade,
    traveller_id      text    not null,
    role              text    not null,
    infant            boolean not null,
    surname           text,
    given_names       text,
    birth_date        date,
    sex               text,
    nationality       text,
    document_numbers  text,
    booking_reference text,
    primary key (manifest_id, traveller_id)
);
create index manifest_traveller_subject on manifest_traveller (upper(surname), birth_date);

create table manifest_hit (
    manifest_id  bigint  not null references manifest (id) on delete cascade,
    traveller_id text    not null,
    kind         text    not null,
    reference    text,
    score        double precision,
    explanation  text
);
create index manifest_hit_manifest on manifest_hit (manifest_id);

-- Messages that could not be read: kept aside with the reason, never silently dropped.
create table manifest_rejected (
    id          bigserial primary key,
    digest      char(64)    not null unique,
    carrier     text        not null,
    holder      text        not null,
    received_at timestamptz not null,
    reason      text        not null,
    raw         bytea
);

-- Transfers of a held manifest to another state, as a DataSharing commitment allowed them.
create table manifest_transfer (
    id             bigserial primary key,
    manifest_id    bigint      references manifest (id) on delete set null,
    sender         text        not null,
    recipient      text        not null,
    purpose        text        not null,
    fields         text        not null,
    instrument_id  text        not null,
    retention_days integer     not null,
    sent_at        timestamptz not null,
    masked_at      timestamptz
);
create index manifest_transfer_recipient on manifest_transfer (recipient, sent_at desc);
