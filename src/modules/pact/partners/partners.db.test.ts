// The pact profile, pillars, covenant versions, signatures, representatives, partnership and the
// public partner pages through the app. Works with and without the demo's pillars and covenant.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { startAuditChain } from '../../../platform/audit/audit-log.ts';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type Persona, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
let coordinator: Persona;
let partnerAdmin: Persona;
const ids = { lindewaard: '', welzijn: '', delinde: '', fresh: '' };

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const db = t.database.db;
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(db)).rows[0]!.id;
  ids.lindewaard = await one(sql<{ id: string }>`select id from pact where slug = 'lindewaard'`);
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.delinde = await one(sql<{ id: string }>`select id from organisation where name = 'Woonstichting De Linde'`);
  // A pact without pillars, coordinated by Lindewaard's coordinator too, for the templates.
  ids.fresh = await db.transaction().execute(async (tx) => {
    const id = (await sql<{ id: string }>`
      insert into pact (slug, name, municipality, jurisdiction) values ('proefpact', 'Proefpact Nieuwdorp', 'Nieuwdorp', 'NL') returning id`.execute(tx)).rows[0]!.id;
    await startAuditChain(tx, id);
    await sql`insert into membership (pact_id, person_id, role) select ${id}, id, 'pact_coordinator' from person where email = ${personas.coordinator}`.execute(tx);
    return id;
  });
  coordinator = await t.sessionFor(personas.coordinator);
  partnerAdmin = await t.sessionFor(personas.partnerAdmin);
});
after(() => t.database.close());

async function auditCount(action: string): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from audit_event where action = ${action}`.execute(t.database.db)).rows[0]!.n;
}

test(`the coordinator sets the pact's profile; the home page shows it (${testEngine})`, async () => {
  const before = await auditCount('pact.update-profile');
  const page = await coordinator.get('/p/lindewaard/profile');
  assert.equal(page.status, 200);
  const saved = await coordinator.post('/p/lindewaard/profile', { mission: 'Niemand in Lindewaard leeft in armoede.', horizonYear: '2035', pillarLabel: 'pillar' });
  assert.equal(saved.status, 303);
  const home = await (await t.anonymous().get('/p/lindewaard')).text();
  assert.match(home, /Niemand in Lindewaard leeft in armoede\./);
  assert.match(home, /2035/);
  for (const link of ['partners', 'covenant', 'agenda', 'initiatives', 'stories', 'meetings']) assert.match(home, new RegExp(`href="/p/lindewaard/${link}"`));
  assert.equal(await auditCount('pact.update-profile'), before + 1);
  const row = (await sql<{ mission: string; horizon_year: number }>`select mission, horizon_year from pact where slug = 'lindewaard'`.execute(t.database.db)).rows[0]!;
  assert.deepEqual(row, { mission: 'Niemand in Lindewaard leeft in armoede.', horizon_year: 2035 });
});

test('bad profile input re-renders with the input kept (400) and changes nothing', async () => {
  const r = await coordinator.post('/p/lindewaard/profile', { mission: 'Een nieuwe missie die niet bewaard wordt', horizonYear: 'later', pillarLabel: 'pillar' });
  assert.equal(r.status, 400);
  const html = await r.text();
  assert.match(html, /Een nieuwe missie die niet bewaard wordt/);
  assert.match(html, /value="later"/);
  assert.match(html, /tussen 2000 en 2100/);
  const row = (await sql<{ mission: string }>`select mission from pact where slug = 'lindewaard'`.execute(t.database.db)).rows[0]!;
  assert.equal(row.mission, 'Niemand in Lindewaard leeft in armoede.');
});

