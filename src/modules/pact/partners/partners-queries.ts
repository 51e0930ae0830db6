// Queries of the pact profile, covenant versions, representatives, signatures and partnership.
// Every query names the pact; row-level security limits every pact-scoped table to the pact of the
// request as well (the second wall).
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { StatusStore } from '../../../platform/lifecycle/change-status.ts';
import type { OrganisationKind } from '../organisation.ts';
import type { PartnerStatus } from './partner-status.ts';
import type { CovenantVersionInput, PactProfileInput, RepresentativeInput } from './partners-forms.ts';

export interface PactProfileRow {
  mission: string;
  horizon_year: number | null;
  pillar_label: 'pillar' | 'path';
}

export async function findPactProfile(tx: Executor, pactId: string): Promise<PactProfileRow> {
  const r = await sql<PactProfileRow>`select mission, horizon_year, pillar_label from pact where id = ${pactId}`.execute(tx);
  return r.rows[0] ?? { mission: '', horizon_year: null, pillar_label: 'pillar' };
}

/** The home page's profile and current pillars, in one query (the home page is benchmarked). */
export type HomeProfile = PactProfileRow & { pillars: Array<{ id: string; title: string; description: string }> };

/**
 * The home page's profile as one JSON value (mission, horizon year, label and current pillars), for
 * the pact's home, which reads it in the same statement as the rest of the page (it is benchmarked:
 * every statement is a round trip).
 */
export function homeProfileJson(pactId: string): RawBuilder<HomeProfile | null> {
  return sql<HomeProfile | null>`(
    select json_build_object(
             'mission', p.mission, 'horizon_year', p.horizon_year, 'pillar_label', p.pillar_label,
             'pillars', coalesce((select json_agg(json_build_object('id', pl.id, 'title', pl.title, 'description', pl.description)
                                                  order by pl.position, pl.title)
                                    from pillar pl where pl.pact_id = p.id and pl.archived_at is null), '[]'::json))
      from pact p where p.id = ${pactId})`;
}

export function homeProfileOf(raw: HomeProfile | null): HomeProfile {
  return { mission: raw?.mission ?? '', horizon_year: raw?.horizon_year ?? null, pillar_label: raw?.pillar_label ?? 'pillar', pillars: raw?.pillars ?? [] };
}

export async function updatePactProfile(tx: Executor, pactId: string, input: PactProfileInput, now: Date): Promise<void> {
  await sql`update pact set mission = ${input.mission}, horizon_year = ${input.horizonYear}, pillar_label = ${input.pillarLabel},
            updated_at = ${now} where id = ${pactId}`.execute(tx);
}

// ── Covenant ────────────────────────────────────────────────────────────────────────────────

export interface CovenantVersionRow {
  id: string;
  version: number;
  title: string;
  body: string;
  adopted_on: string;
}

export async function listCovenantVersions(tx: Executor, pactId: string): Promise<Array<Omit<CovenantVersionRow, 'body'>>> {
  const r = await sql<Omit<CovenantVersionRow, 'body'>>`
    select id, version, title, adopted_on::text as adopted_on from covenant_version where pact_id = ${pactId} order by version desc`.execute(tx);
  return r.rows;
}

/** A version by number, or the latest one when `version` is null. */
export async function findCovenantVersion(tx: Executor, pactId: string, version: number | null): Promise<CovenantVersionRow | undefined> {
  const r = await sql<CovenantVersionRow>`
    select id, version, title, body, adopted_on::text as adopted_on from covenant_version
     where pact_id = ${pactId} and (${version}::int is null or version = ${version}::int)
     order by version desc limit 1`.execute(tx);
  return r.rows[0];
}

/** Adds the next version; null when someone else added that number at the same moment. */
export async function insertCovenantVersion(
  tx: Executor,
  pactId: string,
  input: CovenantVersionInput,
  personId: string | null,
  now: Date,
): Promise<{ id: string; version: number } | null> {
  const r = await sql<{ id: string; version: number }>`
    insert into covenant_version (pact_id, version, title, body, adopted_on, created_by, created_at)
    select ${pactId}, coalesce(max(version), 0) + 1, ${input.title}, ${input.body}, ${input.adoptedOn}::date, ${personId}, ${now}
      from covenant_version where pact_id = ${pactId}
    on conflict on constraint covenant_version_key do nothing
    returning id, version`.execute(tx);
  return r.rows[0] ?? null;
}

