// The open umbrella through the app, as a browser uses it: a resident proposes (no account), the
// mail holds the links, opening the confirmation link changes nothing until the button is pressed,
// a coordinator publishes, and the initiative is found in the public search. Plus the refusals:
// a decline without a reason, bad input, the honeypot, the rate limit; and the audit entries.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../../tests/support/test-app.ts';
import { removeUnconfirmedInitiatives } from './remove-unconfirmed-initiatives.ts';

let t: TestApp;
let pillarId: string | null = null;
let neighbourhoodId = '';

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const p = await sql<{ id: string }>`
    select pl.id from pillar pl join pact on pact.id = pl.pact_id where pact.slug = 'lindewaard' and pl.archived_at is null order by pl.position limit 1`.execute(t.database.db);
  pillarId = p.rows[0]?.id ?? null;
  if (!pillarId) {
    const made = await sql<{ id: string }>`
      insert into pillar (pact_id, position, title) select id, 900, 'Testpijler' from pact where slug = 'lindewaard' returning id`.execute(t.database.db);
    pillarId = made.rows[0]!.id;
  }
  const n = await sql<{ id: string }>`
    select n.id from neighbourhood n join pact on pact.id = n.pact_id where pact.slug = 'lindewaard' and n.code = 'WK06'`.execute(t.database.db);
  neighbourhoodId = n.rows[0]!.id;
});
after(() => t.database.close());

const base = '/p/lindewaard/initiatives';

function proposal(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Zwemles voor volwassenen', description: 'Volwassenen leren zwemmen in het buitenbad.', targetGroup: 'Volwassenen die niet kunnen zwemmen',
    neighbourhood: neighbourhoodId, pillar: pillarId!, support: 'money', supportNotes: 'Badmeester voor tien lessen', name: 'Lotte Visser',
    email: 'lotte.visser@zwemmen.example', group: 'Zwemclub De Spetters', consent: 'yes', website: '', ...overrides,
  };
}

async function mailTo(email: string): Promise<Array<{ subject: string; text_body: string }>> {
  const r = await sql<{ subject: string; text_body: string }>`
    select subject, text_body from mail_message where to_address = ${email} order by created_at, id`.execute(t.database.db);
  return r.rows;
}

