// The November review through its routes: the review form with its rules and history, carry-over
// (once, into an open next year), the overview, the results page (public only when published)
// and the audit entries. Own fixtures in years 2030+, made with SQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, personas, type Persona, type TestApp } from '../../../../tests/support/test-app.ts';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';

let t: TestApp;
let coordinator: Persona;
let partnerAdmin: Persona;
let otherAdmin: Persona;
let pactId: string;
let welzijn: string;
let pillar: string;

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  coordinator = await t.sessionFor(personas.coordinator);
  partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  otherAdmin = await t.sessionFor(personas.otherOrganisationAdmin);
  const db = t.database.db;
  pactId = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(db)).rows[0]!.id;
  welzijn = (await sql<{ id: string }>`select id from organisation where pact_id = ${pactId} and name = 'Welzijn Lindewaard'`.execute(db)).rows[0]!.id;
  pillar = (await sql<{ id: string }>`
    insert into pillar (pact_id, position, title, weight) values (${pactId}, 900, 'Toetspijler terugblik', 2) returning id`.execute(db)).rows[0]!.id;
});
after(() => t.database.close());

async function year(y: number, options: { status?: 'open' | 'locked'; published?: boolean } = {}): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into agenda_year (pact_id, year, status, published_at)
    values (${pactId}, ${y}, ${options.status ?? 'open'}, ${options.published ? new Date('2026-01-01T00:00:00Z') : null})
    on conflict (pact_id, year) do update set status = excluded.status, published_at = excluded.published_at
    returning id`.execute(t.database.db);
  return r.rows[0]!.id;
}

async function activity(yearId: string, title: string, targets: number[] = [10]): Promise<{ id: string; indicators: string[] }> {
  const db = t.database.db;
  const a = await sql<{ id: string }>`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, responsible_name, starts_on, ends_on, updated_at)
    values (${pactId}, ${yearId}, ${welzijn}, ${pillar}, ${title}, 'Een doel', 'Sanne de Vries', '2030-01-01', '2030-12-31', '2026-03-01T10:00:00Z')
    returning id`.execute(db);
  const id = a.rows[0]!.id;
  const indicators: string[] = [];
  for (const [i, target] of targets.entries()) {
    indicators.push((await sql<{ id: string }>`
      insert into indicator (pact_id, activity_id, position, name, unit, target_value) values (${pactId}, ${id}, ${i + 1}, ${`Indicator ${i + 1}`}, 'deelnemers', ${target})
      returning id`.execute(db)).rows[0]!.id);
  }
  return { id, indicators };
}

const reviewPath = (id: string, org = welzijn) => `/p/lindewaard/organisations/${org}/activities/${id}/review`;
const carryPath = (id: string, org = welzijn) => `/p/lindewaard/organisations/${org}/activities/${id}/carry-over`;

async function auditCount(action: string, recordId?: string): Promise<number> {
  const r = recordId
    ? await sql<{ n: number }>`select count(*)::int as n from audit_event where action = ${action} and record_id = ${recordId}`.execute(t.database.db)
    : await sql<{ n: number }>`select count(*)::int as n from audit_event where action = ${action}`.execute(t.database.db);
  return r.rows[0]!.n;
}

test('a review with a result but no status: 400, a clear status error, the input kept, nothing written', async () => {
  const y = await year(2030);
  const a = await activity(y, 'Buurtontbijt 2030');
  const res = await partnerAdmin.post(reviewPath(a.id), { [`result-${a.indicators[0]}`]: '7', story: 'Het loopt goed' });
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.match(html, /U vulde een resultaat of verhaal in, maar geen stand\./);
  assert.match(html, /id="field-status"[^>]*aria-invalid="true"/);
  assert.match(html, /value="7"/);
  assert.match(html, /Het loopt goed/);
  const n = await sql<{ n: number }>`select count(*)::int as n from activity_review where activity_id = ${a.id}`.execute(t.database.db);
  assert.equal(n.rows[0]!.n, 0);
  const bad = await partnerAdmin.post(reviewPath(a.id), { status: 'done', [`result-${a.indicators[0]}`]: '-3' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /Vul 0 of een hoger getal in\./);
});

test('a valid review writes the history, mirrors status and results, and is audit-logged', async () => {
  const y = await year(2030);
  const a = await activity(y, 'Taalcafé 2030', [10, 4]);
  const first = await partnerAdmin.post(reviewPath(a.id), { status: 'in_progress', [`result-${a.indicators[0]}`]: '5', story: 'Half' });
  assert.equal(first.status, 303);
  assert.equal(first.headers.get('location'), reviewPath(a.id));
  const second = await coordinator.post(reviewPath(a.id), { status: 'delayed', [`result-${a.indicators[0]}`]: '6', [`result-${a.indicators[1]}`]: '1,5' });
  assert.equal(second.status, 303);
  const db = t.database.db;
  const reviews = await sql<{ status: string }>`select status from activity_review where activity_id = ${a.id} order by id`.execute(db);
  assert.deepEqual(reviews.rows.map((r) => r.status), ['in_progress', 'delayed']);
  const act = await sql<{ status: string; reviewed_at: Date | null }>`select status, reviewed_at from activity where id = ${a.id}`.execute(db);
  assert.equal(act.rows[0]!.status, 'delayed');
  assert.equal(new Date(act.rows[0]!.reviewed_at!).toISOString(), '2026-11-23T10:00:00.000Z');
  const current = await sql<{ current: number }>`select current_value::float8 as current from indicator where activity_id = ${a.id} order by position`.execute(db);
  assert.deepEqual(current.rows.map((r) => r.current), [6, 1.5]);
  const results = await sql<{ n: number }>`select count(*)::int as n from indicator_result r join activity_review v on v.id = r.activity_review_id where v.activity_id = ${a.id}`.execute(db);
  assert.equal(results.rows[0]!.n, 3);
  assert.equal(await auditCount('activity.review', a.id), 2);
  const page = await (await partnerAdmin.get(reviewPath(a.id))).text();
  assert.match(page, /Eerdere terugblikken/);
  assert.match(page, /Vertraagd/);
  assert.match(page, /Half/);
});

test('a review is allowed in a locked year', async () => {
  const y = await year(2039, { status: 'locked' });
  const a = await activity(y, 'Gesloten jaar 2039');
  const res = await partnerAdmin.post(reviewPath(a.id), { status: 'stopped', story: 'Gestopt wegens geldgebrek' });
  assert.equal(res.status, 303);
  const act = await sql<{ status: string }>`select status from activity where id = ${a.id}`.execute(t.database.db);
  assert.equal(act.rows[0]!.status, 'stopped');
});

test('another organisation’s partner admin is refused; an activity under the wrong organisation is not found', async () => {
  const y = await year(2030);
  const a = await activity(y, 'Huiswerkklas 2030');
  assert.equal((await otherAdmin.get(reviewPath(a.id))).status, 403);
  assert.equal((await otherAdmin.post(reviewPath(a.id), { status: 'done' })).status, 403);
  assert.equal((await otherAdmin.post(carryPath(a.id), { startsOn: '2031-01-01', endsOn: '2031-12-31' })).status, 403);
  const delinde = (await sql<{ id: string }>`select id from organisation where pact_id = ${pactId} and name <> 'Welzijn Lindewaard' limit 1`.execute(t.database.db)).rows[0]!.id;
  assert.equal((await coordinator.get(reviewPath(a.id, delinde))).status, 404);
  assert.equal((await coordinator.post(reviewPath(a.id, delinde), { status: 'done' })).status, 404);
});

test('carry-over when the next year is not open: a clear message, nothing created', async () => {
  const y = await year(2032);
  const a = await activity(y, 'Schuldhulpspreekuur 2032');
  const page = await partnerAdmin.get(carryPath(a.id));
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Het jaar 2033 is nog niet geopend\. De coördinator van het pact moet 2033 eerst openen\./);
  const res = await partnerAdmin.post(carryPath(a.id), { startsOn: '2033-01-01', endsOn: '2033-12-31' });
  assert.equal(res.status, 409);
  assert.match(await res.text(), /moet 2033 eerst openen/);
  await year(2033, { status: 'locked' });
  const locked = await partnerAdmin.post(carryPath(a.id), { startsOn: '2033-01-01', endsOn: '2033-12-31' });
  assert.equal(locked.status, 409);
  assert.match(await locked.text(), /gesloten voor nieuwe activiteiten/);
  const n = await sql<{ n: number }>`select count(*)::int as n from activity where carried_from_id = ${a.id}`.execute(t.database.db);
  assert.equal(n.rows[0]!.n, 0);
});

test('carry-over creates the activity in the next year linked back; twice is a clear 409 with a link', async () => {
  const y = await year(2034);
  await year(2035);
  const a = await activity(y, 'Maatjesproject 2034', [20, 3]);
  await sql`insert into activity_partner (activity_id, organisation_id, pact_id)
    select ${a.id}, id, pact_id from organisation where pact_id = ${pactId} and id <> ${welzijn} limit 1`.execute(t.database.db);
  const bad = await partnerAdmin.post(carryPath(a.id), { startsOn: '2034-06-01', endsOn: '2035-12-31' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /Kies een datum in het nieuwe jaar\./);
  const res = await partnerAdmin.post(carryPath(a.id), { startsOn: '2035-02-01', endsOn: '2035-11-30' });
  assert.equal(res.status, 303);
  const db = t.database.db;
  const carried = await sql<{ id: string; year: number; title: string; starts_on: string; status: string; organisation_id: string }>`
    select a.id, y.year, a.title, to_char(a.starts_on, 'YYYY-MM-DD') as starts_on, a.status, a.organisation_id
      from activity a join agenda_year y on y.id = a.agenda_year_id where a.carried_from_id = ${a.id}`.execute(db);
  const c = carried.rows[0]!;
  assert.equal(c.year, 2035);
  assert.equal(c.title, 'Maatjesproject 2034');
  assert.equal(c.starts_on, '2035-02-01');
  assert.equal(c.status, 'planned');
  assert.equal(c.organisation_id, welzijn);
  assert.equal(res.headers.get('location'), reviewPath(c.id));
  const targets = await sql<{ target: number; current: number | null }>`select target_value::float8 as target, current_value::float8 as current from indicator where activity_id = ${c.id} order by position`.execute(db);
  assert.deepEqual(targets.rows, [{ target: 20, current: null }, { target: 3, current: null }]);
  const partners = await sql<{ n: number }>`select count(*)::int as n from activity_partner where activity_id = ${c.id}`.execute(db);
  assert.equal(partners.rows[0]!.n, 1);
  assert.equal(await auditCount('activity.carry-over', c.id), 1);

  const newPage = await (await partnerAdmin.get(reviewPath(c.id))).text();
  assert.ok(newPage.includes(`href="${reviewPath(a.id)}"`), 'the carried activity links back');
  assert.match(newPage, /Deze activiteit komt uit 2034/);

  const twice = await partnerAdmin.post(carryPath(a.id), { startsOn: '2035-02-01', endsOn: '2035-11-30' });
  assert.equal(twice.status, 409);
  const html = await twice.text();
  assert.match(html, /al meegenomen naar 2035\. Dat kan maar één keer\./);
  assert.ok(html.includes(`href="${reviewPath(c.id)}"`));
  const n = await sql<{ n: number }>`select count(*)::int as n from activity where carried_from_id = ${a.id}`.execute(db);
  assert.equal(n.rows[0]!.n, 1);
});

test('done and stopped activities are not carried over', async () => {
  const y = await year(2034);
  const a = await activity(y, 'Afgerond project 2034');
  assert.equal((await partnerAdmin.post(reviewPath(a.id), { status: 'done' })).status, 303);
  const res = await partnerAdmin.post(carryPath(a.id), { startsOn: '2035-01-01', endsOn: '2035-12-31' });
  assert.equal(res.status, 409);
  assert.match(await res.text(), /Alleen activiteiten die nog niet klaar zijn/);
});

test('the results page is public only when the year is published; members see it before; unknown years are 404', async () => {
  const draft = await year(2036);
  await activity(draft, 'Concept 2036', [10]);
  const anonymous = t.anonymous();
  assert.equal((await anonymous.get('/p/lindewaard/agenda/2036/results')).status, 404);
  const member = await coordinator.get('/p/lindewaard/agenda/2036/results');
  assert.equal(member.status, 200);
  assert.match(await member.text(), /nog niet openbaar/);
  const published = await year(2037, { published: true });
  const a = await activity(published, 'Openbaar 2037', [10]);
  await partnerAdmin.post(reviewPath(a.id), { status: 'in_progress', [`result-${a.indicators[0]}`]: '5' });
  const open = await anonymous.get('/p/lindewaard/agenda/2037/results');
  assert.equal(open.status, 200);
  const html = await open.text();
  assert.match(html, /Taart van engagementen/);
  assert.match(html, /<svg[^>]*role="img"/);
  assert.match(html, /<title id="pie-partner-title">/);
  assert.match(html, /Toetspijler terugblik/);
  assert.match(html, /<progress max="100" value="50"/);
  assert.doesNotMatch(html, /Sanne de Vries/, 'no names of people on the public page');
  assert.doesNotMatch(html, /href="\/p\/lindewaard\/agenda\/2036\/results"/, 'an unpublished year is not linked for the public');
  assert.equal((await anonymous.get('/p/lindewaard/agenda/2099/results')).status, 404);
});

test('the overview lists the year’s activities with staleness and filters; the CSV is audit-logged', async () => {
  const y = await year(2038);
  const stale = await activity(y, 'Verouderd 2038');
  const fresh = await activity(y, 'Bijgewerkt 2038');
  await partnerAdmin.post(reviewPath(fresh.id), { status: 'done' });
  const professional = await t.sessionFor(personas.professional);
  const page = await professional.get('/p/lindewaard/agenda/2038/review');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Verouderd 2038/);
  assert.match(html, /Niet bijgewerkt sinds de vorige terugblik/);
  assert.doesNotMatch(html, new RegExp(reviewPath(stale.id)), 'a professional may not review');
  const filtered = await (await partnerAdmin.get('/p/lindewaard/agenda/2038/review?status=done')).text();
  assert.match(filtered, /Bijgewerkt 2038/);
  assert.doesNotMatch(filtered, /Verouderd 2038/);
  assert.ok(filtered.includes(reviewPath(fresh.id)));
  const before = await auditCount('activity.export');
  const csv = await partnerAdmin.get('/p/lindewaard/agenda/2038/review.csv');
  assert.equal(csv.status, 200);
  const text = await csv.text();
  assert.match(text, /Verouderd 2038/);
  assert.equal(await auditCount('activity.export'), before + 1);
  assert.equal((await professional.get('/p/lindewaard/agenda/2999/review')).status, 404);
});
