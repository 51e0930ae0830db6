// Reads and writes of agenda years, activities, their partners and indicators. Every statement names
// the pact; row-level security limits every statement to the pact of the request as well. The compiled agenda of a year is loaded in
// three statements whatever its size (activities, partners, indicators), each driven by
// activity_year_idx through the year's id.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ActivityStatus } from './activity.ts';
import type { ActivityInput } from './activity-form.ts';
import type { AgendaYearEventKind, AgendaYearStatus } from './agenda-year-status.ts';

export interface AgendaYearRow {
  id: string;
  year: number;
  status: AgendaYearStatus;
  published_at: Date | null;
  introduction: string;
  updated_at: Date;
}

export interface AgendaYearListRow extends AgendaYearRow {
  activities: number;
  partners: number;
}

export async function listAgendaYears(tx: Executor, pactId: string, publishedOnly: boolean): Promise<AgendaYearListRow[]> {
  const r = await sql<AgendaYearListRow>`
    select y.id, y.year, y.status, y.published_at, y.introduction, y.updated_at,
           count(a.id)::int as activities, count(distinct a.organisation_id)::int as partners
      from agenda_year y
      left join activity a on a.agenda_year_id = y.id and a.withdrawn_at is null
     where y.pact_id = ${pactId} and (${publishedOnly}::boolean = false or y.published_at is not null)
     group by y.id
     order by y.year desc`.execute(tx);
  return r.rows;
}

export async function findAgendaYear(tx: Executor, pactId: string, year: number): Promise<AgendaYearRow | undefined> {
  const r = await sql<AgendaYearRow>`
    select id, year, status, published_at, introduction, updated_at from agenda_year where pact_id = ${pactId} and year = ${year}`.execute(tx);
  return r.rows[0];
}

/** Every year of the pact, oldest first, without counts (the review's year links). */
export async function listAgendaYearStates(tx: Executor, pactId: string): Promise<AgendaYearRow[]> {
  const r = await sql<AgendaYearRow>`
    select id, year, status, published_at, introduction, updated_at from agenda_year where pact_id = ${pactId} order by year`.execute(tx);
  return r.rows;
}

/** The year partners register into when none is named: the latest open one, else the latest. */
export async function defaultRegistrationYear(tx: Executor, pactId: string): Promise<number | null> {
  const r = await sql<{ year: number }>`select year from agenda_year where pact_id = ${pactId} order by (status = 'open') desc, year desc limit 1`.execute(tx);
  return r.rows[0]?.year ?? null;
}

/** Opens a year; null when the pact already has it. */
export async function insertAgendaYear(tx: Executor, pactId: string, year: number, now: Date): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into agenda_year (pact_id, year, status, created_at, updated_at) values (${pactId}, ${year}, 'open', ${now}, ${now})
    on conflict (pact_id, year) do nothing returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}

export async function insertAgendaYearEvent(
  tx: Executor,
  e: { pactId: string; yearId: string; kind: AgendaYearEventKind; note: string; by: string | null; at: Date },
): Promise<void> {
  await sql`
    insert into agenda_year_event (pact_id, agenda_year_id, kind, note, by_person, occurred_at)
    values (${e.pactId}, ${e.yearId}, ${e.kind}, ${e.note}, ${e.by}, ${e.at})`.execute(tx);
}

/** Writes the year's new state, only if nobody changed it since `expectedUpdatedAt` (the page's version). */
export async function updateAgendaYear(
  tx: Executor,
  pactId: string,
  id: string,
  s: { status: AgendaYearStatus; publishedAt: Date | null; introduction: string },
  expectedUpdatedAt: Date,
  now: Date,
): Promise<boolean> {
  const r = await sql`
    update agenda_year set status = ${s.status}, published_at = ${s.publishedAt}, introduction = ${s.introduction}, updated_at = ${now}
     where id = ${id} and pact_id = ${pactId} and date_trunc('milliseconds', updated_at) = ${expectedUpdatedAt}`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface AgendaYearEventRow {
  kind: AgendaYearEventKind;
  note: string;
  by_name: string | null;
  occurred_at: Date;
}

export async function listAgendaYearEvents(tx: Executor, pactId: string, yearId: string): Promise<AgendaYearEventRow[]> {
  const r = await sql<AgendaYearEventRow>`
    select e.kind, e.note, p.display_name as by_name, e.occurred_at
      from agenda_year_event e left join person p on p.id = e.by_person
     where e.agenda_year_id = ${yearId} and e.pact_id = ${pactId} order by e.id desc`.execute(tx);
  return r.rows;
}

// ── The compiled agenda ─────────────────────────────────────────────────────────────────────

/** An indicator of an activity: its target and the result of the latest review (null before any). */
export interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  target_value: number;
  current_value: number | null;
  weight: number;
}

