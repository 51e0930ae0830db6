// The agenda through the app, as a browser uses it: a coordinator opens a year, a partner admin
// registers an activity with indicators, a locked year and a partner that left are refused with the
// input kept, another organisation's activity is out of reach, publishing makes the agenda public,
// and the PDF, CSV and audit entries follow. Years 2030 and later: demo data may hold 2025/2026.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { inspectPdf } from '../../../platform/pdf/inspect.ts';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
const ids = { welzijn: '', delinde: '', gemeente: '', pillar: '' };

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(t.database.db)).rows[0]!.id;
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.delinde = await one(sql<{ id: string }>`select id from organisation where name = 'Woonstichting De Linde'`);
  ids.gemeente = await one(sql<{ id: string }>`select id from organisation where name = 'Gemeente Lindewaard'`);
  await sql`
    insert into pillar (pact_id, position, title)
    select id, 900, 'Testpijler agenda' from pact where slug = 'lindewaard'
    on conflict (pact_id, title) do nothing`.execute(t.database.db);
  ids.pillar = await one(sql<{ id: string }>`select p.id from pillar p join pact x on x.id = p.pact_id where x.slug = 'lindewaard' and p.title = 'Testpijler agenda'`);
});
after(() => t.database.close());

const org = (id: string) => `/p/lindewaard/organisations/${id}/activities`;

function activityFields(year: number, title: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    title, goal: 'Vroeg zicht op geldzorgen bij huishoudens', pillar: ids.pillar, description: '', responsible: 'Joost de Vries',
    startsOn: `${year}-02-01`, endsOn: `${year}-11-30`, partners: ids.gemeente,
    indicatorName1: 'Huishoudens geholpen', indicatorUnit1: 'huishoudens', indicatorTarget1: '120',
    indicatorName2: 'Spreekuren', indicatorUnit2: '', indicatorTarget2: '40,5', ...extra,
  };
}

