import { z } from 'zod';
import { roles } from '../../../access/policy.ts';

export const inviteForm = z.object({
  email: z.string().trim().min(1).max(254).pipe(z.email()).transform((email) => email.toLowerCase()),
  role: z.enum(roles),
});

/** A new account from an invitation; the password rules (checkPassword) are applied after parsing. */
export const newAccountForm = z.object({
  displayName: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(1000),
  passwordRepeat: z.string().min(1).max(1000),
});
