// Pages of the agenda: the years, a year's management, the compiled agenda, one activity, an
// organisation's activities and the activity form. The compiled agenda's activity list is rendered
// by a hook-free function (`renderAgendaGroups`), so the route can keep its HTML for a while.
import { raw } from 'hono/html';
import type { PactSummary } from '../../../access/policy.ts';
import type { Locale, Translate } from '../../../platform/i18n/translator.ts';
import {
  Alert, Button, ButtonLink, CsrfField, DataList, ErrorSummary, Field, fieldId, Flash, Heading, Link, Paragraph, Table, type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { indicatorRows } from './activity-form.ts';
import { partnerHasLeftOn, type AgendaGroup, type AgendaGrouping } from './agenda-grouping.ts';
import { formatAmount, formatDay, formatTarget } from './agenda-format.ts';
import type {
  ActivityRow, AgendaActivity, AgendaYearEventRow, AgendaYearListRow, AgendaYearRow, CarryLink, IndicatorRow, OrganisationActivityRow, ReviewHistoryEntry,
} from './agenda-queries.ts';
import type { AgendaYearAction } from './agenda-year-status.ts';

type T = Translate<MessageKey>;

const yearBase = (slug: string, year: number) => `/p/${slug}/agenda/${year}`;
export const activityHref = (slug: string, year: number, id: string) => `${yearBase(slug, year)}/activities/${id}`;
const orgActivityHref = (slug: string, org: string, id: string) => `/p/${slug}/organisations/${org}/activities/${id}`;

function YearState({ year }: { year: Pick<AgendaYearRow, 'status' | 'published_at'> }) {
  const t = useT();
  return (
    <>
      {t(year.status === 'open' ? 'agenda.state.open' : 'agenda.state.locked')}
      {' · '}
      {t(year.published_at ? 'agenda.state.published' : 'agenda.state.draft')}
    </>
  );
}

// ── The years ───────────────────────────────────────────────────────────────────────────────

export function AgendaYearsPage({
  pact, years, isMember, canManage, openState,
}: { pact: PactSummary; years: AgendaYearListRow[]; isMember: boolean; canManage: boolean; openState: FormState }) {
  const t = useT();
  const base = `/p/${pact.slug}/agenda`;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('agenda.years.title')}</Heading>
      <Paragraph>{t('agenda.years.intro')}</Paragraph>
      {years.length === 0 ? (
        <Paragraph>{t('agenda.years.none')}</Paragraph>
      ) : (
        <Table
          caption={t('agenda.years.caption')}
          rows={years}
          columns={[
            { header: t('agenda.years.year'), cell: (y) => <Link href={`${base}/${y.year}`}>{String(y.year)}</Link> },
            { header: t('agenda.years.activities'), cell: (y) => String(y.activities), numeric: true },
            { header: t('agenda.years.partners'), cell: (y) => String(y.partners), numeric: true },
            ...(isMember ? [{ header: t('agenda.years.state'), cell: (y: AgendaYearListRow) => <YearState year={y} /> }] : []),
            ...(canManage
              ? [{ header: t('agenda.years.manage'), cell: (y: AgendaYearListRow) => <Link href={`${base}/${y.year}/manage`}>{t('agenda.manage.title', { year: y.year })}</Link> }]
              : []),
          ]}
        />
      )}
      {canManage ? (
        <section aria-labelledby="open-year-heading">
          <Heading level={2} id="open-year-heading">{t('agenda.open.title')}</Heading>
          <ErrorSummary state={openState} labels={{ year: 'agenda.open.year' }} />
          <form method="post" action={base} class="utrecht-form sp-form" novalidate>
            <CsrfField />
            <Field name="year" label="agenda.open.year" description="agenda.open.yearHint" state={openState} inputmode="numeric" maxlength={4} autocomplete="off" />
            <Button>{t('agenda.open.button')}</Button>
          </form>
        </section>
      ) : null}
    </>
  );
}

// ── Managing a year ─────────────────────────────────────────────────────────────────────────

