// The audit log (NEN 7513 style): who, acting for which organisation, did what to which record,
// when and why — written in the same transaction as the change or the read it describes.
// Entries form one hash chain per pact (and a 'system' chain for events outside any pact): each
// entry's hash covers its content and the previous hash, so an edited or removed entry breaks
// the chain, and `verifyAuditChains` names the first broken entry.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Executor, Tx } from '../db/database.ts';
import type { AuditPurpose } from './purposes.ts';

export interface AuditActor {
  personId: string | null;
  organisationId?: string | null;
  role?: string | null;
}

export interface AuditEntry {
  pactId: string | null;
  actor: AuditActor;
  /** What happened, as `record-type.verb`, e.g. `organisation.update`, `membership.list`. */
  action: string;
  recordType?: string;
  recordId?: string;
  /** The person whose personal data was read or changed, so a person can see who looked at their data. */
  subjectPersonId?: string | null;
  /** Why: the purpose of the processing, e.g. `pact-administration`, `account`, `security`. */
  purpose: AuditPurpose;
  requestId?: string | null;
  /** Ids and codes only: never names, e-mail addresses or free text about a person. */
  details?: Record<string, string | number | boolean | null | string[]>;
  occurredAt: Date;
}

export const GENESIS_HASH = '0'.repeat(64);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export interface StoredAuditEvent {
  chain: string;
  seq: number;
  pact_id: string | null;
  occurred_at: Date;
  actor_person_id: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  subject_person_id: string | null;
  purpose: string;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export function hashAuditEvent(e: Omit<StoredAuditEvent, 'hash'>): string {
  const content = [
    e.chain,
    e.seq,
    e.pact_id,
    e.occurred_at.toISOString(),
    e.actor_person_id,
    e.actor_organisation_id,
    e.actor_role,
    e.action,
    e.record_type,
    e.record_id,
    e.subject_person_id,
    e.purpose,
    e.request_id,
    canonical(e.details),
    e.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export function chainOf(pactId: string | null): string {
  return pactId ?? 'system';
}

// A request's entries are collected while it runs and appended together just before its
// transaction commits (`inAuditedTransaction`), so the chain's row lock is held for the few
// milliseconds of the append and the commit, not through the rendering of a page or a PDF. The
// entries stay in the same transaction as the change or the read they describe: if the work
// fails, its entries are rolled back with it, and a commit never lands without them.
const trails = new WeakMap<object, AuditEntry[]>();

/**
 * The one way to write to the audit log. Inside `inAuditedTransaction` the entry joins the
 * transaction's trail and is appended before commit; elsewhere (command line, demo data, tests)
 * it is appended at once. Either way it is written in `tx`.
 */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const trail = trails.get(tx);
  if (trail) {
    trail.push(entry);
    return;
  }
  await appendAuditEntries(tx, [entry]);
}

/** Runs `work` in a transaction whose audit entries are appended in one go just before commit. */
export async function inAuditedTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    trails.set(tx, []);
    const result = await work(tx);
    await flushAuditTrail(tx);
    return result;
  });
}

/** Appends what the transaction's trail holds now (also called by inAuditedTransaction before commit). */
export async function flushAuditTrail(tx: Tx): Promise<void> {
  const trail = trails.get(tx);
  if (!trail || trail.length === 0) return;
  trails.set(tx, []);
  await appendAuditEntries(tx, trail);
}

/**
 * Appends entries to their chains: per chain (in a fixed order, so two transactions never wait on
 * each other crosswise) one statement locks the chain's head row and reads it, and one statement
 * inserts every entry and moves the head. `select … for update` waits for a concurrent writer and
 * then reads the head as that writer committed it, so the chain cannot fork.
 */
