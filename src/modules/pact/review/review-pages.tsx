// Pages of the November review: the review form of one activity (with its history), carry-over,
// the review overview of a year and the results page with the pie of commitments.
import type { PactSummary } from '../../../access/policy.ts';
import {
  Alert, Button, ButtonLink, CsrfField, DataList, ErrorSummary, Field, fieldId, Flash, Heading, Link, Paragraph, Table, type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime, formatNumber } from '../../../ui/format.ts';
import type { Locale } from '../../../platform/i18n/translator.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import type { CarryOverPeriod, CarryOverRefusal } from './carry-over.ts';
import { pieSize, pieSlices, type PatternKind, type PieDatum } from './commitments-chart.ts';
import type { ActivityRow, ActivityStatus, AgendaYearRow, CarryLink, IndicatorRow, YearActivityRow } from '../agenda/index.ts';
import { percent, type PillarNode, type ResultsTree } from './results-tree.ts';
import { resultField, reviewStatuses, storyMaxLength } from './review.ts';
import type { ReviewRow } from './review-queries.ts';
import type { Staleness } from './staleness.ts';

type T = ReturnType<typeof useT>;

export const statusKey = (s: ActivityStatus): MessageKey => `review.status.${s}` as MessageKey;

export function activityBase(slug: string, a: { organisation_id: string; id: string }): string {
  return `/p/${slug}/organisations/${a.organisation_id}/activities/${a.id}`;
}
/** The activity page of the agenda (src/modules/pact/agenda). */
export function agendaActivityHref(slug: string, year: number, id: string): string {
  return `/p/${slug}/agenda/${year}/activities/${id}`;
}

function When({ at }: { at: Date }) {
  const locale = useLocale();
  return <time datetime={at.toISOString()}>{formatDateTime(at, locale)}</time>;
}

function number(n: number, locale: Locale): string {
  return formatNumber(n, locale);
}

/** A plain-text percentage with a native progress bar labelled by it. */
export function ProgressBar({ share, id, label }: { share: number | null; id: string; label: string }) {
  const t = useT();
  const p = percent(share);
  if (p === null) return <span>{t('review.results.noProgress')}</span>;
  return (
    <span class="sp-review-progress">
      <progress max={100} value={p} aria-labelledby={id} />{' '}
      <span id={id}>{t('review.results.percent', { percent: p, label })}</span>
    </span>
  );
}

function StaleMark({ s }: { s: Staleness }) {
  const t = useT();
  return (
    <>
      <When at={s.lastUpdate} />
      <br />
      <span>{t('review.staleness.days', { days: s.daysSince })}</span>
      {s.stale ? (
        <>
          <br />
          <strong class="sp-review-stale">{t('review.staleness.stale')}</strong>
        </>
      ) : null}
    </>
  );
}

const reviewLabels = (indicators: IndicatorRow[]): Record<string, MessageKey> => {
  const labels: Record<string, MessageKey> = { status: 'review.form.status', story: 'review.form.story' };
  for (const i of indicators) labels[resultField(i.id)] = 'review.form.result';
  return labels;
};

/** A number input for one indicator's result (the label is the indicator's own name, not a catalog text). */
function ResultField({ indicator, state }: { indicator: IndicatorRow; state: FormState }) {
  const t = useT();
  const locale = useLocale();
  const name = resultField(indicator.id);
  const id = fieldId(name);
  const error = state.errors?.[name];
  const descriptionId = `${id}-description`;
  const errorId = error ? `${id}-error` : undefined;
  const kept = state.values?.[name];
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {indicator.name}
          <span class="sp-optional"> {t('form.optional')}</span>
        </label>
      </div>
      <div class="utrecht-form-field-description" id={descriptionId}>
        {t('review.form.resultHint', {
          target: number(indicator.target_value, locale),
          unit: indicator.unit,
          current: indicator.current_value === null ? t('review.form.noResultYet') : number(indicator.current_value, locale),
        })}
      </div>
      {error ? <div class="utrecht-form-field-error-message" id={errorId}>{t(error.key as MessageKey, error.params)}</div> : null}
      <div class="utrecht-form-field__input">
        <input
          type="text"
          inputmode="decimal"
          id={id}
          name={name}
          value={kept ?? ''}
          autocomplete="off"
          maxlength={20}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ')}
          class={`utrecht-textbox utrecht-textbox--html-input sp-review-number${error ? ' utrecht-textbox--invalid' : ''}`}
        />
      </div>
    </div>
  );
}

