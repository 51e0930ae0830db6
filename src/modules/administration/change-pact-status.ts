/**
 * Suspending or reinstating a pact, with a reason: the pact row is locked, the action must be one
 * the pact's lifecycle (status.ts) allows from its status, and the change is stored with
 * `changeStatus` (the status on the pact, the row in pact_status_change) and on the pact's own
 * audit chain (ids only; the reason is free text and stays in the history table).
 * A suspended pact is hidden by the request pipeline from everyone but system administrators.
 */
import type { RouteContext } from '../../access/route.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decide } from '../../platform/lifecycle/lifecycle.ts';
import { changeStatus } from '../../platform/lifecycle/change-status.ts';
import { findPactForAdmin, latestPactStatusChangeId, pactStatusStore } from './pact-admin-queries.ts';
import { pactLifecycle, type PactAction } from './status.ts';

export type ChangePactStatusOutcome = { ok: true; changeId: string } | { ok: false; reason: 'not-found' | 'not-allowed' | 'reason-required' };

export async function changePactStatus(
  tx: Executor,
  input: { pactId: string; action: PactAction; reason: string; by: string; now: Date },
  audit: RouteContext['audit'],
): Promise<ChangePactStatusOutcome> {
  const pact = await findPactForAdmin(tx, input.pactId, true);
  if (!pact) return { ok: false, reason: 'not-found' };
  const decision = decide(pactLifecycle, pact.status, input.action, 'system_admin', input.reason);
  if (!decision.ok) return { ok: false, reason: decision.reason === 'reason-required' ? 'reason-required' : 'not-allowed' };
  const changed = await changeStatus(tx, pactStatusStore, {
    pactId: pact.id, id: pact.id, from: pact.status, to: decision.to, at: input.now,
    set: { updated_at: input.now }, history: { reason: input.reason, changed_by: input.by },
  });
  // The row is locked since it was read, so its status cannot have moved in between.
  if (!changed) return { ok: false, reason: 'not-allowed' };
  const changeId = await latestPactStatusChangeId(tx, pact.id);
  await audit({
    pactId: pact.id, action: input.action === 'suspend' ? 'pact.suspend' : 'pact.reinstate', recordType: 'pact',
    recordId: pact.id, purpose: 'installation', details: { from: pact.status, to: decision.to, change: changeId },
  });
  return { ok: true, changeId };
}
