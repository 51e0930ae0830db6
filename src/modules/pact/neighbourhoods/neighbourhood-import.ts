// The neighbourhood importer: a CSV file with the columns code and name (Dutch headers accepted).
// Codes must be unique within the file and new to the pact; the check runs in SQL against the
// staging table, and promotion is one insert … select.
import { sql } from 'kysely';
import { flagDuplicateKeys, type Importer } from '../../../platform/import/index.ts';
import { validateNeighbourhoodRow, type NeighbourhoodValue } from './neighbourhood.ts';

export const neighbourhoodImporter: Importer<NeighbourhoodValue> = {
  kind: 'neighbourhoods',
  columns: [
    { name: 'code', aliases: ['code', 'wijkcode', 'buurtcode'], required: true },
    { name: 'name', aliases: ['name', 'naam', 'wijknaam', 'buurtnaam'], required: true },
  ],
  maxRows: 10_000,
  validateRow: validateNeighbourhoodRow,
  naturalKey: (value) => value.code,
  async crossCheck(tx, job) {
    await flagDuplicateKeys(tx, job.id, { field: 'code', key: 'import.error.duplicate' });
    // Row-level security limits neighbourhood to the job's pact; the pact_id condition says so too.
    await sql`
      update import_row r
         set errors = r.errors || jsonb_build_array(jsonb_build_object('field', 'code', 'key', 'import.error.exists'))
        from neighbourhood n
       where r.job_id = ${job.id} and n.pact_id = ${job.pactId} and n.code = r.natural_key`.execute(tx);
  },
  promoteSql: (job) => sql`
    insert into neighbourhood (pact_id, code, name)
    select r.pact_id, r.data->>'code', r.data->>'name'
      from import_row r
     where r.job_id = ${job.id} and r.pact_id = ${job.pactId}
     order by r.row_number`,
};
