// Whether an organisation is a partner of the pact, and which changes of that are allowed. Pure: no I/O.
// `left_on` on the organisation is the date it leaves (or left) the pact — the record's current
// status, mirrored — and the history of every change is in partner_status_change (append-only).
import { decide, defineLifecycle, describeLifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/**
 * A partnership: a partner leaves the pact (its own partner admin or a coordinator) and may come
 * back (a coordinator's decision). Leaving keeps a reason in the history: the form asks for it.
 */
export const partnershipLifecycle = defineLifecycle({
  name: 'partnership',
  statuses: ['member', 'left'],
  initial: 'member',
  transitions: {
    leave: { from: ['member'], to: 'left', by: ['partner-admin', 'coordinator'] },
    rejoin: { from: ['left'], to: 'member', by: ['coordinator'] },
  },
});

export type PartnerStatus = (typeof partnershipLifecycle.statuses)[number];
export type PartnershipAction = keyof typeof partnershipLifecycle.transitions;

/** The table as lines, for the README and tests. */
export const partnershipTable = describeLifecycle(partnershipLifecycle);

/**
 * True when the partner has left the pact on or before `today` (both local dates, yyyy-mm-dd).
 * A partner whose leaving date is still ahead is a partner until that day. Used by the agenda to
 * refuse new activities of a partner that has left.
 */
export function partnerHasLeft(leftOn: string | null | undefined, today: string): boolean {
  return typeof leftOn === 'string' && leftOn !== '' && leftOn <= today;
}

/** The status the partner_status_change history speaks of: 'left' as soon as a leaving date is set. */
export function partnerStatusOf(leftOn: string | null | undefined): PartnerStatus {
  return leftOn ? 'left' : 'member';
}

export type PartnershipRefusal = 'already-left' | 'not-left' | 'before-joined' | 'rejoin-forbidden';

export type PartnershipDecision =
  | { ok: true; from: PartnerStatus; to: PartnerStatus; leftOn: string | null }
  | { ok: false; reason: PartnershipRefusal };

/**
 * Decides a change of partnership by the lifecycle's table: leaving needs a partner that has not
 * left, and a date not before it joined; rejoining needs a partner that left, and only a
 * coordinator may do it (`mayRejoin`).
 */
export function decidePartnershipChange(
  current: { joinedOn: string | null; leftOn: string | null },
  change: { action: PartnershipAction; effectiveOn: string },
  mayRejoin: boolean,
): PartnershipDecision {
  const from = partnerStatusOf(current.leftOn);
  const decision = decide(partnershipLifecycle, from, change.action, mayRejoin ? 'coordinator' : 'partner-admin');
  if (!decision.ok) {
    if (decision.reason === 'wrong-actor') return { ok: false, reason: 'rejoin-forbidden' };
    return { ok: false, reason: change.action === 'leave' ? 'already-left' : 'not-left' };
  }
  if (change.action === 'leave' && current.joinedOn && change.effectiveOn < current.joinedOn) return { ok: false, reason: 'before-joined' };
  return { ok: true, from, to: decision.to, leftOn: decision.to === 'left' ? change.effectiveOn : null };
}
