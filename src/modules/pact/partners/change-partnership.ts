import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { appendStatusHistory } from '../../../platform/lifecycle/change-status.ts';
import type { PartnershipInput } from './partners-forms.ts';
import { decidePartnershipChange, type PartnershipRefusal } from './partner-status.ts';
import { partnerStatusStore, setPartnerLeftOn, type PartnerRow } from './partners-queries.ts';

export type PartnershipOutcome = { ok: true } | { ok: false; reason: PartnershipRefusal };

/**
 * A partner leaves the pact (from a date, with a reason) or rejoins it (coordinators only), as the
 * partnership lifecycle allows. The change is appended to partner_status_change; memberships,
 * activities and signatures stay as they are.
 */
export async function changePartnership(
  ctx: UseCaseContext,
  partner: PartnerRow,
  values: PartnershipInput,
  mayRejoin: boolean,
): Promise<PartnershipOutcome> {
  const decision = decidePartnershipChange(
    { joinedOn: partner.joined_on, leftOn: partner.left_on },
    { action: values.action, effectiveOn: values.effectiveOn },
    mayRejoin,
  );
  if (!decision.ok) return decision;
  // Only from the status read: a partner that someone else let leave (or rejoin) meanwhile is refused as such.
  const moved = await setPartnerLeftOn(ctx.tx, { pactId: ctx.pact.id, organisationId: partner.id, from: decision.from, leftOn: decision.leftOn, now: ctx.now });
  if (!moved) return { ok: false, reason: decision.from === 'member' ? 'already-left' : 'not-left' };
  await appendStatusHistory(ctx.tx, partnerStatusStore, {
    pactId: ctx.pact.id, id: partner.id, from: decision.from, to: decision.to, at: ctx.now,
    history: { effective_on: values.effectiveOn, reason: values.reason, changed_by: actingPersonId(ctx) },
  });
  await ctx.audit({
    action: values.action === 'leave' ? 'organisation.leave-pact' : 'organisation.rejoin-pact', recordType: 'organisation',
    recordId: partner.id, purpose: 'pact-administration', details: { effectiveOn: values.effectiveOn },
  });
  return { ok: true };
}
