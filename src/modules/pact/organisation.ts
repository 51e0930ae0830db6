// Organisations in a pact: kinds and the profile form. Pure: no I/O.
import { z } from 'zod';

export const organisationKinds = [
  'municipality', 'housing_corporation', 'welfare', 'school', 'church', 'residents_initiative',
  'company', 'sport_culture_club', 'volunteer_group', 'health', 'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

const optionalText = (max: number) => z.string().trim().max(max).default('');

export const organisationProfileForm = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(organisationKinds),
  description: optionalText(2000),
  website: z
    .string()
    .trim()
    .max(300)
    .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'form.error.url')
    .default(''),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === '' || z.email().safeParse(v).success, 'form.error.email')
    .default(''),
  phone: z
    .string()
    .trim()
    .max(40)
    .refine((v) => v === '' || /^[+]?[0-9 ()-]{6,40}$/.test(v), 'form.error.phone')
    .default(''),
  address: optionalText(300),
  /** What the partner stands for in the pact (public on its partner page). */
  mission: optionalText(4000),
  /** The partner's contact person for the pact (public on its partner page). */
  contactName: optionalText(200),
  /**
   * The revision the form was shown with (hidden field; it keeps its name `version`). Read with
   * `formRevision`: one that is not a revision counts as stale; an empty one saves on the revision
   * read in the same request, as a form without it always did.
   */
  version: z.string().max(40).default(''),
});
export type OrganisationProfileInput = z.output<typeof organisationProfileForm>;

/** A new partner organisation: the same fields and rules as the profile, without the edit revision. */
export const newOrganisationForm = organisationProfileForm.omit({ version: true });
export type NewOrganisationInput = z.output<typeof newOrganisationForm>;
