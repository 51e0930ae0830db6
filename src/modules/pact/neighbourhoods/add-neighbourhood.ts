import type { Tx } from '../../../platform/db/database.ts';
import type { AuditWriter } from '../../../platform/import/index.ts';
import type { NeighbourhoodValue } from './neighbourhood.ts';
import { insertNeighbourhood } from './neighbourhood-queries.ts';

export type AddNeighbourhoodResult = { ok: true; id: string } | { ok: false; reason: 'code-taken' };

/** Adds one neighbourhood to the pact; a code the pact already has is refused, not overwritten. */
export async function addNeighbourhood(tx: Tx, pactId: string, input: NeighbourhoodValue, audit: AuditWriter): Promise<AddNeighbourhoodResult> {
  const id = await insertNeighbourhood(tx, pactId, input);
  if (!id) return { ok: false, reason: 'code-taken' };
  await audit({ action: 'neighbourhood.create', recordType: 'neighbourhood', recordId: id, purpose: 'pact-administration', details: { code: input.code } });
  return { ok: true, id };
}
