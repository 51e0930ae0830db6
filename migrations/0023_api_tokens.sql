-- Organisation API tokens and idempotency keys of the public API (ADR 0030).
--
-- A partner admin makes a token for their organisation: a name, scopes (per capability, read or
-- write) and an expiry. The token itself is shown once; only its SHA-256 is stored (it is 256
-- random bits, so a fast hash is enough: nothing to guess). A token is never changed or removed,
-- only revoked, so the audit log's references to it stay meaningful.

-- 1 to 20 scopes, each `capability:read` or `capability:write`, none twice.
create function api_scopes_valid(scopes text[]) returns boolean
  language sql immutable strict parallel safe set search_path = pg_catalog as $$
  select cardinality(scopes) between 1 and 20
     and (select count(*) = count(distinct s) and bool_and(s ~ '^[a-z][a-z-]{1,30}:(read|write)$') from unnest(scopes) s)
$$;

create table api_token (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null,
  organisation_id uuid not null,
  name text not null,
  -- What the token may do: `capability:read` or `capability:write` (write includes read).
  scopes text[] not null,
  token_hash bytea not null,
  -- The first characters of the token, shown in lists so a holder can tell their tokens apart.
  prefix text not null,
  created_by uuid constraint api_token_created_by_fk references person (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid constraint api_token_revoked_by_fk references person (id),
  -- Kept to the minute: a use sets it only when it is a minute old.
  last_used_at timestamptz,
  -- When the organisation's partner admins were told by mail that the token expires within a week.
  expiry_reminded_at timestamptz,
  constraint api_token_organisation_fk foreign key (organisation_id, pact_id) references organisation (id, pact_id),
  constraint api_token_id_pact_key unique (id, pact_id),
  constraint api_token_hash_key unique (token_hash),
  constraint api_token_hash_length check (octet_length(token_hash) = 32),
  constraint api_token_name_length check (char_length(name) between 1 and 100),
  constraint api_token_prefix_format check (prefix ~ '^spk_[A-Za-z0-9_-]{6}$'),
  constraint api_token_scopes_valid check (api_scopes_valid(scopes)),
  constraint api_token_expiry_after_creation check (expires_at > created_at),
  constraint api_token_revoked_by_when_revoked check (revoked_by is null or revoked_at is not null)
);
create index api_token_organisation_idx on api_token (pact_id, organisation_id, created_at desc);

-- Requests per token per minute, for the rate limit (a fixed window: one row per token and minute).
create table api_token_window (
  token_id uuid not null,
  pact_id uuid not null,
  window_start timestamptz not null,
  requests integer not null,
  constraint api_token_window_pkey primary key (token_id, window_start),
  constraint api_token_window_token_fk foreign key (token_id, pact_id) references api_token (id, pact_id),
  constraint api_token_window_requests_positive check (requests >= 1)
);

-- A POST's idempotency key and the answer it got, per token: a retry with the same key gets the
-- same answer without doing the work twice; the same key with another body is refused. The
-- unique key also makes a second request with the key wait until the first has committed.
create table api_idempotency_key (
  token_id uuid not null,
  pact_id uuid not null,
  key text not null,
  method text not null,
  path text not null,
  -- SHA-256 of the method, path and body, to tell a true retry from a reuse of the key.
  request_hash bytea not null,
  response_status integer not null,
  response_body jsonb not null,
  -- The Location header of a 201, if any.
  response_location text,
  created_at timestamptz not null,
  constraint api_idempotency_key_pkey primary key (token_id, key),
  constraint api_idempotency_key_token_fk foreign key (token_id, pact_id) references api_token (id, pact_id),
  constraint api_idempotency_key_format check (key ~ '^[\x21-\x7e]{1,255}$'),
  constraint api_idempotency_key_status check (response_status between 200 and 299)
);
create index api_idempotency_key_created_idx on api_idempotency_key (created_at);

grant select, insert on api_token to schakelpunt_app;
grant update (revoked_at, revoked_by, last_used_at) on api_token to schakelpunt_app;
-- The expiry reminder runs as a job, as the owner, across pacts; the application role never sets it.
grant select, insert, update on api_token_window to schakelpunt_app;
grant select, insert on api_idempotency_key to schakelpunt_app;

alter table api_token enable row level security;
alter table api_token force row level security;
create policy api_token_pact_isolation on api_token to schakelpunt_app
  using (pact_id = (select app_pact_id())) with check (pact_id = (select app_pact_id()));

alter table api_token_window enable row level security;
alter table api_token_window force row level security;
create policy api_token_window_pact_isolation on api_token_window to schakelpunt_app
  using (pact_id = (select app_pact_id())) with check (pact_id = (select app_pact_id()));

alter table api_idempotency_key enable row level security;
alter table api_idempotency_key force row level security;
create policy api_idempotency_key_pact_isolation on api_idempotency_key to schakelpunt_app
  using (pact_id = (select app_pact_id())) with check (pact_id = (select app_pact_id()));
