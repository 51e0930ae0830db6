// One pact's records never show, and are never written, through another pact's address — whatever
// pacts the person also belongs to. Each test pins an attack that once worked: a person with a
// membership in an organisation of pact B saw (and edited) that organisation inside pact A's pages,
// and posts with ids of another pact's records ended in a foreign-key error (500). The person with
// memberships in two pacts is Lindewaard's second coordinator, also a professional in OCMW
// Hagedoorn (addTwoPactPerson, test data only).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { defineRoute, pactParams } from '../access/route.ts';
import { openTestDatabase, testEngine } from '../../tests/support/test-database.ts';
import { addTwoPactPerson, createTestApp, personas, type Persona, type TestApp } from '../../tests/support/test-app.ts';
import { concretePath, routeKey, sampleParams, samplesFile } from '../../tests/support/route-paths.ts';
import { isApi, isBare } from '../access/route.ts';
import { createApp } from './app.tsx';
import { allRoutes } from './routes.ts';

let t: TestApp;
let twoPact: Persona;
let samples: Record<string, string>;
const ids = {
  lindewaard: '', hagedoorn: '', ocmw: '', gemeente: '', welzijn: '', ocmwActivity: '', hagedoornPillar: '', hagedoornTeam: '',
  twoPactOcmwMembership: '', twoPactPerson: '',
};

before(async () => {
  t = await createTestApp(await openTestDatabase());
  const db = t.database.db;
  samples = await sampleParams(db);
  ids.twoPactPerson = await addTwoPactPerson(t.database);
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(db)).rows[0]!.id;
  ids.lindewaard = await one(sql<{ id: string }>`select id from pact where slug = 'lindewaard'`);
  ids.hagedoorn = await one(sql<{ id: string }>`select id from pact where slug = 'hagedoorn'`);
  ids.ocmw = await one(sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`);
  ids.gemeente = await one(sql<{ id: string }>`select id from organisation where name = 'Gemeente Lindewaard'`);
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.ocmwActivity = await one(sql<{ id: string }>`select id from activity where organisation_id = ${ids.ocmw} limit 1`);
  ids.hagedoornPillar = await one(sql<{ id: string }>`select id from pillar where pact_id = ${ids.hagedoorn} limit 1`);
  ids.hagedoornTeam = await one(sql<{ id: string }>`
    insert into team (pact_id, organisation_id, name) values (${ids.hagedoorn}, ${ids.ocmw}, 'Team Budgetbegeleiding') returning id`);
  ids.twoPactOcmwMembership = await one(sql<{ id: string }>`
    select id from membership where person_id = ${ids.twoPactPerson} and organisation_id = ${ids.ocmw}`);
  twoPact = await t.sessionFor(personas.twoPactMember);
});
after(() => t.database.close());

async function status(response: Response): Promise<number> {
  await response.arrayBuffer();
  return response.status;
}

async function count(table: string, where: ReturnType<typeof sql>): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(t.database.db)).rows[0]!.n;
}

/** Every route under an organisation's address, with the organisation (and what hangs under it) taken from Hagedoorn. */
function organisationRoutesWith(pact: string) {
  const foreign = {
    ...samples, pact, org: ids.ocmw, activity: ids.ocmwActivity, story: randomUUID(), membership: ids.twoPactOcmwMembership,
    team: ids.hagedoornTeam,
  };
  return allRoutes
    // The API's own routes are refused to a session altogether (401; tokens: src/app/authorization-matrix.db.test.ts).
    .filter((r) => !isBare(r) && !isApi(r) && r.path.includes('/organisations/:org'))
    .map((r) => ({ key: routeKey(r), method: r.method, path: concretePath(r, foreign, samplesFile) }));
}

test(`a member of both pacts finds no page of Hagedoorn's organisation through Lindewaard's address (${testEngine})`, async () => {
  const routes = organisationRoutesWith('lindewaard');
  assert.ok(routes.length >= 20, `found ${routes.length} organisation routes`);
  const mismatches: string[] = [];
  for (const route of routes) {
    const answer = route.method === 'POST'
      ? await twoPact.post(route.path, { name: 'Overgenomen', kind: 'other', title: 'Ingeschoven', body: 'x', goal: 'x' })
      : await twoPact.get(route.path);
    const got = await status(answer);
    if (got !== 404) mismatches.push(`${route.key}: HTTP ${got}`);
  }
  assert.deepEqual(mismatches, []);
  // The public partner page and the organisation pages of the pact's own address too.
  assert.equal(await status(await twoPact.get(`/p/lindewaard/partners/${ids.ocmw}`)), 404);
  const stored = await sql<{ name: string }>`select name from organisation where id = ${ids.ocmw}`.execute(t.database.db);
  assert.equal(stored.rows[0]!.name, 'OCMW Hagedoorn');
});

test('in Hagedoorn itself the same person, a professional there, is refused the editing pages (the control)', async () => {
  for (const suffix of ['edit', 'members', 'invitations', 'partnership', 'representatives', 'activities']) {
    assert.equal(await status(await twoPact.get(`/p/hagedoorn/organisations/${ids.ocmw}/${suffix}`)), 403, suffix);
  }
  assert.equal(await status(await twoPact.get(`/p/hagedoorn/organisations/${ids.ocmw}`)), 200);
});

test(`Hagedoorn's coordinator does not find OCMW Hagedoorn as a partner of Lindewaard`, async () => {
  const coordinator = await t.sessionFor(personas.otherPactCoordinator);
  assert.equal(await status(await coordinator.get(`/p/lindewaard/partners/${ids.ocmw}`)), 404);
  assert.equal(await status(await t.anonymous().get(`/p/lindewaard/partners/${ids.ocmw}`)), 404);
  for (const path of ['/p/lindewaard', '/p/lindewaard/partners', '/p/lindewaard/partners.csv']) {
    const body = await (await coordinator.get(path)).text();
    assert.ok(!body.includes('OCMW Hagedoorn'), `${path} lists OCMW Hagedoorn`);
  }
});

