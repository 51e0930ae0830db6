-- Membership history (src/modules/pact/members/): a membership row is never changed in place.
-- A new role or team ends the row (membership.ended_at) and starts a new one; deactivating only
-- ends it. This table says, once per ended row, how it ended, by whom, with which successor row
-- and the optional reason given. Append-only for the application: it may read and insert, never
-- update or delete.

-- Lets the history point at a membership of the same pact (a composite foreign key needs this).
alter table membership add constraint membership_id_pact_key unique (id, pact_id);

create table membership_end (
  membership_id uuid primary key,
  pact_id uuid not null constraint membership_end_pact_fk references pact (id),
  kind text not null,
  reason text not null default '',
  ended_by uuid constraint membership_end_ended_by_fk references person (id),
  ended_at timestamptz not null,
  successor_id uuid,
  constraint membership_end_membership_fk foreign key (membership_id, pact_id) references membership (id, pact_id),
  constraint membership_end_successor_fk foreign key (successor_id, pact_id) references membership (id, pact_id),
  constraint membership_end_kind_known check (kind in ('deactivated', 'role-changed', 'team-changed')),
  constraint membership_end_successor_matches_kind check ((kind = 'deactivated') = (successor_id is null)),
  constraint membership_end_reason_length check (char_length(reason) <= 500)
);
create index membership_end_pact_idx on membership_end (pact_id);

grant select, insert on membership_end to schakelpunt_app;

alter table membership_end enable row level security;
alter table membership_end force row level security;
create policy membership_end_pact_isolation on membership_end to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());