export interface SignatureRow {
  organisation_id: string;
  organisation_name: string;
  version: number;
  signed_by_name: string;
  signed_on: string;
}

/** Signatures of the pact, or of one organisation; newest version first. */
export async function listSignatures(tx: Executor, pactId: string, organisationId: string | null): Promise<SignatureRow[]> {
  const r = await sql<SignatureRow>`
    select s.organisation_id, o.name as organisation_name, v.version, s.signed_by_name, s.signed_on::text as signed_on
      from covenant_signature s
      join organisation o on o.id = s.organisation_id
      join covenant_version v on v.id = s.covenant_version_id
     where s.pact_id = ${pactId} and (${organisationId}::uuid is null or s.organisation_id = ${organisationId}::uuid)
     order by v.version desc, o.name`.execute(tx);
  return r.rows;
}

/** Records a signature; null when the organisation already signed this version. */
export async function insertSignature(
  tx: Executor,
  input: { pactId: string; organisationId: string; versionId: string; signedByName: string; signedOn: string; personId: string | null; now: Date },
): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into covenant_signature (pact_id, organisation_id, covenant_version_id, signed_by_name, signed_on, recorded_by, recorded_at)
    values (${input.pactId}, ${input.organisationId}, ${input.versionId}, ${input.signedByName}, ${input.signedOn}::date,
            ${input.personId}, ${input.now})
    on conflict on constraint covenant_signature_key do nothing
    returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}

// ── Representatives ─────────────────────────────────────────────────────────────────────────

export interface RepresentativeRow {
  id: string;
  name: string;
  function_title: string;
  ended_at: Date | null;
}

export async function listRepresentatives(tx: Executor, pactId: string, organisationId: string, includeEnded: boolean): Promise<RepresentativeRow[]> {
  const r = await sql<RepresentativeRow>`
    select id, name, function_title, ended_at from partner_representative
     where pact_id = ${pactId} and organisation_id = ${organisationId} and (${includeEnded}::boolean or ended_at is null)
     order by ended_at nulls first, position, name`.execute(tx);
  return r.rows;
}

export async function insertRepresentative(tx: Executor, pactId: string, organisationId: string, input: RepresentativeInput, now: Date): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into partner_representative (pact_id, organisation_id, name, function_title, position, created_at)
    select ${pactId}, ${organisationId}, ${input.name}, ${input.functionTitle}, coalesce(max(position), 0) + 1, ${now}
      from partner_representative where pact_id = ${pactId} and organisation_id = ${organisationId}
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

/** Ends a representative of this organisation; false when there is no current one with this id. */
export async function endRepresentativeRow(tx: Executor, pactId: string, organisationId: string, id: string, now: Date): Promise<boolean> {
  const r = await sql`update partner_representative set ended_at = ${now}
                       where id = ${id} and pact_id = ${pactId} and organisation_id = ${organisationId} and ended_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

// ── Partnership ─────────────────────────────────────────────────────────────────────────────

export interface PartnerRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  mission: string;
  website: string;
  email: string;
  phone: string;
  contact_name: string;
  joined_on: string | null;
  left_on: string | null;
}

/** A partner of this pact; undefined for an id of another pact's organisation. */
export async function findPartner(tx: Executor, pactId: string, id: string): Promise<PartnerRow | undefined> {
  const r = await sql<PartnerRow>`
    select id, name, kind, description, mission, website, email, phone, contact_name,
           joined_on::text as joined_on, left_on::text as left_on
      from organisation where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export interface PartnerListRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  website: string;
  joined_on: string | null;
  left_on: string | null;
}

/** Every partner of the pact, with public fields only. */
export async function listPartners(tx: Executor, pactId: string): Promise<PartnerListRow[]> {
  const r = await sql<PartnerListRow>`
    select id, name, kind, website, joined_on::text as joined_on, left_on::text as left_on
      from organisation where pact_id = ${pactId} order by name`.execute(tx);
  return r.rows;
}