async function auditCount(action: string): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from audit_event where action = ${action}`.execute(t.database.db)).rows[0]!.n;
}

test(`a coordinator opens a year, a partner registers, the coordinator locks and publishes (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const partner = await t.sessionFor(personas.partnerAdmin);
  const anonymous = t.anonymous();

  assert.equal((await partner.post('/p/lindewaard/agenda', { year: '2031' })).status, 403);
  const opened = await coordinator.post('/p/lindewaard/agenda', { year: '2031' });
  assert.equal(opened.status, 303);
  const again = await coordinator.post('/p/lindewaard/agenda', { year: '2031' });
  assert.equal(again.status, 409);
  assert.match(await again.text(), /2031 bestaat al/);
  const badYear = await coordinator.post('/p/lindewaard/agenda', { year: '31' });
  assert.equal(badYear.status, 400);

  // Unpublished: members see a draft, the public sees nothing.
  assert.equal((await anonymous.get('/p/lindewaard/agenda/2031')).status, 404);
  assert.equal((await anonymous.get('/p/lindewaard/agenda/2031/agenda.pdf')).status, 404);
  assert.equal((await anonymous.get('/p/lindewaard/agenda/2031/activities.csv')).status, 404);
  assert.doesNotMatch(await (await anonymous.get('/p/lindewaard/agenda')).text(), /Agenda 2031/);
  const draft = await partner.get('/p/lindewaard/agenda/2031');
  assert.equal(draft.status, 200);
  assert.match(await draft.text(), /Concept/);

  // Bad input: 400 with the input kept.
  const bad = await partner.post(`${org(ids.welzijn)}/new?year=2031`, activityFields(2031, 'Geldzorgen vroeg', { endsOn: '2031-01-01', indicatorTarget1: 'veel' }));
  assert.equal(bad.status, 400);
  const badHtml = await bad.text();
  assert.match(badHtml, /De einddatum ligt vóór de begindatum/);
  assert.match(badHtml, /value="veel"/);
  assert.match(badHtml, /value="Geldzorgen vroeg"/);

  const registered = await partner.post(`${org(ids.welzijn)}/new?year=2031`, activityFields(2031, 'Geldzorgen vroeg'));
  assert.equal(registered.status, 303);
  const activity = (await sql<{ id: string; responsible_name: string }>`select id, responsible_name from activity where title = 'Geldzorgen vroeg'`.execute(t.database.db)).rows[0]!;
  const indicators = (await sql<{ name: string; target_value: string }>`select name, target_value::text from indicator where activity_id = ${activity.id} order by position`.execute(t.database.db)).rows;
  assert.deepEqual(indicators.map((i) => [i.name, Number(i.target_value)]), [['Huishoudens geholpen', 120], ['Spreekuren', 40.5]]);
  const partners = (await sql<{ organisation_id: string }>`select organisation_id from activity_partner where activity_id = ${activity.id}`.execute(t.database.db)).rows;
  assert.deepEqual(partners.map((p) => p.organisation_id), [ids.gemeente]);
  assert.equal((await partner.get(org(ids.welzijn))).status, 200);

  // Another organisation's admin cannot reach it, under either address.
  const delinde = await t.sessionFor(personas.otherOrganisationAdmin);
  assert.equal((await delinde.get(`${org(ids.welzijn)}/${activity.id}/edit`)).status, 403);
  assert.equal((await delinde.post(`${org(ids.welzijn)}/${activity.id}/edit`, activityFields(2031, 'Overgenomen'))).status, 403);
  assert.equal((await delinde.get(`${org(ids.delinde)}/${activity.id}/edit`)).status, 404);
  assert.equal((await delinde.post(`${org(ids.delinde)}/${activity.id}/edit`, activityFields(2031, 'Overgenomen'))).status, 404);
  assert.equal((await delinde.post(`${org(ids.delinde)}/${activity.id}/withdraw`, { confirm: 'yes' })).status, 404);

  // An edit from an older revision is refused.
  const stale = await partner.post(`${org(ids.welzijn)}/${activity.id}/edit`, activityFields(2031, 'Geldzorgen vroeg (oud)', { revision: '0' }));
  assert.equal(stale.status, 409);
  assert.match(await stale.text(), /Geldzorgen vroeg \(oud\)/);

  // Locked: a partner's new registration is refused with the year named and the input kept.
  assert.equal((await coordinator.post('/p/lindewaard/agenda/2031/status', { action: 'lock', note: '' })).status, 303);
  const locked = await partner.post(`${org(ids.welzijn)}/new?year=2031`, activityFields(2031, 'Te laat aangemeld'));
  assert.equal(locked.status, 409);
  const lockedHtml = await locked.text();
  assert.match(lockedHtml, /Aanmelden voor 2031 is gesloten/);
  assert.match(lockedHtml, /coördinator van/);
  assert.match(lockedHtml, /value="Te laat aangemeld"/);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from activity where title = 'Te laat aangemeld'`.execute(t.database.db)).rows[0]!.n, 0);
  // Locking twice is not a transition.
  assert.equal((await coordinator.post('/p/lindewaard/agenda/2031/status', { action: 'lock', note: '' })).status, 409);

  // Publish: public now.
  assert.equal((await coordinator.post('/p/lindewaard/agenda/2031/status', { action: 'publish', note: 'Vastgesteld' })).status, 303);
  const published = await anonymous.get('/p/lindewaard/agenda/2031');
  assert.equal(published.status, 200);
  const html = await published.text();
  assert.match(html, /Geldzorgen vroeg/);
  assert.match(html, /Joost de Vries/);
  assert.match(html, /Gemeente Lindewaard/);
  assert.doesNotMatch(html, /Concept:/);
  const byPartner = await (await anonymous.get('/p/lindewaard/agenda/2031?by=partner')).text();
  assert.match(byPartner, /Welzijn Lindewaard/);
  assert.equal((await anonymous.get(`/p/lindewaard/agenda/2031/activities/${activity.id}`)).status, 200);

  const pdf = await anonymous.get('/p/lindewaard/agenda/2031/agenda.pdf');
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  const bytes = Buffer.from(await pdf.arrayBuffer());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), '%PDF');
  const inspected = inspectPdf(bytes);
  assert.match(inspected.info.Title ?? '', /Lokale Sociale Agenda 2031/);
  assert.ok(inspected.pages.some((p) => p.some((line) => line.includes('Geldzorgen vroeg'))), 'the activity is in the PDF');

  const csv = await anonymous.get('/p/lindewaard/agenda/2031/activities.csv');
  assert.equal(csv.status, 200);
  const csvText = await csv.text();
  assert.match(csvText, /Geldzorgen vroeg/);
  assert.equal(csvText.trim().split('\r\n').length, 2, 'a header and one row');

  const events = (await sql<{ kind: string }>`
    select e.kind from agenda_year_event e join agenda_year y on y.id = e.agenda_year_id where y.year = 2031 order by e.id`.execute(t.database.db)).rows;
  assert.deepEqual(events.map((e) => e.kind), ['opened', 'locked', 'published']);
  for (const action of ['agenda-year.open', 'agenda-year.lock', 'agenda-year.publish', 'activity.register', 'agenda.export-pdf', 'agenda.export-csv']) {
    assert.ok((await auditCount(action)) > 0, action);
  }

  // The coordinator may still correct an activity in a locked year; the partner may not.
  const edit = await partner.get(`${org(ids.welzijn)}/${activity.id}/edit`);
  const revision = /name="revision" value="([^"]+)"/.exec(await edit.text())![1]!;
  assert.equal((await partner.post(`${org(ids.welzijn)}/${activity.id}/edit`, activityFields(2031, 'Geldzorgen vroeg', { revision }))).status, 409);
  assert.equal((await coordinator.post(`${org(ids.welzijn)}/${activity.id}/edit`, activityFields(2031, 'Geldzorgen vroeg', { revision, indicatorName2: '', indicatorTarget2: '' }))).status, 303);
  assert.ok((await auditCount('activity.update')) > 0);

  // Unpublish: gone for the public again.
  assert.equal((await coordinator.post('/p/lindewaard/agenda/2031/status', { action: 'unpublish', note: '' })).status, 303);
  assert.equal((await anonymous.get('/p/lindewaard/agenda/2031')).status, 404);
});

test(`a partner that left the pact registers nothing new; its activities stay marked (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const partner = await t.sessionFor(personas.partnerAdmin);
  assert.equal((await coordinator.post('/p/lindewaard/agenda', { year: '2032' })).status, 303);
  assert.equal((await partner.post(`${org(ids.welzijn)}/new?year=2032`, activityFields(2032, 'Voor het vertrek'))).status, 303);
  await sql`update organisation set left_on = '2026-11-01' where id = ${ids.welzijn}`.execute(t.database.db);
  try {
    const refused = await partner.post(`${org(ids.welzijn)}/new?year=2032`, activityFields(2032, 'Na het vertrek'));
    assert.equal(refused.status, 409);
    const html = await refused.text();
    assert.match(html, /uit het pact gestapt/);
    assert.match(html, /value="Na het vertrek"/);
    const agenda = await (await partner.get('/p/lindewaard/agenda/2032')).text();
    assert.match(agenda, /Voor het vertrek/);
    assert.match(agenda, /is op 1 november 2026 uit het pact gestapt/);
  } finally {
    await sql`update organisation set left_on = null where id = ${ids.welzijn}`.execute(t.database.db);
  }
});

