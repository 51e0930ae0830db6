/**
 * Stores a proposal from the public form as `unconfirmed` and queues the mail with the
 * confirmation link — in the request's transaction. Refuses a neighbourhood or pillar that is not
 * the pact's, and a proposal over the rate limit (per e-mail address and per client address,
 * counted over every pact of the installation by the shared limiter).
 */
import type { UseCaseContext } from '../../../access/use-case.ts';
import { takeRateLimit } from '../../../platform/rate-limit.ts';
import type { ProposalInput } from './initiative-forms.ts';
import { newLinkToken, proposalLimits } from './initiative-links.ts';
import { mailConfirmation } from './initiative-mail.ts';
import { insertInitiative, neighbourhoodExists, openPillarExists, recordFirstStatus } from './initiative-queries.ts';

export type ProposeOutcome =
  | { ok: true; id: string }
  | { ok: false; reason: 'rate-limited' }
  | { ok: false; reason: 'unknown-choice'; field: 'neighbourhood' | 'pillar' };

export async function proposeInitiative(
  ctx: UseCaseContext,
  input: {
    value: ProposalInput;
    /** The client's network address (null when unknown) and the installation's secret, for the rate limit. */
    clientAddress: string | null;
    secret: Buffer;
    origin: string;
  },
): Promise<ProposeOutcome> {
  const { tx, pact, now } = ctx;
  const v = input.value;
  if (v.neighbourhood && !(await neighbourhoodExists(tx, pact.id, v.neighbourhood))) return { ok: false, reason: 'unknown-choice', field: 'neighbourhood' };
  if (v.pillar && !(await openPillarExists(tx, pact.id, v.pillar))) return { ok: false, reason: 'unknown-choice', field: 'pillar' };

  // The e-mail address first: a proposal it refuses counts for neither limit.
  if (!(await takeRateLimit(tx, input.secret, proposalLimits.email, v.email, now))) return { ok: false, reason: 'rate-limited' };
  if (input.clientAddress && !(await takeRateLimit(tx, input.secret, proposalLimits.address, input.clientAddress, now))) {
    return { ok: false, reason: 'rate-limited' };
  }

  const confirm = newLinkToken();
  const status = newLinkToken();
  const id = await insertInitiative(tx, {
    pactId: pact.id, title: v.title, description: v.description, targetGroup: v.targetGroup,
    neighbourhoodId: v.neighbourhood || null, pillarId: v.pillar || null, support: v.support, supportNotes: v.supportNotes,
    name: v.name, email: v.email, group: v.group, confirmTokenHash: confirm.hash, statusTokenHash: status.hash, now,
  });
  await recordFirstStatus(tx, pact.id, id, now);
  await mailConfirmation(tx, {
    pact, to: v.email, name: v.name, title: v.title, origin: input.origin, confirmToken: confirm.token, statusToken: status.token, now,
  });
  // Ids only: the proposer's name and e-mail address stay out of the audit log.
  await ctx.audit({
    action: 'initiative.propose', recordType: 'initiative', recordId: id, purpose: 'initiative-handling',
    details: { pillar: v.pillar || null, neighbourhood: v.neighbourhood || null },
  });
  return { ok: true, id };
}
