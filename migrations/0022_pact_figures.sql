-- A pact's count of participants (people with at least one active membership in it), kept up to
-- date by a trigger on membership, so that the pact home — opened on every visit by every member —
-- reads one row instead of counting the pact's memberships: in a pact of 50 organisations with 20
-- members each that count read a thousand index entries per page view, about a third of the
-- database's work for the page, and it grows with the pact.

create table pact_figures (
  pact_id uuid primary key constraint pact_figures_pact_fk references pact (id) on delete cascade,
  participants integer not null default 0,
  constraint pact_figures_participants_valid check (participants >= 0)
);

-- Written only by the trigger below (as the owner); the application role reads its own pact's row.
grant select on pact_figures to schakelpunt_app;

alter table pact_figures enable row level security;
alter table pact_figures force row level security;
create policy pact_figures_pact_isolation on pact_figures for select to schakelpunt_app
  using (pact_id = (select app_pact_id()));

-- A person joins a pact's count with their first active membership in it and leaves it with
-- their last. The pact's row is locked first, so that membership changes of one pact are counted
-- one at a time: two transactions that each give the same person a first membership cannot both
-- count them (each check below sees what the other committed, as statements in read committed do).
create or replace function pact_figures_count_participant(p_pact_id uuid, p_person_id uuid, p_membership_id uuid, p_step integer)
  returns void language plpgsql security definer set search_path = public, pg_temp as $$
begin
  insert into pact_figures as f (pact_id, participants) values (p_pact_id, 0)
    on conflict (pact_id) do update set participants = f.participants;
  if not exists (select 1 from membership m
                  where m.pact_id = p_pact_id and m.person_id = p_person_id and m.ended_at is null and m.id <> p_membership_id) then
    update pact_figures set participants = participants + p_step where pact_id = p_pact_id;
  end if;
end $$;

create or replace function membership_count_participants() returns trigger
  language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.ended_at is null
     and (tg_op = 'DELETE' or new.ended_at is not null or new.pact_id <> old.pact_id or new.person_id <> old.person_id) then
    perform pact_figures_count_participant(old.pact_id, old.person_id, old.id, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.ended_at is null
     and (tg_op = 'INSERT' or old.ended_at is not null or new.pact_id <> old.pact_id or new.person_id <> old.person_id) then
    perform pact_figures_count_participant(new.pact_id, new.person_id, new.id, 1);
  end if;
  return null;
end $$;

create trigger membership_count_participants
  after insert or update of ended_at, pact_id, person_id or delete on membership
  for each row execute function membership_count_participants();

-- The counts of the memberships that exist already.
insert into pact_figures (pact_id, participants)
select p.id, (select count(distinct m.person_id) from membership m where m.pact_id = p.id and m.ended_at is null)
  from pact p;
