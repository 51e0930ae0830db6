// Meetings through the app, as a browser uses them: a coordinator records a meeting with its
// attendance, decisions and action items; bad input re-renders with the input kept; the public sees
// public meetings only, and the iCalendar feed holds only upcoming public meetings.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../../tests/support/test-app.ts';
import { unfold } from './icalendar.ts';
import { listActionItemsForActivity } from './meeting-queries.ts';

let t: TestApp;
const ids = { pact: '', welzijn: '', activity: '' };

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const db = t.database.db;
  ids.pact = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(db)).rows[0]!.id;
  ids.welzijn = (await sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`.execute(db)).rows[0]!.id;
  // An activity of the pact to link an action item to (made here, whatever the demo data holds).
  const year = (await sql<{ id: string }>`
    insert into agenda_year (pact_id, year) values (${ids.pact}, 2031) returning id`.execute(db)).rows[0]!.id;
  const pillar = (await sql<{ id: string }>`
    insert into pillar (pact_id, position, title) values (${ids.pact}, 999, 'Testpijler vergaderingen') returning id`.execute(db)).rows[0]!.id;
  ids.activity = (await sql<{ id: string }>`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, responsible_name, starts_on, ends_on)
    values (${ids.pact}, ${year}, ${ids.welzijn}, ${pillar}, 'Testactiviteit', 'Doel', 'Iemand', '2031-01-01', '2031-12-31') returning id`.execute(db)).rows[0]!.id;
});
after(() => t.database.close());

const base = '/p/lindewaard/meetings';
const meetingForm = (over: Record<string, string> = {}) => ({
  kind: 'follow_up', title: 'Vervolg; energie, armoede', date: '2027-01-20', startTime: '19:30', endTime: '21:00',
  place: 'Buurthuis De Linde', agenda: 'Welkom\n\nStand van zaken', visibility: 'public', ...over,
});

async function created(response: Response): Promise<string> {
  assert.equal(response.status, 303, await response.clone().text().then((b) => b.slice(0, 500)));
  const id = /\/meetings\/([0-9a-f-]{36})$/.exec(response.headers.get('location') ?? '')?.[1];
  assert.ok(id);
  return id;
}

test(`a coordinator creates a meeting, records attendance, a decision and an action item linked to an activity (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const id = await created(await coordinator.post(`${base}/new`, meetingForm()));
  const stored = await sql<{ starts_at: Date; status: string }>`select starts_at, status from meeting where id = ${id}`.execute(t.database.db);
  assert.equal(stored.rows[0]!.starts_at.toISOString(), '2027-01-20T18:30:00.000Z', 'local time in Europe/Amsterdam');
  assert.equal(stored.rows[0]!.status, 'planned');

  assert.equal((await coordinator.post(`${base}/${id}/attendance`, { organisations: ids.welzijn, otherAttendees: '7' })).status, 303);
  assert.equal((await coordinator.post(`${base}/${id}/decisions`, { decision: 'We starten een werkgroep energie.' })).status, 303);
  assert.equal((await coordinator.post(`${base}/${id}/actions`, { text: 'Werkgroep opzetten', owner: ids.welzijn, dueOn: '2027-03-01', activity: ids.activity })).status, 303);
  const page = await (await coordinator.get(`${base}/${id}`)).text();
  assert.match(page, /Welzijn Lindewaard/);
  assert.match(page, /We starten een werkgroep energie\./);
  assert.match(page, /Werkgroep opzetten/);
  assert.match(page, /Testactiviteit/);

  const items = await t.database.db.transaction().execute(async (tx) => {
    await sql`select set_config('app.pact_id', ${ids.pact}, true)`.execute(tx);
    return listActionItemsForActivity(tx, ids.pact, ids.activity);
  });
  assert.equal(items.length, 1);
  assert.equal(items[0]!.meeting_id, id);

  // Held, with minutes: the status change is kept in the history.
  const edit = await (await coordinator.get(`${base}/${id}/edit`)).text();
  const revision = /name="revision" value="([^"]+)"/.exec(edit)![1]!;
  assert.equal((await coordinator.post(`${base}/${id}/edit`, { ...meetingForm(), status: 'held', minutes: 'Goed gesprek.', revision })).status, 303);
  const history = await sql<{ from_status: string | null; to_status: string }>`select from_status, to_status from meeting_status_change where meeting_id = ${id} order by id`.execute(t.database.db);
  assert.deepEqual(history.rows.map((r) => `${r.from_status}>${r.to_status}`), ['null>planned', 'planned>held']);
  // Held stays held.
  const back = await coordinator.post(`${base}/${id}/edit`, { ...meetingForm(), status: 'planned' });
  assert.equal(back.status, 400);
  // Saving over a newer version is refused with the input kept.
  const stale = await coordinator.post(`${base}/${id}/edit`, { ...meetingForm({ title: 'Oude versie' }), status: 'held', revision });
  assert.equal(stale.status, 409);
  assert.match(await stale.text(), /Oude versie/);

  const audit = await sql<{ action: string }>`select action from audit_event where record_id = ${id} or details::text like ${'%' + id + '%'}`.execute(t.database.db);
  const actions = audit.rows.map((r) => r.action);
  for (const a of ['meeting.create', 'meeting.attendance', 'meeting.decision', 'meeting.action-item', 'meeting.update']) assert.ok(actions.includes(a), a);
});

