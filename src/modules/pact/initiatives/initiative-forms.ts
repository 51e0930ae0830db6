// The forms of the open umbrella as zod schemas: the public proposal form, the proposer's changes,
// the coordinator's decision and the public search. Pure: no I/O.
import { z } from 'zod';
import { parseForm, type FormResult, type FormValues } from '../../../platform/forms.ts';

export const supportKinds = ['money', 'volunteers', 'space', 'knowledge'] as const;
export type SupportKind = (typeof supportKinds)[number];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A select whose empty choice means "none": '' or the id of one of the options. */
const optionalId = z.string().refine((v) => v === '' || uuidPattern.test(v), 'form.error.choice').default('');

/** Checkboxes arrive as nothing, one value or several. */
const supportList = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(supportKinds)).max(supportKinds.length),
).transform((list) => supportKinds.filter((k) => list.includes(k)));

/** The name of the honeypot field: hidden from people, filled in by form-filling bots. */
export const HONEYPOT_FIELD = 'website';

/** What the initiative is, shared by the proposal and the proposer's changes. */
const initiativeFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(4000),
  targetGroup: z.string().trim().min(1).max(1000),
  neighbourhood: optionalId,
  pillar: optionalId,
  support: supportList,
  supportNotes: z.string().trim().max(2000).default(''),
};

export const proposalForm = z.object({
  ...initiativeFields,
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email('form.error.email').max(320)),
  group: z.string().trim().max(200).default(''),
  consent: z.literal('yes', 'form.error.initiativeConsent'),
});
export type ProposalInput = z.output<typeof proposalForm>;

export const changesForm = z.object(initiativeFields);
export type ChangesInput = z.output<typeof changesForm>;

/**
 * The proposer's status page: two forms told apart by their button, resubmit (with the changed
 * fields) or withdraw. Any other `action` parses as `none`, which the page refuses with its own
 * message.
 */
export const proposerForm = z.preprocess(
  (raw) => {
    const action = raw && typeof raw === 'object' && 'action' in raw ? raw.action : undefined;
    return action === 'resubmit' || action === 'withdraw' ? raw : { action: 'none' };
  },
  z.discriminatedUnion('action', [
    changesForm.extend({ action: z.literal('resubmit') }),
    z.object({ action: z.literal('withdraw') }),
    z.object({ action: z.literal('none') }),
  ]),
);

export const moderationActions = ['publish', 'request-changes', 'decline'] as const;
export type ModerationAction = (typeof moderationActions)[number];

export const moderationForm = z
  .object({
    action: z.enum(moderationActions),
    message: z.string().trim().max(2000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.action !== 'publish' && v.message === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['message'],
        message: v.action === 'decline' ? 'form.error.initiativeReason' : 'form.error.initiativeChanges',
      });
    }
  });

/** The public search: bad values are ignored (a search never fails). */
export interface InitiativeSearch {
  q: string;
  pillar: string;
  neighbourhood: string;
}

export function parseSearch(query: URLSearchParams): InitiativeSearch {
  const q = (query.get('q') ?? '').trim().slice(0, 200);
  const id = (v: string | null) => (v && uuidPattern.test(v) ? v.toLowerCase() : '');
  return { q, pillar: id(query.get('pillar')), neighbourhood: id(query.get('neighbourhood')) };
}

/** The input to show again: the chosen support checkboxes as a comma list, the honeypot left out. */
export function keptInput(values: FormValues, form: FormData): FormValues {
  const kept: FormValues = { ...values, support: form.getAll('support').filter((v) => typeof v === 'string').join(',').slice(0, 200) };
  delete kept[HONEYPOT_FIELD];
  return kept;
}

/** Parses a form; the chosen support checkboxes are kept as a comma list for re-display. */
export function parseWithSupport<S extends z.ZodType>(schema: S, form: FormData): FormResult<z.output<S>> {
  const result = parseForm(schema, form);
  return { ...result, values: keptInput(result.values, form) };
}

/** Whether the honeypot field was filled in: a person never sees it. */
export function honeypotFilled(form: FormData): boolean {
  const v = form.get(HONEYPOT_FIELD);
  return typeof v === 'string' && v.trim() !== '';
}
