// The audit log (NEN 7513 style): who, acting for which organisation, did what to which record,
// when and why — written in the same transaction as the change or the read it describes.
// Entries form one hash chain per pact (and a 'system' chain for events outside any pact): each
// entry's hash covers its content and the previous hash, so an edited or removed entry breaks
// the chain, and `verifyAuditChains` names the first broken entry.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

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
  purpose: string;
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

/** Appends one entry to its pact's chain. Must be called with the transaction that holds the change. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  const chain = chainOf(entry.pactId);
  // One writer per chain at a time: the lock is held until the transaction ends. It must be its
  // own statement: a statement's snapshot is taken before it waits for the lock, so reading the
  // head in the same statement would see the head as it was before the previous writer committed.
  await sql`select pg_advisory_xact_lock(hashtextextended(${'audit:' + chain}, 0))`.execute(tx);
  const head = await sql<{ seq: number; hash: string }>`
    select seq, hash from audit_chain_head where chain = ${chain}`.execute(tx);
  const previous = head.rows[0];
  if (!previous) throw new Error(`No audit chain head for chain ${chain}`);
  const event: Omit<StoredAuditEvent, 'hash'> = {
    chain,
    seq: Number(previous.seq) + 1,
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
    prev_hash: previous.hash,
  };
  const hash = hashAuditEvent(event);
  await sql`
    with appended as (
      insert into audit_event (chain, seq, pact_id, occurred_at, actor_person_id, actor_organisation_id, actor_role,
                               action, record_type, record_id, subject_person_id, purpose, request_id, details,
                               prev_hash, hash)
      values (${event.chain}, ${event.seq}, ${event.pact_id}, ${event.occurred_at}, ${event.actor_person_id},
              ${event.actor_organisation_id}, ${event.actor_role}, ${event.action}, ${event.record_type},
              ${event.record_id}, ${event.subject_person_id}, ${event.purpose}, ${event.request_id},
              ${JSON.stringify(event.details)}::jsonb, ${event.prev_hash}, ${hash})
    )
    update audit_chain_head set seq = ${event.seq}, hash = ${hash} where chain = ${chain}`.execute(tx);
  // No RETURNING on the insert: the application role may append to the system chain but not read
  // it, and PostgreSQL checks returned rows against the read policy.
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
