// The forms of the pact profile, covenant versions, representatives, signatures and partnership. Pure: no I/O.
import { z } from 'zod';
import { dateField } from '../../../platform/forms.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A local date as yyyy-mm-dd that exists in the calendar, within the years forms accept. */
export const calendarDateField = dateField();

/** The pact's "stip op de horizon": its mission, the year it should be reached, and pillars or paths. */
export const pactProfileForm = z.object({
  mission: z.string().trim().max(2000).default(''),
  horizonYear: z
    .string()
    .trim()
    .refine((v) => v === '' || (/^[0-9]{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100), 'form.error.horizonYear')
    .default('')
    .transform((v) => (v === '' ? null : Number(v))),
  pillarLabel: z.enum(['pillar', 'path']),
});
export type PactProfileInput = z.output<typeof pactProfileForm>;

/** A new version of the covenant text. Its number is the next one; it is never changed afterwards. */
export const covenantVersionForm = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(50000),
  adoptedOn: calendarDateField,
});
export type CovenantVersionInput = z.output<typeof covenantVersionForm>;

/** A version number in a path or form: 1, 2, … */
export const versionNumber = z.string().regex(/^[1-9][0-9]{0,5}$/);

export const representativeForm = z.object({
  name: z.string().trim().min(1).max(200),
  functionTitle: z.string().trim().max(200).default(''),
});
export type RepresentativeInput = z.output<typeof representativeForm>;

export const endRepresentativeForm = z.object({
  representative: z.string().refine((v) => uuidPattern.test(v), 'form.error.choice'),
});

/**
 * The representatives page's form: a button `action=end` ends the representative it names; any
 * other action (the add form sends `add`) adds one.
 */
export const representativesPageForm = z.preprocess(
  (raw) => {
    const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const action = Array.isArray(fields.action) ? fields.action[0] : fields.action;
    return { ...fields, action: action === 'end' ? 'end' : 'add' };
  },
  z.discriminatedUnion('action', [
    endRepresentativeForm.extend({ action: z.literal('end') }),
    representativeForm.extend({ action: z.literal('add') }),
  ]),
);

export const signatureForm = z.object({
  version: z.string().regex(/^[1-9][0-9]{0,5}$/, 'form.error.choice'),
  signedByName: z.string().trim().min(1).max(200),
  signedOn: calendarDateField,
});
export type SignatureInput = z.output<typeof signatureForm>;

export const partnershipForm = z
  .object({
    action: z.enum(['leave', 'rejoin']),
    effectiveOn: calendarDateField,
    reason: z.string().trim().max(1000).default(''),
  })
  .superRefine((v, ctx) => {
    // Leaving keeps a reason in the history; a rejoin may go without.
    if (v.action === 'leave' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'form.error.required' });
  });
export type PartnershipInput = z.output<typeof partnershipForm>;
