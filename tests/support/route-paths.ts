// Turns the registered route table into concrete request paths, for the tests that walk every route
// (authorization matrix, hostile input). A path parameter without a sample value is an error that
// names the parameter, so a new route cannot slip through a walk unnoticed.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AnyRoute } from '../../src/access/route.ts';
import type { Db } from '../../src/platform/db/database.ts';

/** `GET /p/:pact/organisations`: how a route is named in test tables. */
export function routeKey(route: Pick<AnyRoute, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

// Hono parameters: `:name`, optionally with a pattern `:name{...}` or optional marker `:name?`.
const paramPattern = /:([A-Za-z_][A-Za-z0-9_]*)(\{[^}]*\})?\??/g;

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(paramPattern)].map((m) => m[1]!);
}

export class MissingSampleError extends Error {
  constructor(readonly route: string, readonly param: string, readonly where: string) {
    super(`Route "${route}" has a path parameter :${param} without a sample value: add '${param}' to the samples in ${where}.`);
    this.name = 'MissingSampleError';
  }
}

/**
 * Fills every `:param` of `path` from `samples` (values are percent-encoded unless `raw`).
 * `where` names the file to edit when a sample is missing.
 */
export function concretePath(
  route: Pick<AnyRoute, 'method' | 'path'>,
  samples: Record<string, string>,
  where: string,
  options: { raw?: boolean } = {},
): string {
  return route.path.replace(paramPattern, (_whole, name: string) => {
    const value = samples[name];
    if (value === undefined) throw new MissingSampleError(routeKey(route), name, where);
    return options.raw ? value : encodeURIComponent(value);
  });
}

/** Set-Cookie headers of a response as name → value (deleted cookies have an empty value). */
export function setCookies(response: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    out.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
  }
  return out;
}

/** The CSRF token of the first form on an HTML page. */
export function csrfFromPage(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('No CSRF field on the page');
  return match[1]!;
}

/** Where a missing sample value has to be added. */
export const samplesFile = 'sampleParams() in tests/support/route-paths.ts';

/**
 * One real value per path parameter name in the demo data (pact lindewaard): `pact`, `org`
 * (Welzijn Lindewaard), `id` (an import job of Lindewaard, made here), `file` (a bundled asset),
 * `token` (a reset link never issued).
 * One name has one value, so every route with `:id` gets the same one: the mail message made here
 * (for `/admin/outbox/:id`) takes the import job's id, and the sample opens both.
 * A route with a parameter not named here fails the tests that walk every route, with a message
 * saying to add it.
 */
export async function sampleParams(db: Db): Promise<Record<string, string>> {
  const org = await sql<{ id: string }>`
    select o.id from organisation o join pact p on p.id = o.pact_id
     where p.slug = 'lindewaard' and o.name = 'Welzijn Lindewaard'`.execute(db);
  if (!org.rows[0]) throw new Error('sampleParams needs the demo data (seedDemo)');
  // `token`: a password reset link in the right form that was never issued (answered with 410).
  const samples: Record<string, string> = { pact: 'lindewaard', org: org.rows[0].id, file: 'app.css', token: 'A'.repeat(43) };
  // `membership`: the professional's membership of Welzijn Lindewaard; `team`: Welzijn's Schakelpuntteam.
  const membership = await sql<{ id: string }>`
    select m.id from membership m join person p on p.id = m.person_id
     where m.organisation_id = ${samples.org} and p.email = 'consulent@welzijn.lindewaard.example' and m.ended_at is null`.execute(db);
  const team = await sql<{ id: string }>`select id from team where organisation_id = ${samples.org} and name = 'Schakelpuntteam'`.execute(db);
  samples.membership = membership.rows[0]!.id;
  samples.team = team.rows[0]!.id;
  // `pactId`: Lindewaard's id; `personId`: the professional of Welzijn Lindewaard (/admin/pacts/:pactId, /admin/people/:personId).
  samples.pactId = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(db)).rows[0]!.id;
  samples.personId = (await sql<{ id: string }>`select id from person where email = 'consulent@welzijn.lindewaard.example'`.execute(db)).rows[0]!.id;
  const hasImports = await sql<{ found: boolean }>`select to_regclass('public.import_job') is not null as found`.execute(db);
  if (hasImports.rows[0]!.found) {
    const job = await sql<{ id: string }>`
      insert into import_job (pact_id, kind, file_name, created_at, updated_at)
      select id, 'neighbourhoods', 'wijken.csv', now(), now() from pact where slug = 'lindewaard'
      returning id`.execute(db);
    samples.id = job.rows[0]!.id;
  }
  const hasMail = await sql<{ found: boolean }>`select to_regclass('public.mail_message') is not null as found`.execute(db);
  if (hasMail.rows[0]!.found && samples.id) {
    await sql`
      insert into mail_message (id, created_at, to_address, subject, text_body, purpose, next_attempt_at)
      values (${samples.id}, now(), 'coordinator@lindewaard.example', 'Voorbeeldbericht', 'Voorbeeld', 'invitation', now())`.execute(db);
  }
  const hasInvitations = await sql<{ found: boolean }>`select to_regclass('public.invitation') is not null as found`.execute(db);
  if (hasInvitations.rows[0]!.found && samples.id && samples.token) {
    // Two open invitations of Welzijn Lindewaard for people without an account, valid at the test
    // clock (2026-11-23T10:00Z): one with the sample `id` (for withdrawing), one whose link is the
    // sample `token` (for /invitations/:token; the reset routes still find no reset link with it).
    await sql`
      insert into invitation (id, pact_id, organisation_id, role, email, invited_by, token_hash, created_at, expires_at)
      select ${samples.id}::uuid, o.pact_id, o.id, 'professional', 'ingetrokken@welzijn.lindewaard.example', p.id,
             ${createHash('sha256').update(`withdrawn-${samples.id}`).digest('hex')}, '2026-11-23T09:00:00Z'::timestamptz, '2026-11-30T09:00:00Z'::timestamptz
        from organisation o, person p where o.id = ${samples.org} and p.email = 'coordinator@lindewaard.example'
      union all
      select gen_random_uuid(), o.pact_id, o.id, 'professional', 'genodigde@welzijn.lindewaard.example', p.id,
             ${createHash('sha256').update(samples.token).digest('hex')}, '2026-11-23T09:00:00Z'::timestamptz, '2026-11-30T09:00:00Z'::timestamptz
        from organisation o, person p where o.id = ${samples.org} and p.email = 'coordinator@lindewaard.example'`.execute(db);
  }
  // ── Samples of the pact's profile, initiatives, agenda, review, meetings and stories (one block each) ──
  // partners:
  // initiatives:
  // agenda:
  // review:
  // meetings:
  // stories:
  return samples;
}
