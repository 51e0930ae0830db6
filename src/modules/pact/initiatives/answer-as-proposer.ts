/** What the proposer does on the private status page: resubmit after changes, or withdraw. */
import type { PactSummary } from '../../../access/policy.ts';
import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ChangesInput } from './initiative-forms.ts';
import { changeStatus, neighbourhoodExists, openPillarExists, updateContent, type InitiativeRow } from './initiative-queries.ts';
import { transition } from './initiative-status.ts';

export type ProposerOutcome =
  | { ok: true }
  | { ok: false; reason: 'not-allowed' }
  | { ok: false; reason: 'unknown-choice'; field: 'neighbourhood' | 'pillar' };

export async function resubmitInitiative(
  tx: Executor,
  input: { pact: PactSummary; initiative: InitiativeRow; value: ChangesInput; now: Date },
  audit: RouteContext['audit'],
): Promise<ProposerOutcome> {
  const { initiative: i, value: v } = input;
  const next = transition(i.status, 'resubmit', 'proposer');
  if (!next.ok) return { ok: false, reason: 'not-allowed' };
  if (v.neighbourhood && !(await neighbourhoodExists(tx, input.pact.id, v.neighbourhood))) return { ok: false, reason: 'unknown-choice', field: 'neighbourhood' };
  if (v.pillar && !(await openPillarExists(tx, input.pact.id, v.pillar))) return { ok: false, reason: 'unknown-choice', field: 'pillar' };
  await updateContent(tx, input.pact.id, i.id, {
    title: v.title, description: v.description, targetGroup: v.targetGroup, neighbourhoodId: v.neighbourhood || null,
    pillarId: v.pillar || null, support: v.support, supportNotes: v.supportNotes, now: input.now,
  });
  const changed = await changeStatus(tx, {
    pactId: input.pact.id, id: i.id, from: i.status, to: next.to, message: '', byPerson: null, byProposer: true, now: input.now,
  });
  if (!changed) return { ok: false, reason: 'not-allowed' };
  await audit({ action: 'initiative.resubmit', recordType: 'initiative', recordId: i.id, purpose: 'initiative-handling', details: {} });
  return { ok: true };
}

export async function withdrawInitiative(
  tx: Executor,
  input: { pact: PactSummary; initiative: InitiativeRow; now: Date },
  audit: RouteContext['audit'],
): Promise<ProposerOutcome> {
  const { initiative: i } = input;
  const next = transition(i.status, 'withdraw', 'proposer');
  if (!next.ok) return { ok: false, reason: 'not-allowed' };
  const changed = await changeStatus(tx, {
    pactId: input.pact.id, id: i.id, from: i.status, to: next.to, message: '', byPerson: null, byProposer: true, now: input.now,
  });
  if (!changed) return { ok: false, reason: 'not-allowed' };
  await audit({ action: 'initiative.withdraw', recordType: 'initiative', recordId: i.id, purpose: 'initiative-handling', details: { from: i.status } });
  return { ok: true };
}
