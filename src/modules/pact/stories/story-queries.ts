// Queries of the pact's stories. Every query names the pact; row-level security limits every query
// to the request's pact as well.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
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

export async function insertStory(tx: Executor, pactId: string, organisationId: string, v: StoryFields, by: string | null, now: Date): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into story (pact_id, organisation_id, pillar_id, kind, title, body, visibility, status, about_person, published_at, created_by, created_at, updated_at)
    values (${pactId}, ${organisationId}, ${v.pillarId}, ${v.kind}, ${v.title}, ${v.body}, ${v.visibility}, ${v.status}, ${v.aboutPerson},
            ${v.status === 'published' ? now : null}, ${by}, ${now}, ${now})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

/** Updates a story; returns false when it changed since the form's `expectedRevision`. */
export async function updateStory(tx: Executor, pactId: string, id: string, v: StoryFields, expectedRevision: number | null, now: Date): Promise<boolean> {
  const r = await sql`
    update story set title = ${v.title}, body = ${v.body}, kind = ${v.kind}, pillar_id = ${v.pillarId}, visibility = ${v.visibility},
           status = ${v.status}, about_person = ${v.aboutPerson},
           published_at = case when ${v.status} = 'published' and status <> 'published' then ${now}::timestamptz else published_at end,
           updated_at = ${now}, revision = revision + 1
     where id = ${id} and pact_id = ${pactId} and (${expectedRevision}::int is null or revision = ${expectedRevision}::int)`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
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

export async function insertStoryStatusChange(
  tx: Executor, pactId: string, storyId: string,
  change: { fromStatus: StoryStatus | null; toStatus: StoryStatus; fromVisibility: StoryVisibility | null; toVisibility: StoryVisibility; reason: string },
  by: string | null, now: Date,
): Promise<void> {
  await sql`
    insert into story_status_change (pact_id, story_id, from_status, to_status, from_visibility, to_visibility, reason, changed_by, changed_at)
    values (${pactId}, ${storyId}, ${change.fromStatus}, ${change.toStatus}, ${change.fromVisibility}, ${change.toVisibility}, ${change.reason}, ${by}, ${now})`.execute(tx);
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
