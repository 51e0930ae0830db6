-- Password reset by e-mail link (src/modules/accounts/password-reset/). A row per link sent: the
-- table holds only the SHA-256 of the token (the token itself is only in the mail), so a leaked
-- table cannot be used to reset anyone's password. A link works once (used_at) and until
-- expires_at; asking for a new link ends the earlier unused ones (expires_at moved to that
-- moment, the row kept: the rows of the last hour count the mails sent, for the limit per person).
-- Installation-level: read and written only by the forgot-password and reset routes, which run
-- outside row-level security (no one is signed in yet). OWASP Forgot Password Cheat Sheet.
create table password_reset_token (
  token_hash text not null,
  person_id uuid not null constraint password_reset_token_person_fk references person (id) on delete cascade,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  constraint password_reset_token_pkey primary key (token_hash),
  constraint password_reset_token_hash_format check (token_hash ~ '^[0-9a-f]{64}$'),
  constraint password_reset_token_expiry_after_creation check (expires_at >= created_at),
  constraint password_reset_token_used_after_creation check (used_at is null or used_at >= created_at)
);
create index password_reset_token_person_idx on password_reset_token (person_id, created_at);

-- No grants to the application role, and forced row-level security without a policy for it: a
-- request acting for a pact member can never read or change reset tokens.
alter table password_reset_token enable row level security;
alter table password_reset_token force row level security;
