/**
 * A coordinator's decision on an initiative: publish it, ask the proposer for changes, or decline
 * it with a reason the proposer sees. The proposer is mailed the outcome with a fresh status link.
 */
import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { decide } from '../../../platform/lifecycle/lifecycle.ts';
import type { ModerationAction } from './initiative-forms.ts';
import { newLinkToken } from './initiative-links.ts';
import { mailOutcome } from './initiative-mail.ts';
import { changeStatus, type InitiativeRow } from './initiative-queries.ts';
import { initiativeLifecycle } from './initiative-status.ts';

export type ModerateOutcome = { ok: true } | { ok: false; reason: 'not-allowed' | 'message-required' };

export async function moderateInitiative(
  ctx: UseCaseContext,
  found: InitiativeRow,
  input: { action: ModerationAction; message: string; origin: string },
): Promise<ModerateOutcome> {
  const { tx, pact, now } = ctx;
  const next = decide(initiativeLifecycle, found.status, input.action, 'coordinator', input.message);
  if (!next.ok) return { ok: false, reason: next.reason === 'reason-required' ? 'message-required' : 'not-allowed' };
  const status = newLinkToken();
  const changed = await changeStatus(tx, {
    pactId: pact.id, id: found.id, from: found.status, to: next.to, message: input.message,
    byPerson: actingPersonId(ctx), byProposer: false, now, statusTokenHash: status.hash,
  });
  if (!changed) return { ok: false, reason: 'not-allowed' };
  await mailOutcome(tx, {
    pact, to: found.proposer_email, name: found.proposer_name, title: found.title, origin: input.origin,
    statusToken: status.token, now, outcome: next.to as 'published' | 'changes_requested' | 'declined', message: input.message,
  });
  await ctx.audit({
    action: `initiative.${input.action}`, recordType: 'initiative', recordId: found.id, purpose: 'initiative-handling',
    details: { from: found.status, to: next.to },
  });
  return { ok: true };
}
