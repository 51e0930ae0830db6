-- The system administrator's pages for pacts and people (src/modules/administration/):
-- suspending and reinstating a pact, deactivating and reactivating a person, each with a reason,
-- kept as append-only history; and the first coordinator of a new pact, invited without an
-- organisation (a coordinator membership may be without one: membership_organisation_required).

-- Every status change of a pact. Pact-scoped, so under row-level security like `organisation`;
-- only system code (the administrator's routes run outside row-level security) writes it.
create table pact_status_change (
  id bigint generated always as identity primary key,
  pact_id uuid not null constraint pact_status_change_pact_fk references pact (id),
  from_status text not null,
  to_status text not null,
  reason text not null,
  changed_by uuid not null constraint pact_status_change_changed_by_fk references person (id),
  changed_at timestamptz not null,
  constraint pact_status_change_from_known check (from_status in ('active', 'suspended')),
  constraint pact_status_change_to_known check (to_status in ('active', 'suspended')),
  constraint pact_status_change_is_change check (from_status <> to_status),
  constraint pact_status_change_reason_length check (char_length(reason) between 1 and 1000)
);
create index pact_status_change_pact_idx on pact_status_change (pact_id, id);

-- Every deactivation and reactivation of a person. Installation-level (a person is not in one
-- pact), like the log-in tables: no grants to the application role, row-level security forced
-- without a policy for it.
create table person_status_change (
  id bigint generated always as identity primary key,
  person_id uuid not null constraint person_status_change_person_fk references person (id),
  from_status text not null,
  to_status text not null,
  reason text not null,
  changed_by uuid not null constraint person_status_change_changed_by_fk references person (id),
  changed_at timestamptz not null,
  constraint person_status_change_from_known check (from_status in ('active', 'deactivated')),
  constraint person_status_change_to_known check (to_status in ('active', 'deactivated')),
  constraint person_status_change_is_change check (from_status <> to_status),
  constraint person_status_change_reason_length check (char_length(reason) between 1 and 1000)
);
create index person_status_change_person_idx on person_status_change (person_id, id);

create or replace function status_change_append_only() returns trigger
  language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'insufficient_privilege';
end
$$;
create trigger pact_status_change_no_change before update or delete on pact_status_change
  for each row execute function status_change_append_only();
create trigger pact_status_change_no_truncate before truncate on pact_status_change
  for each statement execute function status_change_append_only();
create trigger person_status_change_no_change before update or delete on person_status_change
  for each row execute function status_change_append_only();
create trigger person_status_change_no_truncate before truncate on person_status_change
  for each statement execute function status_change_append_only();

-- A request may read its own pact's history; nobody in a request writes it.
grant select on pact_status_change to schakelpunt_app;
alter table pact_status_change enable row level security;
alter table pact_status_change force row level security;
create policy pact_status_change_pact_isolation on pact_status_change to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());

alter table person_status_change enable row level security;
alter table person_status_change force row level security;

-- The first coordinator of a new pact is invited before the pact has any organisation: an
-- invitation, like a membership, may be without organisation for the roles that need none.
-- The composite foreign key (organisation_id, pact_id) is not checked when organisation_id is null.
alter table invitation alter column organisation_id drop not null;
alter table invitation add constraint invitation_organisation_required
  check (organisation_id is not null or role in ('pact_coordinator', 'policy_reader'));
-- Open invitations of a pact without organisation, as the pact's administration page lists them.
create index invitation_pact_open_idx on invitation (pact_id, created_at)
  where organisation_id is null and accepted_at is null and revoked_at is null;
