/** The proposer confirms a proposal through the link in the mail (a POST: never on opening the link). */
import type { UseCaseContext } from '../../../access/use-case.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { decide } from '../../../platform/lifecycle/lifecycle.ts';
import { confirmLinkUsable } from './initiative-links.ts';
import { changeStatus, findByConfirmToken } from './initiative-queries.ts';
import { initiativeLifecycle } from './initiative-status.ts';

export type ConfirmOutcome = 'confirmed' | 'already-confirmed' | 'gone';

/** What the confirmation link leads to, without changing anything (for the page the GET shows). */
export async function confirmationState(tx: Executor, pactId: string, tokenHash: string, now: Date): Promise<{ state: ConfirmOutcome | 'open'; title?: string }> {
  const found = await findByConfirmToken(tx, pactId, tokenHash);
  if (!found || found.status === 'withdrawn') return { state: 'gone' };
  if (found.status !== 'unconfirmed') return { state: 'already-confirmed', title: found.title };
  if (!confirmLinkUsable(found.created_at, now)) return { state: 'gone' };
  return { state: 'open', title: found.title };
}

export async function confirmInitiative(ctx: UseCaseContext, tokenHash: string): Promise<ConfirmOutcome> {
  const { tx, pact, now } = ctx;
  const found = await findByConfirmToken(tx, pact.id, tokenHash);
  if (!found || found.status === 'withdrawn') return 'gone';
  if (found.status !== 'unconfirmed') return 'already-confirmed';
  if (!confirmLinkUsable(found.created_at, now)) return 'gone';
  const next = decide(initiativeLifecycle, found.status, 'confirm', 'proposer');
  if (!next.ok) return 'gone';
  const changed = await changeStatus(tx, {
    pactId: pact.id, id: found.id, from: found.status, to: next.to, message: '', byPerson: null, byProposer: true, now,
  });
  if (!changed) return 'already-confirmed';
  await ctx.audit({ action: 'initiative.confirm', recordType: 'initiative', recordId: found.id, purpose: 'initiative-handling', details: {} });
  return 'confirmed';
}
