import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { PartnershipInput } from './partners-forms.ts';
import { decidePartnershipChange, type PartnershipRefusal } from './partner-status.ts';
import { recordPartnerStatusChange, type PartnerRow } from './partners-queries.ts';

export type PartnershipOutcome = { ok: true } | { ok: false; reason: PartnershipRefusal };

/**
 * A partner leaves the pact (from a date, with a reason) or rejoins it (coordinators only). The
 * change is kept in partner_status_change; memberships, activities and signatures stay as they are.
 */
export async function changePartnership(
  tx: Executor,
  input: { pactId: string; partner: PartnerRow; values: PartnershipInput; mayRejoin: boolean; personId: string | null; now: Date },
  audit: RouteContext['audit'],
): Promise<PartnershipOutcome> {
  const decision = decidePartnershipChange(
    { joinedOn: input.partner.joined_on, leftOn: input.partner.left_on },
    { action: input.values.action, effectiveOn: input.values.effectiveOn },
    input.mayRejoin,
  );
  if (!decision.ok) return decision;
  await recordPartnerStatusChange(tx, {
    pactId: input.pactId, organisationId: input.partner.id, from: decision.from, to: decision.to, effectiveOn: input.values.effectiveOn,
    reason: input.values.reason, personId: input.personId, now: input.now, leftOn: decision.leftOn,
  });
  await audit({
    action: input.values.action === 'leave' ? 'organisation.leave-pact' : 'organisation.rejoin-pact', recordType: 'organisation',
    recordId: input.partner.id, purpose: 'pact-administration', details: { effectiveOn: input.values.effectiveOn },
  });
  return { ok: true };
}
