import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { inAppTransaction } from '../../../platform/db/transaction.ts';
import { startImport } from '../../../platform/import/index.ts';
import { createTestApp, personas, type Persona, type TestApp } from '../../../../tests/support/test-app.ts';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';

let t: TestApp;
let coordinator: Persona;
let lindewaard: string;
before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  coordinator = await t.sessionFor(personas.coordinator);
  lindewaard = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(t.database.db)).rows[0]!.id;
});
after(() => t.database.close());

const jobPath = /^\/p\/lindewaard\/imports\/([0-9a-f-]{36})$/;

function upload(persona: Persona, content: string | Uint8Array<ArrayBuffer>, options: { fileName?: string; csrf?: string; pact?: string } = {}) {
  const form = new FormData();
  form.set('_csrf', options.csrf ?? persona.csrf);
  form.set('file', new File([content], options.fileName ?? 'wijken.csv', { type: 'text/csv' }));
  return t.app.request(`/p/${options.pact ?? 'lindewaard'}/neighbourhoods/import`, { method: 'POST', headers: { cookie: persona.cookie }, body: form });
}

/** The upload only queues the file: a job worker reads it. The test runs that job, as a worker would. */
async function waitForJob(id: string): Promise<string> {
  await t.runJob('imports-run');
  const r = await sql<{ status: string }>`select status from import_job where id = ${id}`.execute(t.database.db);
  assert.notEqual(r.rows[0]?.status, 'staging', `import job ${id} was not run`);
  return r.rows[0]!.status;
}

async function uploadAndWait(content: string): Promise<{ id: string; status: string }> {
  const res = await upload(coordinator, content);
  assert.equal(res.status, 303);
  const match = jobPath.exec(res.headers.get('location') ?? '');
  assert.ok(match, `redirected to the job page, got ${res.headers.get('location')}`);
  return { id: match[1]!, status: await waitForJob(match[1]!) };
}

async function count(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from neighbourhood where pact_id = ${lindewaard}`.execute(t.database.db)).rows[0]!.n;
}

test('coordinators see the list with an add form and a multipart upload form; others do not get in', async () => {
  const res = await coordinator.get('/p/lindewaard/neighbourhoods');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /WK01/);
  assert.match(html, /Oosterkwartier/);
  assert.match(html, /<form method="post" action="\/p\/lindewaard\/neighbourhoods" /);
  assert.match(html, /action="\/p\/lindewaard\/neighbourhoods\/import" enctype="multipart\/form-data"/);
  assert.match(html, /<input type="file" id="field-file" name="file"/);

  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  assert.equal((await partnerAdmin.get('/p/lindewaard/neighbourhoods')).status, 403);
  assert.equal((await partnerAdmin.post('/p/lindewaard/neighbourhoods', { code: 'PA1', name: 'x' })).status, 403);
  const anonymous = await t.anonymous().get('/p/lindewaard/neighbourhoods');
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get('location') ?? '', /^\/login\?next=/);
});

test('adding one neighbourhood saves it; a taken code or a bad code is a field error with the input kept', async () => {
  const before = await count();
  const added = await coordinator.post('/p/lindewaard/neighbourhoods', { code: 'WK07', name: 'Nieuwe Haven' });
  assert.equal(added.status, 303);
  assert.equal(added.headers.get('location'), '/p/lindewaard/neighbourhoods');
  assert.equal(await count(), before + 1);

  const taken = await coordinator.post('/p/lindewaard/neighbourhoods', { code: 'WK01', name: 'Dubbel Centrum' });
  assert.equal(taken.status, 400);
  const html = await taken.text();
  assert.match(html, /Deze code is al in gebruik\./);
  assert.match(html, /value="Dubbel Centrum"/);
  assert.match(html, /id="field-code"[^>]*aria-invalid="true"/);

  const bad = await coordinator.post('/p/lindewaard/neighbourhoods', { code: 'WK 8', name: 'Spatie' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /zonder spaties/);
  assert.equal(await count(), before + 1);

  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'neighbourhood.create' and pact_id = ${lindewaard}`.execute(t.database.db);
  assert.equal(audit.rows[0]!.n, 1);
});

