// Routes of the agenda: years (public list, coordinators open and manage them), the compiled
// agenda (public once published; members see a draft) with its PDF, CSV and activity pages, and
// partners' registration of activities under their organisation's address. The pages with a form
// are formPages: their forms post, keep the input on a refusal, and redirect on success.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { done, formPage, refuse, type FormOutcome, type FormPageState } from '../../../access/form-page.ts';
import { can, type PactSummary } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import { renderPdf } from '../../../platform/pdf/index.ts';
import { SharedPageCache, serveSharedPage } from '../../../platform/http/shared-page-cache.ts';
import {
  activityForm, activityFormValues, openYearForm, parseActivityForm, withdrawForm, yearStatusForm, type ActivityInput,
} from './activity-form.ts';
import { agendaCsv, agendaPdfSpec } from './agenda-document.ts';
import { groupActivities, groupingFrom, partnerHasLeftOn } from './agenda-grouping.ts';
import { formatDay } from './agenda-format.ts';
import {
  ActivityFormPage, ActivityPage, AgendaManagePage, AgendaYearsPage, CompiledAgendaPage, OrganisationActivitiesPage, renderAgendaGroups, WithdrawPage,
  type ActivityFormInitial,
} from './agenda-pages.tsx';
import {
  compiledAgendaStamp, defaultRegistrationYear, findActivity, findAgendaYear, findCarryLinks, findOrganisationStanding, listActivityPartners,
  listActivityReviews, listAgendaYearEvents, listAgendaYears, listIndicators, listOrganisationActivities, listPartnerChoices, listPillarChoices,
  loadCompiledAgenda, type ActivityRow, type AgendaYearRow, type OrganisationStanding,
} from './agenda-queries.ts';
import { availableAgendaYearActions } from './agenda-year-status.ts';
import { changeAgendaYearStatus } from './change-agenda-year-status.ts';
import { openAgendaYear } from './open-agenda-year.ts';
import {
  actsAsCoordinator, editActivity, pactToday, registerActivity, standingRefusal, withdrawActivity, type ActivityRefusal,
} from './register-activity.ts';

const yearParam = z.string().regex(/^\d{4}$/);
const yearParams = z.object({ pact: pactSlugParam, year: yearParam });
const activityParams = z.object({ pact: pactSlugParam, year: yearParam, activity: z.uuid() });
const orgParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const orgActivityParams = z.object({ pact: pactSlugParam, org: z.uuid(), activity: z.uuid() });

/** A request on one of the pact's paths (`/p/:pact/…`), whose pact is never null. */
type PactRoute<P> = RouteContext<P, `/p/:pact${string}`>;

/**
 * The schema of a form that is refused whatever its input (a locked year, a partner that left):
 * every input passes on to `submit`, which answers with the refusal (409) and keeps the input.
 */
const refusedWhateverInput = z.any();

/** A year the actor may see: published for everyone, any for members of the pact; otherwise not there. */
async function loadVisibleYear(ctx: PactRoute<{ pact: string; year: string }>): Promise<{ year: AgendaYearRow; isDraft: boolean }> {
  const year = await findAgendaYear(ctx.tx, ctx.pact.id, Number(ctx.params.year));
  if (!year) throw new HttpError(404);
  const isDraft = year.published_at === null;
  if (isDraft && !can(ctx.actor, 'pact:read', { pact: ctx.pact })) throw new HttpError(404);
  return { year, isDraft };
}

