-- Negotiations: the public definition (parties, issues, options, norms as Orderly JSON without
-- valuations), the proposals the engine made and the parties' answers (public), and each party's
-- valuation (private: only that party and the engine read it; no query for it omits the party).

create table negotiation (
    id             text primary key,
    title          text not null,
    definition     text not null,
    status         text not null check (status in ('OPEN', 'PROPOSED', 'CONCLUDED')),
    illustrative   boolean not null default false,
    opened_at      timestamptz not null,
    concluded_at   timestamptz,
    instrument_id  text
);

create table negotiation_valuation (
    negotiation_id text not null references negotiation (id) on delete cascade,
    party          text not null,
    valuation      text not null,
    entered_at     timestamptz not null,
    primary key (negotiation_id, party)
);

create table negotiation_proposal (
    negotiation_id text not null references negotiation (id) on delete cascade,
    number         integer not null,
    objective      text not null,
    deal           text not null,
    summary        text not null,
    proposed_at    timestamptz not null,
    primary key (negotiation_id, number)
);

create table negotiation_answer (
    negotiation_id text not null,
    number         integer not null,
    party          text not null,
    answer         text not null check (answer in ('ACCEPT', 'REJECT')),
    reason         text,
    answered_at    timestamptz not null,
    primary key (negotiation_id, number, party),
    foreign key (negotiation_id, number) references negotiation_proposal (negotiation_id, number) on delete cascade
);
