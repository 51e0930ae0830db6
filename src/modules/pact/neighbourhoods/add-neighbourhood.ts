import type { UseCaseContext } from '../../../access/use-case.ts';
import type { NeighbourhoodValue } from './neighbourhood.ts';
import { insertNeighbourhood } from './neighbourhood-queries.ts';

export type AddNeighbourhoodResult = { ok: true; id: string } | { ok: false; reason: 'code-taken' };

/** Adds one neighbourhood to the pact; a code the pact already has is refused, not overwritten. */
export async function addNeighbourhood(ctx: UseCaseContext, input: NeighbourhoodValue): Promise<AddNeighbourhoodResult> {
  const id = await insertNeighbourhood(ctx.tx, ctx.pact.id, input);
  if (!id) return { ok: false, reason: 'code-taken' };
  await ctx.audit({ action: 'neighbourhood.create', recordType: 'neighbourhood', recordId: id, purpose: 'pact-administration', details: { code: input.code } });
  return { ok: true, id };
}
