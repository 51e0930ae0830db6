// Invitations end to end, through the app as a browser would use it: the link is read from the
// queued mail (no SMTP_URL in tests, so mail stays in mail_message — the real path), then opened,
// and the invitee joins. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { enterAppRole } from '../../../platform/db/transaction.ts';
import { DEMO_PASSWORD } from '../../../app/seed-demo.ts';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, testSecret, type Persona, type TestApp } from '../../../../tests/support/test-app.ts';
import { setCookies } from '../../../../tests/support/route-paths.ts';
import { hashToken } from '../session.ts';
import { demoTotpSecret, totpCode } from '../second-factor/second-factor.ts';

let database: Database;
let t: TestApp;
const ids = { lindewaard: '', hagedoorn: '', welzijn: '', delinde: '', ocmw: '', hagedoornCoordinator: '' };

before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(database.db)).rows[0]!.id;
  ids.lindewaard = await one(sql<{ id: string }>`select id from pact where slug = 'lindewaard'`);
  ids.hagedoorn = await one(sql<{ id: string }>`select id from pact where slug = 'hagedoorn'`);
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.delinde = await one(sql<{ id: string }>`select id from organisation where name = 'Woonstichting De Linde'`);
  ids.ocmw = await one(sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`);
  ids.hagedoornCoordinator = await one(sql<{ id: string }>`select id from person where email = ${personas.otherPactCoordinator}`);
});
after(() => database.close());

const invitationsPath = (org: string) => `/p/lindewaard/organisations/${org}/invitations`;

/** The paths of the invitation links mailed to this address, oldest first. */
async function mailedLinks(email: string): Promise<string[]> {
  const r = await sql<{ text_body: string }>`
    select m.text_body from mail_message m
      join mail_message_status_change s on s.message_id = m.id and s.from_status is null
     where m.to_address = ${email} and m.purpose = 'invitation'
     order by s.id`.execute(database.db);
  return r.rows.map((row) => {
    const match = /https?:\/\/[^\s/]+(\/invitations\/[A-Za-z0-9_-]{43})\s/.exec(row.text_body);
    assert.ok(match, `a link in the mail: ${row.text_body}`);
    return match[1]!;
  });
}

async function lastLink(email: string): Promise<string> {
  const links = await mailedLinks(email);
  assert.ok(links.length > 0, `a mail to ${email}`);
  return links.at(-1)!;
}

/** A persona for a session cookie handed out by the app itself (after a log-in or an accepted invitation). */
function personaFromSessionToken(token: string): Persona {
  const cookie = `__Host-sp_session=${token}`;
  const csrf = createHmac('sha256', testSecret).update(`csrf:${hashToken(token)}`).digest('base64url');
  return {
    cookie, csrf,
    get: async (path, headers = {}) => t.app.request(path, { headers: { cookie, ...headers } }),
    post: async (path, fields, headers = {}) => t.app.request(path, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    }),
  };
}

async function membershipsOf(email: string) {
  const r = await sql<{ organisation_id: string; role: string }>`
    select m.organisation_id, m.role from membership m join person p on p.id = m.person_id
     where p.email = ${email} and m.ended_at is null order by m.role, m.organisation_id`.execute(database.db);
  return r.rows;
}

const strongPassword = 'grote blauwe fiets bij de molen';

test(`a coordinator invites a partner admin into De Linde; the invitee sets a name and password and is in (${testEngine})`, async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const form = await coordinator.get(invitationsPath(ids.delinde));
  assert.equal(form.status, 200);
  const invited = await coordinator.post(invitationsPath(ids.delinde), { email: '  Nieuw.Beheer@DeLinde.example ', role: 'partner_admin' });
  assert.equal(invited.status, 303);
  assert.equal(invited.headers.get('location'), invitationsPath(ids.delinde));
  const listed = await (await coordinator.get(invitationsPath(ids.delinde))).text();
  assert.ok(listed.includes('nieuw.beheer@delinde.example'), 'the open invitation is listed, in lower case');

  const links = await mailedLinks('nieuw.beheer@delinde.example');
  assert.equal(links.length, 1, 'one mail queued');
  const link = links[0]!;
  const stored = await sql<{ email: string; role: string; token_hash: string }>`
    select email, role, token_hash from invitation where organisation_id = ${ids.delinde}`.execute(database.db);
  assert.deepEqual(stored.rows.map((r) => [r.email, r.role]), [['nieuw.beheer@delinde.example', 'partner_admin']]);
  assert.equal(stored.rows[0]!.token_hash, hashToken(link.split('/').at(-1)!), 'only the hash of the token is stored');

  const visitor = t.anonymous();
  const page = await visitor.get(link);
  assert.equal(page.status, 200);
  const html = await page.text();
  for (const shown of ['Pact Samen Lindewaard', 'Woonstichting De Linde', 'Beheerder van de organisatie', 'name="displayName"', 'name="passwordRepeat"']) {
    assert.ok(html.includes(shown), `the page shows ${shown}`);
  }

  const joined = await visitor.post(link, { displayName: 'Nieuwe Beheerder', password: strongPassword, passwordRepeat: strongPassword });
  assert.equal(joined.status, 303);
  // A partner admin sees household data: the second factor is set up before anything else.
  assert.equal(joined.headers.get('location'), '/account/second-factor?next=%2Fp%2Flindewaard');
  const token = setCookies(joined).get('__Host-sp_session');
  assert.ok(token, 'signed in: a session cookie is set');
  assert.deepEqual(await membershipsOf('nieuw.beheer@delinde.example'), [{ organisation_id: ids.delinde, role: 'partner_admin' }]);
  const person = await sql<{ display_name: string; password_hash: string }>`
    select display_name, password_hash from person where email = 'nieuw.beheer@delinde.example'`.execute(database.db);
  assert.equal(person.rows[0]!.display_name, 'Nieuwe Beheerder');
  assert.match(person.rows[0]!.password_hash, /^\$argon2id\$/);

  // Until the second factor is set up, the new partner admin reaches nothing.
  const withPassword = personaFromSessionToken(token);
  const editPath = `/p/lindewaard/organisations/${ids.delinde}/edit`;
  assert.equal((await withPassword.get(editPath)).headers.get('location'), `/account/second-factor?next=${encodeURIComponent(editPath)}`);
  const setUp = await (await withPassword.get('/account/second-factor')).text();
  const secret = /class="sp-secret"[^>]*>([A-Z2-7 ]+)</.exec(setUp)?.[1]?.replaceAll(' ', '');
  assert.ok(secret, 'the set-up page shows the secret');
  const enrolled = await withPassword.post('/account/second-factor', { action: 'enrol', next: '/p/lindewaard', code: totpCode(secret, t.clock.now()) });
  assert.equal(enrolled.status, 200);
  const newcomer = personaFromSessionToken(setCookies(enrolled).get('__Host-sp_session')!);
  assert.equal((await newcomer.get(`/p/lindewaard/organisations/${ids.delinde}/edit`)).status, 200, 'the new partner admin edits their organisation');
  assert.equal((await newcomer.get(`/p/lindewaard/organisations/${ids.welzijn}/edit`)).status, 403, 'and not another one');

  // The link works once.
  assert.equal((await t.anonymous().get(link)).status, 410);
  const again = await t.anonymous().post(link, { displayName: 'Tweede Keer', password: strongPassword, passwordRepeat: strongPassword });
  assert.equal(again.status, 410);
  assert.ok((await again.text()).includes('Deze uitnodiging werkt niet meer'));
  assert.equal((await membershipsOf('nieuw.beheer@delinde.example')).length, 1);

  const audit = await sql<{ action: string; chain: string; subject_person_id: string | null }>`
    select action, chain, subject_person_id from audit_event
     where action in ('invitation.create', 'invitation.accept', 'person.create') order by occurred_at, chain, seq`.execute(database.db);
  assert.deepEqual(audit.rows.map((r) => [r.action, r.chain === ids.lindewaard ? 'lindewaard' : r.chain]).sort(), [
    ['invitation.accept', 'lindewaard'], ['invitation.create', 'lindewaard'], ['person.create', 'system'],
  ]);
});

test('an expired link is refused with the page that says to ask for a new one', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  assert.equal((await coordinator.post(invitationsPath(ids.welzijn), { email: 'laat@welzijn.lindewaard.example', role: 'volunteer' })).status, 303);
  const link = await lastLink('laat@welzijn.lindewaard.example');
  const start = t.clock.now();
  try {
    t.clock.advance(7 * 24 * 60 * 60_000 - 60_000);
    assert.equal((await t.anonymous().get(link)).status, 200, 'still valid a minute before the end');
    t.clock.advance(2 * 60_000);
    const page = await t.anonymous().get(link);
    assert.equal(page.status, 410);
    const html = await page.text();
    assert.ok(html.includes('Deze uitnodiging werkt niet meer') && html.includes('nieuwe uitnodiging'));
    const post = await t.anonymous().post(link, { displayName: 'Te Laat', password: strongPassword, passwordRepeat: strongPassword });
    assert.equal(post.status, 410);
  } finally {
    t.clock.set(start);
  }
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from person where email = 'laat@welzijn.lindewaard.example'`.execute(database.db)).rows[0]!.n, 0);
});