function ActivityFacts({ pact, activity, carriedFrom, carriedInto }: { pact: PactSummary; activity: ActivityRow; carriedFrom: CarryLink | null; carriedInto: CarryLink | null }) {
  const t = useT();
  const items: Array<[string, import('hono/jsx').Child]> = [
    [t('review.activity.organisation'), activity.organisation_name],
    [t('review.activity.pillar'), activity.pillar_title],
    [t('review.activity.year'), String(activity.year)],
    [t('review.activity.period'), t('review.activity.periodValue', { from: activity.starts_on, to: activity.ends_on })],
    [t('review.activity.goal'), activity.goal],
    [t('review.activity.status'), <strong>{t(statusKey(activity.status))}</strong>],
  ];
  if (carriedFrom) {
    items.push([t('review.activity.carriedFrom'), <Link href={`${activityBase(pact.slug, carriedFrom)}/review`}>{t('review.activity.carriedFromLink', { year: carriedFrom.year })}</Link>]);
  }
  if (carriedInto) {
    items.push([t('review.activity.carriedInto'), <Link href={`${activityBase(pact.slug, carriedInto)}/review`}>{t('review.activity.carriedIntoLink', { year: carriedInto.year })}</Link>]);
  }
  return <DataList items={items} />;
}

function ReviewHistory({ reviews }: { reviews: ReviewRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="history-heading">
      <Heading level={2} id="history-heading">{t('review.history.title')}</Heading>
      {reviews.length === 0 ? (
        <Paragraph>{t('review.history.none')}</Paragraph>
      ) : (
        <Table
          caption={t('review.history.title')}
          rows={reviews}
          columns={[
            { header: t('review.history.when'), cell: (r) => <When at={r.reviewed_at} /> },
            { header: t('review.history.status'), cell: (r) => t(statusKey(r.status)) },
            {
              header: t('review.history.results'),
              cell: (r) => (r.results.length === 0 ? '—' : (
                <ul class="utrecht-unordered-list sp-review-compact">
                  {r.results.map((x) => <li class="utrecht-unordered-list__item">{`${x.name}: ${number(x.value, locale)}${x.unit ? ` ${x.unit}` : ''}`}</li>)}
                </ul>
              )),
            },
            { header: t('review.history.story'), cell: (r) => r.story || '—' },
          ]}
        />
      )}
    </section>
  );
}

export function ReviewFormPage(props: {
  pact: PactSummary;
  activity: ActivityRow;
  indicators: IndicatorRow[];
  reviews: ReviewRow[];
  carriedFrom: CarryLink | null;
  carriedInto: CarryLink | null;
  state: FormState;
}) {
  const t = useT();
  const { pact, activity, indicators, state } = props;
  const base = activityBase(pact.slug, activity);
  const statusOptions = [{ value: '', label: 'review.form.statusChoose' as MessageKey }, ...reviewStatuses.map((s) => ({ value: s, label: statusKey(s) }))];
  return (
    <>
      <Flash />
      <Heading level={1}>{t('review.form.title', { title: activity.title })}</Heading>
      <ActivityFacts pact={pact} activity={activity} carriedFrom={props.carriedFrom} carriedInto={props.carriedInto} />
      <Paragraph>
        <Link href={agendaActivityHref(pact.slug, activity.year, activity.id)}>{t('review.activity.agendaPage')}</Link>
        {' · '}
        <Link href={`/p/${pact.slug}/agenda/${activity.year}/review`}>{t('review.overview.link', { year: activity.year })}</Link>
      </Paragraph>
      {activity.withdrawn_at ? (
        <Alert kind="info"><p class="utrecht-paragraph">{t('review.form.withdrawn')}</p></Alert>
      ) : (
        <section aria-labelledby="review-heading">
          <Heading level={2} id="review-heading">{t('review.form.heading')}</Heading>
          <Paragraph>{t('review.form.intro')}</Paragraph>
          <ErrorSummary state={state} labels={reviewLabels(indicators)} />
          <form method="post" action={`${base}/review`} class="utrecht-form sp-form" novalidate>
            <CsrfField />
            <Field name="status" label="review.form.status" state={state} options={statusOptions} />
            {indicators.length > 0 ? (
              <fieldset class="utrecht-form-fieldset">
                <legend class="utrecht-form-fieldset__legend">{t('review.form.results')}</legend>
                {indicators.map((i) => <ResultField indicator={i} state={state} />)}
              </fieldset>
            ) : (
              <Paragraph>{t('review.form.noIndicators')}</Paragraph>
            )}
            <Field name="story" label="review.form.story" description="review.form.storyHint" state={state} multiline rows={4} maxlength={storyMaxLength} optional />
            <Button>{t('review.form.submit')}</Button>
          </form>
        </section>
      )}
      {!props.carriedInto && ['planned', 'in_progress', 'delayed'].includes(activity.status) && !activity.withdrawn_at ? (
        <Paragraph>
          <ButtonLink href={`${base}/carry-over`}>{t('review.carry.link', { year: activity.year + 1 })}</ButtonLink>
        </Paragraph>
      ) : null}
      <ReviewHistory reviews={props.reviews} />
    </>
  );
}