export interface AgendaActivity {
  id: string;
  title: string;
  goal: string;
  description: string;
  responsible_name: string;
  starts_on: string;
  ends_on: string;
  status: ActivityStatus;
  reviewed_at: Date | null;
  carried_from_id: string | null;
  organisation_id: string;
  organisation_name: string;
  organisation_left_on: string | null;
  pillar_id: string;
  pillar_title: string;
  pillar_position: number;
  partners: Array<{ id: string; name: string }>;
  indicators: IndicatorRow[];
}

type ActivityBase = Omit<AgendaActivity, 'partners' | 'indicators'>;

/** Every activity of a year that is not withdrawn, with partners and indicators: three statements. */
export async function loadCompiledAgenda(tx: Executor, pactId: string, yearId: string): Promise<AgendaActivity[]> {
  const activities = await sql<ActivityBase>`
    select a.id, a.title, a.goal, a.description, a.responsible_name, a.starts_on::text as starts_on, a.ends_on::text as ends_on,
           a.status, a.reviewed_at, a.carried_from_id, a.organisation_id, o.name as organisation_name,
           o.left_on::text as organisation_left_on, a.pillar_id, p.title as pillar_title, p.position as pillar_position
      from activity a
      join organisation o on o.id = a.organisation_id
      join pillar p on p.id = a.pillar_id
     where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId} and a.withdrawn_at is null`.execute(tx);
  const partners = await sql<{ activity_id: string; id: string; name: string }>`
    select ap.activity_id, o.id, o.name
      from activity a
      join activity_partner ap on ap.activity_id = a.id
      join organisation o on o.id = ap.organisation_id
     where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId} and a.withdrawn_at is null
     order by o.name`.execute(tx);
  const indicators = await sql<IndicatorRow & { activity_id: string }>`
    select i.activity_id, i.id, i.name, i.unit, i.target_value::float8 as target_value, i.current_value::float8 as current_value,
           i.weight::float8 as weight
      from activity a
      join indicator i on i.activity_id = a.id
     where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId} and a.withdrawn_at is null
     order by i.activity_id, i.position`.execute(tx);
  const byId = new Map<string, AgendaActivity>();
  for (const a of activities.rows) byId.set(a.id, { ...a, partners: [], indicators: [] });
  for (const p of partners.rows) byId.get(p.activity_id)?.partners.push({ id: p.id, name: p.name });
  for (const { activity_id, ...i } of indicators.rows) byId.get(activity_id)?.indicators.push(i);
  return [...byId.values()];
}

/** A cheap fingerprint of everything the compiled agenda shows: changes whenever any of it changes. */
export async function compiledAgendaStamp(tx: Executor, pactId: string, yearId: string): Promise<string> {
  const r = await sql<{ stamp: string }>`
    select concat_ws('|',
      (select count(*) from activity where agenda_year_id = ${yearId} and pact_id = ${pactId} and withdrawn_at is null),
      (select max(greatest(updated_at, coalesce(reviewed_at, updated_at), coalesce(withdrawn_at, updated_at)))::text
         from activity where agenda_year_id = ${yearId} and pact_id = ${pactId}),
      (select max(updated_at)::text from organisation where pact_id = ${pactId}),
      (select max(updated_at)::text from pillar where pact_id = ${pactId}),
      (select count(*) from organisation where pact_id = ${pactId} and left_on is not null),
      (select max(r.id) from activity_review r join activity a on a.id = r.activity_id
        where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId})
    ) as stamp`.execute(tx);
  return r.rows[0]!.stamp;
}

// ── One activity ────────────────────────────────────────────────────────────────────────────