export interface PartnerStatusChangeRow {
  from_status: PartnerStatus | null;
  to_status: PartnerStatus;
  effective_on: string;
  reason: string;
  changed_at: Date;
}

export async function listPartnerStatusChanges(tx: Executor, pactId: string, organisationId: string): Promise<PartnerStatusChangeRow[]> {
  const r = await sql<PartnerStatusChangeRow>`
    select from_status, to_status, effective_on::text as effective_on, reason, changed_at
      from partner_status_change where pact_id = ${pactId} and organisation_id = ${organisationId} order by id desc`.execute(tx);
  return r.rows;
}

/**
 * Where a partnership's status lives: the history in partner_status_change (from_status, to_status,
 * changed_at; effective_on, reason and changed_by as extra columns). The current status is mirrored
 * by organisation.left_on, a date rather than a status column, so it is set by `setPartnerLeftOn`.
 */
export const partnerStatusStore: StatusStore = {
  table: 'organisation',
  history: { table: 'partner_status_change', recordColumn: 'organisation_id' },
};

/**
 * Sets (leaving) or clears (rejoining) the leaving date, only from the status the caller read: a
 * partner that left meanwhile (or came back) is not changed again. False when it was.
 */
export async function setPartnerLeftOn(
  tx: Executor,
  input: { pactId: string; organisationId: string; from: PartnerStatus; leftOn: string | null; now: Date },
): Promise<boolean> {
  const r = await sql`
    update organisation set left_on = ${input.leftOn}::date, updated_at = ${input.now}
     where id = ${input.organisationId} and pact_id = ${input.pactId}
       and (case when ${input.from}::text = 'left' then left_on is not null else left_on is null end)`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** A partner's activities in the published agenda years only (the public partner page). */
export async function listPublishedActivities(tx: Executor, pactId: string, organisationId: string): Promise<Array<{ id: string; title: string; year: number }>> {
  const r = await sql<{ id: string; title: string; year: number }>`
    select a.id, a.title, y.year
      from activity a join agenda_year y on y.id = a.agenda_year_id
     where a.pact_id = ${pactId} and a.organisation_id = ${organisationId} and y.published_at is not null and a.withdrawn_at is null
     order by y.year desc, a.title`.execute(tx);
  return r.rows;
}

export interface PublishedPactRow {
  slug: string;
  name: string;
  municipality: string;
  jurisdiction: 'NL' | 'BE-VLG';
  default_locale: 'nl' | 'en';
  mission: string;
  horizon_year: number | null;
  pillar_label: 'pillar' | 'path';
  updated_at: Date;
}

/** What the public API tells about the pact itself. */
export async function loadPublishedPact(tx: Executor, pactId: string): Promise<PublishedPactRow> {
  const r = await sql<PublishedPactRow>`
    select slug, name, municipality, jurisdiction, default_locale, mission, horizon_year, pillar_label, updated_at
      from pact where id = ${pactId}`.execute(tx);
  return r.rows[0]!;
}

export interface PartnerApiRow {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  mission: string;
  website: string;
  joined_on: string | null;
  left_on: string | null;
  updated_at: Date;
}

/**
 * One page of the pact's partners for the API, by name (then id), starting after `after`; one row
 * more than `limit`, so the caller knows whether a next page exists. The public partner pages'
 * organisation fields only: no e-mail address, phone, postal address or contact person. Former
 * partners are included, as on the public partner list. Driven by organisation_pact_idx (pact_id, name).
 */
export async function pagePartners(
  tx: Executor,
  pactId: string,
  page: { limit: number; after: readonly [string, string] | null; modifiedAfter: Date | null },
): Promise<PartnerApiRow[]> {
  const after = page.after ? sql`and (name, id) > (${page.after[0]}, ${page.after[1]}::uuid)` : sql``;
  const changed = page.modifiedAfter ? sql`and updated_at > ${page.modifiedAfter}` : sql``;
  const r = await sql<PartnerApiRow>`
    select id, name, kind, description, mission, website, joined_on::text as joined_on, left_on::text as left_on, updated_at
      from organisation where pact_id = ${pactId} ${changed} ${after}
     order by name, id limit ${page.limit + 1}`.execute(tx);
  return r.rows;
}
