-- The open umbrella (src/modules/pact/initiatives): initiatives that residents and groups propose
-- through a public form, without an account. A proposal is stored `unconfirmed` until the proposer
-- confirms it through the link in the mail; pact coordinators then publish it, ask for changes or
-- decline it with a reason the proposer sees. Every status change is kept in append-only history.
-- The proposer's name and e-mail address are personal data: shown to coordinators only, never on
-- the public pages. Links in mail are stored as SHA-256 hashes only.

-- A composite key on neighbourhood, so that an initiative's neighbourhood must be of its own pact.
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'neighbourhood_id_pact_key') then
    alter table neighbourhood add constraint neighbourhood_id_pact_key unique (id, pact_id);
  end if;
end
$$;

create table initiative (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint initiative_pact_fk references pact (id),
  title text not null,
  description text not null,
  target_group text not null,
  neighbourhood_id uuid,
  pillar_id uuid,
  -- What support the initiative asks for: any of money, volunteers, space, knowledge.
  support_needed text[] not null default '{}',
  support_notes text not null default '',
  proposer_name text not null,
  proposer_email text not null,
  proposer_group text not null default '',
  status text not null default 'unconfirmed',
  -- What the coordinator tells the proposer (the reason for a decline, the changes asked for).
  moderation_message text not null default '',
  -- SHA-256 of the confirmation link's token and of the proposer's private status link's token.
  confirm_token_hash text not null,
  status_token_hash text not null,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  published_at timestamptz,
  updated_at timestamptz not null,
  constraint initiative_id_pact_key unique (id, pact_id),
  -- A neighbourhood that is removed leaves its initiatives without one (only that column is cleared).
  constraint initiative_neighbourhood_fk foreign key (neighbourhood_id, pact_id) references neighbourhood (id, pact_id) on delete set null (neighbourhood_id),
  constraint initiative_pillar_fk foreign key (pillar_id, pact_id) references pillar (id, pact_id),
  constraint initiative_confirm_token_key unique (confirm_token_hash),
  constraint initiative_status_token_key unique (status_token_hash),
  constraint initiative_confirm_token_format check (confirm_token_hash ~ '^[0-9a-f]{64}$'),
  constraint initiative_status_token_format check (status_token_hash ~ '^[0-9a-f]{64}$'),
  constraint initiative_status_known check (status in ('unconfirmed', 'submitted', 'changes_requested', 'published', 'declined', 'withdrawn')),
  constraint initiative_support_known check (support_needed <@ array['money', 'volunteers', 'space', 'knowledge']::text[]),
  constraint initiative_title_length check (char_length(title) between 1 and 200),
  constraint initiative_description_length check (char_length(description) between 1 and 4000),
  constraint initiative_target_group_length check (char_length(target_group) between 1 and 1000),
  constraint initiative_support_notes_length check (char_length(support_notes) <= 2000),
  constraint initiative_proposer_name_length check (char_length(proposer_name) between 1 and 200),
  constraint initiative_proposer_email_length check (char_length(proposer_email) between 3 and 320),
  constraint initiative_proposer_group_length check (char_length(proposer_group) <= 200),
  constraint initiative_moderation_message_length check (char_length(moderation_message) <= 2000)
);
create index initiative_pact_status_idx on initiative (pact_id, status, created_at);
create index initiative_published_idx on initiative (pact_id, pillar_id, neighbourhood_id) where status = 'published';

-- Every status change of an initiative: append-only. `by_person` is null when the proposer made
-- the change (confirming, resubmitting, withdrawing) — then `by_proposer` is true.
create table initiative_status_change (
  id bigint generated always as identity primary key,
  pact_id uuid not null,
  initiative_id uuid not null,
  from_status text,
  to_status text not null,
  message text not null default '',
  by_person uuid constraint initiative_status_change_by_fk references person (id),
  by_proposer boolean not null default false,
  changed_at timestamptz not null,
  constraint initiative_status_change_initiative_fk foreign key (initiative_id, pact_id) references initiative (id, pact_id) on delete cascade,
  constraint initiative_status_change_from_known check (from_status is null or from_status in ('unconfirmed', 'submitted', 'changes_requested', 'published', 'declined', 'withdrawn')),
  constraint initiative_status_change_to_known check (to_status in ('unconfirmed', 'submitted', 'changes_requested', 'published', 'declined', 'withdrawn')),
  constraint initiative_status_change_is_change check (from_status is distinct from to_status),
  constraint initiative_status_change_who check (not (by_proposer and by_person is not null)),
  constraint initiative_status_change_message_length check (char_length(message) <= 2000)
);
create index initiative_status_change_initiative_idx on initiative_status_change (initiative_id, id);

create trigger initiative_status_change_no_change before update on initiative_status_change
  for each row execute function status_change_append_only();
create trigger initiative_status_change_no_truncate before truncate on initiative_status_change
  for each statement execute function status_change_append_only();
-- Deletes only come with their initiative (the removal of unconfirmed proposals, on delete cascade);
-- a request cannot delete history rows (no delete grant).

-- Proposals sent through the public form, counted per client address and per e-mail address, for
-- the rate limit. Keys are keyed SHA-256 hashes (HMAC): the table never holds an address.
create table initiative_submission_attempt (
  id bigint generated always as identity primary key,
  pact_id uuid not null constraint initiative_submission_attempt_pact_fk references pact (id),
  key_kind text not null,
  key_hash text not null,
  attempted_at timestamptz not null,
  constraint initiative_submission_attempt_kind_known check (key_kind in ('address', 'email')),
  constraint initiative_submission_attempt_hash_format check (key_hash ~ '^[0-9a-f]{64}$')
);
create index initiative_submission_attempt_key_idx on initiative_submission_attempt (pact_id, key_kind, key_hash, attempted_at);

-- ── Grants: the least each table needs from a request ───────────────────────────────────────
-- Initiatives are deleted only by the retention clean-up (unconfirmed proposals), per pact.
grant select, insert, update, delete on initiative to schakelpunt_app;
grant select, insert on initiative_status_change to schakelpunt_app;
grant select, insert, delete on initiative_submission_attempt to schakelpunt_app;

-- ── Row-level security: each table isolated per pact ────────────────────────────────────────
do $$
declare t text;
begin
  foreach t in array array['initiative', 'initiative_status_change', 'initiative_submission_attempt'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy %I on %I to schakelpunt_app using (pact_id = app_pact_id()) with check (pact_id = app_pact_id())',
      t || '_pact_isolation', t);
  end loop;
end
$$;
