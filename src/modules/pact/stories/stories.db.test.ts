// Stories through the app: the consent rule (a story about a person is published publicly only with
// recorded, not withdrawn consent), withdrawal taking a story off the public site, who sees what,
// and the audit entries for consent, which is personal data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
const ids = { welzijn: '', delinde: '' };

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  ids.welzijn = (await sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`.execute(t.database.db)).rows[0]!.id;
  ids.delinde = (await sql<{ id: string }>`select id from organisation where name = 'Woonstichting De Linde'`.execute(t.database.db)).rows[0]!.id;
});
after(() => t.database.close());

const orgStories = (org: string) => `/p/lindewaard/organisations/${org}/stories`;
const storyForm = (over: Record<string, string> = {}) => ({
  title: 'Mevrouw K. en de energietoeslag', body: 'Dankzij de huisbezoeken kreeg zij de toeslag.', kind: 'goes_well', visibility: 'public', aboutPerson: 'yes', ...over,
});
const consentFields = { personName: 'Mevrouw K.', consentGivenOn: '2026-11-10', consentMethod: 'written', consentScope: 'Dit verhaal op de website, met schuilnaam' };

async function storyRow(id: string) {
  return (await sql<{ status: string; visibility: string }>`select status, visibility from story where id = ${id}`.execute(t.database.db)).rows[0]!;
}

/** The revision the edit form carries (a save counts only from the revision it was shown with). */
async function revisionOf(session: { get(path: string): Promise<Response> }, id: string): Promise<string> {
  const page = await (await session.get(`${orgStories(ids.welzijn)}/${id}/edit`)).text();
  return /name="revision" value="([^"]+)"/.exec(page)![1]!;
}

async function auditActions(id: string): Promise<string[]> {
  return (await sql<{ action: string }>`select action from audit_event where record_id = ${id} order by occurred_at`.execute(t.database.db)).rows.map((r) => r.action);
}

test(`a story about a person is not published publicly without consent; with consent it is; withdrawing consent takes it off the public site (${testEngine})`, async () => {
  const admin = await t.sessionFor(personas.partnerAdmin);
  const visitor = t.anonymous();
  const before = (await sql<{ n: number }>`select count(*)::int as n from story`.execute(t.database.db)).rows[0]!.n;

  // Publishing at once without consent: refused, input kept, nothing stored.
  const refused = await admin.post(`${orgStories(ids.welzijn)}/new`, { ...storyForm(), intent: 'publish' });
  assert.equal(refused.status, 400);
  const refusedPage = await refused.text();
  assert.match(refusedPage, /toestemming/);
  assert.match(refusedPage, /Mevrouw K\. en de energietoeslag/);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from story`.execute(t.database.db)).rows[0]!.n, before);

  // Saved as a draft; publishing it publicly is refused with the input kept.
  const draft = await admin.post(`${orgStories(ids.welzijn)}/new`, storyForm());
  assert.equal(draft.status, 303);
  const id = /stories\/([0-9a-f-]{36})\/edit$/.exec(draft.headers.get('location')!)![1]!;
  const publish = await admin.post(`${orgStories(ids.welzijn)}/${id}/edit`, { ...storyForm({ body: 'Aangepaste tekst die blijft staan.' }), intent: 'publish' });
  assert.equal(publish.status, 400);
  assert.match(await publish.text(), /Aangepaste tekst die blijft staan\./);
  assert.equal((await storyRow(id)).status, 'draft');
  assert.equal((await admin.post(`${orgStories(ids.welzijn)}/${id}/status`, { to: 'published' })).status, 409);
  assert.equal((await visitor.get(`/p/lindewaard/stories/${id}`)).status, 404);

  // With recorded consent it is published publicly.
  const published = await admin.post(`${orgStories(ids.welzijn)}/${id}/edit`, { ...storyForm(), ...consentFields, intent: 'publish', revision: await revisionOf(admin, id) });
  assert.equal(published.status, 303);
  assert.deepEqual(await storyRow(id), { status: 'published', visibility: 'public' });
  const publicPage = await visitor.get(`/p/lindewaard/stories/${id}`);
  assert.equal(publicPage.status, 200);
  const publicHtml = await publicPage.text();
  assert.doesNotMatch(publicHtml, /Dit verhaal op de website, met schuilnaam/, 'consent details stay with the editors');
  assert.match(await (await visitor.get('/p/lindewaard/stories')).text(), /Mevrouw K\. en de energietoeslag/);

  // Consent withdrawn: the story becomes internal at once, with history.
  const withdrawn = await admin.post(`${orgStories(ids.welzijn)}/${id}/edit`, { ...storyForm(), ...consentFields, consentWithdrawnOn: '2026-11-22', revision: await revisionOf(admin, id) });
  assert.equal(withdrawn.status, 303);
  assert.deepEqual(await storyRow(id), { status: 'published', visibility: 'internal' });
  assert.equal((await visitor.get(`/p/lindewaard/stories/${id}`)).status, 404);
  assert.doesNotMatch(await (await visitor.get('/p/lindewaard/stories')).text(), /Mevrouw K\. en de energietoeslag/);
  const history = await sql<{ to_status: string; to_visibility: string; reason: string }>`
    select to_status, to_visibility, reason from story_status_change where story_id = ${id} order by id`.execute(t.database.db);
  assert.deepEqual(history.rows.map((r) => `${r.to_status}/${r.to_visibility}/${r.reason}`), ['draft/public/created', 'published/public/edited', 'published/internal/consent-withdrawn']);
  // Making it public again is refused while the consent is withdrawn.
  const again = await admin.post(`${orgStories(ids.welzijn)}/${id}/edit`, { ...storyForm(), ...consentFields, consentWithdrawnOn: '2026-11-22' });
  assert.equal(again.status, 400);
  assert.match(await again.text(), /ingetrokken/);
  assert.deepEqual(await storyRow(id), { status: 'published', visibility: 'internal' });

  // Audit: consent recorded, withdrawn, and every read of it on the edit page.
  assert.equal((await admin.get(`${orgStories(ids.welzijn)}/${id}/edit`)).status, 200);
  const actions = await auditActions(id);
  for (const a of ['story.create', 'story.update', 'story.consent.record', 'story.consent.withdraw', 'story.consent.read']) assert.ok(actions.includes(a), a);
  const details = await sql<{ details: unknown }>`select details from audit_event where record_id = ${id}`.execute(t.database.db);
  assert.ok(!JSON.stringify(details.rows).includes('Mevrouw K.'), 'the audit log does not repeat the name');
});