async function auditCount(action: string): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from audit_event where action = ${action}`.execute(t.database.db)).rows[0]!.n;
}

async function initiativeByTitle(title: string) {
  const r = await sql<{ id: string; status: string; proposer_email: string }>`select id, status, proposer_email from initiative where title = ${title}`.execute(t.database.db);
  return r.rows;
}

/** The mail after a coordinator's decision (mails queued at the same fixed clock time have no order). */
async function outcomeMail(email: string): Promise<string> {
  const found = (await mailTo(email)).filter((m) => m.subject.startsWith('Nieuws over uw idee'));
  assert.equal(found.length, 1, 'one outcome mail');
  return found[0]!.text_body;
}

async function confirmationMail(email: string): Promise<string> {
  const found = (await mailTo(email)).filter((m) => m.subject.startsWith('Bevestig uw idee'));
  assert.equal(found.length, 1, 'one confirmation mail');
  return found[0]!.text_body;
}

const linkIn = (text: string, kind: 'confirm' | 'mine') => {
  const m = new RegExp(`(/p/lindewaard/initiatives/${kind}/[A-Za-z0-9_-]{43})`).exec(text);
  assert.ok(m, `no ${kind} link in the mail:\n${text}`);
  return m[1]!;
};

test('propose → mail with links → GET changes nothing → POST confirms → coordinator publishes → found by pillar and neighbourhood', async () => {
  const resident = t.anonymous();
  const title = 'Zwemles voor volwassenen';
  const form = await resident.get(`${base}/new`);
  assert.equal(form.status, 200);
  const html = await form.text();
  assert.match(html, /name="website"/);
  assert.match(html, /<div hidden/);

  const sent = await resident.post(`${base}/new`, proposal());
  assert.equal(sent.status, 200);
  assert.match(await sent.text(), /Kijk in uw e-mail/);
  const [stored] = await initiativeByTitle(title);
  assert.equal(stored?.status, 'unconfirmed');
  const mails = await mailTo('lotte.visser@zwemmen.example');
  assert.equal(mails.length, 1);
  const confirmLink = linkIn(mails[0]!.text_body, 'confirm');
  const mineLink = linkIn(mails[0]!.text_body, 'mine');
  // Only hashes are stored.
  const tokens = await sql<{ c: string; s: string }>`select confirm_token_hash as c, status_token_hash as s from initiative where id = ${stored!.id}`.execute(t.database.db);
  assert.ok(!mails[0]!.text_body.includes(tokens.rows[0]!.c));
  assert.match(tokens.rows[0]!.c, /^[0-9a-f]{64}$/);

  // A mail scanner opens the link: nothing changes.
  const opened = await t.anonymous().get(confirmLink);
  assert.equal(opened.status, 200);
  assert.match(await opened.text(), /Ja, bevestig mijn idee/);
  assert.equal((await initiativeByTitle(title))[0]?.status, 'unconfirmed');

  // Not public yet.
  assert.equal((await t.anonymous().get(`${base}/${stored!.id}`)).status, 404);

  const confirmed = await t.anonymous().post(confirmLink, {});
  assert.equal(confirmed.status, 200);
  assert.equal((await initiativeByTitle(title))[0]?.status, 'submitted');
  const again = await t.anonymous().post(confirmLink, {});
  assert.equal(again.status, 200);
  assert.match(await again.text(), /al bevestigd/);

  const coordinator = await t.sessionFor(personas.coordinator);
  const queue = await coordinator.get(`${base}/moderation`);
  assert.equal(queue.status, 200);
  const queueHtml = await queue.text();
  assert.ok(queueHtml.includes('lotte.visser@zwemmen.example'));

  // A decline without a reason is refused with a field message; nothing changes.
  const noReason = await coordinator.post(`${base}/${stored!.id}/moderate`, { action: 'decline', message: ' ' });
  assert.equal(noReason.status, 400);
  const noReasonHtml = await noReason.text();
  assert.match(noReasonHtml, /Schrijf waarom u het initiatief afwijst/);
  assert.match(noReasonHtml, /aria-invalid="true"/);
  assert.equal((await initiativeByTitle(title))[0]?.status, 'submitted');

  const published = await coordinator.post(`${base}/${stored!.id}/moderate`, { action: 'publish', message: '' });
  assert.equal(published.status, 303);
  assert.equal((await initiativeByTitle(title))[0]?.status, 'published');
  const outcome = await mailTo('lotte.visser@zwemmen.example');
  assert.equal(outcome.length, 2);
  const newMine = linkIn(await outcomeMail('lotte.visser@zwemmen.example'), 'mine');
  // The fresh status link works; the one of the first mail no longer does.
  assert.equal((await t.anonymous().get(newMine)).status, 200);
  assert.equal((await t.anonymous().get(mineLink)).status, 410);

  const visitor = t.anonymous();
  const byPillar = await (await visitor.get(`${base}?pillar=${pillarId}`)).text();
  assert.ok(byPillar.includes(title));
  const byNeighbourhood = await (await visitor.get(`${base}?neighbourhood=${neighbourhoodId}&q=zwem`)).text();
  assert.ok(byNeighbourhood.includes(title));
  const otherNeighbourhood = await sql<{ id: string }>`select n.id from neighbourhood n join pact on pact.id = n.pact_id where pact.slug = 'lindewaard' and n.code = 'WK01'`.execute(t.database.db);
  assert.ok(!(await (await visitor.get(`${base}?neighbourhood=${otherNeighbourhood.rows[0]!.id}`)).text()).includes(title));
  const page = await visitor.get(`${base}/${stored!.id}`);
  assert.equal(page.status, 200);
  const pageHtml = await page.text();
  assert.ok(pageHtml.includes('Zwemclub De Spetters'));
  assert.ok(!pageHtml.includes('lotte.visser@zwemmen.example'), 'the public page shows no e-mail address');
  assert.ok(!pageHtml.includes('Lotte Visser'), 'the public page shows no proposer name');

  const history = await sql<{ to_status: string }>`select to_status from initiative_status_change where initiative_id = ${stored!.id} order by id`.execute(t.database.db);
  assert.deepEqual(history.rows.map((h) => h.to_status), ['unconfirmed', 'submitted', 'published']);
  for (const action of ['initiative.propose', 'initiative.confirm', 'initiative.list', 'initiative.publish']) {
    assert.ok((await auditCount(action)) >= 1, `audit entry ${action}`);
  }
  const csv = await coordinator.get(`${base}.csv`);
  assert.equal(csv.status, 200);
  assert.ok((await csv.text()).includes('lotte.visser@zwemmen.example'));
  assert.ok((await auditCount('initiative.export')) >= 1);
  // The audit log holds no e-mail address.
  const leaked = await sql<{ n: number }>`select count(*)::int as n from audit_event where details::text like '%zwemmen.example%'`.execute(t.database.db);
  assert.equal(leaked.rows[0]!.n, 0);
});

test('the proposer answers a request for changes on the private status page, and may withdraw', async () => {
  const email = 'wijzig@voorbeeld.example';
  await t.anonymous().post(`${base}/new`, proposal({ title: 'Taalcafé', email }));
  const confirmLink = linkIn(await confirmationMail(email), 'confirm');
  await t.anonymous().post(confirmLink, {});
  const [row] = await initiativeByTitle('Taalcafé');
  const coordinator = await t.sessionFor(personas.coordinator);
  assert.equal((await coordinator.post(`${base}/${row!.id}/moderate`, { action: 'request-changes', message: 'Welke dag?' })).status, 303);
  const mine = linkIn(await outcomeMail(email), 'mine');
  const page = await (await t.anonymous().get(mine)).text();
  assert.ok(page.includes('Welke dag?'));
  const bad = await t.anonymous().post(mine, { action: 'resubmit', ...proposal({ title: '' }) });
  assert.equal(bad.status, 400);
  assert.ok((await bad.text()).includes('Volwassenen leren zwemmen'), 'input kept');
  const ok = await t.anonymous().post(mine, { action: 'resubmit', ...proposal({ title: 'Taalcafé op dinsdag' }) });
  assert.equal(ok.status, 303);
  assert.equal((await initiativeByTitle('Taalcafé op dinsdag'))[0]?.status, 'submitted');
  assert.equal((await t.anonymous().post(mine, { action: 'withdraw' })).status, 303);
  assert.equal((await initiativeByTitle('Taalcafé op dinsdag'))[0]?.status, 'withdrawn');
  assert.equal((await t.anonymous().post(mine, { action: 'withdraw' })).status, 409);
});

test('a filled-in honeypot stores nothing and gets the same answer', async () => {
  const before = (await sql<{ n: number }>`select count(*)::int as n from initiative`.execute(t.database.db)).rows[0]!.n;
  const mailsBefore = (await sql<{ n: number }>`select count(*)::int as n from mail_message`.execute(t.database.db)).rows[0]!.n;
  const r = await t.anonymous().post(`${base}/new`, proposal({ title: 'Koop nu', email: 'bot@spam.example', website: 'http://spam.example' }));
  assert.equal(r.status, 200);
  assert.match(await r.text(), /Kijk in uw e-mail/);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from initiative`.execute(t.database.db)).rows[0]!.n, before);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from mail_message`.execute(t.database.db)).rows[0]!.n, mailsBefore);
});

test('over the rate limit per e-mail address: 429, a clear message, the input kept', async () => {
  const email = 'veel@voorbeeld.example';
  for (let i = 1; i <= 3; i++) assert.equal((await t.anonymous().post(`${base}/new`, proposal({ title: `Idee ${i}`, email }))).status, 200);
  const fourth = await t.anonymous().post(`${base}/new`, proposal({ title: 'Idee 4', email }));
  assert.equal(fourth.status, 429);
  const html = await fourth.text();
  assert.match(html, /Wacht een uur/);
  assert.ok(html.includes('value="Idee 4"'));
  assert.equal((await initiativeByTitle('Idee 4')).length, 0);
  // Counters (on the shared limiter) hold keyed hashes, never the address.
  const keys = await sql<{ key_hash: string }>`select key_hash from rate_limit_hit where bucket like 'initiative-%'`.execute(t.database.db);
  assert.ok(keys.rows.length > 0);
  for (const k of keys.rows) assert.match(k.key_hash, /^[0-9a-f]{64}$/);
  // An hour later it works again.
  t.clock.advance(61 * 60_000);
  assert.equal((await t.anonymous().post(`${base}/new`, proposal({ title: 'Idee 5', email }))).status, 200);
  t.clock.advance(-61 * 60_000);
});

test('the rate limit counts over every pact: a second pact gives no fresh allowance', async () => {
  const email = 'rondreizer@voorbeeld.example';
  for (let i = 1; i <= 3; i++) assert.equal((await t.anonymous().post(`${base}/new`, proposal({ title: `Rondreis ${i}`, email }))).status, 200);
  const elsewhere = proposal({ title: 'Rondreis in Hagedoorn', email, neighbourhood: '', pillar: '' });
  const refused = await t.anonymous().post('/p/hagedoorn/initiatives/new', elsewhere);
  assert.equal(refused.status, 429);
  assert.ok((await refused.text()).includes('value="Rondreis in Hagedoorn"'), 'the input is kept');
  assert.equal((await initiativeByTitle('Rondreis in Hagedoorn')).length, 0);
  // Control: another address is welcome in Hagedoorn.
  const other = await t.anonymous().post('/p/hagedoorn/initiatives/new', { ...elsewhere, title: 'Eerste idee in Hagedoorn', email: 'buur@hagedoorn.example' });
  assert.equal(other.status, 200);
});

test('bad input: 400 with field messages and the input kept; unknown choices refused', async () => {
  const r = await t.anonymous().post(`${base}/new`, proposal({ email: 'geen adres', consent: '', title: 'Bewaard' }));
  assert.equal(r.status, 400);
  const html = await r.text();
  assert.ok(html.includes('value="Bewaard"'));
  assert.match(html, /Zet een vinkje/);
  assert.equal((await initiativeByTitle('Bewaard')).length, 0);
  const hagedoorn = await sql<{ id: string }>`select n.id from neighbourhood n join pact on pact.id = n.pact_id where pact.slug = 'hagedoorn' limit 1`.execute(t.database.db);
  const foreign = await t.anonymous().post(`${base}/new`, proposal({ title: 'Andere wijk', neighbourhood: hagedoorn.rows[0]!.id, email: 'ander@voorbeeld.example' }));
  assert.equal(foreign.status, 400);
  assert.equal((await initiativeByTitle('Andere wijk')).length, 0);
  await fc.assert(
    fc.asyncProperty(fc.record({ title: fc.string({ maxLength: 300 }), email: fc.string({ maxLength: 40 }), support: fc.string({ maxLength: 20 }), pillar: fc.string({ maxLength: 40 }) }), async (fields) => {
      const res = await t.anonymous().post(`${base}/new`, { ...proposal({ email: 'prop@voorbeeld.example' }), ...fields, website: '' });
      return res.status < 500;
    }),
    { numRuns: 15 },
  );
});

test('unknown and malformed links answer 410; an unpublished initiative is 404 for the public', async () => {
  assert.equal((await t.anonymous().get(`${base}/confirm/${'C'.repeat(43)}`)).status, 410);
  assert.equal((await t.anonymous().post(`${base}/confirm/${'C'.repeat(43)}`, {})).status, 410);
  assert.equal((await t.anonymous().get(`${base}/mine/kort`)).status, 410);
  const unconfirmed = await sql<{ id: string }>`select id from initiative where status = 'unconfirmed' limit 1`.execute(t.database.db);
  assert.equal((await t.anonymous().get(`${base}/${unconfirmed.rows[0]!.id}`)).status, 404);
  assert.equal((await (await t.sessionFor(personas.coordinator)).get(`${base}/${unconfirmed.rows[0]!.id}`)).status, 200);
  assert.equal((await (await t.sessionFor(personas.partnerAdmin)).get(`${base}/${unconfirmed.rows[0]!.id}`)).status, 404);
});

test('history is append-only, and unconfirmed proposals are removed after the retention period', async () => {
  await assert.rejects(sql`update initiative_status_change set message = 'x'`.execute(t.database.db));
  const r = await removeUnconfirmedInitiatives(t.database.db, new Date('2026-12-31T00:00:00Z'));
  assert.ok(r.initiatives >= 1);
  const left = await sql<{ n: number }>`select count(*)::int as n from initiative where status = 'unconfirmed'`.execute(t.database.db);
  assert.equal(left.rows[0]!.n, 0);
  assert.ok((await sql<{ n: number }>`select count(*)::int as n from initiative where status = 'published'`.execute(t.database.db)).rows[0]!.n >= 1);
});

test('a confirmation without a valid form token confirms nothing (403, the button again)', async () => {
  const email = 'zonder-token@voorbeeld.example';
  await t.anonymous().post(`${base}/new`, proposal({ title: 'Zonder token', email }));
  const confirmLink = linkIn(await confirmationMail(email), 'confirm');
  const r = await t.anonymous().post(confirmLink, { _csrf: 'vervalst' });
  assert.equal(r.status, 403);
  assert.match(await r.text(), /Ja, bevestig mijn idee/);
  assert.equal((await initiativeByTitle('Zonder token'))[0]?.status, 'unconfirmed');
});