export function AgendaManagePage({
  pact, year, events, actions, state,
}: { pact: PactSummary; year: AgendaYearRow; events: AgendaYearEventRow[]; actions: AgendaYearAction[]; state: FormState }) {
  const t = useT();
  const locale = useLocale();
  const action = `${yearBase(pact.slug, year.year)}/status`;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('agenda.manage.title', { year: year.year })}</Heading>
      <ErrorSummary state={state} labels={{ introduction: 'agenda.manage.introduction', note: 'agenda.manage.note', action: 'agenda.manage.actions' }} />
      <section aria-labelledby="status-heading">
        <Heading level={2} id="status-heading">{t('agenda.manage.status')}</Heading>
        <DataList
          items={[
            [t('agenda.manage.registration'), t(year.status === 'open' ? 'agenda.state.open' : 'agenda.state.locked')],
            [t('agenda.manage.publication'), year.published_at ? t('agenda.manage.publishedOn', { date: formatDateTime(year.published_at, locale) }) : t('agenda.manage.notPublished')],
          ]}
        />
        <Paragraph>
          <Link href={yearBase(pact.slug, year.year)}>{t('agenda.manage.view', { year: year.year })}</Link>
        </Paragraph>
        <form method="post" action={action} class="utrecht-form sp-form" novalidate>
          <CsrfField />
          <Field name="note" label="agenda.manage.note" state={state} optional maxlength={1000} autocomplete="off" />
          <div class="sp-actions-inline">
            {actions.map((a, i) => (
              <Button name="action" value={a} kind={i === 0 ? 'primary' : 'secondary'}>{t(`agenda.manage.action.${a}` as MessageKey)}</Button>
            ))}
          </div>
        </form>
      </section>
      <section aria-labelledby="introduction-heading">
        <Heading level={2} id="introduction-heading">{t('agenda.manage.introduction')}</Heading>
        <form method="post" action={action} class="utrecht-form sp-form" novalidate>
          <CsrfField />
          <input type="hidden" name="action" value="introduction" />
          <Field name="introduction" label="agenda.manage.introduction" description="agenda.manage.introductionHint" state={state} value={year.introduction} multiline rows={6} optional maxlength={10000} />
          <Button kind="secondary">{t('agenda.manage.saveIntroduction')}</Button>
        </form>
      </section>
      <section aria-labelledby="history-heading">
        <Heading level={2} id="history-heading">{t('agenda.manage.history')}</Heading>
        <Table
          caption={t('agenda.manage.history')}
          rows={events}
          columns={[
            { header: t('agenda.manage.when'), cell: (e) => <time datetime={e.occurred_at.toISOString()}>{formatDateTime(e.occurred_at, locale)}</time> },
            { header: t('agenda.manage.what'), cell: (e) => (e.note ? `${t(`agenda.event.${e.kind}` as MessageKey)}: ${e.note}` : t(`agenda.event.${e.kind}` as MessageKey)) },
            { header: t('agenda.manage.who'), cell: (e) => e.by_name ?? '–' },
          ]}
        />
      </section>
    </>
  );
}

// ── The compiled agenda ─────────────────────────────────────────────────────────────────────

function indicatorLine(i: IndicatorRow, t: T, locale: Locale): string {
  const target = `${i.name}: ${t('agenda.activity.target').toLowerCase()} ${formatTarget(i.target_value, i.unit, locale)}`;
  return i.current_value === null ? target : `${target} (${t('agenda.activity.result').toLowerCase()} ${formatAmount(i.current_value, locale)})`;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => escapes[ch]!);
}

/**
 * One activity of the compiled agenda as compact HTML, built as a string: at 2,000 activities the
 * page is large, and this keeps both the markup and the time to make it small. Every value is escaped.
 */