function refusalText(t: T, refusal: CarryOverRefusal): string {
  switch (refusal.reason) {
    case 'withdrawn': return t('review.carry.refused.withdrawn');
    case 'finished': return t('review.carry.refused.finished', { status: t(statusKey(refusal.status)) });
    case 'already-carried': return t('review.carry.refused.already', { year: refusal.carriedYear });
    case 'next-year-missing': return t('review.carry.refused.missing', { year: refusal.nextYear });
    case 'next-year-locked': return t('review.carry.refused.locked', { year: refusal.nextYear });
    case 'pillar-archived': return t('review.carry.refused.archived');
  }
}

export function CarryOverPage(props: {
  pact: PactSummary;
  activity: ActivityRow;
  carriedFrom: CarryLink | null;
  carriedInto: CarryLink | null;
  refusal: CarryOverRefusal | null;
  period: CarryOverPeriod;
  state: FormState;
}) {
  const t = useT();
  const { pact, activity, refusal, state } = props;
  const base = activityBase(pact.slug, activity);
  const next = activity.year + 1;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('review.carry.title', { title: activity.title, year: next })}</Heading>
      <ActivityFacts pact={pact} activity={activity} carriedFrom={props.carriedFrom} carriedInto={props.carriedInto} />
      {refusal ? (
        <div class="utrecht-alert utrecht-alert--warning sp-error-summary" role="alert" tabindex={-1} autofocus>
          <div class="utrecht-alert__content">
            <p class="utrecht-paragraph">{refusalText(t, refusal)}</p>
            {refusal.reason === 'already-carried' && props.carriedInto ? (
              <p class="utrecht-paragraph">
                <Link href={`${activityBase(pact.slug, props.carriedInto)}/review`}>{t('review.activity.carriedIntoLink', { year: props.carriedInto.year })}</Link>
              </p>
            ) : null}
            {refusal.reason === 'next-year-missing' || refusal.reason === 'next-year-locked' ? (
              <p class="utrecht-paragraph"><Link href={`/p/${pact.slug}/agenda`}>{t('review.carry.agendaLink')}</Link></p>
            ) : null}
          </div>
        </div>
      ) : (
        <section aria-labelledby="carry-heading">
          <Heading level={2} id="carry-heading">{t('review.carry.heading')}</Heading>
          <Paragraph>{t('review.carry.intro', { year: next })}</Paragraph>
          <ErrorSummary state={state} labels={{ startsOn: 'review.carry.startsOn', endsOn: 'review.carry.endsOn' }} />
          <form method="post" action={`${base}/carry-over`} class="utrecht-form sp-form" novalidate>
            <CsrfField />
            <Field name="startsOn" label="review.carry.startsOn" type="date" description="review.carry.dateHint" state={state} value={props.period.startsOn} />
            <Field name="endsOn" label="review.carry.endsOn" type="date" description="review.carry.dateHint" state={state} value={props.period.endsOn} />
            <Button>{t('review.carry.submit', { year: next })}</Button>
          </form>
        </section>
      )}
      <Paragraph><Link href={`${base}/review`}>{t('review.carry.back')}</Link></Paragraph>
    </>
  );
}

export interface OverviewEntry {
  activity: YearActivityRow;
  staleness: Staleness;
  canEdit: boolean;
}

export interface OverviewFilters {
  pillar: string;
  organisation: string;
  status: string;
}

