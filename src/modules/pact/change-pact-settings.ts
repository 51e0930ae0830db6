import type { UseCaseContext } from '../../access/use-case.ts';
import { updatePactSettings } from './pact-queries.ts';

/** Saves the pact's name, municipality and default language (the pact's coordinators). */
export async function changePactSettings(ctx: UseCaseContext, settings: { name: string; municipality: string; defaultLocale: 'nl' | 'en' }): Promise<void> {
  await updatePactSettings(ctx.tx, ctx.pact.id, settings, ctx.now);
  await ctx.audit({ action: 'pact.update-settings', recordType: 'pact', recordId: ctx.pact.id, purpose: 'pact-administration' });
}