/** One activity with its year, lead partner and pillar: the one row type of an activity, for agenda and review alike. */
export interface ActivityRow {
  id: string;
  agenda_year_id: string;
  year: number;
  year_status: AgendaYearStatus;
  year_published_at: Date | null;
  organisation_id: string;
  organisation_name: string;
  organisation_left_on: string | null;
  pillar_id: string;
  pillar_title: string;
  pillar_archived: boolean;
  title: string;
  goal: string;
  description: string;
  responsible_name: string;
  starts_on: string;
  ends_on: string;
  weight: number;
  status: ActivityStatus;
  carried_from_id: string | null;
  withdrawn_at: Date | null;
  reviewed_at: Date | null;
  updated_at: Date;
  /** Raised by every save of the activity form (and by withdrawing): the edit form's optimistic-concurrency check. */
  revision: number;
}

/** An activity of this pact; undefined for an id of another pact's activity. */
export async function findActivity(tx: Executor, pactId: string, id: string): Promise<ActivityRow | undefined> {
  const r = await sql<ActivityRow>`
    select a.id, a.agenda_year_id, y.year, y.status as year_status, y.published_at as year_published_at,
           a.organisation_id, o.name as organisation_name, o.left_on::text as organisation_left_on,
           a.pillar_id, p.title as pillar_title, p.archived_at is not null as pillar_archived, a.title, a.goal, a.description,
           a.responsible_name, a.starts_on::text as starts_on, a.ends_on::text as ends_on, a.weight::float8 as weight, a.status,
           a.carried_from_id, a.withdrawn_at, a.reviewed_at, a.updated_at, a.revision
      from activity a
      join agenda_year y on y.id = a.agenda_year_id
      join organisation o on o.id = a.organisation_id
      join pillar p on p.id = a.pillar_id
     where a.id = ${id} and a.pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export async function listActivityPartners(tx: Executor, pactId: string, activityId: string): Promise<Array<{ id: string; name: string }>> {
  const r = await sql<{ id: string; name: string }>`
    select o.id, o.name from activity_partner ap join organisation o on o.id = ap.organisation_id
     where ap.activity_id = ${activityId} and ap.pact_id = ${pactId} order by o.name`.execute(tx);
  return r.rows;
}

export async function listIndicators(tx: Executor, pactId: string, activityId: string): Promise<IndicatorRow[]> {
  const r = await sql<IndicatorRow>`
    select id, name, unit, target_value::float8 as target_value, current_value::float8 as current_value, weight::float8 as weight
      from indicator where activity_id = ${activityId} and pact_id = ${pactId} order by position, name`.execute(tx);
  return r.rows;
}

/**
 * The review history as the activity page shows it. A read of the review area's tables
 * (activity_review, indicator_result), which the review area alone writes.
 */
export interface ReviewHistoryEntry {
  id: string;
  status: Exclude<ActivityStatus, 'planned'>;
  story: string;
  reviewed_at: Date;
  results: Array<{ indicator_id: string; value: number }>;
}

export async function listActivityReviews(tx: Executor, pactId: string, activityId: string): Promise<ReviewHistoryEntry[]> {
  const r = await sql<ReviewHistoryEntry>`
    select r.id::text as id, r.status, r.story, r.reviewed_at,
           coalesce((select json_agg(json_build_object('indicator_id', ir.indicator_id, 'value', ir.value::float8))
                       from indicator_result ir where ir.activity_review_id = r.id), '[]'::json) as results
      from activity_review r where r.activity_id = ${activityId} and r.pact_id = ${pactId} order by r.reviewed_at desc, r.id desc`.execute(tx);
  return r.rows;
}

export interface CarryLink {
  id: string;
  year: number;
  organisation_id: string;
}

/** The activity this one was carried over from, and the one it was carried over to. */
export async function findCarryLinks(tx: Executor, pactId: string, activity: { id: string; carried_from_id: string | null }): Promise<{ from: CarryLink | null; to: CarryLink | null }> {
  const r = await sql<CarryLink & { direction: 'from' | 'to' }>`
    select 'from' as direction, a.id, y.year, a.organisation_id from activity a join agenda_year y on y.id = a.agenda_year_id
     where a.id = ${activity.carried_from_id}::uuid and a.pact_id = ${pactId}
    union all
    select 'to', a.id, y.year, a.organisation_id from activity a join agenda_year y on y.id = a.agenda_year_id
     where a.carried_from_id = ${activity.id}::uuid and a.pact_id = ${pactId}`.execute(tx);
  const from = r.rows.find((x) => x.direction === 'from');
  const to = r.rows.find((x) => x.direction === 'to');
  return { from: from ? { id: from.id, year: from.year, organisation_id: from.organisation_id } : null, to: to ? { id: to.id, year: to.year, organisation_id: to.organisation_id } : null };
}

export interface OrganisationActivityRow {
  id: string;
  year: number;
  year_status: AgendaYearStatus;
  title: string;
  pillar_title: string;
  status: ActivityStatus;
  starts_on: string;
  ends_on: string;
  withdrawn_at: Date | null;
}

export async function listOrganisationActivities(tx: Executor, pactId: string, organisationId: string): Promise<OrganisationActivityRow[]> {
  const r = await sql<OrganisationActivityRow>`
    select a.id, y.year, y.status as year_status, a.title, p.title as pillar_title, a.status,
           a.starts_on::text as starts_on, a.ends_on::text as ends_on, a.withdrawn_at
      from activity a join agenda_year y on y.id = a.agenda_year_id join pillar p on p.id = a.pillar_id
     where a.organisation_id = ${organisationId} and a.pact_id = ${pactId}
     order by y.year desc, a.withdrawn_at nulls first, p.position, a.title`.execute(tx);
  return r.rows;
}

// ── A year's activities for the review ─────────────────────────────────────────────────────

/** An activity of a year as the review overview and the results page list it, with its carry-over links. */
export interface YearActivityRow {
  id: string;
  title: string;
  status: ActivityStatus;
  weight: number;
  reviewed_at: Date | null;
  updated_at: Date;
  organisation_id: string;
  organisation_name: string;
  pillar_id: string;
  pillar_title: string;
  carried_from: CarryLink | null;
  carried_into: CarryLink | null;
}

/** The activities of a year (not withdrawn), by pillar, partner and title, with their carry-over links. */
export async function listActivitiesForReview(tx: Executor, pactId: string, yearId: string): Promise<YearActivityRow[]> {
  const r = await sql<Omit<YearActivityRow, 'carried_from' | 'carried_into'> & {
    from_id: string | null; from_org: string | null; from_year: number | null;
    into_id: string | null; into_org: string | null; into_year: number | null;
  }>`
    select a.id, a.title, a.status, a.weight::float8 as weight, a.reviewed_at, a.updated_at,
           a.organisation_id, o.name as organisation_name, a.pillar_id, p.title as pillar_title,
           f.id as from_id, f.organisation_id as from_org, fy.year as from_year,
           n.id as into_id, n.organisation_id as into_org, ny.year as into_year
      from activity a
      join organisation o on o.id = a.organisation_id
      join pillar p on p.id = a.pillar_id
      left join activity f on f.id = a.carried_from_id
      left join agenda_year fy on fy.id = f.agenda_year_id
      left join activity n on n.carried_from_id = a.id
      left join agenda_year ny on ny.id = n.agenda_year_id
     where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId} and a.withdrawn_at is null
     order by p.position, p.title, o.name, a.title, a.id`.execute(tx);
  return r.rows.map(({ from_id, from_org, from_year, into_id, into_org, into_year, ...a }) => ({
    ...a,
    carried_from: from_id ? { id: from_id, organisation_id: from_org!, year: from_year! } : null,
    carried_into: into_id ? { id: into_id, organisation_id: into_org!, year: into_year! } : null,
  }));
}

export interface YearIndicatorRow extends IndicatorRow {
  activity_id: string;
}

/** The indicators of a year's activities (not withdrawn), by activity and position. */
export async function listYearIndicators(tx: Executor, pactId: string, yearId: string): Promise<YearIndicatorRow[]> {
  const r = await sql<YearIndicatorRow>`
    select i.activity_id, i.id, i.name, i.unit, i.target_value::float8 as target_value, i.current_value::float8 as current_value,
           i.weight::float8 as weight
      from indicator i join activity a on a.id = i.activity_id
     where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId} and a.withdrawn_at is null
     order by i.activity_id, i.position, i.name`.execute(tx);
  return r.rows;
}

// ── Choices on the form ─────────────────────────────────────────────────────────────────────

export async function listPillarChoices(tx: Executor, pactId: string, includeId: string | null): Promise<Array<{ id: string; title: string }>> {
  const r = await sql<{ id: string; title: string }>`
    select id, title from pillar where pact_id = ${pactId} and (archived_at is null or id = ${includeId}::uuid) order by position, title`.execute(tx);
  return r.rows;
}

export async function listPartnerChoices(tx: Executor, pactId: string, exceptOrganisationId: string): Promise<Array<{ id: string; name: string }>> {
  const r = await sql<{ id: string; name: string }>`
    select id, name from organisation where pact_id = ${pactId} and id <> ${exceptOrganisationId} order by name`.execute(tx);
  return r.rows;
}

export interface OrganisationStanding {
  id: string;
  name: string;
  left_on: string | null;
}

/** An organisation of this pact with the date it left, if it did; undefined for another pact's organisation. */
export async function findOrganisationStanding(tx: Executor, pactId: string, id: string): Promise<OrganisationStanding | undefined> {
  const r = await sql<OrganisationStanding>`
    select id, name, left_on::text as left_on from organisation where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

