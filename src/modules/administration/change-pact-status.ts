/**
 * Suspending or reinstating a pact, with a reason: the pact row is locked, the change must be one
 * the transition table (status.ts) lists, and it is kept in pact_status_change and on the pact's
 * own audit chain (ids only; the reason is free text and stays in the history table).
 * A suspended pact is hidden by the request pipeline from everyone but system administrators.
 */
import type { RouteContext } from '../../access/route.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findPactForAdmin, insertPactStatusChange, setPactStatus } from './pact-admin-queries.ts';
import { canChangePactStatus, type PactStatus } from './status.ts';

export type ChangePactStatusOutcome = { ok: true; changeId: string } | { ok: false; reason: 'not-found' | 'not-allowed' };

export async function changePactStatus(
  tx: Executor,
  input: { pactId: string; to: PactStatus; reason: string; by: string; now: Date },
  audit: RouteContext['audit'],
): Promise<ChangePactStatusOutcome> {
  const pact = await findPactForAdmin(tx, input.pactId, true);
  if (!pact) return { ok: false, reason: 'not-found' };
  if (!canChangePactStatus(pact.status, input.to)) return { ok: false, reason: 'not-allowed' };
  await setPactStatus(tx, pact.id, input.to, input.now);
  const changeId = await insertPactStatusChange(tx, {
    pactId: pact.id, from: pact.status, to: input.to, reason: input.reason, by: input.by, now: input.now,
  });
  await audit({
    pactId: pact.id, action: input.to === 'suspended' ? 'pact.suspend' : 'pact.reinstate', recordType: 'pact',
    recordId: pact.id, purpose: 'installation', details: { from: pact.status, to: input.to, change: changeId },
  });
  return { ok: true, changeId };
}
