/**
 * Stores a proposal from the public form as `unconfirmed` and queues the mail with the
 * confirmation link — in the request's transaction. Refuses a neighbourhood or pillar that is not
 * the pact's, and a proposal over the rate limit (per client address and per e-mail address,
 * counted over every pact of the installation).
 */
import type { PactSummary } from '../../../access/policy.ts';
import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ProposalInput } from './initiative-forms.ts';
import { newLinkToken, RATE_LIMIT } from './initiative-links.ts';
import { mailConfirmation } from './initiative-mail.ts';
import {
  countAttempts, insertInitiative, neighbourhoodExists, openPillarExists, recordAttempt, recordFirstStatus,
} from './initiative-queries.ts';

export type ProposeOutcome =
  | { ok: true; id: string }
  | { ok: false; reason: 'rate-limited' }
  | { ok: false; reason: 'unknown-choice'; field: 'neighbourhood' | 'pillar' };

export async function proposeInitiative(
  tx: Executor,
  input: {
    pact: PactSummary;
    value: ProposalInput;
    /** Keyed hashes of the client address (null when unknown) and of the e-mail address. */
    addressKey: string | null;
    emailKey: string;
    origin: string;
    now: Date;
  },
  audit: RouteContext['audit'],
): Promise<ProposeOutcome> {
  const { pact, value: v, now } = input;
  if (v.neighbourhood && !(await neighbourhoodExists(tx, pact.id, v.neighbourhood))) return { ok: false, reason: 'unknown-choice', field: 'neighbourhood' };
  if (v.pillar && !(await openPillarExists(tx, pact.id, v.pillar))) return { ok: false, reason: 'unknown-choice', field: 'pillar' };

  const since = new Date(now.getTime() - RATE_LIMIT.windowMinutes * 60_000);
  if (await countAttempts(tx, 'email', input.emailKey, since) >= RATE_LIMIT.perEmail) return { ok: false, reason: 'rate-limited' };
  if (input.addressKey && (await countAttempts(tx, 'address', input.addressKey, since)) >= RATE_LIMIT.perAddress) {
    return { ok: false, reason: 'rate-limited' };
  }
  await recordAttempt(tx, 'email', input.emailKey, now);
  if (input.addressKey) await recordAttempt(tx, 'address', input.addressKey, now);

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
  await audit({
    action: 'initiative.propose', recordType: 'initiative', recordId: id, purpose: 'initiative-handling',
    details: { pillar: v.pillar || null, neighbourhood: v.neighbourhood || null },
  });
  return { ok: true, id };
}