// ── Writes ──────────────────────────────────────────────────────────────────────────────────

export async function insertActivity(
  tx: Executor,
  a: { pactId: string; yearId: string; organisationId: string; input: ActivityInput; by: string | null; now: Date },
): Promise<string> {
  const { input } = a;
  const r = await sql<{ id: string }>`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, description, responsible_name,
                          starts_on, ends_on, created_by, created_at, updated_at)
    values (${a.pactId}, ${a.yearId}, ${a.organisationId}, ${input.pillarId}, ${input.title}, ${input.goal}, ${input.description},
            ${input.responsibleName}, ${input.startsOn}::date, ${input.endsOn}::date, ${a.by}, ${a.now}, ${a.now})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

/**
 * Updates the activity only if it is still at the revision the form was made from, and raises the
 * revision (src/platform/concurrency.ts); false when someone saved (or withdrew it) first.
 */
export async function updateActivity(tx: Executor, pactId: string, id: string, input: ActivityInput, expectedRevision: number, now: Date): Promise<boolean> {
  const r = await sql`
    update activity set pillar_id = ${input.pillarId}, title = ${input.title}, goal = ${input.goal}, description = ${input.description},
           responsible_name = ${input.responsibleName}, starts_on = ${input.startsOn}::date, ends_on = ${input.endsOn}::date, updated_at = ${now},
           revision = revision + 1
     where id = ${id} and pact_id = ${pactId} and withdrawn_at is null and revision = ${expectedRevision}`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function replaceActivityPartners(tx: Executor, pactId: string, activityId: string, partnerIds: string[]): Promise<void> {
  await sql`delete from activity_partner where activity_id = ${activityId} and pact_id = ${pactId}`.execute(tx);
  if (partnerIds.length === 0) return;
  await sql`
    insert into activity_partner (activity_id, organisation_id, pact_id)
    select ${activityId}, o.id, ${pactId} from organisation o where o.id = any(${partnerIds}::uuid[]) and o.pact_id = ${pactId}`.execute(tx);
}

/**
 * Sets the indicators by position: rows that exist are updated, new ones added, and ones no longer
 * on the form removed, unless a review already recorded a result for them (those stay, history is kept).
 */
export async function replaceIndicators(tx: Executor, pactId: string, activityId: string, indicators: ActivityInput['indicators']): Promise<void> {
  const existing = await sql<{ id: string; position: number }>`
    select id, position from indicator where activity_id = ${activityId} and pact_id = ${pactId} order by position`.execute(tx);
  const byPosition = new Map(existing.rows.map((r) => [r.position, r.id]));
  for (const [index, i] of indicators.entries()) {
    const position = index + 1;
    const id = byPosition.get(position);
    if (id) {
      await sql`update indicator set name = ${i.name}, unit = ${i.unit}, target_value = ${i.target} where id = ${id} and pact_id = ${pactId}`.execute(tx);
    } else {
      await sql`insert into indicator (pact_id, activity_id, position, name, unit, target_value)
                values (${pactId}, ${activityId}, ${position}, ${i.name}, ${i.unit}, ${i.target})`.execute(tx);
    }
  }
  await sql`
    delete from indicator i where i.activity_id = ${activityId} and i.pact_id = ${pactId} and i.position > ${indicators.length}
       and not exists (select 1 from indicator_result r where r.indicator_id = i.id)`.execute(tx);
}

export async function markActivityWithdrawn(tx: Executor, pactId: string, id: string, now: Date): Promise<boolean> {
  const r = await sql`
    update activity set withdrawn_at = ${now}, updated_at = ${now}, revision = revision + 1
     where id = ${id} and pact_id = ${pactId} and withdrawn_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

// ── The review's mirror and carry-over (the review area calls them through index.ts) ─────────

/** The latest review's result of one indicator of the activity, as its current value. */
export async function setIndicatorCurrentValue(tx: Executor, pactId: string, activityId: string, indicatorId: string, value: number): Promise<void> {
  await sql`update indicator set current_value = ${value}
             where id = ${indicatorId} and activity_id = ${activityId} and pact_id = ${pactId}`.execute(tx);
}

/** The latest review's status and moment. Not an edit of the activity: its revision stays. */
export async function setActivityReviewStatus(tx: Executor, pactId: string, activityId: string, status: ActivityStatus, at: Date): Promise<void> {
  await sql`update activity set status = ${status}, reviewed_at = ${at} where id = ${activityId} and pact_id = ${pactId}`.execute(tx);
}

/**
 * Copies the activity into another year with its partners and indicators (same targets, no
 * results yet). Returns null when it was carried over already: the unique constraint on
 * carried_from_id decides, also between two requests at the same moment.
 */
export async function insertCarriedActivity(
  tx: Executor,
  input: { pactId: string; activityId: string; yearId: string; startsOn: string; endsOn: string; by: string | null; now: Date },
): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, description, responsible_name,
                          starts_on, ends_on, weight, carried_from_id, created_by, created_at, updated_at)
    select pact_id, ${input.yearId}, organisation_id, pillar_id, title, goal, description, responsible_name,
           ${input.startsOn}::date, ${input.endsOn}::date, weight, id, ${input.by}, ${input.now}, ${input.now}
      from activity where id = ${input.activityId} and pact_id = ${input.pactId}
    on conflict (carried_from_id) do nothing
    returning id`.execute(tx);
  const id = r.rows[0]?.id;
  if (!id) return null;
  await sql`
    insert into activity_partner (activity_id, organisation_id, pact_id)
    select ${id}, organisation_id, pact_id from activity_partner where activity_id = ${input.activityId} and pact_id = ${input.pactId}`.execute(tx);
  await sql`
    insert into indicator (pact_id, activity_id, position, name, unit, target_value, weight, created_at)
    select pact_id, ${id}, position, name, unit, target_value, weight, ${input.now} from indicator
     where activity_id = ${input.activityId} and pact_id = ${input.pactId}`.execute(tx);
  return id;
}

/** Which of these organisations are the pact's (an organisation of another pact is not). */
export async function existingOrganisationIds(tx: Executor, pactId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await sql<{ id: string }>`select id from organisation where id = any(${ids}::uuid[]) and pact_id = ${pactId}`.execute(tx);
  return new Set(r.rows.map((x) => x.id));
}

/** Whether the pillar is the pact's and takes activities (not archived, unless it is the activity's own). */
export async function pillarUsable(tx: Executor, pactId: string, id: string, currentPillarId: string | null): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    select exists (select 1 from pillar where id = ${id} and pact_id = ${pactId} and (archived_at is null or id = ${currentPillarId}::uuid)) as ok`.execute(tx);
  return r.rows[0]!.ok;
}

