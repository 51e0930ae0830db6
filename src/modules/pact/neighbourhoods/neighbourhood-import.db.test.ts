import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { enterAppRole, inAppTransaction } from '../../../platform/db/transaction.ts';
import {
  bytesSource, findImportJob, listRowErrors, listStatusChanges, promoteImport, runImport, startImport,
  type Importer, type ImportJobRow, type ImportProgress,
} from '../../../platform/import/index.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';
import { describeImportResult, importNeighbourhoodsFromFile } from './import-neighbourhoods-from-file.ts';
import { neighbourhoodImporter } from './neighbourhood-import.ts';

let t: TestApp;
let lindewaard: string;
let hagedoorn: string;
let coordinator: string;
const workDir = mkdtempSync(join(tmpdir(), 'sp-import-'));

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const pacts = await sql<{ id: string; slug: string }>`select id, slug from pact`.execute(t.database.db);
  lindewaard = pacts.rows.find((p) => p.slug === 'lindewaard')!.id;
  hagedoorn = pacts.rows.find((p) => p.slug === 'hagedoorn')!.id;
  coordinator = (await sql<{ id: string }>`select id from person where email = 'coordinator@lindewaard.example'`.execute(t.database.db)).rows[0]!.id;
});
after(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await t.database.close();
});

const deps = () => ({ db: t.database.db, clock: t.clock });

/** Counted as the table owner, outside row-level security. */
async function neighbourhoodCount(pactId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from neighbourhood where pact_id = ${pactId}`.execute(t.database.db);
  return r.rows[0]!.n;
}

async function stagedCount(jobId: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from import_row where job_id = ${jobId}`.execute(t.database.db);
  return r.rows[0]!.n;
}

async function importText(
  content: string | Buffer,
  options: { pactId?: string; importer?: Importer; chunkSize?: number } = {},
): Promise<{ job: ImportJobRow; progress: ImportProgress[] }> {
  const pactId = options.pactId ?? lindewaard;
  const importer = options.importer ?? neighbourhoodImporter;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const id = await inAppTransaction(t.database.db, { pactId, personId: coordinator }, (tx) =>
    startImport(tx, { pactId, kind: importer.kind, createdBy: coordinator, fileName: 'wijken.csv', bytes: bytes.byteLength, now: t.clock.now() }, (entry) =>
      recordAudit(tx, { ...entry, pactId, actor: { personId: coordinator }, occurredAt: t.clock.now() })),
  );
  const progress: ImportProgress[] = [];
  const job = await runImport(deps(), {
    job: { id, pactId }, personId: coordinator, importer, source: bytesSource(bytes),
    onProgress: (p) => progress.push(p), ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
  });
  assert.ok(job, 'the job exists after the run');
  return { job, progress };
}

function promote(job: ImportJobRow, pactId = lindewaard) {
  return inAppTransaction(t.database.db, { pactId, personId: coordinator }, (tx) =>
    promoteImport(tx, neighbourhoodImporter, { id: job.id, pactId }, { now: t.clock.now(), personId: coordinator }));
}

function rows(n: number, prefix = 'N'): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')},Buurt ${i}`).join('\n');
}

test('a valid file of 1,200 rows is staged in chunks of 500 and promoted in one statement', async () => {
  const before = await neighbourhoodCount(lindewaard);
  const { job, progress } = await importText(`code,name\n${rows(1200, 'BIG')}\n`);
  assert.equal(job.status, 'validated');
  assert.equal(job.total_rows, 1200);
  assert.equal(job.processed_rows, 1200);
  assert.equal(job.error_count, 0);
  assert.deepEqual(progress.filter((p) => p.phase === 'staging').map((p) => p.processed), [0, 500, 1000, 1200]);
  assert.equal(await stagedCount(job.id), 1200);
  assert.equal(await neighbourhoodCount(lindewaard), before, 'nothing is promoted before someone asks');

  assert.deepEqual(await promote(job), { ok: true, rows: 1200 });
  assert.equal(await neighbourhoodCount(lindewaard), before + 1200);
  // Rows written by one statement share its transaction (xmin) and command id (cmin).
  const written = await sql<{ transactions: number; commands: number }>`
    select count(distinct xmin::text)::int as transactions, count(distinct cmin::text)::int as commands
      from neighbourhood where pact_id = ${lindewaard} and code like 'BIG%'`.execute(t.database.db);
  assert.deepEqual(written.rows[0], { transactions: 1, commands: 1 });
  assert.equal(await stagedCount(job.id), 0, 'the staged copy is removed once promoted');

  const history = await inAppTransaction(t.database.db, { pactId: lindewaard }, (tx) => listStatusChanges(tx, job.id));
  assert.deepEqual(history.map((h) => [h.from_status, h.to_status]), [[null, 'staging'], ['staging', 'validated'], ['validated', 'promoted']]);
  const audit = await sql<{ action: string }>`
    select action from audit_event where record_id = ${job.id} order by seq`.execute(t.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['import.start']);
});