test(`a save from a revision someone else saved over is a 409 with the input kept on top of the stored revision (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const partner = await t.sessionFor(personas.partnerAdmin);
  await coordinator.post('/p/lindewaard/agenda', { year: '2035' });
  assert.equal((await partner.post(`${org(ids.welzijn)}/new?year=2035`, activityFields(2035, 'Twee bewerkers'))).status, 303);
  const id = (await sql<{ id: string }>`select id from activity where title = 'Twee bewerkers'`.execute(t.database.db)).rows[0]!.id;
  const shown = /name="revision" value="([^"]+)"/.exec(await (await partner.get(`${org(ids.welzijn)}/${id}/edit`)).text())![1]!;
  assert.equal((await coordinator.post(`${org(ids.welzijn)}/${id}/edit`, activityFields(2035, 'Twee bewerkers (coördinator)', { revision: shown }))).status, 303);
  const late = await partner.post(`${org(ids.welzijn)}/${id}/edit`, activityFields(2035, 'Twee bewerkers (partner)', { revision: shown }));
  assert.equal(late.status, 409);
  const html = await late.text();
  assert.match(html, /Iemand anders heeft deze activiteit intussen gewijzigd/);
  assert.match(html, /value="Twee bewerkers \(partner\)"/);
  assert.match(html, new RegExp(`name="revision" value="${Number(shown) + 1}"`));
  const stored = (await sql<{ title: string; revision: number }>`select title, revision from activity where id = ${id}`.execute(t.database.db)).rows[0]!;
  assert.deepEqual(stored, { title: 'Twee bewerkers (coördinator)', revision: Number(shown) + 1 });
  // Saving again from the revision the 409 page carries wins, knowingly.
  const again = await partner.post(`${org(ids.welzijn)}/${id}/edit`, activityFields(2035, 'Twee bewerkers (partner)', { revision: String(Number(shown) + 1) }));
  assert.equal(again.status, 303);
});

test(`withdrawing needs the confirmation (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const partner = await t.sessionFor(personas.partnerAdmin);
  await coordinator.post('/p/lindewaard/agenda', { year: '2033' });
  assert.equal((await partner.post(`${org(ids.welzijn)}/new?year=2033`, activityFields(2033, 'Wordt ingetrokken'))).status, 303);
  const id = (await sql<{ id: string }>`select id from activity where title = 'Wordt ingetrokken'`.execute(t.database.db)).rows[0]!.id;
  assert.equal((await partner.post(`${org(ids.welzijn)}/${id}/withdraw`, {})).status, 400);
  assert.equal((await partner.post(`${org(ids.welzijn)}/${id}/withdraw`, { confirm: 'yes' })).status, 303);
  const row = (await sql<{ withdrawn: boolean }>`select withdrawn_at is not null as withdrawn from activity where id = ${id}`.execute(t.database.db)).rows[0]!;
  assert.equal(row.withdrawn, true);
  assert.ok((await auditCount('activity.withdraw')) > 0);
});

