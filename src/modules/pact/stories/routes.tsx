// The pact's stories: the list and one story (published public ones for everyone, all for the
// pact's members), CSV export for members, and writing, publishing and withdrawing a story through
// its organisation (`organisation:edit`: the pact's coordinators, or the organisation's own partner
// admin). The consent of the person a story is about is shown to those editors only; every read
// and write of it is audit-logged.
import { z } from 'zod';
import { done, formPage, refuse, type FormPageState } from '../../../access/form-page.ts';
import { HttpError } from '../../../access/http-error.ts';
import { can, organisationsOf } from '../../../access/policy.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import { formRevision } from '../../../platform/concurrency.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { findOrganisation } from '../pact-queries.ts';
import { changeStoryStatus, createStory, editStory } from './save-story.ts';
import { isPublic, storyFilterSchema, storyForm, storyStatusSchema, type StoryKind } from './story.ts';
import { StoriesPage, StoryFormPage, StoryPage } from './story-pages.tsx';
import { findConsent, findStory, listPillarChoices, listStories, listStoryHistory, pillarExists, type StoryRow } from './story-queries.ts';

const storyParams = z.object({ pact: pactSlugParam, story: z.uuid() });
const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const organisationStoryParams = z.object({ pact: pactSlugParam, org: z.uuid(), story: z.uuid() });
type InPact<P> = RouteContext<P, `/p/:pact${string}`>;
type OrganisationCtx = InPact<{ pact: string; org: string }>;
type OrganisationStoryCtx = InPact<z.output<typeof organisationStoryParams>>;
type Organisation = { id: string; name: string };

/** The pact's date today: consent may not be dated after it. */
function today(ctx: InPact<unknown>): string {
  return localDate(ctx.pact.jurisdiction, ctx.now);
}

