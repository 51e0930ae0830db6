// The forms of the administrator's pact and people pages.
import { z } from 'zod';

/** As the database check pact_slug_format (migration 0001): lower-case letters, digits, hyphens inside, 1–40. */
export const pactSlugPattern = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;

export const newPactForm = z.object({
  // The slug's format has its own explanation (the generic "does not look right" says too little).
  slug: z.string().trim().toLowerCase().min(1).max(40).regex(pactSlugPattern, { message: 'adminPacts.slugFormat' }),
  name: z.string().trim().min(1).max(200),
  municipality: z.string().trim().max(200).default(''),
  jurisdiction: z.enum(['NL', 'BE-VLG']),
  defaultLocale: z.enum(['nl', 'en']),
  coordinatorEmail: z.string().trim().min(1).max(254).pipe(z.email()).transform((email) => email.toLowerCase()),
});
export type NewPactInput = z.output<typeof newPactForm>;

/** A reason is required for every status change; it is kept in the history, never in the audit log. */
const reason = z.string().trim().min(1).max(1000);

export const pactStatusForm = z.object({ status: z.enum(['active', 'suspended']), reason });
export const personStatusForm = z.object({ reason });

/** The people search: `q` (name or e-mail, part of it) and the page (1-based). Bad values fall back. */
export const peopleQuery = z.object({
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