test('a partner admin invites a professional colleague into their own organisation', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const organisation = await (await partnerAdmin.get(`/p/lindewaard/organisations/${ids.welzijn}`)).text();
  assert.ok(organisation.includes(`href="${invitationsPath(ids.welzijn)}"`) && organisation.includes('Collega uitnodigen'), 'the organisation page links to the invitations');
  const response = await partnerAdmin.post(invitationsPath(ids.welzijn), { email: 'collega@welzijn.lindewaard.example', role: 'professional' });
  assert.equal(response.status, 303);
  assert.equal((await mailedLinks('collega@welzijn.lindewaard.example')).length, 1);
  const mail = await sql<{ text_body: string; subject: string }>`
    select text_body, subject from mail_message where to_address = 'collega@welzijn.lindewaard.example'`.execute(database.db);
  assert.equal(mail.rows[0]!.subject, 'Uitnodiging voor Pact Samen Lindewaard');
  assert.ok(mail.rows[0]!.text_body.includes('Joost Hendriksen nodigt u uit') && mail.rows[0]!.text_body.includes('als Professional'));
  assert.ok(mail.rows[0]!.text_body.includes('7 dagen'));
});

test('a partner admin may not invite into another organisation, nor give the coordinator role; a volunteer may not invite', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  assert.equal((await partnerAdmin.get(invitationsPath(ids.delinde))).status, 403);
  assert.equal((await partnerAdmin.post(invitationsPath(ids.delinde), { email: 'x@delinde.example', role: 'professional' })).status, 403);

  const refused = await partnerAdmin.post(invitationsPath(ids.welzijn), { email: 'baas@welzijn.lindewaard.example', role: 'pact_coordinator' });
  assert.equal(refused.status, 400);
  const html = await refused.text();
  assert.ok(html.includes('U mag deze rol niet geven'), 'the refusal says why');
  assert.ok(html.includes('value="baas@welzijn.lindewaard.example"'), 'the input is kept');
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from invitation where email = 'baas@welzijn.lindewaard.example'`.execute(database.db)).rows[0]!.n, 0);
  assert.deepEqual(await mailedLinks('baas@welzijn.lindewaard.example'), []);

  const volunteer = await t.sessionFor(personas.volunteer);
  assert.equal((await volunteer.get(invitationsPath(ids.welzijn))).status, 403);
  assert.equal((await volunteer.post(invitationsPath(ids.welzijn), { email: 'y@welzijn.lindewaard.example', role: 'volunteer' })).status, 403);
  const professional = await t.sessionFor(personas.professional);
  const page = await (await professional.get(`/p/lindewaard/organisations/${ids.welzijn}`)).text();
  assert.ok(!page.includes('Collega uitnodigen'), 'no invitation link for a professional');
});

test('someone who already holds the role there is not invited, and a bad address keeps the input', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const member = await coordinator.post(invitationsPath(ids.delinde), { email: personas.otherOrganisationAdmin, role: 'partner_admin' });
  assert.equal(member.status, 400);
  assert.ok((await member.text()).includes('heeft deze rol al'));
  const bad = await coordinator.post(invitationsPath(ids.delinde), { email: 'geen-adres', role: 'professional' });
  assert.equal(bad.status, 400);
  assert.ok((await bad.text()).includes('value="geen-adres"'));
  assert.deepEqual(await mailedLinks(personas.otherOrganisationAdmin), []);
});

test('inviting the same address again withdraws the earlier link; a withdrawn link stops working', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const email = 'twee-keer@welzijn.lindewaard.example';
  assert.equal((await coordinator.post(invitationsPath(ids.welzijn), { email, role: 'volunteer' })).status, 303);
  assert.equal((await coordinator.post(invitationsPath(ids.welzijn), { email, role: 'volunteer' })).status, 303);
  const [first, second] = await mailedLinks(email);
  assert.equal((await t.anonymous().get(first!)).status, 410, 'the first link is withdrawn');
  assert.equal((await t.anonymous().get(second!)).status, 200, 'the second works');

  const open = await sql<{ id: string }>`
    select id from invitation where email = ${email} and revoked_at is null`.execute(database.db);
  assert.equal(open.rows.length, 1);
  const otherAdmin = await t.sessionFor(personas.otherOrganisationAdmin);
  assert.equal((await otherAdmin.post(`/p/lindewaard/invitations/${open.rows[0]!.id}/revoke`, {})).status, 403, 'De Linde’s admin cannot withdraw Welzijn’s invitation');
  const revoked = await coordinator.post(`/p/lindewaard/invitations/${open.rows[0]!.id}/revoke`, {});
  assert.equal(revoked.status, 303);
  assert.equal((await t.anonymous().get(second!)).status, 410);
  const audit = await sql<{ n: number }>`
    select count(*)::int as n from audit_event where action = 'invitation.revoke' and record_id = ${open.rows[0]!.id}`.execute(database.db);
  assert.equal(audit.rows[0]!.n, 1);
});

test('a person with an account signs in first, then accepts; someone else signed in is refused', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const email = personas.professional; // Aylin, professional at Welzijn, joins De Linde as a volunteer
  assert.equal((await coordinator.post(invitationsPath(ids.delinde), { email, role: 'volunteer' })).status, 303);
  const link = await lastLink(email);

  const visitor = t.anonymous();
  const page = await (await visitor.get(link)).text();
  const loginHref = `/login?next=${encodeURIComponent(link)}`;
  assert.ok(page.includes(`href="${loginHref}"`), 'a link to sign in first that comes back here');
  assert.ok(!page.includes('name="password"'), 'no form to make a second account');
  const early = await visitor.post(link, { displayName: 'Dubbel', password: strongPassword, passwordRepeat: strongPassword });
  assert.equal(early.status, 409);

  const someoneElse = await t.sessionFor(personas.volunteer);
  assert.equal((await someoneElse.get(link)).status, 403);
  assert.equal((await someoneElse.post(link, {})).status, 403);

  const login = await visitor.post('/login', { email, password: DEMO_PASSWORD, next: link });
  assert.equal(login.status, 303);
  assert.equal(login.headers.get('location'), `/account/second-factor?next=${encodeURIComponent(link)}`);
  const withPassword = personaFromSessionToken(setCookies(login).get('__Host-sp_session')!);
  const verified = await withPassword.post('/account/second-factor', { action: 'verify', next: link, code: totpCode(demoTotpSecret(email), t.clock.now()) });
  assert.equal(verified.status, 303);
  assert.equal(verified.headers.get('location'), link);
  const invitee = personaFromSessionToken(setCookies(verified).get('__Host-sp_session')!);
  const acceptPage = await invitee.get(link);
  assert.equal(acceptPage.status, 200);
  assert.ok((await acceptPage.text()).includes('Uitnodiging aannemen'));
  const accepted = await invitee.post(link, {});
  assert.equal(accepted.status, 303);
  assert.equal(accepted.headers.get('location'), '/p/lindewaard');
  assert.deepEqual(
    (await membershipsOf(email)).map((m) => [m.organisation_id, m.role]).sort(),
    [[ids.welzijn, 'professional'], [ids.delinde, 'volunteer']].sort(),
  );
  assert.equal((await invitee.get(link)).status, 410, 'used once');
});

test('a weak or mistyped password is refused; the name is kept, the passwords are not', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  assert.equal((await coordinator.post(invitationsPath(ids.welzijn), { email: 'zwak@welzijn.lindewaard.example', role: 'professional' })).status, 303);
  const link = await lastLink('zwak@welzijn.lindewaard.example');
  const visitor = t.anonymous();
  for (const [password, repeat, message] of [
    ['welkom2026!', 'welkom2026!', 'minstens 12 tekens'],
    ['wachtwoord123456', 'wachtwoord123456', 'veel gebruikt'],
    ['Zwak!2026-2027', 'Zwak!2026-2027', 'lijkt op uw e-mailadres'],
    [strongPassword, `${strongPassword}!`, 'niet hetzelfde'],
  ] as const) {
    const response = await visitor.post(link, { displayName: 'Zwakke Schakel', password, passwordRepeat: repeat });
    assert.equal(response.status, 400, password);
    const html = await response.text();
    assert.ok(html.includes(message), `${password}: ${message}`);
    assert.ok(html.includes('value="Zwakke Schakel"'), 'the name is kept');
    assert.ok(!html.includes(password), 'the password is not sent back');
  }
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from person where email = 'zwak@welzijn.lindewaard.example'`.execute(database.db)).rows[0]!.n, 0);
  assert.equal((await visitor.get(link)).status, 200, 'the link still works');
});