test('an upload starts a job, the page shows its report, and promoting saves every row once', async () => {
  const before = await count();
  const { id, status } = await uploadAndWait('code;naam\nUP1;Boven\nUP2;Beneden\nUP3;Midden\n');
  assert.equal(status, 'validated');

  const page = await coordinator.get(`/p/lindewaard/imports/${id}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Gecontroleerd/);
  assert.match(html, /3 regels zijn goed\./);
  assert.match(html, new RegExp(`action="/p/lindewaard/imports/${id}/promote"`));
  assert.doesNotMatch(html, /http-equiv="refresh"/);

  const api = await coordinator.get(`/api/p/lindewaard/imports/${id}`);
  assert.equal(api.status, 200);
  assert.match(api.headers.get('content-type') ?? '', /application\/json/);
  const progress = (await api.json()) as Record<string, unknown>;
  assert.deepEqual(
    { status: progress.status, processedRows: progress.processedRows, totalRows: progress.totalRows, errorCount: progress.errorCount, fileError: progress.fileError },
    { status: 'validated', processedRows: 3, totalRows: 3, errorCount: 0, fileError: null },
  );

  const promoted = await coordinator.post(`/p/lindewaard/imports/${id}/promote`, {});
  assert.equal(promoted.status, 303);
  assert.equal(promoted.headers.get('location'), '/p/lindewaard/neighbourhoods');
  assert.equal(await count(), before + 3);
  const list = await (await coordinator.get('/p/lindewaard/neighbourhoods', { cookie: `${coordinator.cookie}; sp_flash=import.promoted` })).text();
  assert.match(list, /UP2/);
  assert.match(list, /Het bestand is ingelezen en opgeslagen\./);

  const again = await coordinator.post(`/p/lindewaard/imports/${id}/promote`, {});
  assert.equal(again.status, 409);
  assert.match(await again.text(), /het is al opgeslagen, of het bevat fouten/);
  assert.equal(await count(), before + 3);

  const audit = await sql<{ action: string; actor_person_id: string | null }>`
    select action, actor_person_id from audit_event where record_id = ${id} order by seq`.execute(t.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['import.start', 'import.promote']);
  assert.ok(audit.rows.every((r) => r.actor_person_id !== null));
});

test('a file with errors shows the row-level report, says nothing was saved, and cannot be promoted', async () => {
  const before = await count();
  const { id, status } = await uploadAndWait('code,naam\nWK02,Oosterkwartier\nER1,Goed\nER1,Dubbel\n<b>x</b>,Kapot\n');
  assert.equal(status, 'failed');
  const html = await (await coordinator.get(`/p/lindewaard/imports/${id}`)).text();
  assert.match(html, /Fouten per regel/);
  assert.match(html, /Deze code bestaat al in het pact\./);
  assert.match(html, /Deze code staat al in regel 3\./);
  assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/, 'file content is shown escaped');
  assert.match(html, /Er is niets opgeslagen\./);
  assert.doesNotMatch(html, /\/promote"/);
  const refused = await coordinator.post(`/p/lindewaard/imports/${id}/promote`, {});
  assert.equal(refused.status, 409);
  assert.equal(await count(), before);
});

test('a malformed file fails with the row of the problem', async () => {
  const { id, status } = await uploadAndWait('code,naam\nMF1,"Open\nMF2,Dicht\n');
  assert.equal(status, 'failed');
  const html = await (await coordinator.get(`/p/lindewaard/imports/${id}`)).text();
  assert.match(html, /Het bestand is geen geldig CSV-bestand: in regel 2 begint een waarde met een aanhalingsteken/);
});

test('while a job is being read, its page shows progress that updates itself (JavaScript) and a refresh link, without a timed page refresh', async () => {
  const id = await inAppTransaction(t.database.db, { pactId: lindewaard }, (tx) =>
    startImport(tx, { pactId: lindewaard, kind: 'neighbourhoods', createdBy: null, fileName: 'bezig.csv', bytes: 10, now: t.clock.now() }, async () => undefined));
  await sql`update import_job set total_rows = 800, processed_rows = 500 where id = ${id}`.execute(t.database.db);
  const html = await (await coordinator.get(`/p/lindewaard/imports/${id}`)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  // A timed refresh would take control of timing away from the user (WCAG 2.2.1).
  assert.doesNotMatch(head, /http-equiv="refresh"/);
  assert.match(html, new RegExp(`data-import-poll="/api/p/lindewaard/imports/${id}"`));
  assert.match(html, /<progress max="800" value="500"/);
  assert.match(html, /500 van de 800 regels gelezen/);
  assert.match(html, new RegExp(`<a class="utrecht-link utrecht-link--html-a" href="/p/lindewaard/imports/${id}">Vernieuw de voortgang</a>`));
});

test('a job that waits for the job worker says so, not "0 of 0 rows read", with a bar that shows no amount', async () => {
  const id = await inAppTransaction(t.database.db, { pactId: lindewaard }, (tx) =>
    startImport(tx, { pactId: lindewaard, kind: 'neighbourhoods', createdBy: null, fileName: 'wacht.csv', bytes: 10, now: t.clock.now() }, async () => undefined));
  const html = await (await coordinator.get(`/p/lindewaard/imports/${id}`)).text();
  assert.doesNotMatch(html, /0 van de 0/);
  assert.match(html, /<span id="import-progress" role="status">Het bestand wacht op zijn beurt\. Het wordt zo gelezen\.<\/span>/);
  assert.match(html, /<progress aria-labelledby="import-progress"><\/progress>/, 'an indeterminate bar: no value, no max');
  // The poller gets the same text, for while the worker has not counted the rows yet.
  assert.match(html, /data-queued-text="Het bestand wacht op zijn beurt\. Het wordt zo gelezen\."/);
});

test('a coordinator of another pact cannot see, poll or promote the job', async () => {
  const { id } = await uploadAndWait('code,naam\nOT1,Ander pact\n');
  const other = await t.sessionFor(personas.otherPactCoordinator);
  assert.equal((await other.get(`/p/lindewaard/imports/${id}`)).status, 403);
  assert.equal((await other.get(`/p/hagedoorn/imports/${id}`)).status, 404);
  const api = await other.get(`/api/p/hagedoorn/imports/${id}`);
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type') ?? '', /application\/problem\+json/);
  assert.equal((await other.post(`/p/hagedoorn/imports/${id}/promote`, {})).status, 404);
  assert.equal((await other.post(`/p/lindewaard/imports/${id}/promote`, {})).status, 403);
  const anonymousApi = await t.anonymous().get(`/api/p/lindewaard/imports/${id}`);
  assert.equal(anonymousApi.status, 401);
  assert.equal((await coordinator.get('/p/lindewaard/imports/not-a-uuid')).status, 404);
});

test('an upload without a file, too large, or with a bad CSRF token starts no job', async () => {
  const jobs = async () => (await sql<{ n: number }>`select count(*)::int as n from import_job`.execute(t.database.db)).rows[0]!.n;
  const before = await jobs();

  const form = new FormData();
  form.set('_csrf', coordinator.csrf);
  form.set('file', new File([], ''));
  const none = await t.app.request('/p/lindewaard/neighbourhoods/import', { method: 'POST', headers: { cookie: coordinator.cookie }, body: form });
  assert.equal(none.status, 400);
  assert.match(await none.text(), /Kies een bestand\./);

  const large = await upload(coordinator, new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41));
  assert.equal(large.status, 400);
  assert.match(await large.text(), /Het bestand is groter dan 5 MB\./);

  const tooLarge = await upload(coordinator, new Uint8Array(6 * 1024 * 1024 + 1).fill(0x41));
  assert.equal(tooLarge.status, 413);

  const forged = await upload(coordinator, 'code,naam\nCS1,x\n', { csrf: 'forged' });
  assert.equal(forged.status, 403);
  assert.match(await forged.text(), /Het formulier is verlopen/);

  assert.equal(await jobs(), before);
});

test('the export is a CSV that reads back in as an import', async () => {
  const res = await coordinator.get('/p/lindewaard/neighbourhoods.csv');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark, so Excel reads UTF-8');
  const csv = bytes.toString('utf8');
  assert.match(csv, /^\uFEFFCode,Naam\r\n/);
  assert.match(csv, /WK01,Centrum\r\n/);

  const other = await t.sessionFor(personas.otherPactCoordinator);
  const form = new FormData();
  form.set('_csrf', other.csrf);
  form.set('file', new File([csv], 'export.csv'));
  const started = await t.app.request('/p/hagedoorn/neighbourhoods/import', { method: 'POST', headers: { cookie: other.cookie }, body: form });
  assert.equal(started.status, 303);
  const id = /imports\/([0-9a-f-]{36})$/.exec(started.headers.get('location') ?? '')![1]!;
  assert.equal(await waitForJob(id), 'validated');
  const exported = csv.trim().split('\r\n').length - 1;
  const job = await sql<{ total_rows: number }>`select total_rows from import_job where id = ${id}`.execute(t.database.db);
  assert.equal(job.rows[0]!.total_rows, exported);
});
