import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { nextPillarPosition, pillarTitleTaken, type PillarInput } from './pillar.ts';
import { insertPillar, listPillars, setPillarArchived, updatePillar, type PillarRow } from './pillar-queries.ts';

export type PillarOutcome = { ok: true; pillarId: string } | { ok: false; reason: 'title-taken' };

/** Adds a pillar after the last one (or at the given position); a title the pact has is refused. */
export async function addPillar(
  tx: Executor,
  input: { pactId: string; pillar: { title: string; description: string; weight: number; position: number | null }; now: Date },
  audit: RouteContext['audit'],
): Promise<PillarOutcome> {
  const pillars = await listPillars(tx, input.pactId);
  if (pillarTitleTaken(pillars, input.pillar.title, null)) return { ok: false, reason: 'title-taken' };
  const position = input.pillar.position ?? nextPillarPosition(pillars);
  const id = await insertPillar(tx, input.pactId, { ...input.pillar, position }, input.now);
  if (!id) return { ok: false, reason: 'title-taken' };
  await audit({ action: 'pillar.create', recordType: 'pillar', recordId: id, purpose: 'pact-administration', details: { position } });
  return { ok: true, pillarId: id };
}

/** Saves a pillar's title, description, weight and position. */
export async function editPillar(
  tx: Executor,
  input: { pactId: string; pillar: PillarRow; values: PillarInput; now: Date },
  audit: RouteContext['audit'],
): Promise<PillarOutcome> {
  const pillars = await listPillars(tx, input.pactId);
  if (pillarTitleTaken(pillars, input.values.title, input.pillar.id)) return { ok: false, reason: 'title-taken' };
  await updatePillar(tx, input.pactId, input.pillar.id, input.values, input.now);
  await audit({
    action: 'pillar.update', recordType: 'pillar', recordId: input.pillar.id, purpose: 'pact-administration',
    details: { position: input.values.position, weight: input.values.weight },
  });
  return { ok: true, pillarId: input.pillar.id };
}

/** Archives a pillar (it takes no new activities; its history stays readable) or restores it. */
export async function archivePillar(
  tx: Executor,
  input: { pactId: string; pillar: PillarRow; archive: boolean; now: Date },
  audit: RouteContext['audit'],
): Promise<void> {
  await setPillarArchived(tx, input.pactId, input.pillar.id, input.archive, input.now);
  await audit({
    action: input.archive ? 'pillar.archive' : 'pillar.restore', recordType: 'pillar', recordId: input.pillar.id, purpose: 'pact-administration',
  });
}