test('the audit log holds no e-mail address of an invitation', async () => {
  const rows = await sql<{ entry: string }>`
    select row_to_json(a)::text as entry from audit_event a
     where action like 'invitation.%' or action = 'person.create'`.execute(database.db);
  assert.ok(rows.rows.length >= 8, `found ${rows.rows.length} entries`);
  const withAddress = rows.rows.filter((r) => r.entry.includes('@'));
  assert.deepEqual(withAddress, []);
});

test('row-level security: Lindewaard’s invitations are invisible in a Hagedoorn transaction and cannot be written from it', async () => {
  class Rollback extends Error {}
  const count = async (pactId: string, personId: string | null) => {
    let n = -1;
    try {
      await database.db.transaction().execute(async (tx) => {
        await enterAppRole(tx, { pactId, personId });
        n = (await sql<{ n: number }>`select count(*)::int as n from invitation where pact_id = ${ids.lindewaard}`.execute(tx)).rows[0]!.n;
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return n;
  };
  assert.equal(await count(ids.hagedoorn, ids.hagedoornCoordinator), 0);
  assert.ok((await count(ids.lindewaard, null)) > 0, 'control: visible in Lindewaard');
  await assert.rejects(
    database.db.transaction().execute(async (tx) => {
      await enterAppRole(tx, { pactId: ids.hagedoorn, personId: ids.hagedoornCoordinator });
      await sql`insert into invitation (pact_id, organisation_id, role, email, invited_by, token_hash, created_at, expires_at)
                values (${ids.lindewaard}, ${ids.welzijn}, 'professional', 'x@example.org', ${ids.hagedoornCoordinator},
                        ${'0'.repeat(64)}, now(), now() + interval '1 day')`.execute(tx);
    }),
    /row-level security/,
  );
  const rls = await sql<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>`
    select relrowsecurity, relforcerowsecurity from pg_class where relname = 'invitation'`.execute(database.db);
  assert.deepEqual(rls.rows[0], { relrowsecurity: true, relforcerowsecurity: true });
});