function activityHtml(a: AgendaActivity, t: T, locale: Locale, slug: string, year: number, by: AgendaGrouping, today: string): string {
  const lead = partnerHasLeftOn(a.organisation_left_on, today)
    ? `${a.organisation_name} (${t('agenda.activity.partnerLeft', { date: formatDay(a.organisation_left_on!, locale) })})`
    : a.organisation_name;
  const facts: Array<[string, string]> = [];
  if (by === 'pillar') facts.push([t('agenda.activity.lead'), lead]);
  else {
    facts.push([t('agenda.activity.pillar'), a.pillar_title]);
    if (lead !== a.organisation_name) facts.push([t('agenda.activity.lead'), lead]);
  }
  if (a.partners.length > 0) facts.push([t('agenda.activity.partners'), a.partners.map((p) => p.name).join(', ')]);
  facts.push([t('agenda.activity.responsible'), a.responsible_name]);
  facts.push([t('agenda.activity.period'), t('agenda.activity.periodValue', { from: formatDay(a.starts_on, locale), to: formatDay(a.ends_on, locale) })]);
  if (a.reviewed_at) facts.push([t('agenda.activity.status'), t(`agenda.status.${a.status}` as MessageKey)]);
  if (a.indicators.length > 0) facts.push([t('agenda.activity.indicators'), a.indicators.map((i) => indicatorLine(i, t, locale)).join('; ')]);
  let html = `<article class="sp-agenda-activity"><h3 class="utrecht-heading-3"><a class="utrecht-link utrecht-link--html-a" href="${esc(activityHref(slug, year, a.id))}">${esc(a.title)}</a></h3>`;
  html += `<p class="utrecht-paragraph"><strong>${esc(t('agenda.activity.goal'))}:</strong> ${esc(a.goal)}</p><dl class="sp-agenda-facts">`;
  for (const [k, v] of facts) html += `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`;
  return `${html}</dl></article>`;
}

/** The grouped activity list as HTML; uses no request context, so its output can be kept and reused. */
export function renderAgendaGroups(a: { groups: AgendaGroup<AgendaActivity>[]; t: T; locale: Locale; slug: string; year: number; by: AgendaGrouping; today: string }): string {
  const { groups, t, locale, slug, year, by, today } = a;
  const parts: string[] = [];
  for (const g of groups) {
    parts.push(`<section class="sp-agenda-group" aria-labelledby="group-${esc(g.id)}"><h2 class="utrecht-heading-2" id="group-${esc(g.id)}">${esc(g.title)}</h2>`);
    for (const x of g.activities) parts.push(activityHtml(x, t, locale, slug, year, by, today));
    parts.push('</section>');
  }
  return parts.join('');
}

export function CompiledAgendaPage({
  pact, year, by, groupsHtml, count, partners, isDraft, canManage, isMember,
}: { pact: PactSummary; year: AgendaYearRow; by: AgendaGrouping; groupsHtml: string; count: number; partners: number; isDraft: boolean; canManage: boolean; isMember: boolean }) {
  const t = useT();
  const base = yearBase(pact.slug, year.year);
  return (
    <div class="sp-agenda">
      <Flash />
      <Heading level={1}>{t('agenda.compiled.title', { year: year.year })}</Heading>
      <p class="utrecht-paragraph sp-agenda-pact">{pact.name}</p>
      {isDraft ? <Alert kind="warning"><p class="utrecht-paragraph">{t('agenda.compiled.draft')}</p></Alert> : null}
      {year.introduction ? year.introduction.split(/\n{2,}/).map((p) => <Paragraph>{p}</Paragraph>) : null}
      <Paragraph>{t('agenda.compiled.count', { count, partners })}</Paragraph>
      <nav class="sp-agenda-tools" aria-label={t('agenda.compiled.grouping')}>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item"><Link href={base} current={by === 'pillar'}>{t('agenda.compiled.byPillar')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`${base}?by=partner`} current={by === 'partner'}>{t('agenda.compiled.byPartner')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`${base}/agenda.pdf`}>{t('agenda.compiled.pdf')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`${base}/activities.csv`}>{t('agenda.compiled.csv')}</Link></li>
          <li class="utrecht-unordered-list__item"><Link href={`${base}/results`}>{t('agenda.compiled.results')}</Link></li>
          {isMember ? <li class="utrecht-unordered-list__item"><Link href={`${base}/review`}>{t('agenda.compiled.review')}</Link></li> : null}
          {canManage ? <li class="utrecht-unordered-list__item"><Link href={`${base}/manage`}>{t('agenda.compiled.manage')}</Link></li> : null}
        </ul>
      </nav>
      {count === 0 ? <Paragraph>{t('agenda.compiled.none')}</Paragraph> : raw(groupsHtml)}
    </div>
  );
}

