-- Invitations (src/modules/accounts/invitations/): a coordinator or partner admin invites someone
-- by e-mail into an organisation of the pact with a role. The link in the mail holds a random
-- token; the table holds only its SHA-256, so a leaked table cannot be used to join a pact.
-- Pact-scoped, so under row-level security like `organisation`. Accepting happens before the
-- invitee is a member (no pact context): that lookup runs as system code, by token hash only.

create table invitation (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint invitation_pact_fk references pact (id),
  organisation_id uuid not null,
  role text not null,
  email text not null,
  invited_by uuid not null constraint invitation_invited_by_fk references person (id),
  token_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  accepted_person_id uuid constraint invitation_accepted_person_fk references person (id),
  revoked_at timestamptz,
  constraint invitation_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint invitation_token_hash_key unique (token_hash),
  constraint invitation_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  constraint invitation_role_known check (role in ('pact_coordinator', 'partner_admin', 'professional', 'volunteer', 'policy_reader')),
  constraint invitation_email_lowercase check (email = lower(email)),
  constraint invitation_email_format check (char_length(email) between 3 and 254 and email ~ '^[^@[:space:]<>]+@[^@[:space:]<>]+$'),
  constraint invitation_expires_after_created check (expires_at > created_at),
  constraint invitation_accepted_complete check ((accepted_at is null) = (accepted_person_id is null)),
  constraint invitation_accepted_or_revoked check (accepted_at is null or revoked_at is null)
);
-- The open invitations of an organisation, as the invitations page lists them.
create index invitation_open_idx on invitation (organisation_id, created_at) where accepted_at is null and revoked_at is null;
create index invitation_pact_idx on invitation (pact_id);

-- A request may list, create and withdraw invitations of its own pact; accepting (accepted_at,
-- accepted_person_id) is done by system code only.
grant select, insert on invitation to schakelpunt_app;
grant update (revoked_at) on invitation to schakelpunt_app;

alter table invitation enable row level security;
alter table invitation force row level security;
create policy invitation_pact_isolation on invitation to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());
