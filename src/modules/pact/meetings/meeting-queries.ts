// Queries of the pact's meetings. Every query names the pact; row-level security limits every query
// to the request's pact as well.
import { sql } from 'kysely';
import { updateAtRevision } from '../../../platform/concurrency.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { appendStatusHistory, changeStatus, type StatusStore } from '../../../platform/lifecycle/change-status.ts';
import { meetingLifecycle, type MeetingKind, type MeetingStatus, type MeetingValue, type MeetingVisibility } from './meeting.ts';

export interface MeetingRow {
  id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  ends_at: Date;
  place: string;
  agenda: string;
  visibility: MeetingVisibility;
  status: MeetingStatus;
  other_attendees: number;
  minutes: string;
  updated_at: Date;
  revision: number;
}

export interface MeetingListRow extends MeetingRow {
  decisions: number;
  open_actions: number;
  organisations_present: number;
}

export async function listMeetings(tx: Executor, pactId: string, options: { publicOnly: boolean }): Promise<MeetingListRow[]> {
  const r = await sql<MeetingListRow>`
    select m.id, m.kind, m.title, m.starts_at, m.ends_at, m.place, m.agenda, m.visibility, m.status, m.other_attendees,
           m.minutes, m.updated_at, m.revision,
           (select count(*)::int from meeting_decision d where d.meeting_id = m.id) as decisions,
           (select count(*)::int from meeting_action_item a where a.meeting_id = m.id and a.done_at is null) as open_actions,
           (select count(*)::int from meeting_attendance a where a.meeting_id = m.id) as organisations_present
      from meeting m
     where m.pact_id = ${pactId} and (${!options.publicOnly} or m.visibility = 'public')
     order by m.starts_at, m.title`.execute(tx);
  return r.rows;
}

/** Public meetings that have not ended at `now`, for the iCalendar feed. */
export async function listUpcomingPublicMeetings(tx: Executor, pactId: string, now: Date): Promise<MeetingRow[]> {
  const r = await sql<MeetingRow>`
    select id, kind, title, starts_at, ends_at, place, agenda, visibility, status, other_attendees, minutes, updated_at, revision
      from meeting where pact_id = ${pactId} and visibility = 'public' and ends_at > ${now} order by starts_at limit 500`.execute(tx);
  return r.rows;
}

export async function findMeeting(tx: Executor, pactId: string, id: string): Promise<MeetingRow | undefined> {
  const r = await sql<MeetingRow>`
    select id, kind, title, starts_at, ends_at, place, agenda, visibility, status, other_attendees, minutes, updated_at, revision
      from meeting where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

/** Where a meeting's status lives: `meeting.status`, with its history in `meeting_status_change`. */
const meetingStatusStore: StatusStore = {
  table: 'meeting',
  pactColumn: 'pact_id',
  history: { table: 'meeting_status_change', recordColumn: 'meeting_id' },
};

/** Adds a meeting in its first status, with the first row of its status history. */
export async function insertMeeting(tx: Executor, pactId: string, v: MeetingValue, by: string | null, now: Date): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into meeting (pact_id, kind, title, starts_at, ends_at, place, agenda, visibility, status, minutes, created_by, created_at, updated_at)
    values (${pactId}, ${v.kind}, ${v.title}, ${v.startsAt}, ${v.endsAt}, ${v.place}, ${v.agenda}, ${v.visibility}, ${meetingLifecycle.initial}, ${v.minutes},
            ${by}, ${now}, ${now})
    returning id`.execute(tx);
  const id = r.rows[0]!.id;
  await appendStatusHistory<MeetingStatus>(tx, meetingStatusStore, {
    pactId, id, from: null, to: meetingLifecycle.initial, at: now, history: { changed_by: by },
  });
  return id;
}

/**
 * Saves a meeting's details (not its status) when it is still at the form's `revision`, and raises
 * the revision; false when someone else saved first (or the form carried no revision).
 */
export async function updateMeetingDetails(tx: Executor, id: string, v: MeetingValue, revision: number | undefined, now: Date): Promise<boolean> {
  if (revision === undefined) return false;
  return updateAtRevision(tx, 'meeting', id, revision, {
    kind: v.kind, title: v.title, starts_at: v.startsAt, ends_at: v.endsAt, place: v.place, agenda: v.agenda,
    visibility: v.visibility, minutes: v.minutes, updated_at: now,
  });
}

