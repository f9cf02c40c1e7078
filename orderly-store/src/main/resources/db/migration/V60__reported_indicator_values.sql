-- Self-reported indicator values (issue 11): a party's own value for an indicator and period, with its source,
-- shown beside the value Orderly computes. Every submission is kept; the latest per indicator, party and period counts.
create table reported_indicator_value (
    id                bigint generated always as identity primary key,
    indicator_id      text not null,
    party             text not null,
    period            text not null check (period ~ '^[12][0-9]{3}(-[0-9]{2}-[0-9]{2})?$'),
    value             double precision not null,
    source_title      text not null check (length(trim(source_title)) > 0),
    source_reference  text not null default '',
    source_as_of      date not null,
    submitted_by      text not null,
    submitted_at      timestamptz not null default now()
);
create index reported_indicator_value_by_indicator on reported_indicator_value (indicator_id, party, period, submitted_at desc);