// ── One activity ────────────────────────────────────────────────────────────────────────────

export function ActivityPage({
  pact, activity, partners, indicators, reviews, carry, canEdit, today, isDraft,
}: {
  pact: PactSummary; activity: ActivityRow; partners: Array<{ id: string; name: string }>; indicators: IndicatorRow[]; reviews: ReviewHistoryEntry[];
  carry: { from: CarryLink | null; to: CarryLink | null }; canEdit: boolean; today: string; isDraft: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const a = activity;
  const indicatorNames = new Map(indicators.map((i) => [i.id, i]));
  const edit = orgActivityHref(pact.slug, a.organisation_id, a.id);
  const items: Array<[string, string]> = [
    [t('agenda.activity.goal'), a.goal],
    [t('agenda.activity.pillar'), a.pillar_title],
    [t('agenda.activity.lead'), a.organisation_name],
  ];
  if (partners.length > 0) items.push([t('agenda.activity.partners'), partners.map((p) => p.name).join(', ')]);
  items.push([t('agenda.activity.responsible'), a.responsible_name]);
  items.push([t('agenda.activity.period'), t('agenda.activity.periodValue', { from: formatDay(a.starts_on, locale), to: formatDay(a.ends_on, locale) })]);
  items.push([t('agenda.activity.status'), t(`agenda.status.${a.status}` as MessageKey)]);
  return (
    <>
      <Flash />
      <Heading level={1}>{a.title}</Heading>
      <p class="utrecht-paragraph">{t('agenda.compiled.title', { year: a.year })}</p>
      {isDraft ? <Alert kind="warning"><p class="utrecht-paragraph">{t('agenda.compiled.draft')}</p></Alert> : null}
      {a.withdrawn_at ? <Alert kind="info"><p class="utrecht-paragraph">{t('agenda.activity.withdrawn')}</p></Alert> : null}
      {partnerHasLeftOn(a.organisation_left_on, today) ? (
        <Alert kind="info"><p class="utrecht-paragraph">{t('agenda.activity.partnerLeft', { date: formatDay(a.organisation_left_on!, locale) })}</p></Alert>
      ) : null}
      <DataList items={items} />
      {carry.from ? <Paragraph><Link href={activityHref(pact.slug, carry.from.year, carry.from.id)}>{t('agenda.activity.carriedFrom', { year: carry.from.year })}</Link></Paragraph> : null}
      {carry.to ? <Paragraph><Link href={activityHref(pact.slug, carry.to.year, carry.to.id)}>{t('agenda.activity.carriedTo', { year: carry.to.year })}</Link></Paragraph> : null}
      {a.description ? (
        <>
          <Heading level={2}>{t('agenda.activity.description')}</Heading>
          {a.description.split(/\n{2,}/).map((p) => <Paragraph>{p}</Paragraph>)}
        </>
      ) : null}
      {indicators.length > 0 ? (
        <Table
          caption={t('agenda.activity.indicators')}
          rows={indicators}
          columns={[
            { header: t('agenda.activity.indicator'), cell: (i) => i.name },
            { header: t('agenda.activity.target'), cell: (i) => formatTarget(i.target_value, i.unit, locale), numeric: true },
            { header: t('agenda.activity.result'), cell: (i) => (i.current_value === null ? t('agenda.activity.none') : formatTarget(i.current_value, i.unit, locale)), numeric: true },
          ]}
        />
      ) : null}
      <section aria-labelledby="reviews-heading">
        <Heading level={2} id="reviews-heading">{t('agenda.activity.reviews')}</Heading>
        {reviews.length === 0 ? <Paragraph>{t('agenda.activity.noReviews')}</Paragraph> : null}
        {reviews.map((r) => (
          <article class="sp-agenda-review">
            <Heading level={3}>{t('agenda.activity.reviewedOn', { date: formatDateTime(r.reviewed_at, locale) })}</Heading>
            <DataList
              items={[
                [t('agenda.activity.status'), t(`agenda.status.${r.status}` as MessageKey)],
                ...(r.story ? [[t('agenda.activity.story'), r.story] as [string, string]] : []),
                ...r.results.map((x) => {
                  const i = indicatorNames.get(x.indicator_id);
                  return [i?.name ?? t('agenda.activity.indicator'), i ? formatTarget(x.value, i.unit, locale) : formatAmount(x.value, locale)] as [string, string];
                }),
              ]}
            />
          </article>
        ))}
      </section>
      {canEdit ? (
        <ul class="utrecht-unordered-list sp-actions">
          {!a.withdrawn_at ? <li class="utrecht-unordered-list__item"><Link href={`${edit}/edit`}>{t('agenda.activity.edit')}</Link></li> : null}
          <li class="utrecht-unordered-list__item"><Link href={`${edit}/review`}>{t('agenda.activity.review')}</Link></li>
          {!carry.to ? <li class="utrecht-unordered-list__item"><Link href={`${edit}/carry-over`}>{t('agenda.activity.carryOver')}</Link></li> : null}
        </ul>
      ) : null}
      <Paragraph>
        <Link href={yearBase(pact.slug, a.year)}>{t('agenda.activity.back', { year: a.year })}</Link>
      </Paragraph>
    </>
  );
}

// ── An organisation's activities ────────────────────────────────────────────────────────────

export function OrganisationActivitiesPage({
  pact, organisation, activities, registerYear, leftOn,
}: {
  pact: PactSummary; organisation: { id: string; name: string }; activities: OrganisationActivityRow[];
  registerYear: number | null; leftOn: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const base = `/p/${pact.slug}/organisations/${organisation.id}/activities`;
  const years = [...new Set(activities.map((a) => a.year))];
  return (
    <>
      <Flash />
      <Heading level={1}>{t('agenda.org.title', { name: organisation.name })}</Heading>
      <Paragraph>{t('agenda.org.intro')}</Paragraph>
      {leftOn ? (
        <Alert kind="info"><p class="utrecht-paragraph">{t('agenda.org.left', { date: formatDay(leftOn, locale) })}</p></Alert>
      ) : registerYear ? (
        <Paragraph><ButtonLink href={`${base}/new?year=${registerYear}`}>{t('agenda.org.new', { year: registerYear })}</ButtonLink></Paragraph>
      ) : (
        <Paragraph>{t('agenda.org.noOpenYear')}</Paragraph>
      )}
      {activities.length === 0 ? <Paragraph>{t('agenda.org.none')}</Paragraph> : null}
      {years.map((year) => (
        <section aria-labelledby={`year-${year}`}>
          <Heading level={2} id={`year-${year}`}>{t('agenda.org.year', { year })}</Heading>
          <Table
            caption={t('agenda.org.year', { year })}
            rows={activities.filter((a) => a.year === year)}
            columns={[
              { header: t('agenda.org.title.column'), cell: (a) => <Link href={activityHref(pact.slug, a.year, a.id)}>{a.title}</Link> },
              { header: t('agenda.activity.pillar'), cell: (a) => a.pillar_title },
              { header: t('agenda.activity.period'), cell: (a) => t('agenda.activity.periodValue', { from: formatDay(a.starts_on, locale), to: formatDay(a.ends_on, locale) }) },
              { header: t('agenda.activity.status'), cell: (a) => (a.withdrawn_at ? t('agenda.org.withdrawnLabel') : t(`agenda.status.${a.status}` as MessageKey)) },
              { header: t('agenda.activity.edit'), cell: (a) => (a.withdrawn_at ? '–' : <Link href={`${base}/${a.id}/edit`}>{t('agenda.activity.edit')}<span class="utrecht-visually-hidden">: {a.title}</span></Link>) },
            ]}
          />
        </section>
      ))}
    </>
  );
}

// ── The activity form ───────────────────────────────────────────────────────────────────────

export const activityLabels: Record<string, MessageKey> = {
  title: 'agenda.form.title', goal: 'agenda.form.goal', pillar: 'agenda.form.pillar', description: 'agenda.form.description',
  responsible: 'agenda.form.responsible', partners: 'agenda.form.partners', startsOn: 'agenda.form.startsOn', endsOn: 'agenda.form.endsOn',
  ...Object.fromEntries(
    Array.from({ length: indicatorRows }, (_, k) => k + 1).flatMap((n) => [
      [`indicatorName${n}`, 'agenda.form.indicatorName'], [`indicatorUnit${n}`, 'agenda.form.indicatorUnit'], [`indicatorTarget${n}`, 'agenda.form.indicatorTarget'],
    ]),
  ),
};

function PartnerChoices({ partners, state, initial }: { partners: Array<{ id: string; name: string }>; state: FormState; initial: string[] }) {
  const t = useT();
  const chosen = new Set(state.values ? (state.values.partners ?? '').split(',').filter(Boolean) : initial);
  const error = state.errors?.partners;
  return (
    <fieldset class="utrecht-form-fieldset sp-fieldset" id={fieldId('partners')} aria-describedby={`${fieldId('partners')}-description${error ? ` ${fieldId('partners')}-error` : ''}`}>
      <legend class="utrecht-form-fieldset__legend">{t('agenda.form.partners')} <span class="sp-optional">{t('form.optional')}</span></legend>
      <div class="utrecht-form-field-description" id={`${fieldId('partners')}-description`}>{t('agenda.form.partnersHint')}</div>
      {error ? <div class="utrecht-form-field-error-message" id={`${fieldId('partners')}-error`}>{t(error.key as MessageKey, error.params)}</div> : null}
      {partners.map((p) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={`partner-${p.id}`} name="partners" value={p.id} checked={chosen.has(p.id)} />{' '}
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={`partner-${p.id}`}>{p.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

export interface ActivityFormInitial {
  title: string; goal: string; pillar: string; description: string; responsible: string; startsOn: string; endsOn: string;
  partners: string[]; indicators: Array<{ name: string; unit: string; target: string }>;
  /** The activity's revision when the form was shown (the hidden field `revision`). */
  revision: string;
}

export function ActivityFormPage({
  pact, organisation, year, mode, action, pillars, partners, state, initial, activityTitle, notice,
}: {
  pact: PactSummary; organisation: { id: string; name: string }; year: number; mode: 'new' | 'edit'; action: string;
  pillars: Array<{ id: string; title: string }>; partners: Array<{ id: string; name: string }>; state: FormState; initial: ActivityFormInitial | null; activityTitle?: string;
  /** A standing reason why saving will be refused (year locked, partner left), shown before the form. */
  notice?: string | undefined;
}) {
  const t = useT();
  const init = initial;
  const values = state.values;
  const val = (name: string, fallback: string | undefined) => (values ? undefined : fallback);
  const title = mode === 'new' ? t('agenda.form.newTitle', { year }) : t('agenda.form.editTitle', { title: activityTitle ?? '' });
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{organisation.name}</Paragraph>
      <Paragraph>{t('agenda.form.intro')}</Paragraph>
      {notice && !state.formError ? <Alert kind="warning"><p class="utrecht-paragraph">{notice}</p></Alert> : null}
      <ErrorSummary state={state} labels={activityLabels} />
      <form method="post" action={action} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="revision" value={values?.revision ?? init?.revision ?? ''} />
        <Field name="title" label="agenda.form.title" state={state} value={val('title', init?.title)} maxlength={200} autocomplete="off" />
        <Field name="goal" label="agenda.form.goal" description="agenda.form.goalHint" state={state} value={val('goal', init?.goal)} multiline rows={3} maxlength={2000} />
        <Field
          name="pillar" label="agenda.form.pillar" state={state} value={val('pillar', init?.pillar)}
          options={[{ value: '', label: 'agenda.form.choosePillar' }, ...pillars.map((p) => ({ value: p.id, label: p.title, translate: false }))]}
        />
        <Field name="description" label="agenda.form.description" state={state} value={val('description', init?.description)} multiline rows={5} optional maxlength={8000} />
        <Field name="responsible" label="agenda.form.responsible" description="agenda.form.responsibleHint" state={state} value={val('responsible', init?.responsible)} maxlength={200} autocomplete="off" />
        <PartnerChoices partners={partners} state={state} initial={init?.partners ?? []} />
        <p class="utrecht-paragraph" id="period-hint">{t('agenda.form.dateHint', { year })}</p>
        <Field name="startsOn" label="agenda.form.startsOn" type="date" state={state} value={val('startsOn', init?.startsOn ?? `${year}-01-01`)} />
        <Field name="endsOn" label="agenda.form.endsOn" type="date" state={state} value={val('endsOn', init?.endsOn ?? `${year}-12-31`)} />
        <fieldset class="utrecht-form-fieldset sp-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('agenda.form.indicators')}</legend>
          <p class="utrecht-paragraph">{t('agenda.form.indicatorsHint')}</p>
          {Array.from({ length: indicatorRows }, (_, k) => k + 1).map((n) => {
            const row = init?.indicators[n - 1];
            return (
              <fieldset class="utrecht-form-fieldset sp-fieldset sp-indicator-row">
                <legend class="utrecht-form-fieldset__legend">{t('agenda.form.indicatorRow', { n })}</legend>
                <Field name={`indicatorName${n}`} label="agenda.form.indicatorName" state={state} value={val('', row?.name)} optional maxlength={200} autocomplete="off" />
                <Field name={`indicatorUnit${n}`} label="agenda.form.indicatorUnit" state={state} value={val('', row?.unit)} optional maxlength={40} autocomplete="off" />
                <Field name={`indicatorTarget${n}`} label="agenda.form.indicatorTarget" state={state} value={val('', row?.target)} optional maxlength={40} inputmode="numeric" autocomplete="off" />
              </fieldset>
            );
          })}
        </fieldset>
        <Button>{t(mode === 'new' ? 'agenda.form.register' : 'agenda.form.save')}</Button>
      </form>
    </>
  );
}

/** The withdraw form: a page of its own after a refused attempt, or a section below the edit form (`embedded`). */
export function WithdrawPage({ pact, activity, state, embedded }: { pact: PactSummary; activity: ActivityRow; state: FormState; embedded?: boolean }) {
  const t = useT();
  const error = state.errors?.confirm;
  return (
    <section aria-labelledby="withdraw-heading">
      <Heading level={embedded ? 2 : 1} id="withdraw-heading">{t('agenda.withdraw.title', { title: activity.title })}</Heading>
      <Paragraph>{t('agenda.withdraw.intro')}</Paragraph>
      {embedded ? null : <ErrorSummary state={state} labels={{ confirm: 'agenda.withdraw.confirm' }} />}
      <form method="post" action={`${orgActivityHref(pact.slug, activity.organisation_id, activity.id)}/withdraw`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
          {error ? <div class="utrecht-form-field-error-message" id={`${fieldId('confirm')}-error`}>{t(error.key as MessageKey, error.params)}</div> : null}
          <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={fieldId('confirm')} name="confirm" value="yes" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${fieldId('confirm')}-error` : undefined} />{' '}
          <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId('confirm')}>{t('agenda.withdraw.confirm')}</label>
        </div>
        <Button>{t('agenda.withdraw.button')}</Button>
      </form>
      {embedded ? null : <Paragraph><Link href={activityHref(pact.slug, activity.year, activity.id)}>{activity.title}</Link></Paragraph>}
    </section>
  );
}