export async function appendAuditEntries(tx: Executor, entries: readonly AuditEntry[]): Promise<void> {
  const byChain = new Map<string, AuditEntry[]>();
  for (const entry of entries) {
    const chain = chainOf(entry.pactId);
    const list = byChain.get(chain);
    if (list) list.push(entry);
    else byChain.set(chain, [entry]);
  }
  for (const chain of [...byChain.keys()].sort()) {
    const head = await sql<{ seq: number; hash: string }>`
      select seq, hash from audit_chain_head where chain = ${chain} for update`.execute(tx);
    const previous = head.rows[0];
    if (!previous) throw new Error(`No audit chain head for chain ${chain}`);
    let seq = Number(previous.seq);
    let prevHash = previous.hash;
    const events: StoredAuditEvent[] = [];
    for (const entry of byChain.get(chain)!) {
      seq += 1;
      const event: Omit<StoredAuditEvent, 'hash'> = {
        chain,
        seq,
        pact_id: entry.pactId,
        occurred_at: new Date(entry.occurredAt.getTime()),
        actor_person_id: entry.actor.personId,
        actor_organisation_id: entry.actor.organisationId ?? null,
        actor_role: entry.actor.role ?? null,
        action: entry.action,
        record_type: entry.recordType ?? null,
        record_id: entry.recordId ?? null,
        subject_person_id: entry.subjectPersonId ?? null,
        purpose: entry.purpose,
        request_id: entry.requestId ?? null,
        details: entry.details ?? {},
        prev_hash: prevHash,
      };
      const hash = hashAuditEvent(event);
      events.push({ ...event, hash });
      prevHash = hash;
    }
    const column = <K extends keyof StoredAuditEvent>(k: K) => events.map((e) => e[k]);
    // One statement, whatever the number of entries: the columns travel as arrays, so the text of
    // the statement is always the same (and can stay prepared on the connection).
    await sql`
      with appended as (
        insert into audit_event (chain, seq, pact_id, occurred_at, actor_person_id, actor_organisation_id, actor_role,
                                 action, record_type, record_id, subject_person_id, purpose, request_id, details,
                                 prev_hash, hash)
        select ${chain}, e.seq, e.pact_id, e.occurred_at, e.actor_person_id, e.actor_organisation_id, e.actor_role,
               e.action, e.record_type, e.record_id, e.subject_person_id, e.purpose, e.request_id, e.details::jsonb,
               e.prev_hash, e.hash
          from unnest(${column('seq')}::bigint[], ${column('pact_id')}::uuid[],
                      ${events.map((e) => e.occurred_at.toISOString())}::timestamptz[],
                      ${column('actor_person_id')}::uuid[], ${column('actor_organisation_id')}::uuid[],
                      ${column('actor_role')}::text[], ${column('action')}::text[], ${column('record_type')}::text[],
                      ${column('record_id')}::text[], ${column('subject_person_id')}::uuid[], ${column('purpose')}::text[],
                      ${column('request_id')}::text[], ${events.map((e) => JSON.stringify(e.details))}::text[],
                      ${column('prev_hash')}::text[], ${column('hash')}::text[])
            as e(seq, pact_id, occurred_at, actor_person_id, actor_organisation_id, actor_role, action, record_type,
                 record_id, subject_person_id, purpose, request_id, details, prev_hash, hash)
      )
      update audit_chain_head set seq = ${seq}, hash = ${prevHash} where chain = ${chain}`.execute(tx);
    // No RETURNING on the insert: the application role may append to the system chain but not read
    // it, and PostgreSQL checks returned rows against the read policy.
  }
}

/** Creates the chain head for a new pact; called in the transaction that creates the pact. */
export async function startAuditChain(tx: Executor, pactId: string): Promise<void> {
  await sql`insert into audit_chain_head (chain, seq, hash) values (${chainOf(pactId)}, 0, ${GENESIS_HASH})`.execute(tx);
}

export interface ChainReport {
  chain: string;
  entries: number;
  ok: boolean;
  firstBroken?: { seq: number; reason: string };
}

/** Checks every chain from its first entry; reports the first broken entry per chain. Runs outside RLS. */
export async function verifyAuditChains(db: Executor, batchSize = 5000): Promise<ChainReport[]> {
  const heads = await sql<{ chain: string; seq: number; hash: string }>`
    select chain, seq, hash from audit_chain_head order by chain`.execute(db);
  const reports: ChainReport[] = [];
  for (const head of heads.rows) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let broken: ChainReport['firstBroken'];
    let count = 0;
    for (;;) {
      const batch = await sql<StoredAuditEvent>`
        select * from audit_event where chain = ${head.chain} and seq >= ${expectedSeq}
         order by seq limit ${batchSize}`.execute(db);
      for (const row of batch.rows) {
        const seq = Number(row.seq);
        count++;
        if (broken) continue;
        if (seq !== expectedSeq) broken = { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
        else if (row.prev_hash !== prevHash) broken = { seq, reason: 'does not link to the entry before it' };
        else if (hashAuditEvent(row) !== row.hash) broken = { seq, reason: 'content does not match its hash' };
        prevHash = row.hash;
        expectedSeq = seq + 1;
      }
      if (batch.rows.length < batchSize) break;
    }
    if (!broken && (expectedSeq - 1 !== Number(head.seq) || prevHash !== head.hash)) {
      broken = { seq: expectedSeq, reason: `the chain ends at ${expectedSeq - 1} but its head says ${head.seq}` };
    }
    reports.push({ chain: head.chain, entries: count, ok: !broken, ...(broken ? { firstBroken: broken } : {}) });
  }
  return reports;
}
