/**
 * A coordinator's decision on an initiative: publish it, ask the proposer for changes, or decline
 * it with a reason the proposer sees. The proposer is mailed the outcome with a fresh status link.
 */
import type { PactSummary } from '../../../access/policy.ts';
import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ModerationAction } from './initiative-forms.ts';
import { newLinkToken } from './initiative-links.ts';
import { mailOutcome } from './initiative-mail.ts';
import { changeStatus, findInitiative } from './initiative-queries.ts';
import { transition } from './initiative-status.ts';

export type ModerateOutcome = { ok: true } | { ok: false; reason: 'not-found' | 'not-allowed' | 'message-required' };

export async function moderateInitiative(
  tx: Executor,
  input: { pact: PactSummary; personId: string; id: string; action: ModerationAction; message: string; origin: string; now: Date },
  audit: RouteContext['audit'],
): Promise<ModerateOutcome> {
  const found = await findInitiative(tx, input.pact.id, input.id);
  if (!found) return { ok: false, reason: 'not-found' };
  const next = transition(found.status, input.action, 'coordinator', input.message);
  if (!next.ok) return { ok: false, reason: next.reason === 'message-required' ? 'message-required' : 'not-allowed' };
  const status = newLinkToken();
  const changed = await changeStatus(tx, {
    pactId: input.pact.id, id: found.id, from: found.status, to: next.to, message: input.message,
    byPerson: input.personId, byProposer: false, now: input.now, statusTokenHash: status.hash,
  });
  if (!changed) return { ok: false, reason: 'not-allowed' };
  await mailOutcome(tx, {
    pact: input.pact, to: found.proposer_email, name: found.proposer_name, title: found.title, origin: input.origin,
    statusToken: status.token, now: input.now, outcome: next.to as 'published' | 'changes_requested' | 'declined', message: input.message,
  });
  await audit({
    action: `initiative.${input.action}`, recordType: 'initiative', recordId: found.id, purpose: 'initiative-handling',
    details: { from: found.status, to: next.to },
  });
  return { ok: true };
}