async function loadOrganisation(ctx: PactRoute<{ pact: string; org: string }>): Promise<OrganisationStanding> {
  const organisation = await findOrganisationStanding(ctx.tx, ctx.pact.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return organisation;
}

/** The activity under its organisation's address; one of another organisation is not there. */
async function loadOrgActivity(ctx: PactRoute<{ pact: string; org: string; activity: string }>): Promise<ActivityRow> {
  const activity = await findActivity(ctx.tx, ctx.pact.id, ctx.params.activity);
  if (!activity || activity.organisation_id !== ctx.params.org || activity.withdrawn_at) throw new HttpError(404);
  return activity;
}

// The compiled agenda's activity list, kept per (pact, year, grouping, language, day) with a
// fingerprint of everything it shows (compiledAgendaStamp): a change anywhere gives a new key.
const groupsCache = new Map<string, { html: string; count: number; partners: number }>();
const groupsCacheSize = 64;
/** Whole public agenda pages, compressed (see the route); a few versions per year and grouping. */
const sharedPages = new SharedPageCache(32);

/** Only `?by=…` (or nothing) may be in the address of a shared page: other parameters would each make a new entry. */
function onlyGroupingQuery(url: string): boolean {
  const params = [...new URL(url).searchParams.keys()];
  return params.every((name) => name === 'by') && params.length <= 1;
}

/** What else a public agenda page shows besides its activities: the pact's name and language, the year's state and introduction. */
function pageFingerprint(pact: PactSummary, year: AgendaYearRow): string {
  return createHash('sha256')
    .update(JSON.stringify([pact.name, pact.municipality, pact.defaultLocale, year.status, String(year.published_at), year.introduction]))
    .digest('base64url');
}

/** How a refusal reads on the activity form: a message about the whole form, or a field error. */
function refusalDetail(ctx: PactRoute<unknown>, refusal: ActivityRefusal, year: number): Omit<Extract<FormOutcome, { ok: false }>, 'ok' | 'status'> {
  if (refusal.reason === 'year-locked') return { formError: 'agenda.form.lockedYear', formErrorParams: { year, pact: ctx.pact.name } };
  if (refusal.reason === 'partner-left') {
    return { formError: 'agenda.form.partnerLeft', formErrorParams: { date: formatDay(refusal.leftOn, ctx.c.get('locale')), pact: ctx.pact.name } };
  }
  if (refusal.reason === 'stale') return { formError: 'agenda.form.stale' };
  return { errors: { [refusal.field]: { key: refusal.key } } };
}

/** A refusal that does not depend on the input: 409, with the input kept and its field errors, if any, shown too. */
function refuseWhateverInput(ctx: PactRoute<unknown>, refusal: ActivityRefusal, year: number): FormOutcome {
  const parsed = parseActivityForm(ctx.form ?? new FormData(), year);
  return refuse(409, { ...(parsed.ok ? {} : { errors: parsed.errors }), ...refusalDetail(ctx, refusal, year) });
}

/** The posted form's state, with the checked partners (one field per checkbox) kept together. */
function activityFormState(ctx: PactRoute<unknown>, state: FormPageState | undefined): FormPageState {
  if (!state) return {};
  if (!state.values || !ctx.form) return state;
  return { ...state, values: { ...state.values, partners: activityFormValues(ctx.form).partners ?? '' } };
}

/** Why saving will be refused for this actor right now, said before they fill in the form. */
function standingNotice(ctx: PactRoute<unknown>, refusal: ActivityRefusal | null, year: number): string | undefined {
  if (!refusal) return undefined;
  const t = ctx.c.get('t');
  const detail = refusalDetail(ctx, refusal, year);
  return detail.formError ? t(detail.formError, detail.formErrorParams) : undefined;
}

async function initialFromActivity(ctx: PactRoute<unknown>, activity: ActivityRow): Promise<ActivityFormInitial> {
  const pactId = ctx.pact.id;
  const [partners, indicators] = [await listActivityPartners(ctx.tx, pactId, activity.id), await listIndicators(ctx.tx, pactId, activity.id)];
  return {
    title: activity.title, goal: activity.goal, pillar: activity.pillar_id, description: activity.description, responsible: activity.responsible_name,
    startsOn: activity.starts_on, endsOn: activity.ends_on, partners: partners.map((p) => p.id),
    indicators: indicators.map((i) => ({ name: i.name, unit: i.unit, target: String(i.target_value) })),
    revision: String(activity.revision),
  };
}

/** The year a registration form is for: `?year=` when given, else the latest open one. */
async function registrationYear(ctx: PactRoute<{ pact: string; org: string }>): Promise<AgendaYearRow> {
  const raw = ctx.c.req.query('year');
  const year = raw === undefined || raw === '' ? await defaultRegistrationYear(ctx.tx, ctx.pact.id) : /^\d{4}$/.test(raw) ? Number(raw) : null;
  const row = year === null ? undefined : await findAgendaYear(ctx.tx, ctx.pact.id, year);
  if (!row) throw new HttpError(404);
  return row;
}

/** The choices of the activity form: the pact's pillars that take activities, and the other partners. */
async function formChoices(ctx: PactRoute<unknown>, organisationId: string, currentPillarId: string | null) {
  return {
    pillars: await listPillarChoices(ctx.tx, ctx.pact.id, currentPillarId),
    partners: await listPartnerChoices(ctx.tx, ctx.pact.id, organisationId),
  };
}

function pdfResponse(fileName: string, bytes: Buffer): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100) || 'agenda.pdf';
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${safe}"`, 'cache-control': 'no-store' },
  });
}

const activitiesBase = (pact: PactSummary, organisationId: string) => `/p/${pact.slug}/organisations/${organisationId}/activities`;

