-- Failed log-ins, counted per account and per network address, so that several app processes
-- share the counters. Keys are SHA-256 hashes: the table never holds an e-mail or IP address, and
-- a typed address that has no account is counted exactly like one that has (no account discovery).
-- Installation-level: read and written only by the log-in, which runs outside row-level security.
create table sign_in_failure (
  key_kind text not null,
  key_hash text not null,
  failures integer not null,
  first_failure_at timestamptz not null,
  last_failure_at timestamptz not null,
  locked_until timestamptz,
  constraint sign_in_failure_pkey primary key (key_kind, key_hash),
  constraint sign_in_failure_kind_known check (key_kind in ('account', 'address')),
  constraint sign_in_failure_count_positive check (failures > 0)
);
create index sign_in_failure_last_idx on sign_in_failure (last_failure_at);

-- No grants to the application role, and forced row-level security without a policy for it: a
-- request acting for a pact member can never read these counters.
alter table sign_in_failure enable row level security;
alter table sign_in_failure force row level security;
