// Queries of the pact's stories. Every query names the pact; row-level security limits every query
// to the request's pact as well.
import { sql } from 'kysely';
import { updateAtRevision } from '../../../platform/concurrency.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { appendStatusHistory, changeStatus, type StatusStore } from '../../../platform/lifecycle/change-status.ts';
import type { Consent, ConsentMethod, StoryKind, StoryStatus, StoryVisibility } from './story.ts';

export interface StoryRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  pillar_id: string | null;
  pillar_title: string | null;
  kind: StoryKind;
  title: string;
  body: string;
  visibility: StoryVisibility;
  status: StoryStatus;
  about_person: boolean;
  published_at: Date | null;
  updated_at: Date;
  revision: number;
}

const columns = sql`
  s.id, s.organisation_id, o.name as organisation_name, s.pillar_id, p.title as pillar_title, s.kind, s.title, s.body,
  s.visibility, s.status, s.about_person, s.published_at, s.updated_at, s.revision`;

/** Stories for a list: the public sees published public ones only; members see all. */
export async function listStories(tx: Executor, pactId: string, options: { publicOnly: boolean; pillarId?: string | null; kind?: StoryKind | null }): Promise<StoryRow[]> {
  const r = await sql<StoryRow>`
    select ${columns}
      from story s join organisation o on o.id = s.organisation_id left join pillar p on p.id = s.pillar_id
     where s.pact_id = ${pactId} and (${!options.publicOnly} or (s.status = 'published' and s.visibility = 'public'))
       and (${options.pillarId ?? null}::uuid is null or s.pillar_id = ${options.pillarId ?? null}::uuid)
       and (${options.kind ?? null}::text is null or s.kind = ${options.kind ?? null}::text)
     order by coalesce(s.published_at, s.created_at) desc, s.title`.execute(tx);
  return r.rows;
}

export async function findStory(tx: Executor, pactId: string, id: string): Promise<StoryRow | undefined> {
  const r = await sql<StoryRow>`
    select ${columns}
      from story s join organisation o on o.id = s.organisation_id left join pillar p on p.id = s.pillar_id
     where s.id = ${id} and s.pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export async function findConsent(tx: Executor, pactId: string, storyId: string): Promise<Consent | null> {
  const r = await sql<{ person_name: string; given_on: string; method: ConsentMethod; scope: string; withdrawn_on: string | null }>`
    select person_name, to_char(given_on, 'YYYY-MM-DD') as given_on, method, scope, to_char(withdrawn_on, 'YYYY-MM-DD') as withdrawn_on
      from story_consent where story_id = ${storyId} and pact_id = ${pactId}`.execute(tx);
  const row = r.rows[0];
  return row ? { personName: row.person_name, givenOn: row.given_on, method: row.method, scope: row.scope, withdrawnOn: row.withdrawn_on } : null;
}

export async function listPillarChoices(tx: Executor, pactId: string): Promise<Array<{ id: string; title: string }>> {
  const r = await sql<{ id: string; title: string }>`
    select id, title from pillar where pact_id = ${pactId} and archived_at is null order by position, title`.execute(tx);
  return r.rows;
}

/** Whether this is a pillar of the pact (a pillar of another pact is not). */
export async function pillarExists(tx: Executor, pactId: string, id: string): Promise<boolean> {
  const r = await sql<{ id: string }>`select id from pillar where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows.length === 1;
}

export interface StoryFields {
  title: string;
  body: string;
  kind: StoryKind;
  pillarId: string | null;
  visibility: StoryVisibility;
  status: StoryStatus;
  aboutPerson: boolean;
}

/** Where a story's status lives: `story.status` (and `visibility`), with its history in `story_status_change`. */
const storyStatusStore: StatusStore = {
  table: 'story',
  pactColumn: 'pact_id',
  history: { table: 'story_status_change', recordColumn: 'story_id' },
};

