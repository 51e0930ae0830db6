import { z } from 'zod';

/** Which sessions to end: every other one, all (this one too), or one by its reference. */
export const endSessionsForm = z.object({
  scope: z.union([z.enum(['others', 'all']), z.string().regex(/^[0-9a-f]{16}$/, 'form.error.format')]),
});
