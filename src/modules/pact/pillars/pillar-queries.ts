// Queries of a pact's pillars. Every query names the pact; row-level security limits them to the
// pact of the request as well.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

export interface PillarRow {
  id: string;
  position: number;
  title: string;
  description: string;
  weight: string;
  archived_at: Date | null;
  updated_at: Date;
}

export async function listPillars(tx: Executor, pactId: string): Promise<PillarRow[]> {
  const r = await sql<PillarRow>`
    select id, position, title, description, weight::text as weight, archived_at, updated_at
      from pillar where pact_id = ${pactId} order by archived_at nulls first, position, title`.execute(tx);
  return r.rows;
}

export async function findPillar(tx: Executor, pactId: string, id: string): Promise<PillarRow | undefined> {
  const r = await sql<PillarRow>`
    select id, position, title, description, weight::text as weight, archived_at, updated_at
      from pillar where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

/** Adds a pillar; null when the pact already has one with this exact title. */
export async function insertPillar(
  tx: Executor,
  pactId: string,
  p: { position: number; title: string; description: string; weight: number },
  now: Date,
): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into pillar (pact_id, position, title, description, weight, created_at, updated_at)
    values (${pactId}, ${p.position}, ${p.title}, ${p.description}, ${p.weight}, ${now}, ${now})
    on conflict on constraint pillar_title_key do nothing
    returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}

export async function updatePillar(
  tx: Executor,
  pactId: string,
  id: string,
  p: { position: number; title: string; description: string; weight: number },
  now: Date,
): Promise<void> {
  await sql`update pillar set position = ${p.position}, title = ${p.title}, description = ${p.description}, weight = ${p.weight},
            updated_at = ${now} where id = ${id} and pact_id = ${pactId}`.execute(tx);
}

export async function setPillarArchived(tx: Executor, pactId: string, id: string, archived: boolean, now: Date): Promise<void> {
  await sql`update pillar set archived_at = ${archived ? now : null}, updated_at = ${now} where id = ${id} and pact_id = ${pactId}`.execute(tx);
}

export async function setPillarLabel(tx: Executor, pactId: string, label: 'pillar' | 'path', now: Date): Promise<void> {
  await sql`update pact set pillar_label = ${label}, updated_at = ${now} where id = ${pactId}`.execute(tx);
}

/**
 * One page of the pact's pillars for the API, in the order of their position (then id), starting
 * after `after`; one row more than `limit`, so the caller knows whether a next page exists. Without
 * `modifiedAfter` only the current pillars; with it also the archived ones changed since, so a
 * client that keeps a copy learns of the archiving.
 */
export async function pagePillars(
  tx: Executor,
  pactId: string,
  page: { limit: number; after: readonly [number, string] | null; modifiedAfter: Date | null },
): Promise<PillarRow[]> {
  const after = page.after ? sql`and (position, id) > (${page.after[0]}, ${page.after[1]}::uuid)` : sql``;
  const changed = page.modifiedAfter ? sql`and updated_at > ${page.modifiedAfter}` : sql`and archived_at is null`;
  const r = await sql<PillarRow>`
    select id, position, title, description, weight::text as weight, archived_at, updated_at
      from pillar where pact_id = ${pactId} ${changed} ${after}
     order by position, id limit ${page.limit + 1}`.execute(tx);
  return r.rows;
}