test('an activity ending on 9999-12-31 is refused at the field with a clear message, in Dutch and English, and the input kept', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  assert.equal((await coordinator.post('/p/lindewaard/agenda', { year: '2036' })).status, 303);
  const url = `${org(ids.welzijn)}/new?year=2036`;
  const dutch = await coordinator.post(url, activityFields(2036, 'Tot het einde der tijden', { endsOn: '9999-12-31' }));
  assert.equal(dutch.status, 400);
  const page = await dutch.text();
  assert.ok(page.includes('Vul een datum in tussen 1 januari 2000 en 31 december 2100.'), 'the Dutch message');
  assert.ok(page.includes('href="#field-endsOn"'), 'the error summary links to the end date');
  assert.ok(page.includes('value="9999-12-31"') && page.includes('value="Tot het einde der tijden"'), 'the input is kept');
  const english = await coordinator.post(url, activityFields(2036, 'Tot het einde der tijden', { endsOn: '9999-12-31' }), { cookie: `${coordinator.cookie}; sp_lang=en` });
  assert.equal(english.status, 400);
  assert.ok((await english.text()).includes('Enter a date between 1 January 2000 and 31 December 2100.'), 'the English message');
  const stored = await sql<{ n: number }>`select count(*)::int as n from activity where title = 'Tot het einde der tijden'`.execute(t.database.db);
  assert.equal(stored.rows[0]!.n, 0);
});
