// Queries of the open umbrella. Every query names the pact, and runs in the request's transaction
// under row-level security as well: only the current pact's rows are there.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { appendStatusHistory, changeStatus as changeStoredStatus, type StatusStore } from '../../../platform/lifecycle/change-status.ts';
import type { InitiativeSearch, SupportKind } from './initiative-forms.ts';
import { initiativeLifecycle, type InitiativeStatus } from './initiative-status.ts';

export interface InitiativeRow {
  id: string;
  title: string;
  description: string;
  target_group: string;
  neighbourhood_id: string | null;
  neighbourhood_name: string | null;
  pillar_id: string | null;
  pillar_title: string | null;
  support_needed: SupportKind[];
  support_notes: string;
  proposer_name: string;
  proposer_email: string;
  proposer_group: string;
  status: InitiativeStatus;
  moderation_message: string;
  created_at: Date;
  confirmed_at: Date | null;
  published_at: Date | null;
  updated_at: Date;
}

export interface StatusChangeRow {
  id: string;
  from_status: InitiativeStatus | null;
  to_status: InitiativeStatus;
  message: string;
  by_name: string | null;
  by_proposer: boolean;
  changed_at: Date;
}

export interface Choice {
  id: string;
  name: string;
}

const columns = sql`
  i.id, i.title, i.description, i.target_group, i.neighbourhood_id, n.name as neighbourhood_name,
  i.pillar_id, pl.title as pillar_title, i.support_needed, i.support_notes, i.proposer_name, i.proposer_email,
  i.proposer_group, i.status, i.moderation_message, i.created_at, i.confirmed_at, i.published_at, i.updated_at`;
const joins = sql`
  left join neighbourhood n on n.id = i.neighbourhood_id
  left join pillar pl on pl.id = i.pillar_id`;

