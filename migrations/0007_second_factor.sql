-- Second factor: time-based one-time passwords (TOTP, RFC 6238) with single-use recovery codes
-- (src/modules/accounts/second-factor/, docs/decisions/0019-second-factor.md).
--
-- A session starts with only the password checked (second_factor_at null). People who must use a
-- second factor (system administrators and every role that can see household data), and anyone
-- who enrolled one, have no access beyond the second-factor page until it is set.
alter table session add column second_factor_at timestamptz;

-- My sessions: a person may list and end their own other sessions (on other devices).
create policy session_same_person_read on session for select to schakelpunt_app
  using (person_id = app_person_id());
create policy session_same_person_delete on session for delete to schakelpunt_app
  using (person_id = app_person_id());

-- One enrolment per person. The secret is sealed (AES-256-GCM) with SECOND_FACTOR_KEY, a key kept
-- apart from the database and from SESSION_SECRET: a copy of the database alone does not give the
-- secrets, and rotating the session secret does not lock anybody out. Until confirmed_at is set the
-- row is a pending enrolment (the QR code was shown, no code was typed yet).
-- last_used_step stops a code from being used twice; failures and locked_until slow down guessing.
create table second_factor (
  person_id uuid not null constraint second_factor_person_fk references person (id) on delete cascade,
  sealed_secret text not null,
  created_at timestamptz not null,
  confirmed_at timestamptz,
  last_used_step bigint,
  failures integer not null default 0,
  locked_until timestamptz,
  constraint second_factor_pkey primary key (person_id),
  constraint second_factor_failures_not_negative check (failures >= 0),
  constraint second_factor_confirmed_after_creation check (confirmed_at is null or confirmed_at >= created_at)
);

-- Recovery codes: ten per enrolment, each usable once; only their SHA-256 is stored (they are long
-- random strings, so a fast hash is enough). Made anew on enrolment and on request.
create table second_factor_recovery_code (
  person_id uuid not null constraint second_factor_recovery_code_person_fk references person (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null,
  used_at timestamptz,
  constraint second_factor_recovery_code_pkey primary key (person_id, code_hash),
  constraint second_factor_recovery_code_hash_format check (code_hash ~ '^[0-9a-f]{64}$')
);

-- Installation-level, like the log-in tables: no grants to the application role and forced
-- row-level security without a policy for it. Only the sign-in steps (outside row-level security)
-- read or write these rows; a request acting for a pact member never can.
alter table second_factor enable row level security;
alter table second_factor force row level security;
alter table second_factor_recovery_code enable row level security;
alter table second_factor_recovery_code force row level security;
