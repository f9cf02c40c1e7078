-- One negotiation state machine (orderly-negotiation's Proceedings): a negotiation is its opening (definition and
-- procedure) and the steps recorded since, each with its time and actor; where it stands is the replay of its steps.
-- The proposals and answers kept until now become steps, in the order of their times, and their tables go.

alter table negotiation add column procedure text;
alter table negotiation drop constraint negotiation_status_check;
alter table negotiation add constraint negotiation_status_check
    check (status in ('REQUESTS_AND_OFFERS', 'OPEN', 'PROPOSED', 'CONCLUDED'));

create table negotiation_step (
    negotiation_id text not null references negotiation (id) on delete cascade,
    number         integer not null,
    at             timestamptz not null,
    actor          text not null,
    party          text,
    kind           text not null,
    act            text not null,
    primary key (negotiation_id, number)
);

-- Earlier steps named no account: the party stands for its negotiator, "secretariat" for the secretariat.
insert into negotiation_step (negotiation_id, number, at, actor, party, kind, act)
select negotiation_id, row_number() over (partition by negotiation_id order by at, ord, party), at, actor, party, kind, act
from (
    select id as negotiation_id, opened_at as at, 0 as ord, 'secretariat' as actor, null::text as party, 'OPENED' as kind,
           json_build_object('kind', 'OPENED', 'title', title)::text as act
    from negotiation
    union all
    -- Only a valuation's latest entry time was kept: a revision after a rejection is dated before the first proposal,
    -- when the negotiation was open and the valuation was first entered.
    select v.negotiation_id, least(v.entered_at, coalesce((select min(p.proposed_at) from negotiation_proposal p
               where p.negotiation_id = v.negotiation_id), v.entered_at)), 1, v.party, v.party, 'VALUATION_ENTERED', '{"kind":"VALUATION_ENTERED"}'
    from negotiation_valuation v
    union all
    select negotiation_id, proposed_at, 2, 'secretariat', null, 'PROPOSED',
           json_build_object('kind', 'PROPOSED', 'proposal', number, 'objective', objective, 'summary', summary, 'deal', deal::json)::text
    from negotiation_proposal
    union all
    select negotiation_id, answered_at, 3, party, party, 'ANSWERED',
           json_strip_nulls(json_build_object('kind', 'ANSWERED', 'proposal', number, 'answer', answer, 'reason', reason))::text
    from negotiation_answer
    union all
    select n.id, n.concluded_at, 4, 'secretariat', null, 'CONCLUDED',
           json_strip_nulls(json_build_object('kind', 'CONCLUDED', 'proposal',
               (select max(p.number) from negotiation_proposal p where p.negotiation_id = n.id), 'instrument', n.instrument_id,
               'conflicts', json_build_array()))::text
    from negotiation n where n.status = 'CONCLUDED'
) steps;

drop table negotiation_answer;
drop table negotiation_proposal;
