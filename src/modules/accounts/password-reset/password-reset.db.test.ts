// Password reset through the real path: the form, the mail in the outbox (the test app has no
// SMTP_URL, so queued mail stays in mail_message), the link from that mail, log-in afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../../tests/support/test-app.ts';
import { setCookies } from '../../../../tests/support/route-paths.ts';
import { DEMO_PASSWORD } from '../../../app/seed-demo.ts';
import { verifyAuditChains } from '../../../platform/audit/audit-log.ts';
import type { Database } from '../../../platform/db/database.ts';
import { RESET_TOKEN_MINUTES } from './reset-token.ts';

let database: Database;
let t: TestApp;
before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
});
after(() => database.close());

const NEW_PASSWORD = 'Rode fiets bij de bakker 42';

async function requestReset(email: string) {
  const response = await t.anonymous().post('/password/forgot', { email });
  return { status: response.status, body: await response.text() };
}

async function resetMailsTo(email: string) {
  const r = await sql<{ subject: string; text_body: string; html_body: string | null; status: string }>`
    select m.subject, m.text_body, m.html_body, m.status from mail_message m
     where m.to_address = ${email} and m.purpose = 'password-reset'
     -- In queueing order: the test clock stands still, so created_at ties; the status log's identity does not.
     order by (select min(c.id) from mail_message_status_change c where c.message_id = m.id)`.execute(database.db);
  return r.rows;
}