/** Moves a meeting from `from` to `to` (only when it is still in `from`), with its history row. */
export async function changeMeetingStatus(
  tx: Executor, pactId: string, meetingId: string, from: MeetingStatus, to: MeetingStatus, by: string | null, now: Date,
): Promise<boolean> {
  return changeStatus(tx, meetingStatusStore, { pactId, id: meetingId, from, to, at: now, set: { updated_at: now }, history: { changed_by: by } });
}

export async function listMeetingStatusHistory(tx: Executor, pactId: string, meetingId: string): Promise<Array<{ from_status: MeetingStatus | null; to_status: MeetingStatus; changed_at: Date }>> {
  const r = await sql<{ from_status: MeetingStatus | null; to_status: MeetingStatus; changed_at: Date }>`
    select from_status, to_status, changed_at from meeting_status_change where meeting_id = ${meetingId} and pact_id = ${pactId} order by id`.execute(tx);
  return r.rows;
}

export async function listAttendance(tx: Executor, pactId: string, meetingId: string): Promise<Array<{ id: string; name: string }>> {
  const r = await sql<{ id: string; name: string }>`
    select o.id, o.name from meeting_attendance a join organisation o on o.id = a.organisation_id
     where a.meeting_id = ${meetingId} and a.pact_id = ${pactId} order by o.name`.execute(tx);
  return r.rows;
}

/** Replaces who was present; returns false when an organisation is not one of the pact's. */
export async function replaceAttendance(tx: Executor, pactId: string, meetingId: string, organisations: string[], otherAttendees: number, now: Date): Promise<boolean> {
  if (organisations.length > 0) {
    const known = await sql<{ n: number }>`
      select count(*)::int as n from organisation where id = any(${organisations}::uuid[]) and pact_id = ${pactId}`.execute(tx);
    if (known.rows[0]!.n !== organisations.length) return false;
  }
  await sql`delete from meeting_attendance where meeting_id = ${meetingId} and pact_id = ${pactId}`.execute(tx);
  for (const organisationId of organisations) {
    await sql`insert into meeting_attendance (meeting_id, organisation_id, pact_id) values (${meetingId}, ${organisationId}, ${pactId})`.execute(tx);
  }
  await sql`update meeting set other_attendees = ${otherAttendees}, updated_at = ${now} where id = ${meetingId} and pact_id = ${pactId}`.execute(tx);
  return true;
}

export interface DecisionRow { id: string; text: string; recorded_at: Date }

export async function listDecisions(tx: Executor, pactId: string, meetingId: string): Promise<DecisionRow[]> {
  const r = await sql<DecisionRow>`
    select id, text, recorded_at from meeting_decision where meeting_id = ${meetingId} and pact_id = ${pactId} order by recorded_at, id`.execute(tx);
  return r.rows;
}

export async function insertDecision(tx: Executor, pactId: string, meetingId: string, text: string, by: string | null, now: Date): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into meeting_decision (pact_id, meeting_id, text, recorded_by, recorded_at) values (${pactId}, ${meetingId}, ${text}, ${by}, ${now})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export interface ActionItemRow {
  id: string;
  meeting_id: string;
  text: string;
  owner_organisation_id: string;
  owner_name: string;
  due_on: string | null;
  activity_id: string | null;
  activity_title: string | null;
  done_at: Date | null;
}

const actionItemColumns = sql`
  a.id, a.meeting_id, a.text, a.owner_organisation_id, o.name as owner_name, to_char(a.due_on, 'YYYY-MM-DD') as due_on,
  a.activity_id, act.title as activity_title, a.done_at`;

export async function listActionItems(tx: Executor, pactId: string, meetingId: string): Promise<ActionItemRow[]> {
  const r = await sql<ActionItemRow>`
    select ${actionItemColumns}
      from meeting_action_item a join organisation o on o.id = a.owner_organisation_id left join activity act on act.id = a.activity_id
     where a.meeting_id = ${meetingId} and a.pact_id = ${pactId} order by a.created_at, a.id`.execute(tx);
  return r.rows;
}

