-- The pact and its yearly Lokale Sociale Agenda (src/modules/pact/profile, pillars, partners,
-- agenda, review): the pact's profile and covenant versions, its pillars (or paths), partners who
-- sign a covenant version and may leave, agenda years with the partners' activities and their
-- indicators, and the November review of each activity. Every table is pact-scoped and isolated
-- per pact by row-level security; status changes are kept in append-only history tables.

-- ── Pact profile ────────────────────────────────────────────────────────────────────────────
-- The "stip op de horizon": the mission and the year it should be reached. `pillar_label` says
-- whether the pact speaks of pillars (seed 000) or paths (seed 002).
alter table pact add column mission text not null default '';
alter table pact add column horizon_year integer;
alter table pact add column pillar_label text not null default 'pillar';
alter table pact add constraint pact_mission_length check (char_length(mission) <= 2000);
alter table pact add constraint pact_horizon_year_range check (horizon_year is null or horizon_year between 2000 and 2100);
alter table pact add constraint pact_pillar_label_known check (pillar_label in ('pillar', 'path'));
grant update (mission, horizon_year, pillar_label) on pact to schakelpunt_app;

-- The covenant text, in versions. A version is never changed once adopted: a new text is a new
-- version. Partners sign a version (covenant_signature).
create table covenant_version (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint covenant_version_pact_fk references pact (id),
  version integer not null,
  title text not null,
  body text not null,
  adopted_on date not null,
  created_by uuid constraint covenant_version_created_by_fk references person (id),
  created_at timestamptz not null default now(),
  constraint covenant_version_key unique (pact_id, version),
  constraint covenant_version_id_pact_key unique (id, pact_id),
  constraint covenant_version_positive check (version >= 1),
  constraint covenant_version_title_length check (char_length(title) between 1 and 200),
  constraint covenant_version_body_length check (char_length(body) between 1 and 50000)
);

-- ── Pillars (or paths) ──────────────────────────────────────────────────────────────────────
-- Configurable per pact; a template from the seeds can fill them. `weight` counts in the pact's
-- results tree. An archived pillar keeps its activities readable but takes no new ones.
create table pillar (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint pillar_pact_fk references pact (id),
  position integer not null,
  title text not null,
  description text not null default '',
  weight numeric(6, 2) not null default 1,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pillar_id_pact_key unique (id, pact_id),
  constraint pillar_title_key unique (pact_id, title),
  constraint pillar_position_range check (position between 1 and 1000),
  constraint pillar_title_length check (char_length(title) between 1 and 200),
  constraint pillar_description_length check (char_length(description) <= 4000),
  constraint pillar_weight_range check (weight > 0 and weight <= 100)
);
create index pillar_pact_idx on pillar (pact_id, position);

-- ── Partners ────────────────────────────────────────────────────────────────────────────────
-- A partner is an organisation of the pact. Its mission and contact person are public on the
-- partner page; `left_on` is set when it leaves the pact (history in partner_status_change).
alter table organisation add column mission text not null default '';
alter table organisation add column contact_name text not null default '';
alter table organisation add column joined_on date;
alter table organisation add column left_on date;
alter table organisation add constraint organisation_mission_length check (char_length(mission) <= 4000);
alter table organisation add constraint organisation_contact_name_length check (char_length(contact_name) <= 200);
alter table organisation add constraint organisation_left_after_joined check (left_on is null or joined_on is null or left_on >= joined_on);

-- The people who represent a partner in the pact (names shown on the public partner page and on
-- signatures). Not accounts: a representative may have none.
create table partner_representative (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  organisation_id uuid not null,
  name text not null,
  function_title text not null default '',
  position integer not null default 1,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  constraint partner_representative_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint partner_representative_name_length check (char_length(name) between 1 and 200),
  constraint partner_representative_function_length check (char_length(function_title) <= 200)
);
create index partner_representative_organisation_idx on partner_representative (organisation_id, position);

-- Who signed which covenant version on what date. Once per partner and version.
create table covenant_signature (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  organisation_id uuid not null,
  covenant_version_id uuid not null,
  signed_by_name text not null,
  signed_on date not null,
  recorded_by uuid constraint covenant_signature_recorded_by_fk references person (id),
  recorded_at timestamptz not null default now(),
  constraint covenant_signature_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint covenant_signature_version_fk foreign key (covenant_version_id, pact_id) references covenant_version (id, pact_id),
  constraint covenant_signature_key unique (organisation_id, covenant_version_id),
  constraint covenant_signature_name_length check (char_length(signed_by_name) between 1 and 200)
);
create index covenant_signature_version_idx on covenant_signature (covenant_version_id);

