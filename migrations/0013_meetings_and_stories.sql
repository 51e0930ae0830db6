-- The pact's meetings (src/modules/pact/meetings) and its stories of what goes well and where
-- dilemmas are (src/modules/pact/stories). Every table is pact-scoped and isolated per pact by
-- row-level security; status changes are kept in append-only history tables.

-- ── Meetings ────────────────────────────────────────────────────────────────────────────────
-- A meeting of the pact: the yearly conference, a follow-up, a working group. Times are instants;
-- forms speak of local dates and times in Europe/Amsterdam. `visibility` 'public' puts a meeting on
-- the public site and in the iCalendar feed; 'members' keeps it to the pact's members.
create table meeting (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint meeting_pact_fk references pact (id),
  kind text not null,
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place text not null default '',
  agenda text not null default '',
  visibility text not null default 'members',
  status text not null default 'planned',
  other_attendees integer not null default 0,
  minutes text not null default '',
  -- Counts the saves of the edit form: a form loaded at an older revision is refused (409).
  revision integer not null default 1,
  created_by uuid constraint meeting_created_by_fk references person (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint meeting_id_pact_key unique (id, pact_id),
  constraint meeting_kind_known check (kind in ('conference', 'follow_up', 'working_group', 'other')),
  constraint meeting_visibility_known check (visibility in ('public', 'members')),
  constraint meeting_status_known check (status in ('planned', 'held', 'cancelled')),
  constraint meeting_title_length check (char_length(title) between 1 and 200),
  constraint meeting_place_length check (char_length(place) <= 300),
  constraint meeting_agenda_length check (char_length(agenda) <= 10000),
  constraint meeting_minutes_length check (char_length(minutes) <= 50000),
  constraint meeting_period check (ends_at > starts_at),
  constraint meeting_other_attendees_range check (other_attendees between 0 and 100000)
);
create index meeting_pact_starts_idx on meeting (pact_id, starts_at);

-- Planned, held, cancelled: append-only.
create table meeting_status_change (
  id bigint generated always as identity primary key,
  pact_id uuid not null,
  meeting_id uuid not null,
  from_status text,
  to_status text not null,
  changed_by uuid constraint meeting_status_change_changed_by_fk references person (id),
  changed_at timestamptz not null,
  constraint meeting_status_change_meeting_fk foreign key (meeting_id, pact_id) references meeting (id, pact_id),
  constraint meeting_status_change_from_known check (from_status is null or from_status in ('planned', 'held', 'cancelled')),
  constraint meeting_status_change_to_known check (to_status in ('planned', 'held', 'cancelled')),
  constraint meeting_status_change_is_change check (from_status is distinct from to_status)
);
create index meeting_status_change_meeting_idx on meeting_status_change (meeting_id, id);

-- Which partner organisations were present (the other attendees are a count on meeting).
create table meeting_attendance (
  meeting_id uuid not null,
  organisation_id uuid not null,
  pact_id uuid not null,
  primary key (meeting_id, organisation_id),
  constraint meeting_attendance_meeting_fk foreign key (meeting_id, pact_id) references meeting (id, pact_id) on delete cascade,
  constraint meeting_attendance_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id)
);

-- Decisions taken at a meeting, in order. Never changed: a new decision is a new row.
create table meeting_decision (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  meeting_id uuid not null,
  text text not null,
  recorded_by uuid constraint meeting_decision_recorded_by_fk references person (id),
  recorded_at timestamptz not null,
  constraint meeting_decision_meeting_fk foreign key (meeting_id, pact_id) references meeting (id, pact_id),
  constraint meeting_decision_text_length check (char_length(text) between 1 and 2000)
);
create index meeting_decision_meeting_idx on meeting_decision (meeting_id, recorded_at);

-- What was agreed to do, by which organisation, when; optionally for an activity of the pact.
create table meeting_action_item (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  meeting_id uuid not null,
  text text not null,
  owner_organisation_id uuid not null,
  due_on date,
  activity_id uuid,
  done_at timestamptz,
  created_by uuid constraint meeting_action_item_created_by_fk references person (id),
  created_at timestamptz not null,
  constraint meeting_action_item_meeting_fk foreign key (meeting_id, pact_id) references meeting (id, pact_id),
  constraint meeting_action_item_owner_fk foreign key (owner_organisation_id, pact_id) references organisation (id, pact_id),
  constraint meeting_action_item_activity_fk foreign key (activity_id, pact_id) references activity (id, pact_id),
  constraint meeting_action_item_text_length check (char_length(text) between 1 and 1000)
);
create index meeting_action_item_meeting_idx on meeting_action_item (meeting_id, created_at);
create index meeting_action_item_activity_idx on meeting_action_item (activity_id) where activity_id is not null;

