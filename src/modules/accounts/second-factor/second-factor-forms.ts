import { z } from 'zod';

/** One form for the three uses of a code: setting up, signing in, and making new recovery codes. */
export const secondFactorForm = z.object({
  action: z.enum(['enrol', 'verify', 'recovery-codes']),
  code: z.string().trim().min(1).max(40),
  next: z.string().max(2000).optional(),
});

/** A system administrator's reset: only after confirming they checked who is asking. */
export const resetSecondFactorForm = z.object({
  confirm: z.literal('yes', { error: 'secondFactor.reset.confirmRequired' }),
});
