// Stories of what goes well and where dilemmas are: kinds, the status lifecycle, the consent rule
// and the forms. Pure: no I/O.
import { z } from 'zod';
import { optionalDateField, parseForm, type FormResult } from '../../../platform/forms.ts';
import { actionsOpen, defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';

export const storyKinds = ['goes_well', 'dilemma'] as const;
export type StoryKind = (typeof storyKinds)[number];
export const storyVisibilities = ['internal', 'public'] as const;
export type StoryVisibility = (typeof storyVisibilities)[number];
export const storyStatuses = ['draft', 'published', 'withdrawn'] as const;
export type StoryStatus = (typeof storyStatuses)[number];
export const consentMethods = ['written', 'verbal', 'digital'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/**
 * Which status may follow which: a withdrawn story may be published again or go back to draft. The
 * story's editors (its organisation's, or the pact's coordinators) take these actions; publishing
 * publicly is further bound by the consent rule below.
 */
export const storyLifecycle = defineLifecycle({
  name: 'story',
  statuses: storyStatuses,
  initial: 'draft',
  transitions: {
    publish: { from: ['draft', 'withdrawn'], to: 'published', by: ['editor'] },
    withdraw: { from: ['published'], to: 'withdrawn', by: ['editor'] },
    'back-to-draft': { from: ['withdrawn'], to: 'draft', by: ['editor'] },
  },
});

/** The statuses an editor may move a story in status `from` to, in the table's order. */
export function nextStoryStatuses(from: StoryStatus): StoryStatus[] {
  return actionsOpen(storyLifecycle, from, 'editor').map((a) => storyLifecycle.transitions[a].to);
}

export function mayChangeStoryStatus(from: StoryStatus, to: StoryStatus): boolean {
  return nextStoryStatuses(from).includes(to);
}

export interface Consent {
  personName: string;
  givenOn: string;
  method: ConsentMethod;
  scope: string;
  withdrawnOn: string | null;
}

export type PublicationRefusal = 'consent-missing' | 'consent-withdrawn';

/**
 * The consent rule: a story about a person may be published publicly only with that person's
 * recorded consent that has not been withdrawn. Internal publication and drafts need none.
 */
export function publicationRefusal(story: { status: StoryStatus; visibility: StoryVisibility; aboutPerson: boolean; consent: Consent | null }): PublicationRefusal | null {
  if (story.status !== 'published' || story.visibility !== 'public' || !story.aboutPerson) return null;
  if (!story.consent) return 'consent-missing';
  if (story.consent.withdrawnOn !== null) return 'consent-withdrawn';
  return null;
}

/** Whether the public may read the story. */
export function isPublic(story: { status: StoryStatus; visibility: StoryVisibility }): boolean {
  return story.status === 'published' && story.visibility === 'public';
}

/**
 * What a change of consent does to a story: a public, published story whose consent is withdrawn
 * (or gone) becomes internal at once. Returns the visibility it must get, or null for no change.
 */
export function visibilityAfterConsentChange(story: { status: StoryStatus; visibility: StoryVisibility; aboutPerson: boolean; consent: Consent | null }): StoryVisibility | null {
  return publicationRefusal(story) ? 'internal' : null;
}

const optionalDate = optionalDateField();

const storySchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20000),
  kind: z.enum(storyKinds),
  pillar: z.union([z.literal(''), z.uuid({ message: 'form.error.choice' })]).default(''),
  visibility: z.enum(storyVisibilities),
  aboutPerson: z.literal('yes').optional(),
  personName: z.string().trim().max(200).default(''),
  consentGivenOn: optionalDate,
  consentMethod: z.union([z.literal(''), z.enum(consentMethods)]).default(''),
  consentScope: z.string().trim().max(2000).default(''),
  consentWithdrawnOn: optionalDate,
  intent: z.enum(['save', 'publish']).default('save'),
});

export interface StoryValue {
  title: string;
  body: string;
  kind: StoryKind;
  pillarId: string | null;
  visibility: StoryVisibility;
  aboutPerson: boolean;
  /** The recorded consent, null when none is filled in (or the story is not about a person). */
  consent: Consent | null;
  intent: 'save' | 'publish';
}

/**
 * The story form with its consent fields, for a given `today` (consent dates may not lie after it).
 * Consent is all or nothing: a half-filled consent is an error per field. The consent is checked
 * only when every field is right on its own.
 */
export function storyForm(today: string) {
  return storySchema.transform((v, ctx): StoryValue => {
    const aboutPerson = v.aboutPerson === 'yes';
    let consent: Consent | null = null;
    const anyConsent = v.personName !== '' || v.consentGivenOn !== '' || v.consentMethod !== '' || v.consentScope !== '' || v.consentWithdrawnOn !== '';
    if (aboutPerson && anyConsent) {
      const wrong: string[] = [];
      const fail = (field: string, message: string) => {
        wrong.push(field);
        ctx.addIssue({ code: 'custom', path: [field], message });
      };
      if (v.personName === '') fail('personName', 'form.error.required');
      if (v.consentGivenOn === '') fail('consentGivenOn', 'form.error.required');
      else if (v.consentGivenOn > today) fail('consentGivenOn', 'stories.error.future');
      if (v.consentMethod === '') fail('consentMethod', 'form.error.choice');
      if (v.consentScope === '') fail('consentScope', 'form.error.required');
      if (v.consentWithdrawnOn !== '') {
        if (v.consentWithdrawnOn > today) fail('consentWithdrawnOn', 'stories.error.future');
        else if (v.consentGivenOn !== '' && v.consentWithdrawnOn < v.consentGivenOn) fail('consentWithdrawnOn', 'stories.error.withdrawnBeforeGiven');
      }
      if (wrong.length > 0 || v.consentMethod === '') return z.NEVER;
      consent = { personName: v.personName, givenOn: v.consentGivenOn, method: v.consentMethod, scope: v.consentScope, withdrawnOn: v.consentWithdrawnOn || null };
    }
    return { title: v.title, body: v.body, kind: v.kind, pillarId: v.pillar || null, visibility: v.visibility, aboutPerson, consent, intent: v.intent };
  });
}

export function parseStoryForm(form: FormData, today: string): FormResult<StoryValue> {
  return parseForm(storyForm(today), form);
}

/** The status buttons on the edit page: the status to go to. */
export const storyStatusSchema = z.object({ to: z.enum(storyStatuses, { message: 'stories.error.statusChange' }) });

export const storyFilterSchema = z.object({
  pillar: z.union([z.literal(''), z.uuid()]).optional().catch(undefined),
  kind: z.union([z.literal(''), z.enum(storyKinds)]).optional().catch(undefined),
});
