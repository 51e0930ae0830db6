-- Row-level security below the pact: records that only their network may read.
--
-- A household's data, a referral or a signal is visible inside the pact only to the people who
-- need it: the organisations the household shares it with (each share with a recorded basis:
-- the household's consent, or a legal task), persons named one by one (the case coordinator, a
-- household member in their own portal), and a background job working on that one record. The
-- pact alone is not enough: a pact coordinator is not in a household's network by being coordinator.
--
-- The pattern for a table that holds such data (docs/architecture.md, "Records only their network
-- may read"):
--
--   create policy <table>_network on <table> to schakelpunt_app
--     using (pact_id = app_pact_id() and app_in_network('<record type>', <record id column>))
--     with check (pact_id = app_pact_id() and app_in_network('<record type>', <record id column>));
--
-- and `src/app/row-level-security.db.test.ts` checks from the catalogue that every table with a
-- `household_id` column has such a policy, and nothing looser.

create table record_network (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint record_network_pact_fk references pact (id),
  -- What the network is of: 'household', later 'referral', 'signal'.
  record_type text not null,
  record_id uuid not null,
  -- One member per row: an organisation (its members in a working role) or one person.
  organisation_id uuid,
  person_id uuid constraint record_network_person_fk references person (id),
  -- The recorded basis of the share (GDPR art. 6(1)(a) consent or 6(1)(e) a legal task), and what for.
  basis text not null,
  purpose text not null,
  granted_at timestamptz not null default now(),
  granted_by uuid constraint record_network_granted_by_fk references person (id),
  -- A share ends (consent withdrawn, the task done); the row stays as the history of who could see what when.
  ended_at timestamptz,
  constraint record_network_one_member check (num_nonnulls(organisation_id, person_id) = 1),
  constraint record_network_basis_known check (basis in ('consent', 'legal-task')),
  constraint record_network_type_format check (record_type ~ '^[a-z][a-z-]{0,39}$'),
  constraint record_network_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id)
);
create index record_network_record_idx on record_network (record_type, record_id) where ended_at is null;
create index record_network_person_idx on record_network (person_id) where ended_at is null and person_id is not null;

grant select, insert, update (ended_at) on record_network to schakelpunt_app;
alter table record_network enable row level security;
alter table record_network force row level security;
create policy record_network_pact_isolation on record_network to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());

-- Whether the current person (app.person_id) is in the network of a record of the current pact, or
-- the transaction works on exactly this record for a background job (app.record_scope =
-- '<type>:<id>', set by inJobTransaction). Runs with the caller's rights, so row-level security of
-- record_network and membership applies inside it too.
create or replace function app_in_network(p_type text, p_id uuid) returns boolean
  language sql stable as $$
  select coalesce(current_setting('app.record_scope', true) = p_type || ':' || p_id::text, false)
      or exists (
        select 1 from record_network n
         where n.record_type = p_type and n.record_id = p_id and n.ended_at is null and n.pact_id = app_pact_id()
           and (n.person_id = app_person_id()
                or exists (select 1 from membership m
                            where m.organisation_id = n.organisation_id and m.person_id = app_person_id()
                              and m.pact_id = app_pact_id() and m.ended_at is null
                              and m.role in ('pact_coordinator', 'partner_admin', 'professional', 'volunteer'))))
$$;