test(`the public cannot see internal or draft stories; members can; another organisation cannot edit (${testEngine})`, async () => {
  const admin = await t.sessionFor(personas.partnerAdmin);
  const created = await admin.post(`${orgStories(ids.welzijn)}/new`, { title: 'Intern dilemma over schulden', body: 'Wat doen we als...', kind: 'dilemma', visibility: 'internal', intent: 'publish' });
  assert.equal(created.status, 303);
  const id = /stories\/([0-9a-f-]{36})\/edit$/.exec(created.headers.get('location')!)![1]!;
  assert.deepEqual(await storyRow(id), { status: 'published', visibility: 'internal' });
  const visitor = t.anonymous();
  assert.equal((await visitor.get(`/p/lindewaard/stories/${id}`)).status, 404);
  assert.doesNotMatch(await (await visitor.get('/p/lindewaard/stories')).text(), /Intern dilemma/);
  const volunteer = await t.sessionFor(personas.volunteer);
  assert.equal((await volunteer.get(`/p/lindewaard/stories/${id}`)).status, 200);
  assert.match(await (await volunteer.get('/p/lindewaard/stories?kind=dilemma')).text(), /Intern dilemma/);
  assert.doesNotMatch(await (await volunteer.get('/p/lindewaard/stories?kind=goes_well')).text(), /Intern dilemma/);
  // A story edited through another organisation's path is not there.
  const coordinator = await t.sessionFor(personas.coordinator);
  assert.equal((await coordinator.get(`${orgStories(ids.delinde)}/${id}/edit`)).status, 404);
  assert.equal((await (await t.sessionFor(personas.otherOrganisationAdmin)).get(`${orgStories(ids.welzijn)}/${id}/edit`)).status, 403);
  // Withdrawn and back to draft, by the transition table.
  assert.equal((await admin.post(`${orgStories(ids.welzijn)}/${id}/status`, { to: 'withdrawn' })).status, 303);
  assert.equal((await admin.post(`${orgStories(ids.welzijn)}/${id}/status`, { to: 'withdrawn' })).status, 409);
  assert.equal((await admin.post(`${orgStories(ids.welzijn)}/${id}/status`, {})).status, 400);
  const csv = await (await volunteer.get('/p/lindewaard/stories.csv')).text();
  assert.match(csv, /Intern dilemma/);
});
