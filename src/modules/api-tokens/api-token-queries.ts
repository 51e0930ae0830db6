// The SQL of API tokens and idempotency keys (migration 0023). Every query runs as the application
// role under the pact's row-level security, so a token of another pact is simply not there.
import { sql } from 'kysely';
import type { ApiScope } from '../../access/policy.ts';
import type { Executor } from '../../platform/db/database.ts';

/** The organisation, if it is one of the pact's. */
export async function findOrganisation(tx: Executor, pactId: string, id: string): Promise<{ id: string; name: string } | undefined> {
  const r = await sql<{ id: string; name: string }>`select id, name from organisation where pact_id = ${pactId} and id = ${id}`.execute(tx);
  return r.rows[0];
}

export interface ApiTokenRow {
  id: string;
  organisation_id: string;
  name: string;
  scopes: ApiScope[];
  prefix: string;
  created_by_name: string | null;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoked_by_name: string | null;
  last_used_at: Date | null;
}

export async function insertApiToken(
  tx: Executor,
  a: { pactId: string; organisationId: string; name: string; scopes: ApiScope[]; hash: Buffer; prefix: string; by: string | null; now: Date; expiresAt: Date },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into api_token (pact_id, organisation_id, name, scopes, token_hash, prefix, created_by, created_at, expires_at)
    values (${a.pactId}, ${a.organisationId}, ${a.name}, ${a.scopes}::text[], ${a.hash}, ${a.prefix}, ${a.by}, ${a.now}, ${a.expiresAt})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

/** The organisation's tokens, newest first, with who made and who revoked them. */
export async function listApiTokens(tx: Executor, pactId: string, organisationId: string): Promise<ApiTokenRow[]> {
  const r = await sql<ApiTokenRow>`
    select t.id, t.organisation_id, t.name, t.scopes, t.prefix, c.display_name as created_by_name, t.created_at, t.expires_at,
           t.revoked_at, r.display_name as revoked_by_name, t.last_used_at
      from api_token t
      left join person c on c.id = t.created_by
      left join person r on r.id = t.revoked_by
     where t.pact_id = ${pactId} and t.organisation_id = ${organisationId}
     order by t.created_at desc, t.id`.execute(tx);
  return r.rows;
}

/** Revokes the token if it is not revoked yet; false when it already was (or is not there). */
export async function markApiTokenRevoked(tx: Executor, a: { pactId: string; id: string; by: string | null; now: Date }): Promise<boolean> {
  const r = await sql`
    update api_token set revoked_at = ${a.now}, revoked_by = ${a.by}
     where pact_id = ${a.pactId} and id = ${a.id} and revoked_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface PresentedToken {
  id: string;
  organisation_id: string;
  scopes: ApiScope[];
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** The token with this hash in the pact, if any. */
export async function findTokenByHash(tx: Executor, pactId: string, hash: Buffer): Promise<PresentedToken | undefined> {
  const r = await sql<PresentedToken>`
    select t.id, t.organisation_id, t.scopes, t.expires_at, t.revoked_at, t.last_used_at
      from api_token t
     where t.pact_id = ${pactId} and t.token_hash = ${hash}`.execute(tx);
  return r.rows[0];
}

/** How many requests the token made in the minute that holds `now` (committed ones). */
export async function tokenRequestsThisMinute(tx: Executor, a: { pactId: string; tokenId: string; now: Date }): Promise<number> {
  const r = await sql<{ requests: number }>`
    select requests from api_token_window
     where pact_id = ${a.pactId} and token_id = ${a.tokenId} and window_start = date_trunc('minute', ${a.now}::timestamptz)`.execute(tx);
  return r.rows[0]?.requests ?? 0;
}

/**
 * Counts one request of the token in the minute that holds `now`; the count after it. The row of
 * the minute is locked until the request's transaction ends: call it last.
 */
export async function countTokenRequest(tx: Executor, a: { pactId: string; tokenId: string; now: Date }): Promise<number> {
  const r = await sql<{ requests: number }>`
    insert into api_token_window as w (token_id, pact_id, window_start, requests)
    values (${a.tokenId}, ${a.pactId}, date_trunc('minute', ${a.now}::timestamptz), 1)
    on conflict (token_id, window_start) do update set requests = w.requests + 1
    returning w.requests`.execute(tx);
  return r.rows[0]!.requests;
}

/** Sets the token's last use, at most once a minute. */
export async function touchApiToken(tx: Executor, a: { pactId: string; tokenId: string; now: Date }): Promise<void> {
  await sql`
    update api_token set last_used_at = ${a.now}
     where pact_id = ${a.pactId} and id = ${a.tokenId}
       and (last_used_at is null or last_used_at < ${a.now}::timestamptz - interval '1 minute')`.execute(tx);
}

export interface StoredIdempotentResponse {
  method: string;
  path: string;
  request_hash: Buffer;
  response_status: number;
  response_body: unknown;
  response_location: string | null;
}

/** The answer stored for the token's key, if the key was used before. */
export async function findIdempotentResponse(tx: Executor, a: { pactId: string; tokenId: string; key: string }): Promise<StoredIdempotentResponse | undefined> {
  const r = await sql<StoredIdempotentResponse>`
    select method, path, request_hash, response_status, response_body, response_location
      from api_idempotency_key where pact_id = ${a.pactId} and token_id = ${a.tokenId} and key = ${a.key}`.execute(tx);
  return r.rows[0];
}

/**
 * Stores the answer under the key. When another request stored the same key first (it committed
 * while this one worked), nothing is stored: false, and this request's transaction must not commit.
 */
export async function storeIdempotentResponse(
  tx: Executor,
  a: { pactId: string; tokenId: string; key: string; method: string; path: string; requestHash: Buffer; status: number; body: unknown; location: string | null; now: Date },
): Promise<boolean> {
  const r = await sql`
    insert into api_idempotency_key (token_id, pact_id, key, method, path, request_hash, response_status, response_body, response_location, created_at)
    values (${a.tokenId}, ${a.pactId}, ${a.key}, ${a.method}, ${a.path}, ${a.requestHash}, ${a.status}, ${JSON.stringify(a.body)}::jsonb, ${a.location}, ${a.now})
    on conflict (token_id, key) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Forgets idempotency keys and request counts older than `before` (a daily job). */
export async function purgeApiTokenTraces(tx: Executor, before: Date): Promise<{ keys: number; windows: number }> {
  const keys = await sql`delete from api_idempotency_key where created_at < ${before}`.execute(tx);
  const windows = await sql`delete from api_token_window where window_start < ${before}`.execute(tx);
  return { keys: Number(keys.numAffectedRows ?? 0), windows: Number(windows.numAffectedRows ?? 0) };
}

export interface ExpiringToken {
  id: string;
  pact_id: string;
  pact_slug: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  expires_at: Date;
}

/** Active tokens of active pacts that expire before `until` and whose admins were not told yet (a job, across pacts). */
export async function listTokensToRemind(db: Executor, now: Date, until: Date): Promise<ExpiringToken[]> {
  const r = await sql<ExpiringToken>`
    select t.id, t.pact_id, p.slug as pact_slug, t.organisation_id, o.name as organisation_name, t.name, t.expires_at
      from api_token t
      join pact p on p.id = t.pact_id and p.status = 'active'
      join organisation o on o.id = t.organisation_id and o.pact_id = t.pact_id
     where t.revoked_at is null and t.expiry_reminded_at is null and t.expires_at > ${now} and t.expires_at <= ${until}
     order by t.expires_at, t.id`.execute(db);
  return r.rows;
}

/** The organisation's partner admins who can act on a mail: active membership, active account. */
export async function listOrganisationAdmins(db: Executor, pactId: string, organisationId: string): Promise<Array<{ id: string; email: string; display_name: string; locale: 'nl' | 'en' }>> {
  const r = await sql<{ id: string; email: string; display_name: string; locale: 'nl' | 'en' }>`
    select distinct p.id, p.email, p.display_name, p.locale
      from membership m join person p on p.id = m.person_id
     where m.pact_id = ${pactId} and m.organisation_id = ${organisationId} and m.role = 'partner_admin'
       and m.ended_at is null and p.deactivated_at is null
     order by p.email`.execute(db);
  return r.rows;
}

export async function markExpiryReminded(db: Executor, id: string, now: Date): Promise<void> {
  await sql`update api_token set expiry_reminded_at = ${now} where id = ${id} and expiry_reminded_at is null`.execute(db);
}
