// Stories of what goes well and where dilemmas are: kinds, statuses, the consent rule and the
// form. Pure: no I/O.
import { z } from 'zod';
import { optionalDateField, parseForm, type FieldErrors, type FormResult } from '../../../platform/forms.ts';

export const storyKinds = ['goes_well', 'dilemma'] as const;
export type StoryKind = (typeof storyKinds)[number];
export const storyVisibilities = ['internal', 'public'] as const;
export type StoryVisibility = (typeof storyVisibilities)[number];
export const storyStatuses = ['draft', 'published', 'withdrawn'] as const;
export type StoryStatus = (typeof storyStatuses)[number];
export const consentMethods = ['written', 'verbal', 'digital'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** Which status may follow which. A withdrawn story may be published again or go back to draft. */
export const storyTransitions: Readonly<Record<StoryStatus, readonly StoryStatus[]>> = {
  draft: ['published'],
  published: ['withdrawn'],
  withdrawn: ['published', 'draft'],
};

export function mayChangeStoryStatus(from: StoryStatus, to: StoryStatus): boolean {
  return storyTransitions[from].includes(to);
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

/** The story form with its consent fields. Consent is all or nothing: a half-filled consent is an error per field. */
export function parseStoryForm(form: FormData, today: string): FormResult<StoryValue> {
  const parsed = parseForm(storySchema, form);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const errors: FieldErrors = {};
  const aboutPerson = v.aboutPerson === 'yes';
  let consent: Consent | null = null;
  const anyConsent = v.personName !== '' || v.consentGivenOn !== '' || v.consentMethod !== '' || v.consentScope !== '' || v.consentWithdrawnOn !== '';
  if (aboutPerson && anyConsent) {
    if (v.personName === '') errors.personName = { key: 'form.error.required' };
    if (v.consentGivenOn === '') errors.consentGivenOn = { key: 'form.error.required' };
    else if (v.consentGivenOn > today) errors.consentGivenOn = { key: 'stories.error.future' };
    if (v.consentMethod === '') errors.consentMethod = { key: 'form.error.choice' };
    if (v.consentScope === '') errors.consentScope = { key: 'form.error.required' };
    if (v.consentWithdrawnOn !== '') {
      if (v.consentWithdrawnOn > today) errors.consentWithdrawnOn = { key: 'stories.error.future' };
      else if (v.consentGivenOn !== '' && v.consentWithdrawnOn < v.consentGivenOn) errors.consentWithdrawnOn = { key: 'stories.error.withdrawnBeforeGiven' };
    }
    if (Object.keys(errors).length === 0 && v.consentMethod !== '') {
      consent = { personName: v.personName, givenOn: v.consentGivenOn, method: v.consentMethod, scope: v.consentScope, withdrawnOn: v.consentWithdrawnOn || null };
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, values: parsed.values, errors };
  return {
    ok: true,
    values: parsed.values,
    value: { title: v.title, body: v.body, kind: v.kind, pillarId: v.pillar || null, visibility: v.visibility, aboutPerson, consent, intent: v.intent },
  };
}

export const storyStatusSchema = z.object({ to: z.enum(storyStatuses) });

export const storyFilterSchema = z.object({
  pillar: z.union([z.literal(''), z.uuid()]).optional().catch(undefined),
  kind: z.union([z.literal(''), z.enum(storyKinds)]).optional().catch(undefined),
});
