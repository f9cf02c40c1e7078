-- Readmission cases (issue 10): requests between states under a Readmission commitment (or outside any), answers in order.
create table readmission_case (
    id                    text primary key,
    requesting            text not null,
    requested             text not null,
    person_reference      text not null,
    nationality           text,
    requested_on          date not null,
    instrument_id         text,
    answer_deadline_days  integer,
    recorded_at           timestamptz not null default now()
);
create index readmission_case_by_states on readmission_case (requested, requesting);

create table readmission_answer (
    case_id   text not null references readmission_case (id),
    position  integer not null,
    answered_on date not null,
    kind      text not null check (kind in ('ACCEPT', 'REFUSE', 'ASK_FOR_EVIDENCE')),
    reason    text,
    primary key (case_id, position)
);