test('a template fills a pact without pillars once; the second time is a clear 409', async () => {
  const home = await (await coordinator.get('/p/proefpact')).text();
  assert.match(home, /nog geen pijlers of paden/);
  const list = await coordinator.get('/p/proefpact/pillars');
  assert.match(await list.text(), /Kies een begin/);
  const applied = await coordinator.post('/p/proefpact/pillars/template', { template: 'nine-paths' });
  assert.equal(applied.status, 303);
  const rows = (await sql<{ title: string; position: number }>`select title, position from pillar where pact_id = ${ids.fresh} order by position`.execute(t.database.db)).rows;
  assert.equal(rows.length, 9);
  assert.equal(rows[0]!.title, 'Armen aan het woord');
  const label = (await sql<{ pillar_label: string }>`select pillar_label from pact where id = ${ids.fresh}`.execute(t.database.db)).rows[0]!.pillar_label;
  assert.equal(label, 'path');
  const again = await coordinator.post('/p/proefpact/pillars/template', { template: 'five-pillars' });
  assert.equal(again.status, 409);
  assert.match(await again.text(), /heeft al pijlers of paden/);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from pillar where pact_id = ${ids.fresh}`.execute(t.database.db)).rows[0]!.n, 9);
  assert.match(await (await t.anonymous().get('/p/proefpact')).text(), /Onze paden[\s\S]*Armen aan het woord/);
  assert.ok((await auditCount('pillar.apply-template')) >= 1);
});

test('the coordinator adds, edits, archives and restores a pillar', async () => {
  const title = `Testpijler ${Date.now()}`;
  const added = await coordinator.post('/p/lindewaard/pillars', { title, description: 'Om te proberen', weight: '', position: '' });
  assert.equal(added.status, 303);
  const pillar = (await sql<{ id: string; position: number; weight: string }>`select id, position, weight::text as weight from pillar where title = ${title}`.execute(t.database.db)).rows[0]!;
  assert.equal(Number(pillar.weight), 1);
  const duplicate = await coordinator.post('/p/lindewaard/pillars', { title: title.toUpperCase(), description: 'Kept text' });
  assert.equal(duplicate.status, 400);
  assert.match(await duplicate.text(), /Kept text/);
  const badEdit = await coordinator.post(`/p/lindewaard/pillars/${pillar.id}`, { action: 'save', title: 'Nieuw', description: '', weight: '0', position: '2' });
  assert.equal(badEdit.status, 400);
  assert.match(await badEdit.text(), /value="0"/);
  const edited = await coordinator.post(`/p/lindewaard/pillars/${pillar.id}`, { action: 'save', title: `${title} bewerkt`, description: 'Nieuw', weight: '2,5', position: '7' });
  assert.equal(edited.status, 303);
  const after = (await sql<{ title: string; weight: string; position: number }>`select title, weight::text as weight, position from pillar where id = ${pillar.id}`.execute(t.database.db)).rows[0]!;
  assert.deepEqual({ ...after, weight: Number(after.weight) }, { title: `${title} bewerkt`, weight: 2.5, position: 7 });
  assert.match(await (await t.anonymous().get('/p/lindewaard')).text(), new RegExp(`${title} bewerkt`));
  assert.equal((await coordinator.post(`/p/lindewaard/pillars/${pillar.id}`, { action: 'archive' })).status, 303);
  assert.match(await (await coordinator.get(`/p/lindewaard/pillars/${pillar.id}`)).text(), /gearchiveerd/);
  assert.doesNotMatch(await (await t.anonymous().get('/p/lindewaard')).text(), new RegExp(`${title} bewerkt`));
  assert.equal((await coordinator.post(`/p/lindewaard/pillars/${pillar.id}`, { action: 'restore' })).status, 303);
  const restored = (await sql<{ archived_at: Date | null }>`select archived_at from pillar where id = ${pillar.id}`.execute(t.database.db)).rows[0]!;
  assert.equal(restored.archived_at, null);
  for (const action of ['pillar.create', 'pillar.update', 'pillar.archive', 'pillar.restore']) assert.ok((await auditCount(action)) >= 1, action);
  assert.equal((await partnerAdmin.get('/p/lindewaard/pillars')).status, 403);
});

let newVersion = 0;

test('a new covenant version gets the next number and never changes', async () => {
  const latest = (await sql<{ v: number | null }>`select max(version) as v from covenant_version where pact_id = ${ids.lindewaard}`.execute(t.database.db)).rows[0]!.v ?? 0;
  const empty = await coordinator.post('/p/lindewaard/covenant/new', {});
  assert.equal(empty.status, 400);
  const bad = await coordinator.post('/p/lindewaard/covenant/new', { title: 'Convenant 2027', body: 'Tekst blijft staan', adoptedOn: '2026-02-30' });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /Tekst blijft staan/);
  const r = await coordinator.post('/p/lindewaard/covenant/new', { title: 'Convenant 2027', body: 'Wij werken samen.\n\nNiemand valt tussen wal en schip.', adoptedOn: '2026-11-20' });
  assert.equal(r.status, 303);
  newVersion = latest + 1;
  assert.equal(r.headers.get('location'), `/p/lindewaard/covenant/${newVersion}`);
  const page = await t.anonymous().get(`/p/lindewaard/covenant/${newVersion}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /Niemand valt tussen wal en schip/);
  assert.match(await (await t.anonymous().get('/p/lindewaard/covenant')).text(), /Convenant 2027/);
  assert.equal((await t.anonymous().get('/p/lindewaard/covenant/999999')).status, 404);
  assert.equal((await t.anonymous().get('/p/lindewaard/covenant/abc')).status, 404);
  await assert.rejects(sql`update covenant_version set body = 'anders' where pact_id = ${ids.lindewaard} and version = ${newVersion}`.execute(t.database.db));
  assert.ok((await auditCount('covenant-version.create')) >= 1);
});

