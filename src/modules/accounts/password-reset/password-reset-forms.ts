import { z } from 'zod';

export const forgotPasswordForm = z.object({
  email: z.string().trim().min(1).max(254).pipe(z.email({ error: 'form.error.email' })),
});

// The length rules come from checkPassword (with its own messages); the cap here only keeps a
// megabyte-long value away from the password hash.
export const resetPasswordForm = z.object({
  password: z.string().min(1).max(1000),
  passwordRepeat: z.string().min(1).max(1000),
});