test('a file with row errors reports each with its row number, and promotes nothing', async () => {
  const before = await neighbourhoodCount(lindewaard);
  const { job } = await importText('code,naam\nE001,Goed\nE 02,Spatie in code\nE003,\n\nE005,Ook goed\n' + `E006,${'x'.repeat(121)}\n`);
  assert.equal(job.status, 'failed');
  assert.equal(job.total_rows, 5);
  assert.equal(job.error_count, 3);
  const report = await inAppTransaction(t.database.db, { pactId: lindewaard }, (tx) => listRowErrors(tx, job.id));
  assert.deepEqual(
    report.map((r) => [r.row_number, r.errors.map((e) => `${e.field}:${e.key}`)]),
    [
      [3, ['code:neighbourhoods.codeFormat']],
      [4, ['name:form.error.required']],
      [7, ['name:form.error.tooLong']],
    ],
  );
  assert.equal(report[0]!.data.code, 'E 02', 'the report shows what the file said');
  assert.deepEqual(await promote(job), { ok: false, reason: 'has-errors' });
  assert.equal(await neighbourhoodCount(lindewaard), before);
  assert.equal((await findImportJobAsOwner(job.id)).status, 'failed');
});

async function findImportJobAsOwner(id: string): Promise<ImportJobRow> {
  return (await findImportJob(t.database.db, id))!;
}

test('duplicates within the file name the earlier row; codes the pact already has are reported', async () => {
  // WK01 and WK02 are demo neighbourhoods of Lindewaard.
  const { job } = await importText('code;naam\nWK01;Centrum\nD100;Nieuw\nD101;Ander\nD100;Nog eens\nD100;En nog eens\nWK02;x\n');
  assert.equal(job.status, 'failed');
  const report = await inAppTransaction(t.database.db, { pactId: lindewaard }, (tx) => listRowErrors(tx, job.id));
  assert.deepEqual(
    report.map((r) => [r.row_number, r.errors]),
    [
      [2, [{ field: 'code', key: 'import.error.exists' }]],
      [5, [{ field: 'code', key: 'import.error.duplicate', params: { row: 3 } }]],
      [6, [{ field: 'code', key: 'import.error.duplicate', params: { row: 3 } }]],
      [7, [{ field: 'code', key: 'import.error.exists' }]],
    ],
  );
});

test('the same codes in another pact are not "existing": the check stays inside the pact', async () => {
  const { job } = await importText('code,naam\nWK01,Centrum\n', { pactId: hagedoorn });
  assert.equal(job.status, 'validated');
});

test('malformed CSV fails the whole job with the row, and nothing is staged or promotable', async () => {
  const before = await neighbourhoodCount(lindewaard);
  const unclosed = await importText(`code,naam\nM001,Een\nM002,"Twee\n${rows(700, 'M')}\n`);
  assert.equal(unclosed.job.status, 'failed');
  assert.deepEqual(unclosed.job.file_error, { key: 'import.error.parse', detail: { key: 'import.parse.quoteNotClosed', params: { line: 3 } } });
  assert.equal(await stagedCount(unclosed.job.id), 0);

  const columns = await importText(`code,naam\n${rows(600, 'K')}\nK9,Negen,extra\n`);
  assert.equal(columns.job.status, 'failed');
  assert.deepEqual(columns.job.file_error, {
    key: 'import.error.parse', detail: { key: 'import.parse.columns', params: { line: 602, found: 3, expected: 2 } },
  });
  assert.equal(columns.job.processed_rows, 0, 'the structure is checked before any row is staged');
  assert.deepEqual(await promote(columns.job), { ok: false, reason: 'has-errors' });
  assert.equal(await neighbourhoodCount(lindewaard), before);
});

test('an empty file, a missing column and too many rows fail the job', async () => {
  assert.deepEqual((await importText('')).job.file_error, { key: 'import.error.empty' });
  assert.deepEqual((await importText('code,wijk\nA,B\n')).job.file_error, { key: 'import.error.missingColumn', params: { column: 'name' } });
  const tooMany = await importText(`code,naam\n${rows(10_001, 'T')}\n`);
  assert.deepEqual(tooMany.job.file_error, { key: 'import.error.tooManyRows', params: { max: 10_000 } });
  assert.equal(await stagedCount(tooMany.job.id), 0);
});