async function loadOrganisation(ctx: OrganisationCtx): Promise<Organisation> {
  const organisation = await findOrganisation(ctx.tx, ctx.pact.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return { id: organisation.id, name: organisation.name };
}

/** The story of the path, which must belong to the organisation of the path. */
async function loadOwnStory(ctx: OrganisationStoryCtx): Promise<{ organisation: Organisation; story: StoryRow }> {
  const organisation = await loadOrganisation(ctx);
  const story = await findStory(ctx.tx, ctx.pact.id, ctx.params.story);
  if (!story || story.organisation_id !== organisation.id) throw new HttpError(404);
  return { organisation, story };
}

/** The story form (new or edit); the consent it shows names a person, so showing it is logged. */
async function renderForm(ctx: InPact<unknown>, organisation: Organisation, story: StoryRow | null, state: FormPageState) {
  const { c, tx, pact, audit } = ctx;
  const consent = story ? await findConsent(tx, pact.id, story.id) : null;
  if (story && consent) {
    // The consent names a person: reading it is logged (without the name).
    await audit({ action: 'story.consent.read', recordType: 'story_consent', recordId: story.id, purpose: 'consent-administration', details: { organisation: organisation.id } });
  }
  const [pillars, history] = [await listPillarChoices(tx, pact.id), story ? await listStoryHistory(tx, pact.id, story.id) : []];
  const t = c.get('t');
  return c.render(
    <StoryFormPage pact={pact} organisation={organisation} story={story} consent={consent} pillars={pillars} history={history} state={state}
      revision={story ? String(story.revision) : undefined} />,
    { title: story ? t('stories.editTitle', { title: story.title }) : t('stories.newFor', { organisation: organisation.name }) },
  );
}

const refusalMessages: Record<string, MessageKey> = {
  'consent-missing': 'stories.refused.consent-missing',
  'consent-withdrawn': 'stories.refused.consent-withdrawn',
  'status-not-allowed': 'stories.error.statusChange',
  changed: 'stories.error.changed',
};

export const storyRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/stories',
    permission: 'public',
    params: pactParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor } = ctx;
      const member = can(actor, 'pact:read', { pact });
      const filter = storyFilterSchema.parse({ pillar: c.req.query('pillar'), kind: c.req.query('kind') });
      const pillars = await listPillarChoices(tx, pact.id);
      const pillarId = filter.pillar && pillars.some((p) => p.id === filter.pillar) ? filter.pillar : null;
      const kind = (filter.kind || null) as StoryKind | null;
      const stories = await listStories(tx, pact.id, { publicOnly: !member, pillarId, kind });
      const writable = organisationsOf(actor).find((organisationId) => can(actor, 'organisation:edit', { pact, organisationId })) ?? null;
      return c.render(
        <StoriesPage pact={pact} stories={stories} pillars={pillars} filter={{ pillar: pillarId ?? '', kind: kind ?? '' }} isMember={member} writableOrganisation={writable} />,
        { title: c.get('t')('stories.title') },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/stories.csv',
    permission: 'pact:read',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const t = c.get('t');
      const stories = await listStories(tx, pact.id, { publicOnly: false });
      await audit({ action: 'story.export', recordType: 'story', purpose: 'pact-administration', details: { rows: stories.length } });
      // Consent details are not exported: they are personal data for the story's editors only.
      const csv = toCsv(
        [t('stories.titleLabel'), t('stories.kind'), t('stories.pillar'), t('stories.organisation'), t('stories.visibility'), t('stories.status'),
          t('stories.csv.aboutPerson'), t('stories.publishedOn'), t('stories.body')],
        stories.map((s) => [s.title, t(`stories.kind.${s.kind}`), s.pillar_title ?? '', s.organisation_name, t(`stories.visibility.${s.visibility}`),
          t(`stories.status.${s.status}`), s.about_person ? t('stories.yes') : t('stories.no'), s.published_at ? localDate(pact.jurisdiction, s.published_at) : '', s.body]),
      );
      return csvResponse(`${pact.slug}-stories.csv`, csv);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/stories/:story',
    permission: 'public',
    params: storyParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor } = ctx;
      const story = await findStory(tx, pact.id, ctx.params.story);
      if (!story || (!isPublic(story) && !can(actor, 'pact:read', { pact }))) throw new HttpError(404);
      return c.render(<StoryPage pact={pact} story={story} canEdit={can(actor, 'organisation:edit', { pact, organisationId: story.organisation_id })} />, {
        title: story.title,
      });
    },
  }),
  ...formPage({
    path: '/p/:pact/organisations/:org/stories/new',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadOrganisation,
    render: (ctx, organisation, forms) => renderForm(ctx, organisation, null, forms.story ?? {}),
    forms: {
      story: {
        schema: (ctx: InPact<unknown>) => storyForm(today(ctx)),
        submit: async (ctx, organisation, value) => {
          if (value.pillarId && !(await pillarExists(ctx.tx, ctx.pact.id, value.pillarId))) {
            return refuse(400, { errors: { pillar: { key: 'stories.error.unknownPillar' } } });
          }
          const result = await createStory(useCaseContext(ctx), organisation.id, value);
          if (!result.ok) return refuse(400, { formError: refusalMessages[result.reason] });
          return done(
            `/p/${ctx.pact.slug}/organisations/${organisation.id}/stories/${result.id}/edit`,
            result.status === 'published' ? 'stories.published' : 'stories.created',
          );
        },
      },
    },
  }),
  // The edit page: the story with its consent, and the status buttons (a form of their own).
  ...formPage({
    path: '/p/:pact/organisations/:org/stories/:story/edit',
    permission: 'organisation:edit',
    params: organisationStoryParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadOwnStory,
    render: (ctx, { organisation, story }, forms) =>
      // A status button sends no story fields: the form shows the stored story, with the message.
      renderForm(ctx, organisation, story, forms.story ?? (forms.status ? { ...forms.status, values: undefined } : {})),
    forms: {
      story: {
        schema: (ctx: InPact<unknown>) => storyForm(today(ctx)),
        submit: async (ctx, { organisation, story }, value, values) => {
          if (value.pillarId && !(await pillarExists(ctx.tx, ctx.pact.id, value.pillarId))) {
            return refuse(400, { errors: { pillar: { key: 'stories.error.unknownPillar' } } });
          }
          const result = await editStory(useCaseContext(ctx), story, value, formRevision(values.revision));
          // A refusal by the consent rule is about the input (400); a newer revision in the way is a
          // conflict (409), shown with the stored story's revision.
          if (!result.ok) return refuse(result.reason === 'changed' ? 409 : 400, { formError: refusalMessages[result.reason] });
          return done(
            `/p/${ctx.pact.slug}/organisations/${organisation.id}/stories/${story.id}/edit`,
            result.madeInternal ? 'stories.madeInternal' : result.status === 'published' && story.status !== 'published' ? 'stories.published' : 'stories.saved',
          );
        },
      },
      status: {
        path: '/p/:pact/organisations/:org/stories/:story/status',
        schema: storyStatusSchema,
        submit: async (ctx, { organisation, story }, value) => {
          const result = await changeStoryStatus(useCaseContext(ctx), story, value.to);
          if (!result.ok) return refuse(409, { formError: refusalMessages[result.reason] });
          return done(
            `/p/${ctx.pact.slug}/organisations/${organisation.id}/stories/${story.id}/edit`,
            value.to === 'published' ? 'stories.published' : value.to === 'withdrawn' ? 'stories.withdrawn' : 'stories.toDraft',
          );
        },
      },
    },
  }),
];
