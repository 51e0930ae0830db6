// Every request that touches pact data runs in one transaction with its context set first:
// the pact, the person and the session, and the application role that row-level security
// applies to. `set_config(..., true)` is transaction-local, so nothing leaks to the next request.
import { sql } from 'kysely';
import type { Db, Tx } from './database.ts';

export interface TxContext {
  pactId: string | null;
  personId?: string | null;
  sessionId?: string | null;
}

/** Sets the request context and drops to the application role for the rest of the transaction. */
export async function enterAppRole(tx: Tx, context: TxContext): Promise<void> {
  await sql`select
      set_config('app.pact_id', ${context.pactId ?? ''}, true),
      set_config('app.person_id', ${context.personId ?? ''}, true),
      set_config('app.session_id', ${context.sessionId ?? ''}, true),
      set_config('role', 'schakelpunt_app', true)`.execute(tx);
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
