import type { UseCaseContext } from '../../../access/use-case.ts';
import { nextPillarPosition, pillarTitleTaken, type PillarInput } from './pillar.ts';
import { insertPillar, listPillars, setPillarArchived, updatePillar, type PillarRow } from './pillar-queries.ts';

export type PillarOutcome = { ok: true; pillarId: string } | { ok: false; reason: 'title-taken' };

/** Adds a pillar after the last one (or at the given position); a title the pact has is refused. */
export async function addPillar(
  ctx: UseCaseContext,
  pillar: { title: string; description: string; weight: number; position: number | null },
): Promise<PillarOutcome> {
  const pillars = await listPillars(ctx.tx, ctx.pact.id);
  if (pillarTitleTaken(pillars, pillar.title, null)) return { ok: false, reason: 'title-taken' };
  const position = pillar.position ?? nextPillarPosition(pillars);
  const id = await insertPillar(ctx.tx, ctx.pact.id, { ...pillar, position }, ctx.now);
  if (!id) return { ok: false, reason: 'title-taken' };
  await ctx.audit({ action: 'pillar.create', recordType: 'pillar', recordId: id, purpose: 'pact-administration', details: { position } });
  return { ok: true, pillarId: id };
}

/** Saves a pillar's title, description, weight and position. */
export async function editPillar(ctx: UseCaseContext, pillar: PillarRow, values: PillarInput): Promise<PillarOutcome> {
  const pillars = await listPillars(ctx.tx, ctx.pact.id);
  if (pillarTitleTaken(pillars, values.title, pillar.id)) return { ok: false, reason: 'title-taken' };
  await updatePillar(ctx.tx, ctx.pact.id, pillar.id, values, ctx.now);
  await ctx.audit({
    action: 'pillar.update', recordType: 'pillar', recordId: pillar.id, purpose: 'pact-administration',
    details: { position: values.position, weight: values.weight },
  });
  return { ok: true, pillarId: pillar.id };
}

/** Archives a pillar (it takes no new activities; its history stays readable) or restores it. */
export async function archivePillar(ctx: UseCaseContext, pillar: PillarRow, archive: boolean): Promise<void> {
  await setPillarArchived(ctx.tx, ctx.pact.id, pillar.id, archive, ctx.now);
  await ctx.audit({
    action: archive ? 'pillar.archive' : 'pillar.restore', recordType: 'pillar', recordId: pillar.id, purpose: 'pact-administration',
  });
}