// ── The public API ──────────────────────────────────────────────────────────────────────────

/** A published year as the API lists it. */
export interface PublishedAgendaYearRow {
  year: number;
  status: AgendaYearStatus;
  published_at: Date;
  introduction: string;
  updated_at: Date;
}

/**
 * One page of the pact's published agenda years for the API, oldest first, starting after the year
 * `after`; one row more than `limit`, so the caller knows whether a next page exists. Driven by
 * agenda_year_key (pact_id, year). A year unpublished since is not listed, with `modifiedAfter`
 * either: its agenda is no longer public.
 */
export async function pagePublishedAgendaYears(
  tx: Executor,
  pactId: string,
  page: { limit: number; after: readonly [number] | null; modifiedAfter: Date | null },
): Promise<PublishedAgendaYearRow[]> {
  const after = page.after ? sql`and year > ${page.after[0]}` : sql``;
  const changed = page.modifiedAfter ? sql`and updated_at > ${page.modifiedAfter}` : sql``;
  const r = await sql<PublishedAgendaYearRow>`
    select year, status, published_at, introduction, updated_at
      from agenda_year where pact_id = ${pactId} and published_at is not null ${changed} ${after}
     order by year limit ${page.limit + 1}`.execute(tx);
  return r.rows;
}

/** An activity of a published year as the API shows it, with its co-partners' ids and its indicators. */
export interface AgendaActivityApiRow {
  id: string;
  title: string;
  goal: string;
  description: string;
  starts_on: string;
  ends_on: string;
  status: ActivityStatus;
  reviewed_at: Date | null;
  carried_from_id: string | null;
  organisation_id: string;
  pillar_id: string;
  withdrawn_at: Date | null;
  /** The later of the last save and the last review: a review changes the status and the results, not `updated_at`. */
  changed_at: Date;
  partner_ids: string[];
  indicators: Array<{ id: string; name: string; unit: string; target_value: number; current_value: number | null }>;
}

