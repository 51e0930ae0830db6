-- Platform core: pacts (tenants), organisations, teams, neighbourhoods, people, memberships,
-- sessions and the audit log. Every pact-scoped table carries pact_id and is guarded by
-- row-level security for the application role (docs/decisions/0006-authorization-and-row-level-security.md).

-- The application role: requests run as this role (SET LOCAL ROLE inside their transaction), so
-- the policies below apply even when the connection itself belongs to a superuser or the owner.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'schakelpunt_app') then
    create role schakelpunt_app nologin;
  end if;
  -- A non-superuser connection role must be a member to switch to it.
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant schakelpunt_app to %I', current_user);
  end if;
end
$$;

grant usage on schema public to schakelpunt_app;

-- Request context, set per transaction with set_config(..., true).
create or replace function app_pact_id() returns uuid
  language sql stable as $$ select nullif(current_setting('app.pact_id', true), '')::uuid $$;
create or replace function app_person_id() returns uuid
  language sql stable as $$ select nullif(current_setting('app.person_id', true), '')::uuid $$;
create or replace function app_session_id() returns text
  language sql stable as $$ select nullif(current_setting('app.session_id', true), '') $$;

create table pact (
  id uuid primary key default gen_random_uuid(),
  slug text not null,
  name text not null,
  jurisdiction text not null,
  municipality text not null default '',
  status text not null default 'active',
  default_locale text not null default 'nl',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pact_slug_key unique (slug),
  constraint pact_slug_format check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  constraint pact_name_length check (char_length(name) between 1 and 200),
  constraint pact_jurisdiction_known check (jurisdiction in ('NL', 'BE-VLG')),
  constraint pact_status_known check (status in ('active', 'suspended')),
  constraint pact_default_locale_known check (default_locale in ('nl', 'en'))
);

create table neighbourhood (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint neighbourhood_pact_fk references pact (id),
  code text not null,
  name text not null,
  created_at timestamptz not null default now(),
  constraint neighbourhood_code_key unique (pact_id, code),
  constraint neighbourhood_code_format check (code ~ '^[A-Za-z0-9._-]{1,20}$'),
  constraint neighbourhood_name_length check (char_length(name) between 1 and 120)
);

create table organisation (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint organisation_pact_fk references pact (id),
  name text not null,
  kind text not null,
  description text not null default '',
  website text not null default '',
  email text not null default '',
  phone text not null default '',
  address text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint organisation_name_key unique (pact_id, name),
  constraint organisation_id_pact_key unique (id, pact_id),
  constraint organisation_name_length check (char_length(name) between 1 and 200),
  constraint organisation_kind_known check (kind in (
    'municipality', 'housing_corporation', 'welfare', 'school', 'church', 'residents_initiative',
    'company', 'sport_culture_club', 'volunteer_group', 'health', 'other'))
);
create index organisation_pact_idx on organisation (pact_id, name);

create table team (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  organisation_id uuid not null,
  name text not null,
  created_at timestamptz not null default now(),
  constraint team_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint team_name_key unique (organisation_id, name),
  constraint team_name_length check (char_length(name) between 1 and 120)
);

create table person (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  display_name text not null,
  password_hash text,
  is_system_admin boolean not null default false,
  locale text not null default 'nl',
  created_at timestamptz not null default now(),
  deactivated_at timestamptz,
  constraint person_email_key unique (email),
  constraint person_email_lowercase check (email = lower(email)),
  constraint person_display_name_length check (char_length(display_name) between 1 and 120),
  constraint person_locale_known check (locale in ('nl', 'en'))
);

create table membership (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint membership_pact_fk references pact (id),
  person_id uuid not null constraint membership_person_fk references person (id),
  organisation_id uuid,
  team_id uuid constraint membership_team_fk references team (id),
  role text not null,
  created_at timestamptz not null default now(),
  ended_at timestamptz,
  constraint membership_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint membership_role_known check (role in ('pact_coordinator', 'partner_admin', 'professional', 'volunteer', 'policy_reader')),
  constraint membership_organisation_required check (organisation_id is not null or role in ('pact_coordinator', 'policy_reader'))
);
create unique index membership_active_key on membership (pact_id, person_id, role, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)) where ended_at is null;
create index membership_person_idx on membership (person_id) where ended_at is null;
-- Row-level security asks "is this person a member of the current pact?" for every person row read.
create index membership_person_pact_idx on membership (person_id, pact_id);
create index membership_organisation_idx on membership (organisation_id) where ended_at is null;

