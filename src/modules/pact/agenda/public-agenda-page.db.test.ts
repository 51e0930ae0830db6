// The public agenda page is rendered once per version and then served from memory: visitors get
// the same bytes and ETag, a known version answers 304, and any change to what the page shows
// (an activity, the pact's name) makes a new version at once. Signed-in readers get their own page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  // A published year of its own (2034), with one activity of Welzijn Lindewaard.
  await sql`
    insert into agenda_year (pact_id, year, status, published_at)
    select id, 2034, 'locked', '2034-03-01T10:00:00Z' from pact where slug = 'lindewaard'`.execute(t.database.db);
  await sql`
    insert into pillar (pact_id, position, title)
    select id, 901, 'Testpijler openbare agenda' from pact where slug = 'lindewaard'
    on conflict (pact_id, title) do nothing`.execute(t.database.db);
  await sql`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, responsible_name, starts_on, ends_on)
    select y.pact_id, y.id, o.id, p.id, 'Spreekuur in de bibliotheek', 'Vragen over geld vroeg beantwoorden', 'Mila Jansen', '2034-01-01', '2034-12-31'
      from agenda_year y join pact x on x.id = y.pact_id and x.slug = 'lindewaard'
      join organisation o on o.pact_id = x.id and o.name = 'Welzijn Lindewaard'
      join pillar p on p.pact_id = x.id and p.title = 'Testpijler openbare agenda'
     where y.year = 2034`.execute(t.database.db);
});
after(() => t.database.close());

const path = '/p/lindewaard/agenda/2034';

test(`visitors share one rendered version of a published agenda, with an ETag (${testEngine})`, async () => {
  const first = await t.anonymous().get(path, { 'accept-encoding': 'gzip' });
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('content-encoding'), 'gzip');
  const etag = first.headers.get('etag')!;
  assert.ok(etag);
  const html = gunzipSync(Buffer.from(await first.arrayBuffer())).toString('utf8');
  assert.match(html, /Spreekuur in de bibliotheek/);

  const second = await t.anonymous().get(path);
  assert.equal(second.headers.get('etag'), etag);
  assert.equal(await second.text(), html);
  assert.equal((await t.anonymous().get(path, { 'if-none-match': etag })).status, 304);

  // Grouped by partner is another page with another version.
  const byPartner = await t.anonymous().get(`${path}?by=partner`);
  assert.notEqual(byPartner.headers.get('etag'), etag);
  // Other query parameters are not kept: the page is rendered as usual.
  const other = await t.anonymous().get(`${path}?x=1`);
  assert.equal(other.status, 200);
  assert.equal(other.headers.get('etag'), null);

  // A changed activity and a renamed pact each show at once.
  await sql`update activity set title = 'Spreekuur in het buurthuis', updated_at = now() where title = 'Spreekuur in de bibliotheek'`.execute(t.database.db);
  const changed = await t.anonymous().get(path, { 'if-none-match': etag });
  assert.equal(changed.status, 200);
  const changedTag = changed.headers.get('etag')!;
  assert.match(await changed.text(), /Spreekuur in het buurthuis/);
  await sql`update pact set name = 'Pact Samen Lindewaard en Omstreken' where slug = 'lindewaard'`.execute(t.database.db);
  const renamed = await t.anonymous().get(path);
  assert.notEqual(renamed.headers.get('etag'), changedTag);
  assert.match(await renamed.text(), /Pact Samen Lindewaard en Omstreken/);
  await sql`update pact set name = 'Pact Samen Lindewaard' where slug = 'lindewaard'`.execute(t.database.db);
});

test(`a signed-in reader gets a page of their own, not the shared one (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const page = await coordinator.get(path);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('etag'), null);
  assert.match(await page.text(), /Dit jaar beheren/);
});