-- Joining, leaving and rejoining the pact: append-only.
create table partner_status_change (
  id bigint generated always as identity primary key,
  pact_id uuid not null,
  organisation_id uuid not null,
  from_status text,
  to_status text not null,
  effective_on date not null,
  reason text not null default '',
  changed_by uuid constraint partner_status_change_changed_by_fk references person (id),
  changed_at timestamptz not null,
  constraint partner_status_change_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint partner_status_change_from_known check (from_status is null or from_status in ('member', 'left')),
  constraint partner_status_change_to_known check (to_status in ('member', 'left')),
  constraint partner_status_change_is_change check (from_status is distinct from to_status),
  constraint partner_status_change_reason_length check (char_length(reason) <= 1000)
);
create index partner_status_change_organisation_idx on partner_status_change (organisation_id, id);

-- ── Agenda years ────────────────────────────────────────────────────────────────────────────
-- A year of the Lokale Sociale Agenda. `status` says whether partners may register activities
-- (`open`) or the coordinators locked registration (`locked`). The compiled agenda is public once
-- `published_at` is set. Every change is an agenda_year_event (append-only).
create table agenda_year (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint agenda_year_pact_fk references pact (id),
  year integer not null,
  status text not null default 'open',
  published_at timestamptz,
  introduction text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint agenda_year_key unique (pact_id, year),
  constraint agenda_year_id_pact_key unique (id, pact_id),
  constraint agenda_year_range check (year between 2000 and 2100),
  constraint agenda_year_status_known check (status in ('open', 'locked')),
  constraint agenda_year_introduction_length check (char_length(introduction) <= 10000)
);

create table agenda_year_event (
  id bigint generated always as identity primary key,
  pact_id uuid not null,
  agenda_year_id uuid not null,
  kind text not null,
  note text not null default '',
  by_person uuid constraint agenda_year_event_by_fk references person (id),
  occurred_at timestamptz not null,
  constraint agenda_year_event_year_fk foreign key (agenda_year_id, pact_id) references agenda_year (id, pact_id),
  constraint agenda_year_event_kind_known check (kind in ('opened', 'locked', 'reopened', 'published', 'unpublished')),
  constraint agenda_year_event_note_length check (char_length(note) <= 1000)
);
create index agenda_year_event_year_idx on agenda_year_event (agenda_year_id, id);

-- ── Activities ──────────────────────────────────────────────────────────────────────────────
-- A partner's concrete activity for a year. `status` is the latest review status ('planned' until
-- the first review); each review is kept in activity_review. `carried_from_id` links an activity
-- carried over from the previous year back to its origin; an activity is carried over at most once.
create table activity (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  agenda_year_id uuid not null,
  organisation_id uuid not null,
  pillar_id uuid not null,
  title text not null,
  goal text not null,
  description text not null default '',
  responsible_name text not null,
  starts_on date not null,
  ends_on date not null,
  weight numeric(6, 2) not null default 1,
  status text not null default 'planned',
  carried_from_id uuid,
  withdrawn_at timestamptz,
  reviewed_at timestamptz,
  created_by uuid constraint activity_created_by_fk references person (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint activity_id_pact_key unique (id, pact_id),
  constraint activity_year_fk foreign key (agenda_year_id, pact_id) references agenda_year (id, pact_id),
  constraint activity_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint activity_pillar_fk foreign key (pillar_id, pact_id) references pillar (id, pact_id),
  constraint activity_carried_from_fk foreign key (carried_from_id, pact_id) references activity (id, pact_id),
  constraint activity_carried_once unique (carried_from_id),
  constraint activity_title_length check (char_length(title) between 1 and 200),
  constraint activity_goal_length check (char_length(goal) between 1 and 2000),
  constraint activity_description_length check (char_length(description) <= 8000),
  constraint activity_responsible_length check (char_length(responsible_name) between 1 and 200),
  constraint activity_period check (ends_on >= starts_on),
  constraint activity_weight_range check (weight > 0 and weight <= 100),
  constraint activity_status_known check (status in ('planned', 'done', 'in_progress', 'delayed', 'stopped'))
);
create index activity_year_idx on activity (agenda_year_id, pillar_id, organisation_id) where withdrawn_at is null;
create index activity_organisation_idx on activity (organisation_id, agenda_year_id);

-- Other partners involved in an activity.
create table activity_partner (
  activity_id uuid not null,
  organisation_id uuid not null,
  pact_id uuid not null,
  primary key (activity_id, organisation_id),
  constraint activity_partner_activity_fk foreign key (activity_id, pact_id) references activity (id, pact_id) on delete cascade,
  constraint activity_partner_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id)
);
create index activity_partner_organisation_idx on activity_partner (organisation_id);