create table session (
  id text primary key,
  person_id uuid not null constraint session_person_fk references person (id) on delete cascade,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  user_agent text not null default ''
);
create index session_person_idx on session (person_id);
create index session_expires_idx on session (expires_at);

-- The audit log: append-only, one hash chain per pact plus the 'system' chain. It holds ids, never
-- names, so erasing a person never rewrites it. No foreign keys: the log outlives what it names.
create table audit_event (
  chain text not null,
  seq bigint not null,
  pact_id uuid,
  occurred_at timestamptz not null,
  actor_person_id uuid,
  actor_organisation_id uuid,
  actor_role text,
  action text not null,
  record_type text,
  record_id text,
  subject_person_id uuid,
  purpose text not null,
  request_id text,
  details jsonb not null default '{}'::jsonb,
  prev_hash text not null,
  hash text not null,
  constraint audit_event_pkey primary key (chain, seq),
  constraint audit_event_chain_matches_pact check (chain = coalesce(pact_id::text, 'system'))
);
create index audit_event_pact_time_idx on audit_event (pact_id, occurred_at);
create index audit_event_actor_idx on audit_event (actor_person_id, occurred_at);
create index audit_event_record_idx on audit_event (record_type, record_id);
create index audit_event_subject_idx on audit_event (subject_person_id) where subject_person_id is not null;

create table audit_chain_head (
  chain text primary key,
  seq bigint not null,
  hash text not null
);
insert into audit_chain_head (chain, seq, hash) values ('system', 0, repeat('0', 64));

create or replace function audit_event_append_only() returns trigger
  language plpgsql as $$
begin
  raise exception 'audit_event is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_no_change before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();

-- Grants: the least each table needs from a request.
grant select on pact to schakelpunt_app;
grant update (name, municipality, default_locale, updated_at) on pact to schakelpunt_app;
grant select, insert, update, delete on neighbourhood, organisation, team to schakelpunt_app;
grant select, insert, update on membership to schakelpunt_app;
grant select, update (display_name, locale, password_hash) on person to schakelpunt_app;
grant select, update (last_seen_at), delete on session to schakelpunt_app;
grant select, insert on audit_event to schakelpunt_app;
grant select, update on audit_chain_head to schakelpunt_app;

-- Row-level security.
alter table pact enable row level security;
alter table pact force row level security;
create policy pact_public_read on pact for select to schakelpunt_app using (true);
create policy pact_own_update on pact for update to schakelpunt_app using (id = app_pact_id()) with check (id = app_pact_id());

alter table neighbourhood enable row level security;
alter table neighbourhood force row level security;
create policy neighbourhood_pact_isolation on neighbourhood to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());

alter table organisation enable row level security;
alter table organisation force row level security;
create policy organisation_pact_isolation on organisation to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());
-- A person may read the organisations they belong to from outside the pact (their own account page).
create policy organisation_own_read on organisation for select to schakelpunt_app
  using (exists (select 1 from membership m where m.organisation_id = organisation.id and m.person_id = app_person_id() and m.ended_at is null));

alter table team enable row level security;
alter table team force row level security;
create policy team_pact_isolation on team to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());

alter table membership enable row level security;
alter table membership force row level security;
create policy membership_pact_isolation on membership to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());
create policy membership_own_read on membership for select to schakelpunt_app
  using (person_id = app_person_id());

alter table person enable row level security;
alter table person force row level security;
create policy person_self on person to schakelpunt_app
  using (id = app_person_id()) with check (id = app_person_id());
create policy person_same_pact_read on person for select to schakelpunt_app
  using (exists (select 1 from membership m where m.person_id = person.id and m.pact_id = app_pact_id()));

alter table session enable row level security;
alter table session force row level security;
create policy session_own on session to schakelpunt_app
  using (id = app_session_id()) with check (id = app_session_id());

alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy audit_event_pact_read on audit_event for select to schakelpunt_app
  using (pact_id = app_pact_id());
create policy audit_event_append on audit_event for insert to schakelpunt_app
  with check (pact_id = app_pact_id() or (pact_id is null and chain = 'system'));

alter table audit_chain_head enable row level security;
alter table audit_chain_head force row level security;
create policy audit_chain_head_own on audit_chain_head to schakelpunt_app
  using (chain = coalesce(app_pact_id()::text, 'system') or chain = 'system')
  with check (chain = coalesce(app_pact_id()::text, 'system') or chain = 'system');