-- ── Stories ─────────────────────────────────────────────────────────────────────────────────
-- A story of what goes well or of a dilemma, written by a partner. Public only when `status` is
-- 'published' and `visibility` 'public'. A story about a person needs that person's recorded,
-- not withdrawn consent (story_consent) before it is published publicly: the rule is in
-- src/modules/pact/stories/consent.ts.
create table story (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  organisation_id uuid not null,
  pillar_id uuid,
  kind text not null,
  title text not null,
  body text not null,
  visibility text not null default 'internal',
  status text not null default 'draft',
  about_person boolean not null default false,
  published_at timestamptz,
  revision integer not null default 1,
  created_by uuid constraint story_created_by_fk references person (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint story_id_pact_key unique (id, pact_id),
  constraint story_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint story_pillar_fk foreign key (pillar_id, pact_id) references pillar (id, pact_id),
  constraint story_kind_known check (kind in ('goes_well', 'dilemma')),
  constraint story_visibility_known check (visibility in ('internal', 'public')),
  constraint story_status_known check (status in ('draft', 'published', 'withdrawn')),
  constraint story_title_length check (char_length(title) between 1 and 200),
  constraint story_body_length check (char_length(body) between 1 and 20000)
);
create index story_pact_idx on story (pact_id, status, visibility);
create index story_organisation_idx on story (organisation_id);

-- The consent of the person a story is about: personal data, read and written only by the story's
-- editors (every read and write is audit-logged). One row per story; removed when the story is no
-- longer about a person.
create table story_consent (
  story_id uuid primary key,
  pact_id uuid not null,
  person_name text not null,
  given_on date not null,
  method text not null,
  scope text not null,
  withdrawn_on date,
  recorded_by uuid constraint story_consent_recorded_by_fk references person (id),
  recorded_at timestamptz not null,
  constraint story_consent_story_fk foreign key (story_id, pact_id) references story (id, pact_id) on delete cascade,
  constraint story_consent_method_known check (method in ('written', 'verbal', 'digital')),
  constraint story_consent_name_length check (char_length(person_name) between 1 and 200),
  constraint story_consent_scope_length check (char_length(scope) between 1 and 2000),
  constraint story_consent_withdrawn_after_given check (withdrawn_on is null or withdrawn_on >= given_on)
);

-- Draft, published, withdrawn and internal/public: append-only.
create table story_status_change (
  id bigint generated always as identity primary key,
  pact_id uuid not null,
  story_id uuid not null,
  from_status text,
  to_status text not null,
  from_visibility text,
  to_visibility text not null,
  reason text not null default '',
  changed_by uuid constraint story_status_change_changed_by_fk references person (id),
  changed_at timestamptz not null,
  constraint story_status_change_story_fk foreign key (story_id, pact_id) references story (id, pact_id),
  constraint story_status_change_to_known check (to_status in ('draft', 'published', 'withdrawn')),
  constraint story_status_change_visibility_known check (to_visibility in ('internal', 'public')),
  constraint story_status_change_reason_length check (char_length(reason) <= 200)
);
create index story_status_change_story_idx on story_status_change (story_id, id);

-- ── Append-only history ─────────────────────────────────────────────────────────────────────
create trigger meeting_status_change_no_change before update or delete on meeting_status_change
  for each row execute function status_change_append_only();
create trigger meeting_status_change_no_truncate before truncate on meeting_status_change
  for each statement execute function status_change_append_only();
create trigger meeting_decision_no_change before update or delete on meeting_decision
  for each row execute function status_change_append_only();
create trigger meeting_decision_no_truncate before truncate on meeting_decision
  for each statement execute function status_change_append_only();
create trigger story_status_change_no_change before update or delete on story_status_change
  for each row execute function status_change_append_only();
create trigger story_status_change_no_truncate before truncate on story_status_change
  for each statement execute function status_change_append_only();

-- ── Grants: the least each table needs from a request ───────────────────────────────────────
grant select, insert on meeting_status_change, meeting_decision, story_status_change to schakelpunt_app;
grant select, insert, update on meeting, meeting_action_item, story to schakelpunt_app;
grant select, insert, delete on meeting_attendance to schakelpunt_app;
grant select, insert, update, delete on story_consent to schakelpunt_app;

-- ── Row-level security: each table isolated per pact ────────────────────────────────────────
do $$
declare t text;
begin
  foreach t in array array['meeting', 'meeting_status_change', 'meeting_attendance', 'meeting_decision',
    'meeting_action_item', 'story', 'story_consent', 'story_status_change'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I to schakelpunt_app using (pact_id = app_pact_id()) with check (pact_id = app_pact_id())',
      t || '_pact_isolation', t);
  end loop;
end
$$;