export const agendaRouteList: RouteSpec[] = [
  // The years; coordinators open a new one here.
  ...formPage({
    path: '/p/:pact/agenda',
    permission: 'public',
    params: pactParams,
    data: async (ctx) => {
      const isMember = can(ctx.actor, 'pact:read', { pact: ctx.pact });
      return { isMember, years: await listAgendaYears(ctx.tx, ctx.pact.id, !isMember) };
    },
    render: (ctx, { isMember, years }, forms) => ctx.c.render(
      <AgendaYearsPage pact={ctx.pact} years={years} isMember={isMember} canManage={actsAsCoordinator(ctx)} openState={forms.open ?? {}} />,
      { title: ctx.c.get('t')('agenda.years.title') },
    ),
    forms: {
      open: {
        permission: 'pact:manage',
        schema: openYearForm,
        submit: async (ctx, _data, value) => {
          const opened = await openAgendaYear(useCaseContext(ctx), value.year);
          if (!opened.ok) return refuse(409, { errors: { year: { key: 'agenda.open.exists', params: { year: value.year } } } });
          return done(`/p/${ctx.pact.slug}/agenda/${value.year}/manage`, 'agenda.open.done');
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year',
    permission: 'public',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact } = ctx;
      const { year, isDraft } = await loadVisibleYear(ctx);
      const by = groupingFrom(c.req.query('by'));
      const locale = c.get('locale');
      const today = pactToday(ctx);
      const stamp = await compiledAgendaStamp(tx, pact.id, year.id);
      const key = `${pact.id}|${year.year}|${by}|${locale}|${today}|${stamp}`;
      let kept = groupsCache.get(key);
      if (kept === undefined) {
        const activities = await loadCompiledAgenda(tx, pact.id, year.id);
        kept = {
          html: renderAgendaGroups({ groups: groupActivities(activities, by), t: c.get('t'), locale, slug: pact.slug, year: year.year, by, today }),
          count: activities.length,
          partners: new Set(activities.map((a) => a.organisation_id)).size,
        };
        if (groupsCache.size >= groupsCacheSize) groupsCache.delete(groupsCache.keys().next().value!);
        groupsCache.set(key, kept);
      }
      if (isDraft) {
        await ctx.audit({ action: 'agenda.read-draft', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year } });
      }
      // A published agenda read without an account is the same page for everyone: it is rendered
      // and compressed once per version (the key holds everything the page shows) and then served
      // from memory with an ETag. Signed-in readers get their own menu, so theirs is rendered anew.
      const shared = ctx.actor.kind === 'anonymous' && !isDraft && !c.get('view').flash && onlyGroupingQuery(c.req.url);
      const pageKey = shared ? `${key}|${c.req.path}|${new URL(c.req.url).search}|${pageFingerprint(pact, year)}` : '';
      const hit = shared ? sharedPages.get(pageKey) : undefined;
      if (hit) return serveSharedPage(c, hit);
      const response = await c.render(
        <CompiledAgendaPage pact={pact} year={year} by={by} groupsHtml={kept.html} count={kept.count} partners={kept.partners} isDraft={isDraft} canManage={actsAsCoordinator(ctx)} isMember={can(ctx.actor, 'pact:read', { pact: ctx.pact })} />,
        { title: c.get('t')('agenda.compiled.title', { year: year.year }) },
      );
      if (!shared || response.status !== 200) return response;
      return serveSharedPage(c, sharedPages.put(pageKey, await response.text()));
    },
  }),
  // A year's state, the steps it allows, its introduction and its history. Both forms of the page
  // (the step buttons and the introduction) post to /status; the button says what to do.
  ...formPage({
    path: '/p/:pact/agenda/:year/manage',
    permission: 'pact:manage',
    params: yearParams,
    data: async (ctx) => {
      const year = await findAgendaYear(ctx.tx, ctx.pact.id, Number(ctx.params.year));
      if (!year) throw new HttpError(404);
      return { year, events: await listAgendaYearEvents(ctx.tx, ctx.pact.id, year.id) };
    },
    render: async (ctx, { year, events }, forms) => {
      // Showing the history is a read of who did what: logged each time the page is shown.
      await ctx.audit({ action: 'agenda-year.read-history', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year } });
      const actions = availableAgendaYearActions({ status: year.status, published: year.published_at !== null });
      return ctx.c.render(<AgendaManagePage pact={ctx.pact} year={year} events={events} actions={actions} state={forms.status ?? {}} />, {
        title: ctx.c.get('t')('agenda.manage.title', { year: year.year }),
      });
    },
    forms: {
      status: {
        path: '/p/:pact/agenda/:year/status',
        schema: yearStatusForm,
        submit: async (ctx, { year }, value) => {
          const changed = await changeAgendaYearStatus(useCaseContext(ctx), year, value);
          if (!changed.ok) return refuse(409, { formError: 'agenda.manage.notAllowed' });
          return done(`/p/${ctx.pact.slug}/agenda/${year.year}/manage`, 'agenda.manage.saved');
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/agenda.pdf',
    permission: 'public',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, audit } = ctx;
      const { year, isDraft } = await loadVisibleYear(ctx);
      const activities = await loadCompiledAgenda(tx, pact.id, year.id);
      const pdf = await renderPdf(agendaPdfSpec({
        pactName: pact.name, year: year.year, introduction: year.introduction, activities, t: c.get('t'), locale: c.get('locale'),
        today: pactToday(ctx), now: ctx.now, draft: isDraft,
      }));
      await audit({ action: 'agenda.export-pdf', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year, rows: activities.length } });
      return pdfResponse(`${pact.slug}-agenda-${year.year}.pdf`, pdf);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/activities.csv',
    permission: 'public',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, audit } = ctx;
      const { year } = await loadVisibleYear(ctx);
      const activities = await loadCompiledAgenda(tx, pact.id, year.id);
      const { headers, rows } = agendaCsv({ year: year.year, activities, t: c.get('t') });
      await audit({ action: 'agenda.export-csv', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year, rows: rows.length } });
      return csvResponse(`${pact.slug}-agenda-${year.year}.csv`, toCsv(headers, rows));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/activities/:activity',
    permission: 'public',
    params: activityParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor, params } = ctx;
      const { year, isDraft } = await loadVisibleYear(ctx);
      const activity = await findActivity(tx, pact.id, params.activity);
      if (!activity || activity.agenda_year_id !== year.id) throw new HttpError(404);
      const canEdit = can(actor, 'organisation:edit', { pact, organisationId: activity.organisation_id });
      // A withdrawn activity is no longer part of the agenda: only its editors still find it.
      if (activity.withdrawn_at && !canEdit) throw new HttpError(404);
      const [partners, indicators, reviews, carry] = [
        await listActivityPartners(tx, pact.id, activity.id), await listIndicators(tx, pact.id, activity.id), await listActivityReviews(tx, pact.id, activity.id),
        await findCarryLinks(tx, pact.id, activity),
      ];
      if (isDraft || actor.kind === 'person') {
        await ctx.audit({ action: 'activity.read', recordType: 'activity', recordId: activity.id, purpose: 'pact-administration', details: { year: year.year } });
      }
      return c.render(
        <ActivityPage pact={pact} activity={activity} partners={partners} indicators={indicators} reviews={reviews} carry={carry} canEdit={canEdit} today={pactToday(ctx)} isDraft={isDraft} />,
        { title: activity.title },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/activities',
    permission: 'organisation:edit',
    params: orgParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const { c, tx, pact } = ctx;
      const organisation = await loadOrganisation(ctx);
      const activities = await listOrganisationActivities(tx, pact.id, organisation.id);
      const years = await listAgendaYears(tx, pact.id, false);
      const open = years.find((y) => y.status === 'open');
      const registerYear = open ? open.year : actsAsCoordinator(ctx) ? (years[0]?.year ?? null) : null;
      const leftOn = partnerHasLeftOn(organisation.left_on, pactToday(ctx)) ? organisation.left_on : null;
      return c.render(
        <OrganisationActivitiesPage pact={pact} organisation={organisation} activities={activities} registerYear={registerYear} leftOn={leftOn} />,
        { title: c.get('t')('agenda.org.title', { name: organisation.name }) },
      );
    },
  }),
  // Registering an activity (`?year=`, else the latest open year). A partner that left, or a
  // partner in a locked year, is refused whatever the input: 409, with the input kept.
  ...formPage({
    path: '/p/:pact/organisations/:org/activities/new',
    permission: 'organisation:edit',
    params: orgParams,
    resource: (p) => ({ organisationId: p.org }),
    data: async (ctx) => {
      const organisation = await loadOrganisation(ctx);
      const year = await registrationYear(ctx);
      const standing = standingRefusal(ctx, { mode: 'new', yearStatus: year.status, organisation });
      return { organisation, year, standing, ...(await formChoices(ctx, organisation.id, null)) };
    },
    render: (ctx, { organisation, year, standing, pillars, partners }, forms) => ctx.c.render(
      <ActivityFormPage
        pact={ctx.pact} organisation={organisation} year={year.year} mode="new" action={`${activitiesBase(ctx.pact, organisation.id)}/new?year=${year.year}`}
        pillars={pillars} partners={partners} state={activityFormState(ctx, forms.new)} initial={null}
        notice={forms.new ? undefined : standingNotice(ctx, standing, year.year)}
      />,
      { title: ctx.c.get('t')('agenda.form.newTitle', { year: year.year }) },
    ),
    forms: {
      new: {
        schema: (_ctx: unknown, { year, standing }: { year: AgendaYearRow; standing: ActivityRefusal | null }) =>
          (standing ? refusedWhateverInput : activityForm(year.year)),
        submit: async (ctx, { organisation, year, standing }, value: ActivityInput) => {
          if (standing) return refuseWhateverInput(ctx, standing, year.year);
          const outcome = await registerActivity(useCaseContext(ctx), { year, organisation, input: value });
          if (!outcome.ok) return refuse(outcome.reason === 'field' ? 400 : 409, refusalDetail(ctx, outcome, year.year));
          return done(activitiesBase(ctx.pact, organisation.id), 'agenda.form.registered');
        },
      },
    },
  }),
  // Changing an activity (with the withdraw form below it). An edit from an older revision is a
  // 409 that shows the person's input again on top of the revision now stored, so a second save
  // wins knowingly.
  ...formPage({
    path: '/p/:pact/organisations/:org/activities/:activity/edit',
    permission: 'organisation:edit',
    params: orgActivityParams,
    resource: (p) => ({ organisationId: p.org }),
    data: async (ctx) => {
      const organisation = await loadOrganisation(ctx);
      const activity = await loadOrgActivity(ctx);
      const standing = standingRefusal(ctx, { mode: 'edit', yearStatus: activity.year_status, organisation });
      return { organisation, activity, standing, initial: await initialFromActivity(ctx, activity), ...(await formChoices(ctx, organisation.id, activity.pillar_id)) };
    },
    render: (ctx, { organisation, activity, standing, initial, pillars, partners }, forms) => ctx.c.render(
      <>
        <ActivityFormPage
          pact={ctx.pact} organisation={organisation} year={activity.year} mode="edit" action={`${activitiesBase(ctx.pact, organisation.id)}/${activity.id}/edit`}
          pillars={pillars} partners={partners} state={activityFormState(ctx, forms.edit)} initial={forms.edit ? null : initial}
          activityTitle={activity.title} notice={forms.edit ? undefined : standingNotice(ctx, standing, activity.year)}
        />
        <WithdrawPage pact={ctx.pact} activity={activity} state={{}} embedded />
      </>,
      { title: ctx.c.get('t')('agenda.form.editTitle', { title: activity.title }) },
    ),
    forms: {
      edit: {
        schema: (_ctx: unknown, { activity, standing }: { activity: ActivityRow; standing: ActivityRefusal | null }) =>
          (standing ? refusedWhateverInput : activityForm(activity.year)),
        submit: async (ctx, { activity, standing }, value: ActivityInput, values) => {
          if (standing) return refuseWhateverInput(ctx, standing, activity.year);
          const outcome = await editActivity(useCaseContext(ctx), activity, value);
          if (outcome.ok) return done(`/p/${ctx.pact.slug}/agenda/${activity.year}/activities/${activity.id}`, 'agenda.form.saved');
          if (outcome.reason === 'stale') {
            const stored = (await findActivity(ctx.tx, ctx.pact.id, activity.id))!;
            return refuse(409, { formError: 'agenda.form.stale', values: { ...values, revision: String(stored.revision) } });
          }
          return refuse(outcome.reason === 'field' ? 400 : 409, refusalDetail(ctx, outcome, activity.year));
        },
      },
    },
  }),
  // Withdrawing: the form sits below the edit form; a refused attempt shows it on a page of its own.
  ...formPage({
    path: '/p/:pact/organisations/:org/activities/:activity/withdraw',
    get: false,
    permission: 'organisation:edit',
    params: orgActivityParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadOrgActivity,
    render: (ctx, activity, forms) => ctx.c.render(<WithdrawPage pact={ctx.pact} activity={activity} state={forms.withdraw ?? {}} />, {
      title: ctx.c.get('t')('agenda.withdraw.title', { title: activity.title }),
    }),
    forms: {
      withdraw: {
        schema: withdrawForm,
        submit: async (ctx, activity) => {
          const outcome = await withdrawActivity(useCaseContext(ctx), activity);
          if (!outcome.ok) return refuse(409, refusalDetail(ctx, outcome, activity.year));
          return done(activitiesBase(ctx.pact, activity.organisation_id), 'agenda.withdraw.done');
        },
      },
    },
  }),
];