/**
 * One page of a published year's activities for the API, by id, starting after `after`; one row
 * more than `limit`, so the caller knows whether a next page exists. Null when the pact has no such
 * year or it is not published. One statement, with the year's lookup (a page is a round trip less):
 * the year, then its page of activities, whose co-partners and indicators come as JSON with their
 * rows (`activity_partner`'s primary key, indicator_activity_idx). Without `modifiedAfter` the
 * activities on the agenda; with it those saved or reviewed since, and also those withdrawn since
 * that were on the published agenda (withdrawn at or after its publication), so a copy learns of the
 * withdrawal. The responsible person's name is not read: the API does not give it.
 */
export async function pagePublishedActivities(
  tx: Executor,
  pactId: string,
  year: number,
  page: { limit: number; after: readonly [string] | null; modifiedAfter: Date | null },
): Promise<AgendaActivityApiRow[] | null> {
  const after = page.after ? sql`and a.id > ${page.after[0]}::uuid` : sql``;
  const shown = page.modifiedAfter
    ? sql`and greatest(a.updated_at, a.reviewed_at) > ${page.modifiedAfter}
          and (a.withdrawn_at is null or a.withdrawn_at >= y.published_at)`
    : sql`and a.withdrawn_at is null`;
  const r = await sql<{ [K in keyof AgendaActivityApiRow]: AgendaActivityApiRow[K] | null }>`
    select a.*
      from agenda_year y
      left join lateral (
        select a.id, a.title, a.goal, a.description, a.starts_on::text as starts_on, a.ends_on::text as ends_on, a.status,
               a.reviewed_at, a.carried_from_id, a.organisation_id, a.pillar_id, a.withdrawn_at,
               greatest(a.updated_at, a.reviewed_at) as changed_at,
               coalesce((select json_agg(ap.organisation_id order by ap.organisation_id)
                           from activity_partner ap where ap.activity_id = a.id), '[]'::json) as partner_ids,
               coalesce((select json_agg(json_build_object('id', i.id, 'name', i.name, 'unit', i.unit,
                                                           'target_value', i.target_value::float8, 'current_value', i.current_value::float8)
                                         order by i.position, i.name)
                           from indicator i where i.activity_id = a.id), '[]'::json) as indicators
          from activity a
         where a.agenda_year_id = y.id and a.pact_id = ${pactId} ${shown} ${after}
         order by a.id limit ${page.limit + 1}
      ) a on true
     where y.pact_id = ${pactId} and y.year = ${year} and y.published_at is not null
     order by a.id`.execute(tx);
  // No row: no such published year. One row without an id: the year has no activities (on this page).
  if (r.rows.length === 0) return null;
  return r.rows.filter((row): row is AgendaActivityApiRow => row.id !== null);
}
