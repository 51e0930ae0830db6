import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { NeighbourhoodValue } from './neighbourhood.ts';

export interface NeighbourhoodRow {
  id: string;
  code: string;
  name: string;
}

export async function listNeighbourhoods(tx: Executor, pactId: string): Promise<NeighbourhoodRow[]> {
  const r = await sql<NeighbourhoodRow>`select id, code, name from neighbourhood where pact_id = ${pactId} order by code`.execute(tx);
  return r.rows;
}

/** Inserts one neighbourhood; returns null when the pact already has its code. */
export async function insertNeighbourhood(tx: Executor, pactId: string, input: NeighbourhoodValue): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into neighbourhood (pact_id, code, name) values (${pactId}, ${input.code}, ${input.name})
    on conflict (pact_id, code) do nothing
    returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}
