import type { UseCaseContext } from '../../../access/use-case.ts';
import type { PactProfileInput } from './partners-forms.ts';
import { updatePactProfile } from './partners-queries.ts';

/** Saves the pact's "stip op de horizon": its mission, horizon year, and whether it speaks of pillars or paths. */
export async function changePactProfile(ctx: UseCaseContext, values: PactProfileInput): Promise<void> {
  await updatePactProfile(ctx.tx, ctx.pact.id, values, ctx.now);
  await ctx.audit({
    action: 'pact.update-profile', recordType: 'pact', recordId: ctx.pact.id, purpose: 'pact-administration',
    details: { horizonYear: values.horizonYear, pillarLabel: values.pillarLabel },
  });
}
