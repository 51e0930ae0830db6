// Every request that touches pact data runs in one transaction with its context set first:
// the pact, the person and the session, and the application role that row-level security
// applies to. `set_config(..., true)` is transaction-local, so nothing leaks to the next request.
import { sql } from 'kysely';
import type { Db, Tx } from './database.ts';

export interface TxContext {
  pactId: string | null;
  personId?: string | null;
  sessionId?: string | null;
  /**
   * A background job's one record (`household:<id>`): row-level security lets the transaction
   * reach that record's network-only rows, and no other record's (`app_in_network`, migration 0015).
   */
  recordScope?: { type: string; id: string } | null;
}

/** Sets the request context and drops to the application role for the rest of the transaction. */
export async function enterAppRole(tx: Tx, context: TxContext): Promise<void> {
  await sql`select
      set_config('app.pact_id', ${context.pactId ?? ''}, true),
      set_config('app.person_id', ${context.personId ?? ''}, true),
      set_config('app.session_id', ${context.sessionId ?? ''}, true),
      set_config('app.record_scope', ${context.recordScope ? `${context.recordScope.type}:${context.recordScope.id}` : ''}, true),
      set_config('role', 'schakelpunt_app', true)`.execute(tx);
}

/**
 * Runs a background job's work on one record of a pact: as the application role, with the pact
 * and the record as context, so row-level security applies as it does to a request. A job never
 * runs as the connecting role (which bypasses row-level security) when it touches pact records.
 */
export async function inJobTransaction<T>(
  db: Db, context: { pactId: string; recordScope?: { type: string; id: string } | null }, work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inAppTransaction(db, { pactId: context.pactId, personId: null, sessionId: null, recordScope: context.recordScope ?? null }, work);
}

/** Runs `work` in a transaction as the application role, with row-level security for `context.pactId`. */
export async function inAppTransaction<T>(db: Db, context: TxContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await enterAppRole(tx, context);
    return work(tx);
  });
}

/**
 * Runs `work` in a transaction as the connection's own role, outside row-level security. Only for
 * work that is not on behalf of one pact's member: log-in, migrations, system administration,
 * seeding, jobs. Callers check authorization themselves and say why in a comment.
 */
export async function inSystemTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(work);
}