test('a semicolon file with a byte-order mark, CRLF and Dutch headers is read and promoted', async () => {
  const { job } = await importText('\uFEFFCode;Naam\r\nSB1;Sint-Jozefbuurt\r\nSB2;Kanaal, noord\r\nSB3;"Het ""Veld"""\r\nSB4;Café-buurt\r\n');
  assert.equal(job.status, 'validated');
  assert.deepEqual(await promote(job), { ok: true, rows: 4 });
  const saved = await sql<{ code: string; name: string }>`
    select code, name from neighbourhood where pact_id = ${lindewaard} and code like 'SB%' order by code`.execute(t.database.db);
  assert.deepEqual(saved.rows, [
    { code: 'SB1', name: 'Sint-Jozefbuurt' },
    { code: 'SB2', name: 'Kanaal, noord' },
    { code: 'SB3', name: 'Het "Veld"' },
    { code: 'SB4', name: 'Café-buurt' },
  ]);
});

test('a Windows-1252 file from Dutch Excel keeps its accents', async () => {
  const bytes = Buffer.concat([Buffer.from('code;naam\r\nWE1;Caf'), Buffer.from([0xe9]), Buffer.from('wijk\r\n')]);
  const { job } = await importText(bytes);
  assert.deepEqual(await promote(job), { ok: true, rows: 1 });
  const r = await sql<{ name: string }>`select name from neighbourhood where pact_id = ${lindewaard} and code = 'WE1'`.execute(t.database.db);
  assert.equal(r.rows[0]!.name, 'Caféwijk');
});

test('promoting twice is refused, also when both try at the same moment', async () => {
  const { job } = await importText('code,naam\nTW1,Een\nTW2,Twee\n');
  const before = await neighbourhoodCount(lindewaard);
  const [a, b] = await Promise.all([promote(job), promote(job)]);
  assert.deepEqual([a, b].filter((r) => r.ok), [{ ok: true, rows: 2 }]);
  assert.deepEqual([a, b].find((r) => !r.ok), { ok: false, reason: 'already-promoted' });
  assert.deepEqual(await promote(job), { ok: false, reason: 'already-promoted' });
  assert.equal(await neighbourhoodCount(lindewaard), before + 2);
});

test('a code added after the check refuses the promotion as a whole', async () => {
  const { job } = await importText('code,naam\nRC1,Een\nRC2,Twee\n');
  await sql`insert into neighbourhood (pact_id, code, name) values (${lindewaard}, 'RC2', 'Intussen toegevoegd')`.execute(t.database.db);
  const before = await neighbourhoodCount(lindewaard);
  assert.deepEqual(await promote(job), { ok: false, reason: 'conflict' });
  assert.equal(await neighbourhoodCount(lindewaard), before, 'RC1 is not saved either');
  const after = await findImportJobAsOwner(job.id);
  assert.equal(after.status, 'validated');
  assert.equal(await stagedCount(job.id), 2);
});

test('a job cannot be promoted from another pact, where it does not exist', async () => {
  const { job } = await importText('code,naam\nOP1,Een\n');
  assert.deepEqual(await promote(job, hagedoorn), { ok: false, reason: 'not-found' });
  assert.equal((await findImportJobAsOwner(job.id)).status, 'validated');
});

test('row-level security: pact A\'s job, rows and history are invisible and unwritable in a pact-B transaction', async () => {
  const { job } = await importText('code,naam\nRL1,Een\nRL1,Twee\n');
  assert.equal(await stagedCount(job.id), 2);
  const seen = await inAppTransaction(t.database.db, { pactId: hagedoorn }, async (tx) => {
    const r = await sql<{ jobs: number; rows: number; changes: number }>`
      select (select count(*) from import_job where id = ${job.id})::int as jobs,
             (select count(*) from import_row where job_id = ${job.id})::int as rows,
             (select count(*) from import_job_status_change where job_id = ${job.id})::int as changes`.execute(tx);
    return r.rows[0];
  });
  assert.deepEqual(seen, { jobs: 0, rows: 0, changes: 0 });
  const mine = await inAppTransaction(t.database.db, { pactId: lindewaard }, async (tx) =>
    (await sql<{ n: number }>`select count(*)::int as n from import_row where job_id = ${job.id}`.execute(tx)).rows[0]!.n);
  assert.equal(mine, 2, 'the same query sees them in the job\'s own pact');
  await assert.rejects(
    t.database.db.transaction().execute(async (tx) => {
      await enterAppRole(tx, { pactId: hagedoorn });
      await sql`insert into import_row (pact_id, job_id, row_number, data) values (${lindewaard}, ${job.id}, 99, '{}')`.execute(tx);
    }),
    /row-level security/,
  );
  const updated = await inAppTransaction(t.database.db, { pactId: hagedoorn }, async (tx) =>
    Number((await sql`update import_job set status = 'cancelled' where id = ${job.id}`.execute(tx)).numAffectedRows));
  assert.equal(updated, 0);
});

