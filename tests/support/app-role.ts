// Raw SQL as a request would run it: in a transaction that has entered the application role for a
// context, so row-level security applies, and rolled back afterwards so the test changes nothing.
import type { Database, Tx } from '../../src/platform/db/database.ts';
import { enterAppRole, type TxContext } from '../../src/platform/db/transaction.ts';

class Rollback extends Error {}

/** Runs `work` as the application role in `context`, then rolls everything back. */
export async function asAppRole<T>(database: Database, context: TxContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await database.db.transaction().execute(async (tx) => {
      await enterAppRole(tx, context);
      result = await work(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}
