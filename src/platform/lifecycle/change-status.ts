// Storing a status change: the record's current status is changed only from the status the caller
// read (so two people acting at once cannot both move it), and the change is appended to the
// record's history table in the same transaction. Tables and columns are named by the module that
// owns them; identifiers are quoted, values are parameters.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

export interface StatusStore {
  /** The record's table, its id column and its status column (the mirrored current status). */
  table: string;
  idColumn?: string;
  statusColumn?: string;
  /** The record table's pact column: the change is then bounded by the pact as well as by id. */
  pactColumn?: string;
  /** The append-only history: its table, the column naming the record, and its from/to/at columns. */
  history: { table: string; recordColumn: string; fromColumn?: string; toColumn?: string; atColumn?: string };
}

export interface StatusChange<S extends string> {
  pactId: string | null;
  id: string;
  from: S;
  to: S;
  at: Date;
  /** More columns to set on the record with the change (say, `published_at`). */
  set?: Record<string, unknown>;
  /** More columns of the history row (who, the reason, the action). */
  history?: Record<string, unknown>;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

function ref(name: string) {
  if (!identifier.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  return sql.ref(name);
}

/**
 * Moves the record from `from` to `to` and appends the history row. Returns false (and changes
 * nothing) when the record is not in `from` any more: the caller shows the current state again.
 */
export async function changeStatus<S extends string>(tx: Executor, store: StatusStore, change: StatusChange<S>): Promise<boolean> {
  const statusColumn = store.statusColumn ?? 'status';
  const sets = [sql`${ref(statusColumn)} = ${change.to}`, ...Object.entries(change.set ?? {}).map(([k, v]) => sql`${ref(k)} = ${v}`)];
  const inPact = store.pactColumn && change.pactId !== null ? sql` and ${ref(store.pactColumn)} = ${change.pactId}` : sql``;
  const updated = await sql`
    update ${ref(store.table)} set ${sql.join(sets)}
     where ${ref(store.idColumn ?? 'id')} = ${change.id} and ${ref(statusColumn)} = ${change.from}${inPact}`.execute(tx);
  if (Number(updated.numAffectedRows ?? 0) !== 1) return false;
  await appendStatusHistory(tx, store, change);
  return true;
}

/** Appends a history row only (for a record's first status, written when it is created). */
export async function appendStatusHistory<S extends string>(
  tx: Executor, store: StatusStore, change: Omit<StatusChange<S>, 'from' | 'set'> & { from: S | null },
): Promise<void> {
  const h = store.history;
  const columns: Record<string, unknown> = {
    ...(change.pactId !== null ? { pact_id: change.pactId } : {}),
    [h.recordColumn]: change.id,
    [h.fromColumn ?? 'from_status']: change.from,
    [h.toColumn ?? 'to_status']: change.to,
    [h.atColumn ?? 'changed_at']: change.at,
    ...(change.history ?? {}),
  };
  const names = Object.keys(columns);
  await sql`
    insert into ${ref(h.table)} (${sql.join(names.map(ref))})
    values (${sql.join(names.map((n) => sql`${columns[n]}`))})`.execute(tx);
}