/** Adds a story with the first row of its history (reason `created`). */
export async function insertStory(tx: Executor, pactId: string, organisationId: string, v: StoryFields, by: string | null, now: Date): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into story (pact_id, organisation_id, pillar_id, kind, title, body, visibility, status, about_person, published_at, created_by, created_at, updated_at)
    values (${pactId}, ${organisationId}, ${v.pillarId}, ${v.kind}, ${v.title}, ${v.body}, ${v.visibility}, ${v.status}, ${v.aboutPerson},
            ${v.status === 'published' ? now : null}, ${by}, ${now}, ${now})
    returning id`.execute(tx);
  const id = r.rows[0]!.id;
  await appendStatusHistory<StoryStatus>(tx, storyStatusStore, {
    pactId, id, from: null, to: v.status, at: now,
    history: { from_visibility: null, to_visibility: v.visibility, reason: 'created', changed_by: by },
  });
  return id;
}

/**
 * Saves a story's text and details (not its status or visibility) when it is still at `revision`,
 * and raises the revision; false when someone else saved first (or the form carried no revision).
 */
export async function updateStoryContent(
  tx: Executor, id: string, v: Omit<StoryFields, 'status' | 'visibility'>, revision: number | undefined, now: Date,
): Promise<boolean> {
  if (revision === undefined) return false;
  return updateAtRevision(tx, 'story', id, revision, {
    title: v.title, body: v.body, kind: v.kind, pillar_id: v.pillarId, about_person: v.aboutPerson, updated_at: now,
  });
}

/**
 * Changes a story's status and visibility (only when it is still in `fromStatus`), with its history
 * row; publishing sets `published_at` the first time the story goes from another status to published.
 */
export async function moveStory(
  tx: Executor, pactId: string, storyId: string,
  change: { fromStatus: StoryStatus; toStatus: StoryStatus; fromVisibility: StoryVisibility; toVisibility: StoryVisibility; reason: string },
  by: string | null, now: Date,
): Promise<boolean> {
  return changeStatus(tx, storyStatusStore, {
    pactId, id: storyId, from: change.fromStatus, to: change.toStatus, at: now,
    set: {
      visibility: change.toVisibility,
      ...(change.toStatus === 'published' && change.fromStatus !== 'published' ? { published_at: now } : {}),
      updated_at: now,
    },
    history: { from_visibility: change.fromVisibility, to_visibility: change.toVisibility, reason: change.reason, changed_by: by },
  });
}

export async function saveConsent(tx: Executor, pactId: string, storyId: string, consent: Consent | null, by: string | null, now: Date): Promise<void> {
  if (!consent) {
    await sql`delete from story_consent where story_id = ${storyId} and pact_id = ${pactId}`.execute(tx);
    return;
  }
  await sql`
    insert into story_consent (story_id, pact_id, person_name, given_on, method, scope, withdrawn_on, recorded_by, recorded_at)
    values (${storyId}, ${pactId}, ${consent.personName}, ${consent.givenOn}::date, ${consent.method}, ${consent.scope}, ${consent.withdrawnOn}::date, ${by}, ${now})
    on conflict (story_id) do update set person_name = excluded.person_name, given_on = excluded.given_on, method = excluded.method,
      scope = excluded.scope, withdrawn_on = excluded.withdrawn_on, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`.execute(tx);
}

export interface StoryHistoryRow {
  from_status: StoryStatus | null;
  to_status: StoryStatus;
  from_visibility: StoryVisibility | null;
  to_visibility: StoryVisibility;
  reason: string;
  changed_at: Date;
}

export async function listStoryHistory(tx: Executor, pactId: string, storyId: string): Promise<StoryHistoryRow[]> {
  const r = await sql<StoryHistoryRow>`
    select from_status, to_status, from_visibility, to_visibility, reason, changed_at
      from story_status_change where story_id = ${storyId} and pact_id = ${pactId} order by id`.execute(tx);
  return r.rows;
}
