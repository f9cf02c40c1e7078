-- Who wrote each registry row and ran each import. The server names its signed-in principal on each
-- connection it hands out (the setting orderly.actor, see the server's ActingDataSource); other writers
-- (the command line, migrations) are recorded as the database user they connect as. A trigger rather than
-- a default, so that updates (upserts of parties and instruments) record their writer too.
-- (Version 10, not 4: migrations of parallel branches take the numbers after 3.)
create function orderly_actor() returns text language sql stable as
$$ select coalesce(nullif(current_setting('orderly.actor', true), ''), session_user::text) $$;

create function orderly_written_by() returns trigger language plpgsql as
$$ begin new.written_by := orderly_actor(); return new; end $$;

alter table import_run    add column actor text not null default orderly_actor();
alter table party         add column written_by text not null default '';
alter table instrument    add column written_by text not null default '';
alter table participation add column written_by text not null default '';
alter table commitment    add column written_by text not null default '';
alter table entry_policy  add column written_by text not null default '';
create trigger party_written_by         before insert or update on party         for each row execute function orderly_written_by();
create trigger instrument_written_by    before insert or update on instrument    for each row execute function orderly_written_by();
create trigger participation_written_by before insert or update on participation for each row execute function orderly_written_by();
create trigger commitment_written_by    before insert or update on commitment    for each row execute function orderly_written_by();
create trigger entry_policy_written_by  before insert or update on entry_policy  for each row execute function orderly_written_by();

-- Personal access tokens of API clients: only the SHA-256 of a token is kept; the token itself is shown once.
create table access_token (
    id          bigserial primary key,
    account     text not null,
    label       text not null,
    sha256      text not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index access_token_account on access_token (account);
