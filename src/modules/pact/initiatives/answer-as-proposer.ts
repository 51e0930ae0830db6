/** What the proposer does on the private status page: resubmit after changes, or withdraw. */
import type { UseCaseContext } from '../../../access/use-case.ts';
import { decide } from '../../../platform/lifecycle/lifecycle.ts';
import type { ChangesInput } from './initiative-forms.ts';
import { changeStatus, neighbourhoodExists, openPillarExists, updateContent, type InitiativeRow } from './initiative-queries.ts';
import { initiativeLifecycle } from './initiative-status.ts';

export type ProposerOutcome =
  | { ok: true }
  | { ok: false; reason: 'not-allowed' }
  | { ok: false; reason: 'unknown-choice'; field: 'neighbourhood' | 'pillar' };

export async function resubmitInitiative(ctx: UseCaseContext, i: InitiativeRow, v: ChangesInput): Promise<ProposerOutcome> {
  const { tx, pact, now } = ctx;
  const next = decide(initiativeLifecycle, i.status, 'resubmit', 'proposer');
  if (!next.ok) return { ok: false, reason: 'not-allowed' };
  if (v.neighbourhood && !(await neighbourhoodExists(tx, pact.id, v.neighbourhood))) return { ok: false, reason: 'unknown-choice', field: 'neighbourhood' };
  if (v.pillar && !(await openPillarExists(tx, pact.id, v.pillar))) return { ok: false, reason: 'unknown-choice', field: 'pillar' };
  await updateContent(tx, pact.id, i.id, {
    title: v.title, description: v.description, targetGroup: v.targetGroup, neighbourhoodId: v.neighbourhood || null,
    pillarId: v.pillar || null, support: v.support, supportNotes: v.supportNotes, now,
  });
  const changed = await changeStatus(tx, {
    pactId: pact.id, id: i.id, from: i.status, to: next.to, message: '', byPerson: null, byProposer: true, now,
  });
  if (!changed) return { ok: false, reason: 'not-allowed' };
  await ctx.audit({ action: 'initiative.resubmit', recordType: 'initiative', recordId: i.id, purpose: 'initiative-handling', details: {} });
  return { ok: true };
}

export async function withdrawInitiative(ctx: UseCaseContext, i: InitiativeRow): Promise<ProposerOutcome> {
  const { tx, pact, now } = ctx;
  const next = decide(initiativeLifecycle, i.status, 'withdraw', 'proposer');
  if (!next.ok) return { ok: false, reason: 'not-allowed' };
  const changed = await changeStatus(tx, {
    pactId: pact.id, id: i.id, from: i.status, to: next.to, message: '', byPerson: null, byProposer: true, now,
  });
  if (!changed) return { ok: false, reason: 'not-allowed' };
  await ctx.audit({ action: 'initiative.withdraw', recordType: 'initiative', recordId: i.id, purpose: 'initiative-handling', details: { from: i.status } });
  return { ok: true };
}
