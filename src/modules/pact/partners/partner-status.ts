// Whether an organisation is a partner of the pact, and which changes of that are allowed. Pure: no I/O.
// `left_on` on the organisation is the date it leaves (or left) the pact; the history of every
// change is in partner_status_change (append-only).

export type PartnerStatus = 'member' | 'left';

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

export type PartnershipAction = 'leave' | 'rejoin';

export type PartnershipRefusal = 'already-left' | 'not-left' | 'before-joined' | 'rejoin-forbidden';

export type PartnershipDecision =
  | { ok: true; from: PartnerStatus; to: PartnerStatus; leftOn: string | null }
  | { ok: false; reason: PartnershipRefusal };

/**
 * Decides a change of partnership. Leaving needs a partner that has not left and a date not before
 * it joined; rejoining needs a partner that left, and only a coordinator may do it.
 */
export function decidePartnershipChange(
  current: { joinedOn: string | null; leftOn: string | null },
  change: { action: PartnershipAction; effectiveOn: string },
  mayRejoin: boolean,
): PartnershipDecision {
  const from = partnerStatusOf(current.leftOn);
  if (change.action === 'leave') {
    if (from === 'left') return { ok: false, reason: 'already-left' };
    if (current.joinedOn && change.effectiveOn < current.joinedOn) return { ok: false, reason: 'before-joined' };
    return { ok: true, from, to: 'left', leftOn: change.effectiveOn };
  }
  if (!mayRejoin) return { ok: false, reason: 'rejoin-forbidden' };
  if (from === 'member') return { ok: false, reason: 'not-left' };
  return { ok: true, from, to: 'member', leftOn: null };
}