test('a partner signs a version once; signing it again is refused with a clear message', async () => {
  const base = `/p/lindewaard/organisations/${ids.welzijn}/covenant`;
  assert.equal((await partnerAdmin.get(base)).status, 200);
  const signed = await partnerAdmin.post(base, { version: String(newVersion), signedByName: 'Marieke de Boer', signedOn: '2026-11-21' });
  assert.equal(signed.status, 303);
  const again = await partnerAdmin.post(base, { version: String(newVersion), signedByName: 'Iemand Anders', signedOn: '2026-11-22' });
  assert.equal(again.status, 409);
  const html = await again.text();
  assert.match(html, new RegExp(`versie ${newVersion} al ondertekend`));
  assert.match(html, /Iemand Anders/);
  const unknown = await partnerAdmin.post(base, { version: '999999', signedByName: 'X', signedOn: '2026-11-22' });
  assert.equal(unknown.status, 400);
  const covenant = await (await t.anonymous().get('/p/lindewaard/covenant')).text();
  assert.match(covenant, /Marieke de Boer/);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from covenant_signature s join covenant_version v on v.id = s.covenant_version_id
    where s.organisation_id = ${ids.welzijn} and v.version = ${newVersion}`.execute(t.database.db)).rows[0]!.n, 1);
  assert.ok((await auditCount('covenant-signature.create')) >= 1);
  // Another partner's admin may not sign for Welzijn.
  const other = await t.sessionFor(personas.otherOrganisationAdmin);
  assert.equal((await other.post(base, { version: String(newVersion), signedByName: 'X', signedOn: '2026-11-22' })).status, 403);
});

test('a partner admin records and ends a representative; the public page follows', async () => {
  const base = `/p/lindewaard/organisations/${ids.welzijn}/representatives`;
  const name = `Sanne Vertegenwoordiger ${Date.now()}`;
  const empty = await partnerAdmin.post(base, { name: '', functionTitle: 'Directeur' });
  assert.equal(empty.status, 400);
  assert.match(await empty.text(), /value="Directeur"/);
  assert.equal((await partnerAdmin.post(base, { name, functionTitle: 'Directeur' })).status, 303);
  assert.match(await (await t.anonymous().get(`/p/lindewaard/partners/${ids.welzijn}`)).text(), new RegExp(name));
  const id = (await sql<{ id: string }>`select id from partner_representative where name = ${name}`.execute(t.database.db)).rows[0]!.id;
  assert.equal((await partnerAdmin.post(base, { action: 'end', representative: id })).status, 303);
  assert.doesNotMatch(await (await t.anonymous().get(`/p/lindewaard/partners/${ids.welzijn}`)).text(), new RegExp(name));
  assert.match(await (await partnerAdmin.get(base)).text(), /Eerdere vertegenwoordigers/);
  assert.equal((await partnerAdmin.post(base, { action: 'end', representative: id })).status, 404);
  for (const action of ['partner-representative.create', 'partner-representative.end', 'partner-representative.list']) assert.ok((await auditCount(action)) >= 1, action);
});

test('the organisation form keeps a mission and a contact person, shown on the public page', async () => {
  const r = await partnerAdmin.post(`/p/lindewaard/organisations/${ids.welzijn}/edit`, {
    name: 'Welzijn Lindewaard', kind: 'welfare', description: 'Welzijnswerk', website: 'https://welzijn.lindewaard.example', email: 'info@welzijn.lindewaard.example',
    phone: '0123 456 789', address: 'Dorpsstraat 1', mission: 'Iedereen doet mee.', contactName: 'Joost Contact', version: '',
  });
  assert.equal(r.status, 303);
  const page = await (await t.anonymous().get(`/p/lindewaard/partners/${ids.welzijn}`)).text();
  assert.match(page, /Iedereen doet mee\./);
  assert.match(page, /Joost Contact/);
});

test('a partner that leaves mid-year keeps its history; only the coordinator lets it rejoin', async () => {
  const base = `/p/lindewaard/organisations/${ids.delinde}/partnership`;
  const joined = (await sql<{ joined_on: string | null }>`select joined_on::text as joined_on from organisation where id = ${ids.delinde}`.execute(t.database.db)).rows[0]!.joined_on;
  const leaveOn = joined && joined > '2026-06-30' ? joined : '2026-06-30';
  const membersBefore = (await sql<{ n: number }>`select count(*)::int as n from membership where organisation_id = ${ids.delinde} and ended_at is null`.execute(t.database.db)).rows[0]!.n;
  const noReason = await coordinator.post(base, { action: 'leave', effectiveOn: leaveOn, reason: '' });
  assert.equal(noReason.status, 400);
  assert.equal((await coordinator.post(base, { action: 'leave', effectiveOn: leaveOn, reason: 'Andere keuzes in het beleid' })).status, 303);
  const row = (await sql<{ left_on: string }>`select left_on::text as left_on from organisation where id = ${ids.delinde}`.execute(t.database.db)).rows[0]!;
  assert.equal(row.left_on, leaveOn);
  const membersAfter = (await sql<{ n: number }>`select count(*)::int as n from membership where organisation_id = ${ids.delinde} and ended_at is null`.execute(t.database.db)).rows[0]!.n;
  assert.equal(membersAfter, membersBefore);
  const twice = await coordinator.post(base, { action: 'leave', effectiveOn: leaveOn, reason: 'Nog eens' });
  assert.equal(twice.status, 409);
  assert.match(await twice.text(), /al gestopt/);
  const list = await (await t.anonymous().get('/p/lindewaard/partners')).text();
  assert.match(list, /Vroegere partners[\s\S]*Woonstichting De Linde/);
  // A partner admin may not rejoin (not even their own organisation).
  assert.equal((await partnerAdmin.post(`/p/lindewaard/organisations/${ids.welzijn}/partnership`, { action: 'rejoin', effectiveOn: '2026-12-01', reason: '' })).status, 403);
  assert.equal((await coordinator.post(base, { action: 'rejoin', effectiveOn: '2026-12-01', reason: 'Weer aan boord' })).status, 303);
  const history = (await sql<{ to_status: string }>`select to_status from partner_status_change where organisation_id = ${ids.delinde} order by id`.execute(t.database.db)).rows;
  assert.deepEqual(history.slice(-2).map((h) => h.to_status), ['left', 'member']);
  assert.match(await (await coordinator.get(base)).text(), /Andere keuzes in het beleid/);
  assert.ok((await auditCount('organisation.leave-pact')) >= 1);
  assert.ok((await auditCount('organisation.rejoin-pact')) >= 1);
});

test('public partner pages show public data only, and activities of published agenda years only', async () => {
  const db = t.database.db;
  const pillar = (await sql<{ id: string }>`
    insert into pillar (pact_id, position, title) values (${ids.lindewaard}, 999, 'Pijler voor de openbare test')
    on conflict on constraint pillar_title_key do update set position = excluded.position returning id`.execute(db)).rows[0]!.id;
  const year = async (y: number, published: boolean) => (await sql<{ id: string }>`
    insert into agenda_year (pact_id, year, status, published_at) values (${ids.lindewaard}, ${y}, 'open', ${published ? new Date() : null})
    on conflict on constraint agenda_year_key do update set published_at = excluded.published_at returning id`.execute(db)).rows[0]!.id;
  const activity = async (yearId: string, title: string) => (await sql<{ id: string }>`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, responsible_name, starts_on, ends_on)
    values (${ids.lindewaard}, ${yearId}, ${ids.welzijn}, ${pillar}, ${title}, 'Doel', 'Verantwoordelijke Persoon', '2090-01-01', '2090-12-31')
    returning id`.execute(db)).rows[0]!.id;
  const publishedId = await activity(await year(2090, true), 'Gepubliceerde activiteit');
  await activity(await year(2091, false), 'Concept-activiteit');
  const page = await (await t.anonymous().get(`/p/lindewaard/partners/${ids.welzijn}`)).text();
  assert.match(page, new RegExp(`href="/p/lindewaard/agenda/2090/activities/${publishedId}"`));
  assert.doesNotMatch(page, /Concept-activiteit/);
  // No member accounts, no address: the profile fields the partner page promises only.
  assert.doesNotMatch(page, /consulent@welzijn\.lindewaard\.example/);
  assert.doesNotMatch(page, /beheer@welzijn\.lindewaard\.example/);
  assert.doesNotMatch(page, /Dorpsstraat 1/);
  const csv = await t.anonymous().get('/p/lindewaard/partners.csv');
  assert.equal(csv.status, 200);
  const text = await csv.text();
  assert.match(text, /Welzijn Lindewaard/);
  assert.doesNotMatch(text, /@/);
  const filtered = await (await t.anonymous().get('/p/lindewaard/partners?kind=welfare')).text();
  assert.match(filtered, /Welzijn Lindewaard/);
  assert.doesNotMatch(filtered, /href="\/p\/lindewaard\/partners\/[^"]+">Gemeente Lindewaard/);
  assert.equal((await t.anonymous().get('/p/lindewaard/partners?kind=%3Cscript%3E')).status, 200);
  assert.equal((await t.anonymous().get('/p/lindewaard/partners/00000000-0000-4000-8000-000000000000')).status, 404);
  // An organisation of another pact is not there.
  const ocmw = (await sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`.execute(db)).rows[0]!.id;
  assert.equal((await t.anonymous().get(`/p/lindewaard/partners/${ocmw}`)).status, 404);
});