async function allMailCount(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from mail_message`.execute(database.db);
  return r.rows[0]!.n;
}

/** The path of the reset link in the newest reset mail to this address. */
async function linkFor(email: string): Promise<string> {
  const mails = await resetMailsTo(email);
  const text = mails.at(-1)?.text_body ?? '';
  const match = /http:\/\/localhost(\/password\/reset\/[A-Za-z0-9_-]{43})\n/.exec(text);
  assert.ok(match, `no reset link in the mail to ${email}: ${text}`);
  return match[1]!;
}

async function passwordHashOf(email: string): Promise<string> {
  const r = await sql<{ password_hash: string }>`select password_hash from person where email = ${email}`.execute(database.db);
  return r.rows[0]!.password_hash;
}

async function logIn(email: string, password: string): Promise<number> {
  const response = await t.anonymous().post('/login', { email, password, next: '/' });
  await response.arrayBuffer();
  return response.status;
}

async function resetWith(path: string, password: string, repeat = password) {
  const response = await t.anonymous().post(path, { password, passwordRepeat: repeat });
  return { status: response.status, location: response.headers.get('location'), cookies: setCookies(response), body: await response.text() };
}

/** The page without what differs per request (request id, CSRF token). */
function comparable(body: string): string {
  return body.replace(/Foutcode: [\w-]+/g, '').replace(/name="_csrf" value="[^"]*"/g, '');
}

test(`asking for a link for an existing account queues exactly one mail with a working link (${testEngine})`, async () => {
  const email = personas.professional;
  const answer = await requestReset(email);
  assert.equal(answer.status, 200);
  assert.match(answer.body, /Als er een account is met dit e-mailadres, krijgt u binnen enkele minuten een e-mail/);
  const mails = await resetMailsTo(email);
  assert.equal(mails.length, 1);
  assert.equal(mails[0]!.status, 'queued');
  assert.equal(mails[0]!.subject, 'Een nieuw wachtwoord kiezen voor Schakelpunt');
  assert.match(mails[0]!.text_body, new RegExp(`De link werkt ${RESET_TOKEN_MINUTES} minuten en maar één keer`));
  const link = await linkFor(email);
  assert.ok(mails[0]!.html_body?.includes(`href="http://localhost${link}"`), 'the HTML part has the same link');
  const page = await t.anonymous().get(link);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /Kies een nieuw wachtwoord/);
  assert.match(html, new RegExp(`action="${link}"`));
});

test('an e-mail address without an account gets the identical page, and no mail is queued', async () => {
  const real = await requestReset(personas.otherOrganisationAdmin);
  const before = await allMailCount();
  const fake = await requestReset('niemand@lindewaard.example');
  assert.equal(await allMailCount(), before);
  assert.equal(fake.status, real.status);
  assert.equal(comparable(fake.body), comparable(real.body));
  assert.equal((await resetMailsTo(personas.otherOrganisationAdmin)).length, 1, 'control: the real account did get a mail');
});

test('a malformed e-mail address is shown the form again with the message, and nothing is queued', async () => {
  const before = await allMailCount();
  const answer = await requestReset('geen-adres');
  assert.equal(answer.status, 400);
  assert.match(answer.body, /Vul een e-mailadres in/);
  assert.equal(await allMailCount(), before);
});

test('the link sets a new password that works for log-in; the old one no longer does and every earlier session ends', async () => {
  const email = personas.volunteer;
  const earlier = await t.sessionFor(email);
  const alsoEarlier = await t.sessionFor(email);
  assert.equal((await earlier.get('/account')).status, 200, 'control: the session works before the reset');
  await requestReset(email);
  const link = await linkFor(email);
  const done = await resetWith(link, NEW_PASSWORD);
  assert.equal(done.status, 303);
  assert.equal(done.location, '/login');
  const flash = done.cookies.get('sp_flash');
  assert.equal(flash, 'passwordReset.reset.done');
  const loginPage = await t.app.request('/login', { headers: { cookie: `sp_flash=${flash}` } });
  assert.match(await loginPage.text(), /Uw wachtwoord is gewijzigd. Log in met uw nieuwe wachtwoord./);

  for (const session of [earlier, alsoEarlier]) {
    const account = await session.get('/account');
    assert.equal(account.status, 303);
    assert.equal(account.headers.get('location'), '/login?next=%2Faccount');
  }
  const left = await sql<{ n: number }>`
    select count(*)::int as n from session s join person p on p.id = s.person_id where p.email = ${email}`.execute(database.db);
  assert.equal(left.rows[0]!.n, 0);
  assert.equal(await logIn(email, DEMO_PASSWORD), 401);
  assert.equal(await logIn(email, NEW_PASSWORD), 303);
  // The person is told by mail, without a link, so that a reset they did not ask for is noticed.
  const notice = await sql<{ subject: string; text_body: string }>`
    select subject, text_body from mail_message where to_address = ${email} and purpose = 'password-changed'`.execute(database.db);
  assert.equal(notice.rows.length, 1);
  assert.equal(notice.rows[0]!.subject, 'Uw wachtwoord voor Schakelpunt is gewijzigd');
  assert.doesNotMatch(notice.rows[0]!.text_body, /https?:\/\//);
});

test('a link works once: a second post or visit gets "this link no longer works"', async () => {
  const email = personas.partnerAdmin;
  await requestReset(email);
  const link = await linkFor(email);
  assert.equal((await resetWith(link, NEW_PASSWORD)).status, 303);
  const hash = await passwordHashOf(email);
  const again = await resetWith(link, 'Een heel ander wachtwoord 77');
  assert.equal(again.status, 410);
  assert.match(again.body, /Deze link werkt niet meer/);
  assert.match(again.body, /href="\/password\/forgot"/);
  assert.equal(await passwordHashOf(email), hash);
  const visit = await t.anonymous().get(link);
  assert.equal(visit.status, 410);
  assert.match(await visit.text(), /Deze link werkt niet meer/);
});

test('an unknown or malformed link gets the same page as a used one', async () => {
  for (const path of [`/password/reset/${'B'.repeat(43)}`, '/password/reset/kapot', `/password/reset/${'C'.repeat(43)}`]) {
    const response = await t.anonymous().get(path);
    assert.equal(response.status, 410, path);
    assert.match(await response.text(), /Deze link werkt niet meer/);
  }
  assert.equal((await resetWith(`/password/reset/${'B'.repeat(43)}`, NEW_PASSWORD)).status, 410);
});

test(`a link is refused after ${RESET_TOKEN_MINUTES} minutes and the password stays`, async () => {
  const email = personas.policyReader;
  await requestReset(email);
  const link = await linkFor(email);
  const hash = await passwordHashOf(email);
  t.clock.advance(RESET_TOKEN_MINUTES * 60_000 - 1);
  assert.equal((await t.anonymous().get(link)).status, 200, 'control: still open just before the end');
  t.clock.advance(1);
  assert.equal((await t.anonymous().get(link)).status, 410);
  assert.equal((await resetWith(link, NEW_PASSWORD)).status, 410);
  assert.equal(await passwordHashOf(email), hash);
  assert.equal(await logIn(email, DEMO_PASSWORD), 303);
});

test('a weak or mistyped password is refused with the message, never shown back, and nothing changes', async () => {
  const email = personas.coordinator;
  await requestReset(email);
  const link = await linkFor(email);
  const hash = await passwordHashOf(email);
  const weak = await resetWith(link, 'password1234');
  assert.equal(weak.status, 400);
  assert.match(weak.body, /Er ging iets mis/);
  assert.match(weak.body, /Dit wachtwoord wordt veel gebruikt en is makkelijk te raden/);
  assert.ok(!weak.body.includes('password1234'), 'the typed password is not in the page');
  const mistyped = await resetWith(link, NEW_PASSWORD, `${NEW_PASSWORD}!`);
  assert.equal(mistyped.status, 400);
  assert.match(mistyped.body, /De twee wachtwoorden zijn niet hetzelfde/);
  assert.ok(!mistyped.body.includes(NEW_PASSWORD), 'the typed password is not in the page');
  assert.equal(await passwordHashOf(email), hash);
  assert.equal(await logIn(email, DEMO_PASSWORD), 303);
  // The link was not used up by the refusals.
  assert.equal((await resetWith(link, NEW_PASSWORD)).status, 303);
});

test('a post without a valid CSRF token is refused with the form again, and the link stays usable', async () => {
  const target = personas.coordinator;
  await requestReset(target);
  const link = await linkFor(target);
  const hash = await passwordHashOf(target);
  const forged = await t.anonymous().post(link, { _csrf: 'x'.repeat(43), password: NEW_PASSWORD, passwordRepeat: NEW_PASSWORD });
  assert.equal(forged.status, 403);
  const body = await forged.text();
  assert.match(body, /Het formulier is verlopen. Typ uw nieuwe wachtwoord opnieuw/);
  assert.ok(!body.includes(NEW_PASSWORD));
  assert.equal(await passwordHashOf(target), hash);
  assert.equal((await t.anonymous().get(link)).status, 200);
});

test('a new link ends the earlier one; a fourth request within an hour queues no mail, and the page is the same', async () => {
  const email = personas.otherPactCoordinator;
  const first = await requestReset(email);
  const firstLink = await linkFor(email);
  await requestReset(email);
  const secondLink = await linkFor(email);
  assert.notEqual(firstLink, secondLink);
  assert.equal((await t.anonymous().get(firstLink)).status, 410, 'the earlier link ended');
  assert.equal((await t.anonymous().get(secondLink)).status, 200);
  await requestReset(email);
  assert.equal((await resetMailsTo(email)).length, 3);
  const fourth = await requestReset(email);
  assert.equal((await resetMailsTo(email)).length, 3, 'no fourth mail within the hour');
  assert.equal(fourth.status, 200);
  assert.equal(comparable(fourth.body), comparable(first.body));
  t.clock.advance(61 * 60_000);
  await requestReset(email);
  assert.equal((await resetMailsTo(email)).length, 4, 'after the hour a link can be sent again');
});

test('a reset clears the account’s log-in lock-out', async () => {
  const email = personas.systemAdmin;
  for (let i = 0; i < 5; i++) assert.equal(await logIn(email, `wrong-${i}`), 401);
  assert.equal(await logIn(email, DEMO_PASSWORD), 429, 'control: the account is locked');
  await requestReset(email);
  assert.equal((await resetWith(await linkFor(email), NEW_PASSWORD)).status, 303);
  assert.equal(await logIn(email, NEW_PASSWORD), 303);
});

test('the table holds only hashes of the tokens, never a token from a mail', async () => {
  const rows = await sql<{ token_hash: string }>`select token_hash from password_reset_token`.execute(database.db);
  assert.ok(rows.rows.length >= 5);
  const link = await linkFor(personas.otherPactCoordinator);
  const token = link.split('/').at(-1)!;
  for (const r of rows.rows) {
    assert.match(r.token_hash, /^[0-9a-f]{64}$/);
    assert.notEqual(r.token_hash, token);
  }
});

test('housekeeping removes links that ended more than a day ago and keeps the rest', async () => {
  const { deleteOldResetTokens } = await import('./reset-token-queries.ts');
  const now = t.clock.now();
  const person = (await sql<{ id: string }>`select id from person where email = ${personas.volunteer}`.execute(database.db)).rows[0]!.id;
  const old = new Date(now.getTime() - 2 * 86_400_000);
  await sql`insert into password_reset_token (token_hash, person_id, created_at, expires_at) values
    (${'d'.repeat(64)}, ${person}, ${old}, ${new Date(old.getTime() + 3_600_000)}),
    (${'e'.repeat(64)}, ${person}, ${now}, ${new Date(now.getTime() + 3_600_000)})`.execute(database.db);
  await database.db.transaction().execute((tx) => deleteOldResetTokens(tx, now));
  const left = await sql<{ token_hash: string }>`select token_hash from password_reset_token where token_hash in (${'d'.repeat(64)}, ${'e'.repeat(64)})`.execute(database.db);
  assert.deepEqual(left.rows.map((r) => r.token_hash), ['e'.repeat(64)]);
});

test('requests and resets are in the system audit chain, with the person as subject and no e-mail address', async () => {
  const r = await sql<{ action: string; chain: string; subject_person_id: string | null; details: Record<string, unknown>; whole: string }>`
    select action, chain, subject_person_id, details, row_to_json(a)::text as whole
      from audit_event a where action in ('password.reset-requested', 'password.reset') order by seq`.execute(database.db);
  const requested = r.rows.filter((e) => e.action === 'password.reset-requested');
  const reset = r.rows.filter((e) => e.action === 'password.reset');
  assert.ok(requested.length >= 10, `requests audited: ${requested.length}`);
  assert.ok(reset.length >= 4, `resets audited: ${reset.length}`);
  for (const e of r.rows) {
    assert.equal(e.chain, 'system');
    assert.ok(!e.whole.includes('@'), `an e-mail address in the audit entry: ${e.whole}`);
  }
  for (const e of reset) assert.ok(e.subject_person_id);
  const outcomes = requested.map((e) => e.details.outcome);
  assert.ok(outcomes.includes('no-account') && outcomes.includes('throttled') && outcomes.includes('mail-queued'), outcomes.join(', '));
  for (const e of requested) assert.equal(e.subject_person_id === null, e.details.outcome === 'no-account');
  const reports = await verifyAuditChains(database.db);
  assert.ok(reports.every((report) => report.ok), JSON.stringify(reports));
});