test('the lists of Lindewaard hold no organisation of Hagedoorn for a member of both', async () => {
  for (const path of ['/p/lindewaard', '/p/lindewaard/partners', '/p/lindewaard/partners.csv', '/p/lindewaard/organisations', '/p/lindewaard/organisations.csv']) {
    const response = await twoPact.get(path);
    assert.equal(response.status, 200, path);
    const body = await response.text();
    assert.ok(!body.includes('OCMW Hagedoorn'), `${path} lists OCMW Hagedoorn`);
    assert.ok(body.includes('Welzijn Lindewaard'), `${path} (control: the pact's own organisations are listed)`);
  }
});

test(`with the demo data alone, Lindewaard's coordinator does not find Gemeente Lindewaard among Hagedoorn's partners`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  for (const path of ['/p/hagedoorn', '/p/hagedoorn/partners', '/p/hagedoorn/partners.csv']) {
    const response = await coordinator.get(path);
    assert.equal(response.status, 200, path);
    const body = await response.text();
    assert.ok(!body.includes('Gemeente Lindewaard'), `${path} lists Gemeente Lindewaard`);
    assert.ok(body.includes('OCMW Hagedoorn'), `${path} (control)`);
  }
  assert.equal(await status(await coordinator.get(`/p/hagedoorn/partners/${ids.gemeente}`)), 404);
});

test('the account page, outside any pact, still lists the memberships in both pacts', async () => {
  const page = await (await twoPact.get('/account')).text();
  assert.match(page, /Gemeente Lindewaard/);
  assert.match(page, /OCMW Hagedoorn/);
});

test('posts naming another pact’s organisation in the path are 404 and write nothing', async () => {
  const base = `/p/lindewaard/organisations/${ids.ocmw}`;
  const stories = await count('story', sql`organisation_id = ${ids.ocmw}`);
  const story = await twoPact.post(`${base}/stories/new`, { title: 'Ingeschoven verhaal', body: 'Tekst', kind: 'goes_well', visibility: 'internal' });
  assert.equal(await status(story), 404);
  assert.equal(await count('story', sql`organisation_id = ${ids.ocmw}`), stories);
  const representatives = await count('partner_representative', sql`organisation_id = ${ids.ocmw}`);
  assert.equal(await status(await twoPact.post(`${base}/representatives`, { name: 'Ingeschoven', functionTitle: '' })), 404);
  assert.equal(await count('partner_representative', sql`organisation_id = ${ids.ocmw}`), representatives);
  const activities = await count('activity', sql`organisation_id = ${ids.ocmw}`);
  const activity = await twoPact.post(`${base}/activities/new?year=${samples.year}`, {
    title: 'Ingeschoven', goal: 'Doel', pillar: samples.pillar!, responsible: 'Ruben', startsOn: `${samples.year}-02-01`, endsOn: `${samples.year}-03-01`,
  });
  assert.equal(await status(activity), 404);
  assert.equal(await count('activity', sql`organisation_id = ${ids.ocmw}`), activities);
  assert.equal(await status(await twoPact.post(`${base}/invitations`, { email: 'iemand@voorbeeld.example', role: 'professional' })), 404);
});

