// One optimistic-concurrency scheme for every edit form: a record that people edit has a column
// `revision int not null default 1`; its edit form carries the revision it was shown with in the
// hidden field `revision`; saving updates only that revision and raises it by one. When someone
// else saved first, nothing is changed and the form is shown again with a 409 and a clear message
// (`form.error.stale`), the person's input kept.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor } from './db/database.ts';

/** The hidden `revision` field: a positive whole number; anything else counts as a stale form. */
export const revisionField = z.coerce.number().int().min(1).max(2_147_483_647);

/** Reads the hidden field; undefined when it is missing or not a revision (treat as stale). */
export function formRevision(raw: FormDataEntryValue | null | undefined): number | undefined {
  const parsed = revisionField.safeParse(typeof raw === 'string' ? raw : undefined);
  return parsed.success ? parsed.data : undefined;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * Updates the record `id` of `table` with `set` when its revision is still `expected`, and raises
 * the revision. Returns false (nothing changed) when another save came first.
 */
export async function updateAtRevision(
  tx: Executor, table: string, id: string, expected: number, set: Record<string, unknown>,
  /** Bound the update by the record's pact too (its `pact_id`), besides row-level security. */
  pactId?: string,
): Promise<boolean> {
  for (const name of [table, ...Object.keys(set)]) if (!identifier.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  const sets = Object.entries(set).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  const r = await sql`
    update ${sql.ref(table)} set ${sql.join([...sets, sql`revision = revision + 1`])}
     where id = ${id} and revision = ${expected}${pactId === undefined ? sql`` : sql` and pact_id = ${pactId}`}`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}
