import type { UseCaseContext } from '../../../access/use-case.ts';
import type { RepresentativeInput } from './partners-forms.ts';
import { endRepresentativeRow, insertRepresentative } from './partners-queries.ts';

/** Adds a representative of a partner, after its current ones. */
export async function addRepresentative(ctx: UseCaseContext, organisationId: string, values: RepresentativeInput): Promise<string> {
  const id = await insertRepresentative(ctx.tx, ctx.pact.id, organisationId, values, ctx.now);
  await ctx.audit({
    action: 'partner-representative.create', recordType: 'partner_representative', recordId: id, purpose: 'pact-administration',
    details: { organisation: organisationId },
  });
  return id;
}

/** Ends a current representative of a partner (they stay listed as former); false when there is no current one with this id. */
export async function endRepresentative(ctx: UseCaseContext, organisationId: string, representativeId: string): Promise<boolean> {
  const ended = await endRepresentativeRow(ctx.tx, ctx.pact.id, organisationId, representativeId, ctx.now);
  if (!ended) return false;
  await ctx.audit({
    action: 'partner-representative.end', recordType: 'partner_representative', recordId: representativeId,
    purpose: 'pact-administration', details: { organisation: organisationId },
  });
  return true;
}