test('the status history is append-only, even for the table owner', async () => {
  await assert.rejects(sql`update import_job_status_change set to_status = 'promoted'`.execute(t.database.db), /append-only/);
  await assert.rejects(sql`delete from import_job_status_change`.execute(t.database.db), /append-only/);
});

test('the background run waits for the transaction that created the job, and skips a rolled-back one', async () => {
  for (const outcome of ['commit', 'rollback'] as const) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let announce!: (id: string) => void;
    const created = new Promise<string>((resolve) => (announce = resolve));
    const creating = t.database.db.transaction().execute(async (tx) => {
      await enterAppRole(tx, { pactId: lindewaard, personId: coordinator });
      announce(await startImport(tx, { pactId: lindewaard, kind: 'neighbourhoods', createdBy: coordinator, fileName: 'w.csv', bytes: 1, now: t.clock.now() }, async () => undefined));
      await gate;
      if (outcome === 'rollback') throw new Error('request failed');
    }).catch(() => 'rolled back');
    const id = await created;
    const run = runImport(deps(), { job: { id, pactId: lindewaard }, personId: coordinator, importer: neighbourhoodImporter, source: bytesSource(Buffer.from(`code,naam\nBG-${outcome},x\n`)) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await creating;
    const job = await run;
    if (outcome === 'commit') assert.equal(job?.status, 'validated');
    else assert.equal(job, undefined);
  }
});

test('an unexpected error during the run fails the job with a general message and keeps nothing staged', async () => {
  const broken: Importer = {
    ...(neighbourhoodImporter as unknown as Importer),
    crossCheck: async () => {
      throw new Error('boom');
    },
  };
  const { job } = await importText('code,naam\nX1,Een\n', { importer: broken });
  assert.equal(job.status, 'failed');
  assert.deepEqual(job.file_error, { key: 'import.error.internal' });
  assert.equal(await stagedCount(job.id), 0);
});

test('the command line imports a file, reporting progress, and promotes it when it has no errors', async () => {
  const file = join(workDir, 'wijken.csv');
  writeFileSync(file, `code;naam\n${rows(1100, 'CLI').replaceAll(',', ';')}\n`);
  const before = await neighbourhoodCount(hagedoorn);
  const progress: ImportProgress[] = [];
  const result = await importNeighbourhoodsFromFile(deps(), 'hagedoorn', file, (p) => progress.push(p));
  assert.equal(result.status, 'promoted');
  assert.equal(result.promotedRows, 1100);
  assert.equal(await neighbourhoodCount(hagedoorn), before + 1100);
  assert.deepEqual([...new Set(progress.map((p) => p.phase))], ['scanning', 'staging', 'checking', 'done', 'promoting']);
  assert.deepEqual(progress.filter((p) => p.phase === 'staging').map((p) => p.processed), [0, 500, 1000, 1100]);
  const audit = await sql<{ action: string; actor_role: string | null; actor_person_id: string | null }>`
    select action, actor_role, actor_person_id from audit_event where record_id = ${result.jobId} order by seq`.execute(t.database.db);
  assert.deepEqual(audit.rows, [
    { action: 'import.start', actor_role: 'cli', actor_person_id: null },
    { action: 'import.promote', actor_role: 'cli', actor_person_id: null },
  ]);
  assert.deepEqual(describeImportResult(result, 'en'), ['Imported', '1100 rows have been saved.']);
});

test('the command line reports row errors by row and saves nothing', async () => {
  const file = join(workDir, 'fout.csv');
  writeFileSync(file, 'code,naam\nCENTRUM,Hagedoorn-Centrum\nC 2,Spatie\n');
  const before = await neighbourhoodCount(hagedoorn);
  const result = await importNeighbourhoodsFromFile(deps(), 'hagedoorn', file);
  assert.equal(result.status, 'failed');
  assert.equal(result.promotedRows, null);
  assert.equal(await neighbourhoodCount(hagedoorn), before);
  assert.deepEqual(describeImportResult(result, 'nl'), [
    'Niet ingelezen: er zijn fouten',
    'Regel 2, Code: Deze code bestaat al in het pact.',
    'Regel 3, Code: Gebruik alleen letters, cijfers, punt (.), streepje (-) of liggend streepje (_), zonder spaties.',
    'Er is niets opgeslagen. Verbeter het bestand en lees het opnieuw in.',
  ]);
  await assert.rejects(importNeighbourhoodsFromFile(deps(), 'nergens', file), /no pact/);
});
