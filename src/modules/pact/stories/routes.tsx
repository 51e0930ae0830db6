// The pact's stories: the list and one story (published public ones for everyone, all for the
// pact's members), CSV export for members, and writing, publishing and withdrawing a story through
// its organisation (`organisation:edit`: the pact's coordinators, or the organisation's own partner
// admin). The consent of the person a story is about is shown to those editors only; every read
// and write of it is audit-logged.
import { z } from 'zod';
import { can, organisationsOf } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { findOrganisation } from '../pact-queries.ts';
import { parseForm } from '../../../platform/forms.ts';
import { changeStoryStatus, createStory, editStory } from './save-story.ts';
import { isPublic, parseStoryForm, storyFilterSchema, storyStatusSchema, type StoryKind } from './story.ts';
import { StoriesPage, StoryFormPage, StoryPage } from './story-pages.tsx';
import { findConsent, findStory, listPillarChoices, listStories, listStoryHistory, pillarExists, type StoryRow } from './story-queries.ts';

const storyParams = z.object({ pact: pactSlugParam, story: z.uuid() });
const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const organisationStoryParams = z.object({ pact: pactSlugParam, org: z.uuid(), story: z.uuid() });
type OrganisationCtx = RouteContext<{ pact: string; org: string }>;
type OrganisationStoryCtx = RouteContext<z.output<typeof organisationStoryParams>>;
type Organisation = { id: string; name: string };

function personId(ctx: RouteContext<unknown>): string | null {
  return ctx.actor.kind === 'person' ? ctx.actor.personId : null;
}

function today(ctx: RouteContext<unknown>): string {
  return localDate(ctx.pact!.jurisdiction, ctx.services.clock.now());
}

async function loadOrganisation(ctx: OrganisationCtx): Promise<Organisation> {
  const organisation = await findOrganisation(ctx.tx, ctx.pact!.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return { id: organisation.id, name: organisation.name };
}

/** The story of the path, which must belong to the organisation of the path. */
async function loadOwnStory(ctx: OrganisationStoryCtx): Promise<{ organisation: Organisation; story: StoryRow }> {
  const organisation = await loadOrganisation(ctx);
  const story = await findStory(ctx.tx, ctx.pact!.id, ctx.params.story);
  if (!story || story.organisation_id !== organisation.id) throw new HttpError(404);
  return { organisation, story };
}

function validVersion(value: FormDataEntryValue | null | undefined): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return 'invalid';
  return Number(value);
}