export function ReviewOverviewPage(props: {
  pact: PactSummary;
  year: AgendaYearRow;
  entries: OverviewEntry[];
  total: number;
  pillars: Array<{ id: string; title: string }>;
  organisations: Array<{ id: string; name: string }>;
  filters: OverviewFilters;
}) {
  const t = useT();
  const { pact, year, entries, filters } = props;
  const base = `/p/${pact.slug}/agenda/${year.year}`;
  const stale = entries.filter((e) => e.staleness.stale).length;
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
  const select = (name: keyof OverviewFilters, label: MessageKey, options: Array<{ value: string; label: string }>) => (
    <div class="utrecht-form-field utrecht-form-field--text">
      <div class="utrecht-form-field__label"><label class="utrecht-form-label" for={fieldId(name)}>{t(label)}</label></div>
      <div class="utrecht-form-field__input">
        <select id={fieldId(name)} name={name} class="utrecht-select utrecht-select--html-select">
          <option value="">{t('review.overview.all')}</option>
          {options.map((o) => <option value={o.value} selected={o.value === filters[name]}>{o.label}</option>)}
        </select>
      </div>
    </div>
  );
  return (
    <>
      <Flash />
      <Heading level={1}>{t('review.overview.title', { year: year.year })}</Heading>
      <Paragraph>{t('review.overview.intro')}</Paragraph>
      <Paragraph>
        <Link href={`${base}/results`}>{t('review.results.link', { year: year.year })}</Link>
        {' · '}
        <Link href={`${base}/review.csv${query ? `?${query}` : ''}`}>{t('review.overview.export')}</Link>
      </Paragraph>
      <form method="get" action={`${base}/review`} class="utrecht-form sp-form sp-review-filters">
        {select('pillar', 'review.overview.pillar', props.pillars.map((p) => ({ value: p.id, label: p.title })))}
        {select('organisation', 'review.overview.organisation', props.organisations.map((o) => ({ value: o.id, label: o.name })))}
        {select('status', 'review.overview.status', (['planned', 'in_progress', 'delayed', 'done', 'stopped'] as const).map((s) => ({ value: s, label: t(statusKey(s)) })))}
        <Button kind="secondary">{t('review.overview.filter')}</Button>
      </form>
      <Paragraph>{t('review.overview.count', { shown: entries.length, total: props.total, stale })}</Paragraph>
      {entries.length === 0 ? (
        <Paragraph>{t('review.overview.none')}</Paragraph>
      ) : (
        <Table
          caption={t('review.overview.title', { year: year.year })}
          rows={entries}
          columns={[
            { header: t('review.overview.activity'), cell: (e) => <Link href={agendaActivityHref(pact.slug, year.year, e.activity.id)}>{e.activity.title}</Link> },
            { header: t('review.overview.organisation'), cell: (e) => e.activity.organisation_name },
            { header: t('review.overview.pillar'), cell: (e) => e.activity.pillar_title },
            { header: t('review.overview.status'), cell: (e) => t(statusKey(e.activity.status)) },
            { header: t('review.overview.lastUpdate'), cell: (e) => <StaleMark s={e.staleness} /> },
            {
              header: t('review.overview.actions'),
              cell: (e) => (e.canEdit ? (
                <>
                  <Link href={`${activityBase(pact.slug, e.activity)}/review`}>{t('review.overview.review', { title: e.activity.title })}</Link>
                  {!e.activity.carried_into && ['planned', 'in_progress', 'delayed'].includes(e.activity.status) ? (
                    <>
                      <br />
                      <Link href={`${activityBase(pact.slug, e.activity)}/carry-over`}>{t('review.overview.carry', { title: e.activity.title })}</Link>
                    </>
                  ) : null}
                  {e.activity.carried_into ? (
                    <>
                      <br />
                      <Link href={agendaActivityHref(pact.slug, e.activity.carried_into.year, e.activity.carried_into.id)}>{t('review.activity.carriedIntoLink', { year: e.activity.carried_into.year })}</Link>
                    </>
                  ) : null}
                </>
              ) : '—'),
            },
          ]}
        />
      )}
    </>
  );
}

const patternDefs: Record<Exclude<PatternKind, 'none'>, (fill: string) => import('hono/jsx').Child> = {
  stripes: (fill) => <><rect width="8" height="8" fill={fill} /><path d="M0 8 L8 0" stroke="#ffffff" stroke-width="1.5" /></>,
  'back-stripes': (fill) => <><rect width="8" height="8" fill={fill} /><path d="M0 0 L8 8" stroke="#ffffff" stroke-width="1.5" /></>,
  dots: (fill) => <><rect width="8" height="8" fill={fill} /><circle cx="4" cy="4" r="1.4" fill="#ffffff" /></>,
  cross: (fill) => <><rect width="8" height="8" fill={fill} /><path d="M0 8 L8 0 M0 0 L8 8" stroke="#ffffff" stroke-width="1" /></>,
  grid: (fill) => <><rect width="8" height="8" fill={fill} /><path d="M4 0 V8 M0 4 H8" stroke="#ffffff" stroke-width="1" /></>,
};

