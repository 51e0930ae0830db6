// Routes of the agenda: years (public list, coordinators open and manage them), the compiled
// agenda (public once published; members see a draft) with its PDF, CSV and activity pages, and
// partners' registration of activities under their organisation's address.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { can, type Actor, type PactSummary } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import { renderPdf } from '../../../platform/pdf/index.ts';
import { SharedPageCache, serveSharedPage } from '../../../platform/http/shared-page-cache.ts';
import type { FormState } from '../../../ui/components.tsx';
import { parseForm } from '../../../platform/forms.ts';
import { openYearForm, parseActivityForm, withdrawForm, yearStatusForm, type ActivityInput } from './activity-form.ts';
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
import { editActivity, registerActivity, withdrawActivity, type ActivityRefusal } from './register-activity.ts';

const yearParam = z.string().regex(/^\d{4}$/);
const yearParams = z.object({ pact: pactSlugParam, year: yearParam });
const activityParams = z.object({ pact: pactSlugParam, year: yearParam, activity: z.uuid() });
const orgParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const orgActivityParams = z.object({ pact: pactSlugParam, org: z.uuid(), activity: z.uuid() });

const personOf = (actor: Actor) => (actor.kind === 'person' ? actor.personId : null);
const todayOf = (ctx: RouteContext<{ pact: string }>) => localDate(ctx.pact!.jurisdiction, ctx.services.clock.now());
const isCoordinator = (ctx: RouteContext<{ pact: string }>) => can(ctx.actor, 'pact:manage', { pact: ctx.pact });

/** A year the actor may see: published for everyone, any for members of the pact; otherwise not there. */
async function loadVisibleYear(ctx: RouteContext<{ pact: string; year: string }>): Promise<{ year: AgendaYearRow; isDraft: boolean }> {
  const year = await findAgendaYear(ctx.tx, ctx.pact!.id, Number(ctx.params.year));
  if (!year) throw new HttpError(404);
  const isDraft = year.published_at === null;
  if (isDraft && !can(ctx.actor, 'pact:read', { pact: ctx.pact })) throw new HttpError(404);
  return { year, isDraft };
}