-- What an activity measures, with its target. `current_value` is the result of the latest review
-- (the history is in indicator_result).
create table indicator (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  activity_id uuid not null,
  position integer not null default 1,
  name text not null,
  unit text not null default '',
  target_value numeric(14, 2) not null,
  weight numeric(6, 2) not null default 1,
  current_value numeric(14, 2),
  created_at timestamptz not null default now(),
  constraint indicator_id_pact_key unique (id, pact_id),
  constraint indicator_activity_fk foreign key (activity_id, pact_id) references activity (id, pact_id) on delete cascade,
  constraint indicator_name_length check (char_length(name) between 1 and 200),
  constraint indicator_unit_length check (char_length(unit) <= 40),
  constraint indicator_target_positive check (target_value > 0),
  constraint indicator_weight_range check (weight > 0 and weight <= 100)
);
create index indicator_activity_idx on indicator (activity_id, position);

-- ── The November review ─────────────────────────────────────────────────────────────────────
-- Every review of an activity: its status, a short story and (in indicator_result) the result per
-- indicator. Append-only; the latest one is mirrored in activity.status and indicator.current_value.
create table activity_review (
  id bigint generated always as identity primary key,
  pact_id uuid not null,
  activity_id uuid not null,
  status text not null,
  story text not null default '',
  reviewed_by uuid constraint activity_review_reviewed_by_fk references person (id),
  reviewed_at timestamptz not null,
  constraint activity_review_id_pact_key unique (id, pact_id),
  constraint activity_review_activity_fk foreign key (activity_id, pact_id) references activity (id, pact_id),
  constraint activity_review_status_known check (status in ('done', 'in_progress', 'delayed', 'stopped')),
  constraint activity_review_story_length check (char_length(story) <= 4000)
);
create index activity_review_activity_idx on activity_review (activity_id, id);

create table indicator_result (
  activity_review_id bigint not null,
  indicator_id uuid not null,
  pact_id uuid not null,
  value numeric(14, 2) not null,
  primary key (activity_review_id, indicator_id),
  constraint indicator_result_review_fk foreign key (activity_review_id, pact_id) references activity_review (id, pact_id),
  constraint indicator_result_indicator_fk foreign key (indicator_id, pact_id) references indicator (id, pact_id),
  constraint indicator_result_not_negative check (value >= 0)
);

-- ── Append-only history ─────────────────────────────────────────────────────────────────────
create trigger partner_status_change_no_change before update or delete on partner_status_change
  for each row execute function status_change_append_only();
create trigger partner_status_change_no_truncate before truncate on partner_status_change
  for each statement execute function status_change_append_only();
create trigger agenda_year_event_no_change before update or delete on agenda_year_event
  for each row execute function status_change_append_only();
create trigger agenda_year_event_no_truncate before truncate on agenda_year_event
  for each statement execute function status_change_append_only();
create trigger activity_review_no_change before update or delete on activity_review
  for each row execute function status_change_append_only();
create trigger activity_review_no_truncate before truncate on activity_review
  for each statement execute function status_change_append_only();
create trigger indicator_result_no_change before update or delete on indicator_result
  for each row execute function status_change_append_only();
create trigger indicator_result_no_truncate before truncate on indicator_result
  for each statement execute function status_change_append_only();
create trigger covenant_version_no_change before update or delete on covenant_version
  for each row execute function status_change_append_only();

-- ── Grants: the least each table needs from a request ───────────────────────────────────────
grant select, insert on covenant_version, partner_status_change, agenda_year_event, activity_review, indicator_result to schakelpunt_app;
grant select, insert, update on pillar, partner_representative, agenda_year, activity, indicator to schakelpunt_app;
grant select, insert, delete on covenant_signature, activity_partner to schakelpunt_app;
grant delete on indicator to schakelpunt_app;

-- ── Row-level security: each table isolated per pact ────────────────────────────────────────
do $$
declare t text;
begin
  foreach t in array array['covenant_version', 'pillar', 'partner_representative', 'covenant_signature',
    'partner_status_change', 'agenda_year', 'agenda_year_event', 'activity', 'activity_partner', 'indicator',
    'activity_review', 'indicator_result'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I to schakelpunt_app using (pact_id = app_pact_id()) with check (pact_id = app_pact_id())',
      t || '_pact_isolation', t);
  end loop;
end
$$;
