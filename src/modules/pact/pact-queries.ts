import { sql } from 'kysely';
import { updateAtRevision } from '../../platform/concurrency.ts';
import { homeProfileJson, homeProfileOf, type HomeProfile } from './partners/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { NewOrganisationInput, OrganisationKind, OrganisationProfileInput } from './organisation.ts';

// Every query of a pact's rows names the pact (`pact_id = …`), also where row-level security would
// hide the other pacts' rows anyway: the query is the first wall, row-level security the second.

export interface OrganisationRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  website: string;
  email: string;
  phone: string;
  address: string;
  mission: string;
  contact_name: string;
  /** Raised by every save of the edit form (src/platform/concurrency.ts). */
  revision: number;
}

export interface OrganisationListRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  members: number;
}

export async function listPacts(tx: Executor): Promise<Array<{ slug: string; name: string; municipality: string }>> {
  const r = await sql<{ slug: string; name: string; municipality: string }>`
    select slug, name, municipality from pact where status = 'active' order by name`.execute(tx);
  return r.rows;
}

export async function listOrganisations(tx: Executor, pactId: string): Promise<OrganisationListRow[]> {
  const r = await sql<OrganisationListRow>`
    select o.id, o.name, o.kind, coalesce(m.members, 0)::int as members
      from organisation o
      left join (select organisation_id, count(*) as members from membership
                  where pact_id = ${pactId} and ended_at is null group by organisation_id) m on m.organisation_id = o.id
     where o.pact_id = ${pactId}
     order by o.name`.execute(tx);
  return r.rows;
}

/** The partner list of the public home page: no member counts (they are not public, and cost a scan). */
export async function listOrganisationSummaries(tx: Executor, pactId: string): Promise<Array<{ id: string; name: string; kind: OrganisationKind }>> {
  const r = await sql<{ id: string; name: string; kind: OrganisationKind }>`
    select id, name, kind from organisation where pact_id = ${pactId} order by name`.execute(tx);
  return r.rows;
}

/** An organisation of this pact; undefined for an id of another pact's organisation. */
export async function findOrganisation(tx: Executor, pactId: string, id: string): Promise<OrganisationRow | undefined> {
  const r = await sql<OrganisationRow>`
    select id, name, kind, description, website, email, phone, address, mission, contact_name, revision
      from organisation where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export async function listTeams(tx: Executor, pactId: string, organisationId: string): Promise<Array<{ id: string; name: string }>> {
  const r = await sql<{ id: string; name: string }>`
    select id, name from team where organisation_id = ${organisationId} and pact_id = ${pactId} order by name`.execute(tx);
  return r.rows;
}

export interface MemberRow {
  person_id: string;
  display_name: string;
  role: string;
  team_name: string | null;
}

export async function listOrganisationMembers(tx: Executor, pactId: string, organisationId: string): Promise<MemberRow[]> {
  const r = await sql<MemberRow>`
    select m.person_id, p.display_name, m.role, t.name as team_name
      from membership m
      join person p on p.id = m.person_id
      left join team t on t.id = m.team_id
     where m.organisation_id = ${organisationId} and m.pact_id = ${pactId} and m.ended_at is null
     order by p.display_name, m.role`.execute(tx);
  return r.rows;
}

/**
 * Updates the profile only if it is still at `expectedRevision`, and raises the revision; false
 * when someone saved first. The organisation was read in this pact by the caller, in the same
 * transaction (and row-level security bounds the update to the pact as well).
 */
export async function updateOrganisationProfile(
  tx: Executor,
  id: string,
  input: OrganisationProfileInput,
  expectedRevision: number,
  now: Date,
): Promise<boolean> {
  return updateAtRevision(tx, 'organisation', id, expectedRevision, {
    name: input.name, kind: input.kind, description: input.description, website: input.website, email: input.email, phone: input.phone,
    address: input.address, mission: input.mission, contact_name: input.contactName, updated_at: now,
  });
}

/** Whether another organisation of the pact has this name, ignoring case (`exceptId` null: any organisation). */
export async function organisationNameTaken(tx: Executor, pactId: string, name: string, exceptId: string | null): Promise<boolean> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from organisation
     where pact_id = ${pactId} and lower(name) = lower(${name}) and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`.execute(tx);
  return (r.rows[0]?.n ?? 0) > 0;
}

/** Adds an organisation; null when the pact already has one with exactly this name (a concurrent add). */
export async function insertOrganisation(tx: Executor, pactId: string, input: NewOrganisationInput, now: Date): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into organisation (pact_id, name, kind, description, website, email, phone, address, mission, contact_name, created_at, updated_at)
    values (${pactId}, ${input.name}, ${input.kind}, ${input.description}, ${input.website}, ${input.email}, ${input.phone},
            ${input.address}, ${input.mission}, ${input.contactName}, ${now}, ${now})
    on conflict on constraint organisation_name_key do nothing
    returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}

export async function updatePactSettings(
  tx: Executor,
  pactId: string,
  s: { name: string; municipality: string; defaultLocale: 'nl' | 'en' },
  now: Date,
): Promise<void> {
  await sql`update pact set name = ${s.name}, municipality = ${s.municipality}, default_locale = ${s.defaultLocale},
            updated_at = ${now} where id = ${pactId}`.execute(tx);
}

export interface PactHomeData {
  organisations: Array<{ id: string; name: string; kind: OrganisationKind }>;
  profile: HomeProfile;
  /** For members only: the pact's figures and the names of the member's own organisations. */
  figures: { organisations: number; members: number; neighbourhoods: number } | null;
  ownOrganisations: Array<{ id: string; name: string }>;
}

/**
 * Everything the pact's home shows, in one statement: the public partner list and profile, and for
 * a member the figures and their own organisations. The home is the page every member opens
 * first, and every statement is a round trip to the database (docs/decisions/0025-request-path.md).
 */
export async function loadPactHome(tx: Executor, pactId: string, member: { organisationIds: string[] } | null): Promise<PactHomeData> {
  const forMember = member !== null;
  const r = await sql<{
    organisations: PactHomeData['organisations'] | null; profile: HomeProfile | null;
    figures: PactHomeData['figures']; own: PactHomeData['ownOrganisations'] | null;
  }>`
    select (select json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) order by o.name)
              from organisation o where o.pact_id = ${pactId}) as organisations,
           ${homeProfileJson(pactId)} as profile,
           case when ${forMember} then json_build_object(
             'organisations', (select count(*) from organisation where pact_id = ${pactId}),
             -- Kept by the membership table's trigger (migration 0022): one row, not every membership.
             'members', coalesce((select participants from pact_figures where pact_id = ${pactId}), 0),
             'neighbourhoods', (select count(*) from neighbourhood where pact_id = ${pactId})) end as figures,
           case when ${forMember} then
             (select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name)
                from organisation o where o.id = any(${member?.organisationIds ?? []}::uuid[]) and o.pact_id = ${pactId}) end as own`.execute(tx);
  const row = r.rows[0]!;
  return {
    organisations: row.organisations ?? [],
    profile: homeProfileOf(row.profile),
    figures: row.figures,
    ownOrganisations: row.own ?? [],
  };
}
