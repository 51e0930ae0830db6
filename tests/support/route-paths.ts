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
  // `organisation`: the same organisation, as the public API names it (/api/v1/pacts/:pact/organisations/:organisation/…).
  const samples: Record<string, string> = { pact: 'lindewaard', org: org.rows[0].id, organisation: org.rows[0].id, file: 'app.css', token: 'A'.repeat(43) };
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
  const hasApiTokens = await sql<{ found: boolean }>`select to_regclass('public.api_token') is not null as found`.execute(db);
  if (hasApiTokens.rows[0]!.found) {
    // `apiToken`: an active API token of Welzijn Lindewaard (for /api-tokens/:apiToken/revoke).
    const apiToken = await sql<{ id: string }>`
      insert into api_token (pact_id, organisation_id, name, scopes, token_hash, prefix, created_at, expires_at)
      values (${samples.pactId}, ${samples.org}, 'Voorbeeldsleutel', '{pact:read}', ${createHash('sha256').update('sample-api-token').digest()},
              'spk_sample', now(), now() + interval '90 days')
      returning id`.execute(db);
    samples.apiToken = apiToken.rows[0]!.id;
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
  // partners: `pillar`: a pillar of Lindewaard made here; `version`: covenant version 1 of Lindewaard
  // (made here when the pact has none). Both work with and without the demo's pillars and covenant.
  const hasPillars = await sql<{ found: boolean }>`select to_regclass('public.pillar') is not null as found`.execute(db);
  if (hasPillars.rows[0]!.found) {
    await sql`
      insert into pillar (pact_id, position, title, description)
      select id, 1000, 'Voorbeeldpijler voor tests', 'Een pijler om de routes mee te proberen.' from pact where slug = 'lindewaard'
      on conflict on constraint pillar_title_key do nothing`.execute(db);
    samples.pillar = (await sql<{ id: string }>`
      select pl.id from pillar pl join pact p on p.id = pl.pact_id
       where p.slug = 'lindewaard' and pl.title = 'Voorbeeldpijler voor tests'`.execute(db)).rows[0]!.id;
    await sql`
      insert into covenant_version (pact_id, version, title, body, adopted_on)
      select id, 1, 'Convenant', 'De partners werken samen tegen armoede.', date '2024-01-15' from pact where slug = 'lindewaard'
      on conflict on constraint covenant_version_key do nothing`.execute(db);
    samples.version = '1';
  }
  // initiatives:
  // `initiativeToken`: a confirmation/status link in the right form that was never issued (410);
  // `initiative`: a published initiative of Lindewaard made here (public pages answer 200).
  samples.initiativeToken = 'B'.repeat(43);
  const hasInitiatives = await sql<{ found: boolean }>`select to_regclass('public.initiative') is not null as found`.execute(db);
  if (hasInitiatives.rows[0]!.found) {
    const initiative = await sql<{ id: string }>`
      insert into initiative (pact_id, title, description, target_group, proposer_name, proposer_email, status,
                              confirm_token_hash, status_token_hash, created_at, confirmed_at, published_at, updated_at)
      select id, 'Voorbeeldinitiatief', 'Een voorbeeld voor de tests.', 'Buurtbewoners', 'Voorbeeld Indiener', 'indiener@voorbeeld.example',
             'published', ${createHash('sha256').update('sample-initiative-confirm').digest('hex')},
             ${createHash('sha256').update('sample-initiative-status').digest('hex')},
             '2026-11-20T09:00:00Z', '2026-11-20T10:00:00Z', '2026-11-21T09:00:00Z', '2026-11-21T09:00:00Z'
        from pact where slug = 'lindewaard'
      returning id`.execute(db);
    samples.initiative = initiative.rows[0]!.id;
  }
  // agenda: `year` 2029 of Lindewaard, published and open for registration (demo data holds 2025 and
  // 2026; tests use 2030 and later), with a pillar if the pact has none yet, and `activity` one of
  // Welzijn Lindewaard's activities in it. Safe to run again on the same database.
  const hasAgenda = await sql<{ found: boolean }>`select to_regclass('public.agenda_year') is not null as found`.execute(db);
  if (hasAgenda.rows[0]!.found) {
    await sql`
      insert into agenda_year (pact_id, year, status, published_at)
      select id, 2029, 'open', '2026-11-01T09:00:00Z'::timestamptz from pact where slug = 'lindewaard'
      on conflict (pact_id, year) do nothing`.execute(db);
    await sql`
      insert into pillar (pact_id, position, title)
      select p.id, 1, 'Bestaanszekerheid' from pact p
       where p.slug = 'lindewaard' and not exists (select 1 from pillar x where x.pact_id = p.id)`.execute(db);
    await sql`
      insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, responsible_name, starts_on, ends_on)
      select y.pact_id, y.id, ${samples.org}::uuid,
             (select x.id from pillar x where x.pact_id = y.pact_id and x.archived_at is null order by x.position limit 1),
             'Voorbeeldactiviteit', 'Een voorbeeld voor de tests', 'Joost', '2029-01-01', '2029-12-31'
        from agenda_year y join pact p on p.id = y.pact_id
       where p.slug = 'lindewaard' and y.year = 2029
         and not exists (select 1 from activity a where a.agenda_year_id = y.id and a.title = 'Voorbeeldactiviteit')`.execute(db);
    samples.year = '2029';
    samples.activity = (await sql<{ id: string }>`
      select a.id from activity a join agenda_year y on y.id = a.agenda_year_id join pact p on p.id = y.pact_id
       where p.slug = 'lindewaard' and y.year = 2029 and a.title = 'Voorbeeldactiviteit'`.execute(db)).rows[0]!.id;
  }
  // review:
  // meetings: `meeting`, a public planned meeting of Lindewaard (made here).
  const hasMeetings = await sql<{ found: boolean }>`select to_regclass('public.meeting') is not null as found`.execute(db);
  if (hasMeetings.rows[0]!.found) {
    samples.meeting = (await sql<{ id: string }>`
      insert into meeting (pact_id, kind, title, starts_at, ends_at, place, visibility)
      values (${samples.pactId}, 'follow_up', 'Voorbeeldbijeenkomst', '2027-01-14T18:00:00Z', '2027-01-14T20:00:00Z', 'Buurthuis', 'public')
      returning id`.execute(db)).rows[0]!.id;
  }
  // stories: `story`, a published public story of Welzijn Lindewaard (made here).
  if (hasMeetings.rows[0]!.found) {
    samples.story = (await sql<{ id: string }>`
      insert into story (pact_id, organisation_id, kind, title, body, visibility, status, published_at)
      values (${samples.pactId}, ${samples.org}, 'goes_well', 'Voorbeeldverhaal', 'Wat goed ging.', 'public', 'published', '2026-11-01T10:00:00Z')
      returning id`.execute(db)).rows[0]!.id;
  }
  return samples;
}