/** Action items of meetings that link this activity, with their meeting: for the activity's page. */
export async function listActionItemsForActivity(tx: Executor, pactId: string, activityId: string): Promise<Array<ActionItemRow & { meeting_title: string; meeting_starts_at: Date; meeting_visibility: MeetingVisibility }>> {
  const r = await sql<ActionItemRow & { meeting_title: string; meeting_starts_at: Date; meeting_visibility: MeetingVisibility }>`
    select ${actionItemColumns}, m.title as meeting_title, m.starts_at as meeting_starts_at, m.visibility as meeting_visibility
      from meeting_action_item a join meeting m on m.id = a.meeting_id join organisation o on o.id = a.owner_organisation_id
      left join activity act on act.id = a.activity_id
     where a.activity_id = ${activityId} and a.pact_id = ${pactId} order by m.starts_at, a.created_at`.execute(tx);
  return r.rows;
}

export async function insertActionItem(
  tx: Executor, pactId: string, meetingId: string,
  v: { text: string; owner: string; dueOn: string | null; activityId: string | null }, by: string | null, now: Date,
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into meeting_action_item (pact_id, meeting_id, text, owner_organisation_id, due_on, activity_id, created_by, created_at)
    values (${pactId}, ${meetingId}, ${v.text}, ${v.owner}, ${v.dueOn}::date, ${v.activityId}, ${by}, ${now})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function setActionItemDone(tx: Executor, pactId: string, meetingId: string, itemId: string, done: boolean, now: Date): Promise<boolean> {
  const r = await sql`
    update meeting_action_item set done_at = ${done ? now : null}
     where id = ${itemId} and meeting_id = ${meetingId} and pact_id = ${pactId}`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Whether this is an organisation of the pact (one of another pact is not). */
export async function organisationExists(tx: Executor, pactId: string, id: string): Promise<boolean> {
  const r = await sql<{ id: string }>`select id from organisation where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows.length === 1;
}

/** The pact's activities to link an action item to (newest years first), when the agenda has any. */
export async function listActivityChoices(tx: Executor, pactId: string): Promise<Array<{ id: string; title: string; year: number }>> {
  const r = await sql<{ id: string; title: string; year: number }>`
    select a.id, a.title, y.year from activity a join agenda_year y on y.id = a.agenda_year_id
     where a.pact_id = ${pactId} and a.withdrawn_at is null order by y.year desc, a.title limit 1000`.execute(tx);
  return r.rows;
}

/** Whether this is an activity of the pact (one of another pact is not). */
export async function activityExists(tx: Executor, pactId: string, id: string): Promise<boolean> {
  const r = await sql<{ id: string }>`select id from activity where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows.length === 1;
}

/** An upcoming public meeting as the API shows it. `starts_key` is its start to the microsecond, for the cursor. */
export interface PublicMeetingRow {
  id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  ends_at: Date;
  starts_key: string;
  place: string;
  agenda: string;
  status: MeetingStatus;
  updated_at: Date;
}

/**
 * One page of the pact's public meetings that have not ended at `now` (as the iCalendar feed has
 * them, cancelled ones included), by start (then id), starting after `after`; one row more than
 * `limit`, so the caller knows whether a next page exists. Driven by meeting_pact_starts_idx. The
 * start in the cursor is text to the microsecond: a JavaScript Date keeps milliseconds only, and a
 * rounded start would repeat or skip a meeting at a page boundary.
 */
export async function pageUpcomingPublicMeetings(
  tx: Executor,
  pactId: string,
  now: Date,
  page: { limit: number; after: readonly [string, string] | null; modifiedAfter: Date | null },
): Promise<PublicMeetingRow[]> {
  const after = page.after ? sql`and (starts_at, id) > (${page.after[0]}::timestamptz, ${page.after[1]}::uuid)` : sql``;
  const changed = page.modifiedAfter ? sql`and updated_at > ${page.modifiedAfter}` : sql``;
  const r = await sql<PublicMeetingRow>`
    select id, kind, title, starts_at, ends_at, to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as starts_key,
           place, agenda, status, updated_at
      from meeting
     where pact_id = ${pactId} and visibility = 'public' and ends_at > ${now} ${changed} ${after}
     order by starts_at, id limit ${page.limit + 1}`.execute(tx);
  return r.rows;
}