async function loadOrganisation(ctx: RouteContext<{ pact: string; org: string }>): Promise<OrganisationStanding> {
  const organisation = await findOrganisationStanding(ctx.tx, ctx.pact!.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return organisation;
}

/** The activity under its organisation's address; one of another organisation is not there. */
async function loadOrgActivity(ctx: RouteContext<{ pact: string; org: string; activity: string }>): Promise<ActivityRow> {
  const activity = await findActivity(ctx.tx, ctx.pact!.id, ctx.params.activity);
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

function refusalMessage(ctx: RouteContext<{ pact: string }>, refusal: ActivityRefusal, year: number): FormState {
  if (refusal.reason === 'year-locked') return { formError: 'agenda.form.lockedYear', formErrorParams: { year, pact: ctx.pact!.name } };
  if (refusal.reason === 'partner-left') {
    return { formError: 'agenda.form.partnerLeft', formErrorParams: { date: formatDay(refusal.leftOn, ctx.c.get('locale')), pact: ctx.pact!.name } };
  }
  if (refusal.reason === 'stale') return { formError: 'agenda.form.stale' };
  return { errors: { [refusal.field]: { key: refusal.key } } };
}

async function renderActivityForm(
  ctx: RouteContext<{ pact: string; org: string }>,
  status: 200 | 400 | 403 | 409,
  a: { organisation: OrganisationStanding; year: number; mode: 'new' | 'edit'; state: FormState; initial: ActivityFormInitial | null; activity?: ActivityRow; notice?: string },
) {
  const { c, tx, pact } = ctx;
  const [pillars, partners] = [await listPillarChoices(tx, pact!.id, a.activity?.pillar_id ?? null), await listPartnerChoices(tx, pact!.id, a.organisation.id)];
  const base = `/p/${pact!.slug}/organisations/${a.organisation.id}/activities`;
  const action = a.mode === 'new' ? `${base}/new?year=${a.year}` : `${base}/${a.activity!.id}/edit`;
  const t = c.get('t');
  const title = a.mode === 'new' ? t('agenda.form.newTitle', { year: a.year }) : t('agenda.form.editTitle', { title: a.activity!.title });
  c.status(status);
  return c.render(
    <>
      <ActivityFormPage
        pact={pact!} organisation={a.organisation} year={a.year} mode={a.mode} action={action} pillars={pillars} partners={partners}
        state={a.state} initial={a.initial} activityTitle={a.activity?.title} notice={a.notice}
      />
      {a.mode === 'edit' ? <WithdrawPage pact={pact!} activity={a.activity!} state={{}} embedded /> : null}
    </>,
    { title },
  );
}

/** Why saving would be refused for this actor right now, said before they fill in the form. */
function standingNotice(ctx: RouteContext<{ pact: string }>, a: { yearRow: AgendaYearRow; organisation: OrganisationStanding; mode: 'new' | 'edit' }): string | undefined {
  const t = ctx.c.get('t');
  if (a.mode === 'new' && partnerHasLeftOn(a.organisation.left_on, todayOf(ctx))) {
    return t('agenda.form.partnerLeft', { date: formatDay(a.organisation.left_on!, ctx.c.get('locale')), pact: ctx.pact!.name });
  }
  if (a.yearRow.status !== 'open' && !isCoordinator(ctx)) return t('agenda.form.lockedYear', { year: a.yearRow.year, pact: ctx.pact!.name });
  return undefined;
}

async function initialFromActivity(ctx: RouteContext<{ pact: string }>, activity: ActivityRow): Promise<ActivityFormInitial> {
  const pactId = ctx.pact!.id;
  const [partners, indicators] = [await listActivityPartners(ctx.tx, pactId, activity.id), await listIndicators(ctx.tx, pactId, activity.id)];
  return {
    title: activity.title, goal: activity.goal, pillar: activity.pillar_id, description: activity.description, responsible: activity.responsible_name,
    startsOn: activity.starts_on, endsOn: activity.ends_on, partners: partners.map((p) => p.id),
    indicators: indicators.map((i) => ({ name: i.name, unit: i.unit, target: String(i.target_value) })),
    version: activity.updated_at.toISOString(),
  };
}

/** The year a registration form is for: `?year=` when given, else the latest open one. */
async function registrationYear(ctx: RouteContext<{ pact: string; org: string }>): Promise<AgendaYearRow> {
  const raw = ctx.c.req.query('year');
  const year = raw === undefined || raw === '' ? await defaultRegistrationYear(ctx.tx, ctx.pact!.id) : /^\d{4}$/.test(raw) ? Number(raw) : null;
  const row = year === null ? undefined : await findAgendaYear(ctx.tx, ctx.pact!.id, year);
  if (!row) throw new HttpError(404);
  return row;
}

async function renderYears(ctx: RouteContext<{ pact: string }>, status: 200 | 400 | 403 | 409, openState: FormState) {
  const { c, tx, pact, actor } = ctx;
  const isMember = can(actor, 'pact:read', { pact });
  const years = await listAgendaYears(tx, pact!.id, !isMember);
  c.status(status);
  return c.render(<AgendaYearsPage pact={pact!} years={years} isMember={isMember} canManage={isCoordinator(ctx)} openState={openState} />, {
    title: c.get('t')('agenda.years.title'),
  });
}

async function renderManage(ctx: RouteContext<{ pact: string; year: string }>, status: 200 | 400 | 403 | 409, state: FormState) {
  const { c, tx, pact } = ctx;
  const year = await findAgendaYear(tx, pact!.id, Number(ctx.params.year));
  if (!year) throw new HttpError(404);
  const events = await listAgendaYearEvents(tx, pact!.id, year.id);
  await ctx.audit({ action: 'agenda-year.read-history', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year } });
  c.status(status);
  const actions = availableAgendaYearActions({ status: year.status, published: year.published_at !== null });
  return c.render(<AgendaManagePage pact={pact!} year={year} events={events} actions={actions} state={state} />, {
    title: c.get('t')('agenda.manage.title', { year: year.year }),
  });
}

function pdfResponse(fileName: string, bytes: Buffer): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 100) || 'agenda.pdf';
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${safe}"`, 'cache-control': 'no-store' },
  });
}