test(`a bad date or time re-renders the form with the input kept and stores nothing (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const before = (await sql<{ n: number }>`select count(*)::int as n from meeting`.execute(t.database.db)).rows[0]!.n;
  const bads: Array<Record<string, string>> = [{ date: '2027-02-31' }, { date: 'morgen' }, { startTime: '25:00' }, { endTime: '18:00' }, { date: '2027-03-28', startTime: '02:30' }];
  for (const bad of bads) {
    const response = await coordinator.post(`${base}/new`, meetingForm({ title: 'Bewaard blijft dit', ...bad }));
    assert.equal(response.status, 400, JSON.stringify(bad));
    const html = await response.text();
    assert.match(html, /Bewaard blijft dit/);
    assert.match(html, /sp-error-summary/);
    for (const value of Object.values(bad)) assert.ok(html.includes(`value="${value}"`), `kept ${value}`);
  }
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from meeting`.execute(t.database.db)).rows[0]!.n, before);
  // Empty posts to the parts of a meeting are refused too.
  const id = await created(await coordinator.post(`${base}/new`, meetingForm({ title: 'Leeg formulier' })));
  for (const part of ['attendance', 'decisions', 'actions']) assert.equal((await coordinator.post(`${base}/${id}/${part}`, {})).status, 400, part);
  assert.equal((await coordinator.post(`${base}/${id}/actions`, { text: 'x', owner: ids.welzijn, activity: '00000000-0000-4000-8000-000000000000' })).status, 400);
});

test(`the public sees public meetings only; the feed holds upcoming public meetings and is valid iCalendar (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const open = await created(await coordinator.post(`${base}/new`, meetingForm({ title: 'Openbare conferentie €, één', kind: 'conference', date: '2027-02-04', agenda: 'Lange agenda '.repeat(20) })));
  const closed = await created(await coordinator.post(`${base}/new`, meetingForm({ title: 'Besloten werkgroep', visibility: 'members', date: '2027-02-05' })));
  const past = await created(await coordinator.post(`${base}/new`, meetingForm({ title: 'Voorbije bijeenkomst', date: '2026-10-01' })));
  const visitor = t.anonymous();
  const list = await (await visitor.get(base)).text();
  assert.match(list, /Openbare conferentie/);
  assert.match(list, /Voorbije bijeenkomst/);
  assert.doesNotMatch(list, /Besloten werkgroep/);
  assert.equal((await visitor.get(`${base}/${closed}`)).status, 404);
  assert.equal((await visitor.get(`${base}/${open}`)).status, 200);
  assert.match(await (await (await t.sessionFor(personas.volunteer)).get(base)).text(), /Besloten werkgroep/);

  const feed = await visitor.get(`${base}.ics`);
  assert.equal(feed.status, 200);
  assert.equal(feed.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const text = await feed.text();
  assert.ok(!/[^\r]\n/.test(text), 'CRLF line ends only');
  for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  const lines = unfold(text);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes(`UID:meeting-${open}@schakelpunt`));
  assert.ok(lines.includes('DTSTART:20270204T183000Z'));
  assert.ok(lines.some((l) => l.startsWith('DTSTAMP:')));
  assert.ok(lines.includes('SUMMARY:Openbare conferentie €\\, één'));
  assert.ok(!text.includes(closed), 'no members-only meeting');
  assert.ok(!text.includes(past), 'no past meeting');
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, lines.filter((l) => l === 'END:VEVENT').length);

  // A cancelled public meeting stays in the feed, marked cancelled.
  const edit = await (await coordinator.get(`${base}/${open}/edit`)).text();
  const revision = /name="revision" value="([^"]+)"/.exec(edit)![1]!;
  assert.equal((await coordinator.post(`${base}/${open}/edit`, { ...meetingForm({ title: 'Openbare conferentie €, één', kind: 'conference', date: '2027-02-04' }), status: 'cancelled', revision })).status, 303);
  const cancelled = unfold(await (await visitor.get(`${base}.ics`)).text());
  const start = cancelled.indexOf(`UID:meeting-${open}@schakelpunt`);
  assert.ok(cancelled.slice(start, cancelled.indexOf('END:VEVENT', start)).includes('STATUS:CANCELLED'));

  const csv = await (await coordinator.get(`${base}.csv`)).text();
  assert.match(csv, /Besloten werkgroep/);
});

test('a meeting on 9999-12-31 is refused at the date with a clear message and the input kept', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const r = await coordinator.post(`${base}/new`, meetingForm({ title: 'Heel ver weg', date: '9999-12-31' }));
  assert.equal(r.status, 400);
  const page = await r.text();
  assert.ok(page.includes('Vul een datum in tussen 1 januari 2000 en 31 december 2100.'));
  assert.ok(page.includes('value="9999-12-31"') && page.includes('Heel ver weg'), 'the input is kept');
  const stored = await sql<{ n: number }>`select count(*)::int as n from meeting where title = 'Heel ver weg'`.execute(t.database.db);
  assert.equal(stored.rows[0]!.n, 0);
});