/** The pie with its title and description, a legend, and the data table beside it. */
export function CommitmentsPie({ id, title, data, labelHeader }: { id: string; title: string; data: PieDatum[]; labelHeader: string }) {
  const t = useT();
  const locale = useLocale();
  const slices = pieSlices(data);
  const total = slices.reduce((s, x) => s + x.value, 0);
  const desc = slices.map((s) => t('review.pie.sliceText', { number: s.number, label: s.label, count: number(s.value, locale), percent: Math.round(s.share * 100) })).join('; ');
  return (
    <figure class="sp-review-pie" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} class="utrecht-heading-3">{title}</figcaption>
      {slices.length === 0 ? (
        <Paragraph>{t('review.pie.empty')}</Paragraph>
      ) : (
        <div class="sp-review-pie__body">
          <svg viewBox={`0 0 ${pieSize} ${pieSize}`} width="200" height="200" role="img" aria-labelledby={`${id}-title ${id}-desc`} class="sp-review-pie__chart">
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{desc}</desc>
            <defs>
              {slices.filter((s) => s.pattern !== 'none').map((s) => (
                <pattern id={`${id}-p${s.number}`} width="8" height="8" patternUnits="userSpaceOnUse">
                  {patternDefs[s.pattern as Exclude<PatternKind, 'none'>](s.fill)}
                </pattern>
              ))}
            </defs>
            {slices.map((s) => (
              <path d={s.path} fill={s.pattern === 'none' ? s.fill : `url(#${id}-p${s.number})`} stroke="#ffffff" stroke-width="2" />
            ))}
            {slices.map((s) => (s.labelAt ? (
              <g aria-hidden="true">
                <circle cx={s.labelAt.x} cy={s.labelAt.y} r="10" fill="#ffffff" stroke="#000000" stroke-width="1" />
                <text x={s.labelAt.x} y={s.labelAt.y} text-anchor="middle" dominant-baseline="central" font-size="11" font-weight="bold" fill="#000000">{String(s.number)}</text>
              </g>
            ) : null))}
          </svg>
          <div>
          <Table
            caption={t('review.pie.tableCaption', { title })}
            rows={slices}
            columns={[
              { header: t('review.pie.number'), cell: (s) => (
                <span class="sp-review-pie__key">
                  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <defs>
                      {s.pattern !== 'none' ? (
                        <pattern id={`${id}-k${s.number}`} width="8" height="8" patternUnits="userSpaceOnUse">
                          {patternDefs[s.pattern as Exclude<PatternKind, 'none'>](s.fill)}
                        </pattern>
                      ) : null}
                    </defs>
                    <rect width="16" height="16" fill={s.pattern === 'none' ? s.fill : `url(#${id}-k${s.number})`} stroke="#000000" />
                  </svg>{' '}
                  {String(s.number)}
                </span>
              ) },
              { header: labelHeader, cell: (s) => s.label },
              { header: t('review.pie.count'), cell: (s) => number(s.value, locale), numeric: true },
              { header: t('review.pie.share'), cell: (s) => `${Math.round(s.share * 100)}%`, numeric: true },
            ]}
          />
          <Paragraph>{t('review.pie.total', { count: number(total, locale) })}</Paragraph>
          </div>
        </div>
      )}
    </figure>
  );
}

export interface ResultsEntry {
  activity: YearActivityRow;
  staleness: Staleness;
}