function activityForm(fields: Record<string, string>): Record<string, string> {
  return {
    title: 'Samen koken', goal: 'Buren ontmoeten elkaar', pillar: samples.pillar!, responsible: 'Joost',
    startsOn: `${samples.year}-02-01`, endsOn: `${samples.year}-03-01`, ...fields,
  };
}

test('an activity with a co-partner or pillar of another pact is a field error (400) with the input kept', async () => {
  const url = `/p/lindewaard/organisations/${ids.welzijn}/activities/new?year=${samples.year}`;
  const before = await count('activity', sql`title = 'Met een partner van elders'`);
  const partner = await twoPact.post(url, activityForm({ title: 'Met een partner van elders', partners: ids.ocmw }));
  assert.equal(partner.status, 400);
  const partnerPage = await partner.text();
  assert.ok(partnerPage.includes('value="Met een partner van elders"'), 'the input is kept');
  assert.ok(partnerPage.includes('href="#field-partners"'), 'the error summary links to the partners field');
  const pillar = await twoPact.post(url, activityForm({ title: 'Met een pijler van elders', pillar: ids.hagedoornPillar }));
  assert.equal(pillar.status, 400);
  assert.ok((await pillar.text()).includes('href="#field-pillar"'), 'the error summary links to the pillar field');
  assert.equal(await count('activity', sql`title in ('Met een partner van elders', 'Met een pijler van elders')`), before);
  // Control: with Lindewaard's own partner it is registered.
  const own = await twoPact.post(url, activityForm({ title: 'Met een partner van hier', partners: ids.gemeente }));
  assert.equal(await status(own), 303);
});

test('a story, action item or attendance naming another pact’s records is a field error (400), never a 500', async () => {
  const storyPage = await twoPact.post(`/p/lindewaard/organisations/${ids.welzijn}/stories/new`, {
    title: 'Pijler van elders', body: 'Tekst', kind: 'goes_well', visibility: 'internal', pillar: ids.hagedoornPillar,
  });
  assert.equal(storyPage.status, 400);
  assert.match(await storyPage.text(), /value="Pijler van elders"/);
  const meeting = `/p/lindewaard/meetings/${samples.meeting}`;
  const owner = await twoPact.post(`${meeting}/actions`, { text: 'Actie voor elders', owner: ids.ocmw });
  assert.equal(owner.status, 400);
  assert.match(await owner.text(), /Actie voor elders/);
  const linked = await twoPact.post(`${meeting}/actions`, { text: 'Actie met activiteit van elders', owner: ids.welzijn, activity: ids.ocmwActivity });
  assert.equal(await status(linked), 400);
  const attendance = await twoPact.post(`${meeting}/attendance`, { organisations: ids.ocmw, otherAttendees: '3' });
  assert.equal(await status(attendance), 400);
  assert.equal(await count('meeting_action_item', sql`text like 'Actie%elders'`), 0);
  assert.equal(await count('meeting_attendance', sql`organisation_id = ${ids.ocmw}`), 0);
});

test('a foreign-key or unique violation that a check missed is a 404 or 409, logged as a warning, never a 500', async () => {
  const warnings: unknown[] = [];
  const log = Object.assign(Object.create(t.services.log), {
    warn: (...args: unknown[]) => { warnings.push(args); },
    child() { return log; },
  });
  const app = createApp({ ...t.services, log }, [
    defineRoute({
      method: 'GET', path: '/p/:pact/test/foreign-key', permission: 'public', params: pactParams, system: true,
      handler: async ({ tx }) => {
        await sql`insert into team (pact_id, organisation_id, name) values (${ids.lindewaard}, ${ids.ocmw}, 'Verkeerde ploeg')`.execute(tx);
        return new Response('written');
      },
    }),
    defineRoute({
      method: 'GET', path: '/p/:pact/test/unique', permission: 'public', params: pactParams, system: true,
      handler: async ({ tx }) => {
        await sql`insert into neighbourhood (pact_id, code, name) values (${ids.lindewaard}, 'WK01', 'Dubbel')`.execute(tx);
        return new Response('written');
      },
    }),
  ]);
  assert.equal(await status(await app.request('/p/lindewaard/test/foreign-key')), 404);
  assert.equal(await status(await app.request('/p/lindewaard/test/unique')), 409);
  assert.equal(warnings.length, 2);
  assert.equal(await count('team', sql`name = 'Verkeerde ploeg'`), 0);
});
