-- One rate limiter for the installation (src/platform/rate-limit.ts): hits counted per bucket
-- ("initiative-email", "password-reset", …) and per key, in a sliding window. Keys are keyed
-- hashes (HMAC-SHA-256), never an e-mail or network address. The table is installation-level: no
-- grants and forced row-level security without a policy, so no request can read it; requests
-- (which run as the application role) reach it only through the two functions below, which run
-- with the rights of their owner and take, count or clear one key at a time.
create table rate_limit_hit (
  id bigint generated always as identity primary key,
  bucket text not null,
  key_hash text not null,
  hit_at timestamptz not null,
  constraint rate_limit_hit_bucket_format check (bucket ~ '^[a-z][a-z0-9-]{0,39}$'),
  constraint rate_limit_hit_key_format check (key_hash ~ '^[0-9a-f]{64}$')
);
create index rate_limit_hit_key_idx on rate_limit_hit (bucket, key_hash, hit_at);
create index rate_limit_hit_time_idx on rate_limit_hit (hit_at);
alter table rate_limit_hit enable row level security;
alter table rate_limit_hit force row level security;

-- Takes one hit for the key when fewer than p_limit were taken in the window; answers whether it
-- was taken. One key at a time under a transaction lock, so concurrent requests cannot both take
-- the last hit.
create or replace function rate_limit_take(p_bucket text, p_key_hash text, p_limit integer, p_window_seconds integer, p_now timestamptz)
  returns boolean language plpgsql security definer set search_path = public, pg_temp as $$
declare
  taken integer;
begin
  perform pg_advisory_xact_lock(hashtextextended('rate-limit:' || p_bucket || ':' || p_key_hash, 0));
  select count(*) into taken from rate_limit_hit
   where bucket = p_bucket and key_hash = p_key_hash and hit_at > p_now - make_interval(secs => p_window_seconds);
  if taken >= p_limit then
    return false;
  end if;
  insert into rate_limit_hit (bucket, key_hash, hit_at) values (p_bucket, p_key_hash, p_now);
  return true;
end
$$;

-- Forgets a key's hits (say, after a successful log-in).
create or replace function rate_limit_clear(p_bucket text, p_key_hash text)
  returns void language sql security definer set search_path = public, pg_temp as $$
  delete from rate_limit_hit where bucket = p_bucket and key_hash = p_key_hash
$$;

revoke all on function rate_limit_take(text, text, integer, integer, timestamptz) from public;
revoke all on function rate_limit_clear(text, text) from public;
grant execute on function rate_limit_take(text, text, integer, integer, timestamptz) to schakelpunt_app;
grant execute on function rate_limit_clear(text, text) to schakelpunt_app;