async function renderForm(
  ctx: RouteContext<unknown>, organisation: Organisation, story: StoryRow | null, state: FormState, status: 200 | 400 | 403 | 409 = 200,
) {
  const { c, tx, pact, audit } = ctx;
  const consent = story ? await findConsent(tx, pact!.id, story.id) : null;
  if (story && consent) {
    // The consent names a person: reading it is logged (without the name).
    await audit({ action: 'story.consent.read', recordType: 'story_consent', recordId: story.id, purpose: 'consent-administration', details: { organisation: organisation.id } });
  }
  const [pillars, history] = [await listPillarChoices(tx, pact!.id), story ? await listStoryHistory(tx, pact!.id, story.id) : []];
  const t = c.get('t');
  c.status(status);
  return c.render(
    <StoryFormPage pact={pact!} organisation={organisation} story={story} consent={consent} pillars={pillars} history={history} state={state}
      version={story ? String(story.revision) : undefined} />,
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
      const pillars = await listPillarChoices(tx, pact!.id);
      const pillarId = filter.pillar && pillars.some((p) => p.id === filter.pillar) ? filter.pillar : null;
      const kind = (filter.kind || null) as StoryKind | null;
      const stories = await listStories(tx, pact!.id, { publicOnly: !member, pillarId, kind });
      const writable = organisationsOf(actor).find((organisationId) => can(actor, 'organisation:edit', { pact, organisationId })) ?? null;
      return c.render(
        <StoriesPage pact={pact!} stories={stories} pillars={pillars} filter={{ pillar: pillarId ?? '', kind: kind ?? '' }} isMember={member} writableOrganisation={writable} />,
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
      const stories = await listStories(tx, pact!.id, { publicOnly: false });
      await audit({ action: 'story.export', recordType: 'story', purpose: 'pact-administration', details: { rows: stories.length } });
      // Consent details are not exported: they are personal data for the story's editors only.
      const csv = toCsv(
        [t('stories.titleLabel'), t('stories.kind'), t('stories.pillar'), t('stories.organisation'), t('stories.visibility'), t('stories.status'),
          t('stories.csv.aboutPerson'), t('stories.publishedOn'), t('stories.body')],
        stories.map((s) => [s.title, t(`stories.kind.${s.kind}`), s.pillar_title ?? '', s.organisation_name, t(`stories.visibility.${s.visibility}`),
          t(`stories.status.${s.status}`), s.about_person ? t('stories.yes') : t('stories.no'), s.published_at ? localDate(pact!.jurisdiction, s.published_at) : '', s.body]),
      );
      return csvResponse(`${pact!.slug}-stories.csv`, csv);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/stories/:story',
    permission: 'public',
    params: storyParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor } = ctx;
      const story = await findStory(tx, pact!.id, ctx.params.story);
      if (!story || (!isPublic(story) && !can(actor, 'pact:read', { pact }))) throw new HttpError(404);
      return c.render(<StoryPage pact={pact!} story={story} canEdit={can(actor, 'organisation:edit', { pact, organisationId: story.organisation_id })} />, {
        title: story.title,
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/stories/new',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderForm(ctx, await loadOrganisation(ctx), null, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/stories/new',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const organisation = await loadOrganisation(ctx);
      const parsed = parseStoryForm(form!, today(ctx));
      if (ctx.csrfRejected) return renderForm(ctx, organisation, null, { values: parsed.values, formError: 'form.error.csrf' }, 403);
      if (!parsed.ok) return renderForm(ctx, organisation, null, parsed, 400);
      if (parsed.value.pillarId && !(await pillarExists(tx, pact!.id, parsed.value.pillarId))) {
        return renderForm(ctx, organisation, null, { values: parsed.values, errors: { pillar: { key: 'stories.error.unknownPillar' } } }, 400);
      }
      const result = await createStory(tx, pact!.id, organisation.id, parsed.value, personId(ctx), services.clock.now(), audit);
      if (!result.ok) return renderForm(ctx, organisation, null, { values: parsed.values, formError: refusalMessages[result.reason] }, 400);
      flash(result.status === 'published' ? 'stories.published' : 'stories.created');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}/stories/${result.id}/edit`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/stories/:story/edit',
    permission: 'organisation:edit',
    params: organisationStoryParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const { organisation, story } = await loadOwnStory(ctx);
      return renderForm(ctx, organisation, story, {});
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/stories/:story/edit',
    permission: 'organisation:edit',
    params: organisationStoryParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const { organisation, story } = await loadOwnStory(ctx);
      const parsed = parseStoryForm(form!, today(ctx));
      if (ctx.csrfRejected) return renderForm(ctx, organisation, story, { values: parsed.values, formError: 'form.error.csrf' }, 403);
      if (!parsed.ok) return renderForm(ctx, organisation, story, parsed, 400);
      if (parsed.value.pillarId && !(await pillarExists(tx, pact!.id, parsed.value.pillarId))) {
        return renderForm(ctx, organisation, story, { values: parsed.values, errors: { pillar: { key: 'stories.error.unknownPillar' } } }, 400);
      }
      const version = validVersion(form!.get('version'));
      if (version === 'invalid') return renderForm(ctx, organisation, story, { values: parsed.values, formError: 'stories.error.changed' }, 409);
      const result = await editStory(tx, pact!.id, story, parsed.value, version, personId(ctx), services.clock.now(), audit);
      if (!result.ok) {
        const current = result.reason === 'changed' ? ((await findStory(tx, pact!.id, story.id)) ?? story) : story;
        // A refusal by the consent rule is about the input (400); a newer version in the way is a conflict (409).
        return renderForm(ctx, organisation, current, { values: parsed.values, formError: refusalMessages[result.reason] }, result.reason === 'changed' ? 409 : 400);
      }
      flash(result.madeInternal ? 'stories.madeInternal' : result.status === 'published' && story.status !== 'published' ? 'stories.published' : 'stories.saved');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}/stories/${story.id}/edit`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/stories/:story/status',
    permission: 'organisation:edit',
    params: organisationStoryParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const { organisation, story } = await loadOwnStory(ctx);
      if (ctx.csrfRejected) return renderForm(ctx, organisation, story, { formError: 'form.error.csrf' }, 403);
      const parsed = parseForm(storyStatusSchema, form!);
      if (!parsed.ok) return renderForm(ctx, organisation, story, { errors: { to: { key: 'stories.error.statusChange' } } }, 400);
      const result = await changeStoryStatus(tx, pact!.id, story, parsed.value.to, personId(ctx), services.clock.now(), audit);
      if (!result.ok) return renderForm(ctx, organisation, story, { formError: refusalMessages[result.reason] }, 409);
      flash(parsed.value.to === 'published' ? 'stories.published' : parsed.value.to === 'withdrawn' ? 'stories.withdrawn' : 'stories.toDraft');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}/stories/${story.id}/edit`, 303);
    },
  }),
];