export const agendaRouteList: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda',
    permission: 'public',
    params: pactParams,
    handler: (ctx) => renderYears(ctx, 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/agenda',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, audit, flash } = ctx;
      const parsed = parseForm(openYearForm, form!);
      if (ctx.csrfRejected) return renderYears(ctx, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return renderYears(ctx, 400, parsed);
      const opened = await openAgendaYear(tx, { pactId: pact!.id, year: parsed.value.year, by: personOf(actor), now: services.clock.now() }, audit);
      if (!opened.ok) {
        return renderYears(ctx, 409, { values: parsed.values, errors: { year: { key: 'agenda.open.exists', params: { year: parsed.value.year } } } });
      }
      flash('agenda.open.done');
      return c.redirect(`/p/${pact!.slug}/agenda/${parsed.value.year}/manage`, 303);
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
      const today = todayOf(ctx);
      const stamp = await compiledAgendaStamp(tx, pact!.id, year.id);
      const key = `${pact!.id}|${year.year}|${by}|${locale}|${today}|${stamp}`;
      let kept = groupsCache.get(key);
      if (kept === undefined) {
        const activities = await loadCompiledAgenda(tx, pact!.id, year.id);
        kept = {
          html: renderAgendaGroups({ groups: groupActivities(activities, by), t: c.get('t'), locale, slug: pact!.slug, year: year.year, by, today }),
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
      const pageKey = shared ? `${key}|${c.req.path}|${new URL(c.req.url).search}|${pageFingerprint(pact!, year)}` : '';
      const hit = shared ? sharedPages.get(pageKey) : undefined;
      if (hit) return serveSharedPage(c, hit);
      const response = await c.render(
        <CompiledAgendaPage pact={pact!} year={year} by={by} groupsHtml={kept.html} count={kept.count} partners={kept.partners} isDraft={isDraft} canManage={isCoordinator(ctx)} isMember={can(ctx.actor, 'pact:read', { pact: ctx.pact })} />,
        { title: c.get('t')('agenda.compiled.title', { year: year.year }) },
      );
      if (!shared || response.status !== 200) return response;
      return serveSharedPage(c, sharedPages.put(pageKey, await response.text()));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/manage',
    permission: 'pact:manage',
    params: yearParams,
    handler: (ctx) => renderManage(ctx, 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/agenda/:year/status',
    permission: 'pact:manage',
    params: yearParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, audit, flash } = ctx;
      const year = await findAgendaYear(tx, pact!.id, Number(ctx.params.year));
      if (!year) throw new HttpError(404);
      const parsed = parseForm(yearStatusForm, form!);
      if (ctx.csrfRejected) return renderManage(ctx, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return renderManage(ctx, 400, parsed);
      const changed = await changeAgendaYearStatus(
        tx,
        { pactId: pact!.id, year, action: parsed.value.action, introduction: parsed.value.introduction, note: parsed.value.note, by: personOf(actor), now: services.clock.now() },
        audit,
      );
      if (!changed.ok) return renderManage(ctx, 409, { values: parsed.values, formError: 'agenda.manage.notAllowed' });
      flash('agenda.manage.saved');
      return c.redirect(`/p/${pact!.slug}/agenda/${year.year}/manage`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/agenda.pdf',
    permission: 'public',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, services, audit } = ctx;
      const { year, isDraft } = await loadVisibleYear(ctx);
      const activities = await loadCompiledAgenda(tx, pact!.id, year.id);
      const pdf = await renderPdf(agendaPdfSpec({
        pactName: pact!.name, year: year.year, introduction: year.introduction, activities, t: c.get('t'), locale: c.get('locale'),
        today: todayOf(ctx), now: services.clock.now(), draft: isDraft,
      }));
      await audit({ action: 'agenda.export-pdf', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year, rows: activities.length } });
      return pdfResponse(`${pact!.slug}-agenda-${year.year}.pdf`, pdf);
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
      const activities = await loadCompiledAgenda(tx, pact!.id, year.id);
      const { headers, rows } = agendaCsv({ year: year.year, activities, t: c.get('t') });
      await audit({ action: 'agenda.export-csv', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year, rows: rows.length } });
      return csvResponse(`${pact!.slug}-agenda-${year.year}.csv`, toCsv(headers, rows));
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
      const activity = await findActivity(tx, pact!.id, params.activity);
      if (!activity || activity.agenda_year_id !== year.id) throw new HttpError(404);
      const canEdit = can(actor, 'organisation:edit', { pact, organisationId: activity.organisation_id });
      // A withdrawn activity is no longer part of the agenda: only its editors still find it.
      if (activity.withdrawn_at && !canEdit) throw new HttpError(404);
      const [partners, indicators, reviews, carry] = [
        await listActivityPartners(tx, pact!.id, activity.id), await listIndicators(tx, pact!.id, activity.id), await listActivityReviews(tx, pact!.id, activity.id),
        await findCarryLinks(tx, pact!.id, activity),
      ];
      if (isDraft || actor.kind === 'person') {
        await ctx.audit({ action: 'activity.read', recordType: 'activity', recordId: activity.id, purpose: 'pact-administration', details: { year: year.year } });
      }
      return c.render(
        <ActivityPage pact={pact!} activity={activity} partners={partners} indicators={indicators} reviews={reviews} carry={carry} canEdit={canEdit} today={todayOf(ctx)} isDraft={isDraft} />,
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
      const activities = await listOrganisationActivities(tx, pact!.id, organisation.id);
      const years = await listAgendaYears(tx, pact!.id, false);
      const open = years.find((y) => y.status === 'open');
      const registerYear = open ? open.year : isCoordinator(ctx) ? (years[0]?.year ?? null) : null;
      const leftOn = partnerHasLeftOn(organisation.left_on, todayOf(ctx)) ? organisation.left_on : null;
      return c.render(
        <OrganisationActivitiesPage pact={pact!} organisation={organisation} activities={activities} registerYear={registerYear} leftOn={leftOn} />,
        { title: c.get('t')('agenda.org.title', { name: organisation.name }) },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/activities/new',
    permission: 'organisation:edit',
    params: orgParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const organisation = await loadOrganisation(ctx);
      const yearRow = await registrationYear(ctx);
      return renderActivityForm(ctx, 200, {
        organisation, year: yearRow.year, mode: 'new', state: {}, initial: null, notice: standingNotice(ctx, { yearRow, organisation, mode: 'new' }),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/activities/new',
    permission: 'organisation:edit',
    params: orgParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, audit, flash } = ctx;
      const organisation = await loadOrganisation(ctx);
      const yearRow = await registrationYear(ctx);
      const parsed = parseActivityForm(form!, yearRow.year);
      const render = (status: 400 | 403 | 409, state: FormState) =>
        renderActivityForm(ctx, status, { organisation, year: yearRow.year, mode: 'new', state, initial: null });
      if (ctx.csrfRejected) return render(403, { values: parsed.values, formError: 'form.error.csrf' });
      // Refusals that do not depend on the input come first, with the input kept.
      const today = todayOf(ctx);
      if (partnerHasLeftOn(organisation.left_on, today)) {
        return render(409, { values: parsed.values, ...(parsed.ok ? {} : { errors: parsed.errors }), ...refusalMessage(ctx, { reason: 'partner-left', leftOn: organisation.left_on! }, yearRow.year) });
      }
      if (yearRow.status !== 'open' && !isCoordinator(ctx)) {
        return render(409, { values: parsed.values, ...(parsed.ok ? {} : { errors: parsed.errors }), ...refusalMessage(ctx, { reason: 'year-locked' }, yearRow.year) });
      }
      if (!parsed.ok) return render(400, parsed);
      const outcome = await registerActivity(
        tx,
        { pactId: pact!.id, year: yearRow, organisation, input: parsed.value, isCoordinator: isCoordinator(ctx), today, by: personOf(actor), now: services.clock.now() },
        audit,
      );
      if (!outcome.ok) return render(outcome.reason === 'field' ? 400 : 409, { values: parsed.values, ...refusalMessage(ctx, outcome, yearRow.year) });
      flash('agenda.form.registered');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}/activities`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/activities/:activity/edit',
    permission: 'organisation:edit',
    params: orgActivityParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const organisation = await loadOrganisation(ctx);
      const activity = await loadOrgActivity(ctx);
      const yearRow = (await findAgendaYear(ctx.tx, ctx.pact!.id, activity.year))!;
      return renderActivityForm(ctx, 200, {
        organisation, year: activity.year, mode: 'edit', state: {}, initial: await initialFromActivity(ctx, activity), activity,
        notice: standingNotice(ctx, { yearRow, organisation, mode: 'edit' }),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/activities/:activity/edit',
    permission: 'organisation:edit',
    params: orgActivityParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const organisation = await loadOrganisation(ctx);
      const activity = await loadOrgActivity(ctx);
      const parsed = parseActivityForm(form!, activity.year);
      const render = (status: 400 | 403 | 409, state: FormState) =>
        renderActivityForm(ctx, status, { organisation, year: activity.year, mode: 'edit', state, initial: null, activity });
      if (ctx.csrfRejected) return render(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (activity.year_status !== 'open' && !isCoordinator(ctx)) {
        return render(409, { values: parsed.values, ...(parsed.ok ? {} : { errors: parsed.errors }), ...refusalMessage(ctx, { reason: 'year-locked' }, activity.year) });
      }
      if (!parsed.ok) return render(400, parsed);
      const outcome = await editActivity(tx, { pactId: pact!.id, activity, input: parsed.value as ActivityInput, isCoordinator: isCoordinator(ctx), now: services.clock.now() }, audit);
      if (!outcome.ok) {
        if (outcome.reason === 'stale') {
          // Show the user's own input again, on top of the version now stored, so a second save wins knowingly.
          const fresh = (await findActivity(tx, pact!.id, activity.id))!;
          return render(409, { values: { ...parsed.values, version: fresh.updated_at.toISOString() }, formError: 'agenda.form.stale' });
        }
        return render(outcome.reason === 'field' ? 400 : 409, { values: parsed.values, ...refusalMessage(ctx, outcome, activity.year) });
      }
      flash('agenda.form.saved');
      return c.redirect(`/p/${pact!.slug}/agenda/${activity.year}/activities/${activity.id}`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/activities/:activity/withdraw',
    permission: 'organisation:edit',
    params: orgActivityParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, pact, tx, form, services, audit, flash } = ctx;
      const activity = await loadOrgActivity(ctx);
      const parsed = parseForm(withdrawForm, form!);
      const render = (status: 400 | 403 | 409, state: FormState) => {
        c.status(status);
        return c.render(<WithdrawPage pact={pact!} activity={activity} state={state} />, { title: c.get('t')('agenda.withdraw.title', { title: activity.title }) });
      };
      if (ctx.csrfRejected) return render(403, { formError: 'form.error.csrf' });
      if (!parsed.ok) return render(400, parsed);
      const outcome = await withdrawActivity(tx, { pactId: pact!.id, activity, isCoordinator: isCoordinator(ctx), now: services.clock.now() }, audit);
      if (!outcome.ok) return render(409, refusalMessage(ctx, outcome, activity.year));
      flash('agenda.withdraw.done');
      return c.redirect(`/p/${pact!.slug}/organisations/${activity.organisation_id}/activities`, 303);
    },
  }),
];