export async function findInitiative(tx: Executor, pactId: string, id: string): Promise<InitiativeRow | undefined> {
  const r = await sql<InitiativeRow>`select ${columns} from initiative i ${joins} where i.id = ${id} and i.pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export async function findByConfirmToken(tx: Executor, pactId: string, tokenHash: string): Promise<InitiativeRow | undefined> {
  const r = await sql<InitiativeRow>`
    select ${columns} from initiative i ${joins} where i.confirm_token_hash = ${tokenHash} and i.pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export async function findByStatusToken(tx: Executor, pactId: string, tokenHash: string): Promise<InitiativeRow | undefined> {
  const r = await sql<InitiativeRow>`
    select ${columns} from initiative i ${joins} where i.status_token_hash = ${tokenHash} and i.pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

/** Published initiatives matching the search, newest first. */
export async function searchPublished(tx: Executor, pactId: string, search: InitiativeSearch, limit = 200): Promise<InitiativeRow[]> {
  const pattern = search.q === '' ? null : `%${search.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const r = await sql<InitiativeRow>`
    select ${columns} from initiative i ${joins}
     where i.pact_id = ${pactId} and i.status = 'published'
       and (${search.pillar || null}::uuid is null or i.pillar_id = ${search.pillar || null}::uuid)
       and (${search.neighbourhood || null}::uuid is null or i.neighbourhood_id = ${search.neighbourhood || null}::uuid)
       and (${pattern}::text is null or i.title ilike ${pattern} or i.description ilike ${pattern}
            or i.target_group ilike ${pattern} or i.proposer_group ilike ${pattern})
     order by i.published_at desc nulls last, i.title
     limit ${limit}`.execute(tx);
  return r.rows;
}

/** Every initiative of the pact (for coordinators), newest first. Unconfirmed ones included. */
export async function listAll(tx: Executor, pactId: string): Promise<InitiativeRow[]> {
  const r = await sql<InitiativeRow>`
    select ${columns} from initiative i ${joins} where i.pact_id = ${pactId} order by i.created_at desc, i.id`.execute(tx);
  return r.rows;
}

export async function listStatusChanges(tx: Executor, pactId: string, initiativeId: string): Promise<StatusChangeRow[]> {
  const r = await sql<StatusChangeRow>`
    select c.id::text as id, c.from_status, c.to_status, c.message, p.display_name as by_name, c.by_proposer, c.changed_at
      from initiative_status_change c left join person p on p.id = c.by_person
     where c.initiative_id = ${initiativeId} and c.pact_id = ${pactId}
     order by c.id`.execute(tx);
  return r.rows;
}

/** Neighbourhoods and pillars to choose from (archived pillars take no new initiatives). */
export async function listChoices(tx: Executor, pactId: string): Promise<{ neighbourhoods: Choice[]; pillars: Choice[] }> {
  const n = await sql<Choice>`select id, name from neighbourhood where pact_id = ${pactId} order by name`.execute(tx);
  const p = await sql<Choice>`
    select id, title as name from pillar where pact_id = ${pactId} and archived_at is null order by position, title`.execute(tx);
  return { neighbourhoods: n.rows, pillars: p.rows };
}

/** Whether this is a neighbourhood of the pact (one of another pact is not). */
export async function neighbourhoodExists(tx: Executor, pactId: string, id: string): Promise<boolean> {
  return (await sql`select 1 from neighbourhood where id = ${id} and pact_id = ${pactId}`.execute(tx)).rows.length > 0;
}

/** Whether this is a pillar of the pact that takes new initiatives (not archived). */
export async function openPillarExists(tx: Executor, pactId: string, id: string): Promise<boolean> {
  return (await sql`select 1 from pillar where id = ${id} and pact_id = ${pactId} and archived_at is null`.execute(tx)).rows.length > 0;
}

export async function insertInitiative(
  tx: Executor,
  row: {
    pactId: string; title: string; description: string; targetGroup: string; neighbourhoodId: string | null; pillarId: string | null;
    support: SupportKind[]; supportNotes: string; name: string; email: string; group: string;
    confirmTokenHash: string; statusTokenHash: string; now: Date;
  },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into initiative (pact_id, title, description, target_group, neighbourhood_id, pillar_id, support_needed, support_notes,
                            proposer_name, proposer_email, proposer_group, status, confirm_token_hash, status_token_hash, created_at, updated_at)
    values (${row.pactId}, ${row.title}, ${row.description}, ${row.targetGroup}, ${row.neighbourhoodId}, ${row.pillarId},
            ${`{${row.support.join(',')}}`}::text[], ${row.supportNotes}, ${row.name}, ${row.email}, ${row.group}, 'unconfirmed',
            ${row.confirmTokenHash}, ${row.statusTokenHash}, ${row.now}, ${row.now})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function updateContent(
  tx: Executor,
  pactId: string,
  id: string,
  change: { title: string; description: string; targetGroup: string; neighbourhoodId: string | null; pillarId: string | null; support: SupportKind[]; supportNotes: string; now: Date },
): Promise<void> {
  await sql`
    update initiative set title = ${change.title}, description = ${change.description}, target_group = ${change.targetGroup},
           neighbourhood_id = ${change.neighbourhoodId}, pillar_id = ${change.pillarId},
           support_needed = ${`{${change.support.join(',')}}`}::text[], support_notes = ${change.supportNotes}, updated_at = ${change.now}
     where id = ${id} and pact_id = ${pactId}`.execute(tx);
}

/** Where an initiative's status lives: `initiative.status`, with its history in `initiative_status_change`. */
const initiativeStatusStore: StatusStore = {
  table: 'initiative',
  pactColumn: 'pact_id',
  history: { table: 'initiative_status_change', recordColumn: 'initiative_id' },
};

/**
 * Moves an initiative from `from` to `to` (only when it is still in `from`: a concurrent change
 * makes this return false), with its history row. A coordinator's message is kept on the
 * initiative for the proposer; confirming sets `confirmed_at`, publishing `published_at`; a fresh
 * status link replaces the earlier one.
 */
export async function changeStatus(
  tx: Executor,
  change: {
    pactId: string; id: string; from: InitiativeStatus; to: InitiativeStatus; message: string;
    byPerson: string | null; byProposer: boolean; now: Date; statusTokenHash?: string;
  },
): Promise<boolean> {
  return changeStoredStatus(tx, initiativeStatusStore, {
    pactId: change.pactId, id: change.id, from: change.from, to: change.to, at: change.now,
    set: {
      ...(change.byProposer ? {} : { moderation_message: change.message }),
      ...(change.from === 'unconfirmed' && change.to === 'submitted' ? { confirmed_at: change.now } : {}),
      ...(change.to === 'published' ? { published_at: change.now } : {}),
      ...(change.statusTokenHash ? { status_token_hash: change.statusTokenHash } : {}),
      updated_at: change.now,
    },
    history: { message: change.message, by_person: change.byPerson, by_proposer: change.byProposer },
  });
}

/** The first history row of a new proposal: sent by its proposer, not yet confirmed. */
export async function recordFirstStatus(tx: Executor, pactId: string, id: string, now: Date): Promise<void> {
  await appendStatusHistory<InitiativeStatus>(tx, initiativeStatusStore, {
    pactId, id, from: null, to: initiativeLifecycle.initial, at: now, history: { message: '', by_person: null, by_proposer: true },
  });
}

/** Removes, in every pact, proposals never confirmed and sent before `before` (their history goes with them). */
export async function deleteUnconfirmedBefore(db: Executor, before: Date): Promise<number> {
  const removed = await sql`delete from initiative where status = 'unconfirmed' and created_at < ${before}`.execute(db);
  return Number(removed.numAffectedRows ?? 0);
}

/** A published initiative as the API shows it: what its public page shows, never the proposer's name or e-mail address. */
export type PublishedInitiativeRow = Pick<
  InitiativeRow,
  'id' | 'title' | 'description' | 'target_group' | 'neighbourhood_id' | 'neighbourhood_name' | 'pillar_id' | 'support_needed'
  | 'support_notes' | 'proposer_group' | 'published_at' | 'updated_at'
>;

/**
 * One page of the pact's published initiatives for the API, by id, starting after `after`; one
 * row more than `limit`, so the caller knows whether a next page exists. Only `published`: an
 * initiative that went back to its proposer, was declined or withdrawn is not listed, with
 * `modifiedAfter` either (its text may have changed since it was public). The published ones are
 * found through initiative_pact_status_idx and sorted by id.
 */
export async function pagePublishedInitiatives(
  tx: Executor,
  pactId: string,
  page: { limit: number; after: readonly [string] | null; modifiedAfter: Date | null },
): Promise<PublishedInitiativeRow[]> {
  const after = page.after ? sql`and i.id > ${page.after[0]}::uuid` : sql``;
  const changed = page.modifiedAfter ? sql`and i.updated_at > ${page.modifiedAfter}` : sql``;
  const r = await sql<PublishedInitiativeRow>`
    select i.id, i.title, i.description, i.target_group, i.neighbourhood_id, n.name as neighbourhood_name, i.pillar_id,
           i.support_needed, i.support_notes, i.proposer_group, i.published_at, i.updated_at
      from initiative i left join neighbourhood n on n.id = i.neighbourhood_id
     where i.pact_id = ${pactId} and i.status = 'published' ${changed} ${after}
     order by i.id limit ${page.limit + 1}`.execute(tx);
  return r.rows;
}
