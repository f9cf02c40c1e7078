-- World Development Indicators series imported as published (issue 11, `orderly import wdi FILE.xls`): one row per
-- series with the import run it came from; its economies (aggregates marked) and every year that has a value.
create table wdi_series (
    indicator_code       text primary key,
    indicator_name       text not null,
    source_organisation  text not null default '',
    last_updated         date,
    file_name            text not null,
    sha256               text not null,
    import_run_id        bigint not null  -- the import_run it came from (no foreign key: tests truncate import_run alone)
);

create table wdi_economy (
    indicator_code  text not null references wdi_series (indicator_code) on delete cascade,
    code            text not null,
    name            text not null,
    aggregate       boolean not null,
    primary key (indicator_code, code)
);

create table wdi_value (
    indicator_code  text not null,
    code            text not null,
    year            integer not null,
    value           double precision not null,
    primary key (indicator_code, code, year),
    foreign key (indicator_code, code) references wdi_economy (indicator_code, code) on delete cascade
);