function PillarSection({ pact, year, pillar, entries }: { pact: PactSummary; year: number; pillar: PillarNode; entries: Map<string, ResultsEntry>; }) {
  const t = useT();
  const locale = useLocale();
  const hid = `pillar-${pillar.id}`;
  return (
    <section aria-labelledby={hid}>
      <Heading level={3} id={hid}>{pillar.title}</Heading>
      <Paragraph><ProgressBar share={pillar.progress} id={`${hid}-progress`} label={pillar.title} /></Paragraph>
      {pillar.activities.length === 0 ? <Paragraph>{t('review.results.noActivities')}</Paragraph> : (
        <Table
          caption={t('review.results.activitiesOf', { pillar: pillar.title })}
          rows={pillar.activities}
          columns={[
            {
              header: t('review.overview.activity'),
              cell: (a) => {
                const e = entries.get(a.id);
                return (
                  <>
                    {a.title}
                    {e?.activity.carried_from ? (
                      <><br /><Link href={agendaActivityHref(pact.slug, e.activity.carried_from.year, e.activity.carried_from.id)}>{t('review.activity.carriedFromLink', { year: e.activity.carried_from.year })}</Link></>
                    ) : null}
                    {e?.activity.carried_into ? (
                      <><br /><Link href={agendaActivityHref(pact.slug, e.activity.carried_into.year, e.activity.carried_into.id)}>{t('review.activity.carriedIntoLink', { year: e.activity.carried_into.year })}</Link></>
                    ) : null}
                  </>
                );
              },
            },
            { header: t('review.overview.organisation'), cell: (a) => a.organisationName },
            { header: t('review.overview.status'), cell: (a) => t(statusKey(a.status)) },
            {
              header: t('review.results.indicators'),
              cell: (a) => (a.indicators.length === 0 ? t('review.results.byStatus') : (
                <ul class="utrecht-unordered-list sp-review-compact">
                  {a.indicators.map((i) => (
                    <li class="utrecht-unordered-list__item">
                      {t('review.results.indicatorLine', {
                        name: i.name,
                        current: i.current === null ? '—' : number(i.current, locale),
                        target: number(i.target, locale),
                        unit: i.unit,
                        percent: percent(i.achievement) ?? 0,
                      })}
                    </li>
                  ))}
                </ul>
              )),
            },
            { header: t('review.results.progress'), cell: (a) => <ProgressBar share={a.progress} id={`act-${a.id}-progress`} label={a.title} /> },
            { header: t('review.overview.lastUpdate'), cell: (a) => { const e = entries.get(a.id); return e ? <StaleMark s={e.staleness} /> : '—'; } },
          ]}
        />
      )}
    </section>
  );
}

export function ResultsPage(props: {
  pact: PactSummary;
  year: AgendaYearRow;
  tree: ResultsTree;
  entries: ResultsEntry[];
  previous: number | null;
  next: number | null;
  isMember: boolean;
  byPartner: PieDatum[];
  byPillar: PieDatum[];
}) {
  const t = useT();
  const { pact, year, tree } = props;
  const entries = new Map(props.entries.map((e) => [e.activity.id, e]));
  const stale = props.entries.filter((e) => e.staleness.stale).length;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('review.results.title', { year: year.year })}</Heading>
      {year.published_at === null ? <Alert kind="info"><p class="utrecht-paragraph">{t('review.results.notPublished')}</p></Alert> : null}
      <nav aria-label={t('review.results.yearsNav')} class="sp-review-years">
        <Paragraph>
          {props.previous !== null ? <Link href={`/p/${pact.slug}/agenda/${props.previous}/results`}>{t('review.results.previous', { year: props.previous })}</Link> : null}
          {props.previous !== null && props.next !== null ? ' · ' : null}
          {props.next !== null ? <Link href={`/p/${pact.slug}/agenda/${props.next}/results`}>{t('review.results.next', { year: props.next })}</Link> : null}
          {props.isMember ? <>{props.previous !== null || props.next !== null ? ' · ' : null}<Link href={`/p/${pact.slug}/agenda/${year.year}/review`}>{t('review.overview.link', { year: year.year })}</Link></> : null}
        </Paragraph>
      </nav>
      <Paragraph>{t('review.results.rules')}</Paragraph>
      <section aria-labelledby="total-heading">
        <Heading level={2} id="total-heading">{t('review.results.total')}</Heading>
        <Paragraph><ProgressBar share={tree.total} id="total-progress" label={t('review.results.total')} /></Paragraph>
        <Paragraph>{t('review.results.staleCount', { stale, total: props.entries.length })}</Paragraph>
      </section>
      <section aria-labelledby="pillars-heading">
        <Heading level={2} id="pillars-heading">{t('review.results.perPillar')}</Heading>
        {tree.pillars.map((p) => <PillarSection pact={pact} year={year.year} pillar={p} entries={entries} />)}
      </section>
      <section aria-labelledby="pie-heading">
        <Heading level={2} id="pie-heading">{t('review.pie.title')}</Heading>
        <Paragraph>{t('review.pie.intro')}</Paragraph>
        <CommitmentsPie id="pie-partner" title={t('review.pie.byPartner')} data={props.byPartner} labelHeader={t('review.overview.organisation')} />
        <CommitmentsPie id="pie-pillar" title={t('review.pie.byPillar')} data={props.byPillar} labelHeader={t('review.overview.pillar')} />
      </section>
    </>
  );
}
