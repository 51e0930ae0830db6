// The system administrator's pact and people pages, end to end through the app: creating a pact
// (its audit chain, the coordinator's invitation mail, accepting it without organisation),
// a taken slug, suspending and reinstating, deactivating a person (sessions end) and refusing
// self-deactivation; and a property test over the three forms: never a 500, never half stored.
// Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { verifyAuditChains } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/db/database.ts';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../tests/support/test-app.ts';
import { setCookies } from '../../../tests/support/route-paths.ts';

let database: Database;
let t: TestApp;
const ids = { admin: '', hagedoorn: '', volunteer: '', policyReader: '' };

before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(database.db)).rows[0]!.id;
  ids.admin = await one(sql<{ id: string }>`select id from person where email = ${personas.systemAdmin}`);
  ids.hagedoorn = await one(sql<{ id: string }>`select id from pact where slug = 'hagedoorn'`);
  ids.volunteer = await one(sql<{ id: string }>`select id from person where email = ${personas.volunteer}`);
  ids.policyReader = await one(sql<{ id: string }>`select id from person where email = ${personas.policyReader}`);
});
after(() => database.close());

const strongPassword = 'grote blauwe fiets bij de molen';

async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  return (await query.execute(database.db)).rows[0]!.n;
}

async function assertChainsVerify(): Promise<void> {
  const reports = await verifyAuditChains(database.db);
  assert.ok(reports.every((r) => r.ok), JSON.stringify(reports.filter((r) => !r.ok)));
}

test(`a system administrator creates a pact; its chain verifies, the coordinator is mailed and joins without organisation (${testEngine})`, async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  assert.equal((await admin.get('/admin/pacts/new')).status, 200);
  const created = await admin.post('/admin/pacts/new', {
    name: 'Pact Samen Beekdal', slug: ' Samen-Beekdal ', municipality: 'Beekdal', jurisdiction: 'NL', defaultLocale: 'nl',
    coordinatorEmail: ' Trekker@Beekdal.example ',
  });
  assert.equal(created.status, 303);
  const pact = (await sql<{ id: string; slug: string; status: string; jurisdiction: string }>`
    select id, slug, status, jurisdiction from pact where slug = 'samen-beekdal'`.execute(database.db)).rows[0];
  assert.ok(pact, 'the pact is stored with its slug in lower case');
  assert.equal(created.headers.get('location'), `/admin/pacts/${pact.id}`);
  assert.equal(pact.status, 'active');

  const list = await (await admin.get('/admin/pacts')).text();
  assert.ok(list.includes('Pact Samen Beekdal') && list.includes('samen-beekdal'), 'the new pact is listed');
  const details = await admin.get(`/admin/pacts/${pact.id}`);
  assert.equal(details.status, 200);
  assert.ok((await details.text()).includes('trekker@beekdal.example'), 'the open coordinator invitation is shown');

  // Its own audit chain, started at creation, holding the creation and the invitation (ids only).
  const reports = await verifyAuditChains(database.db);
  const chain = reports.find((r) => r.chain === pact.id);
  assert.ok(chain, 'the pact has its own audit chain');
  assert.ok(chain.ok && chain.entries >= 2, JSON.stringify(chain));
  assert.ok(reports.every((r) => r.ok), JSON.stringify(reports));
  const entries = await sql<{ action: string; details: Record<string, unknown> }>`
    select action, details from audit_event where chain = ${pact.id} order by seq`.execute(database.db);
  assert.deepEqual(entries.rows.slice(0, 2).map((e) => e.action), ['pact.create', 'invitation.create']);
  assert.ok(!JSON.stringify(entries.rows).includes('beekdal.example'), 'no e-mail address in the audit log');

  const invitation = (await sql<{ organisation_id: string | null; role: string; email: string }>`
    select organisation_id, role, email from invitation where pact_id = ${pact.id}`.execute(database.db)).rows;
  assert.deepEqual(invitation, [{ organisation_id: null, role: 'pact_coordinator', email: 'trekker@beekdal.example' }]);
  const mails = await sql<{ text_body: string; subject: string }>`
    select text_body, subject from mail_message where to_address = 'trekker@beekdal.example' and purpose = 'invitation'`.execute(database.db);
  assert.equal(mails.rows.length, 1, 'the coordinator invitation mail is queued');
  assert.ok(mails.rows[0]!.subject.includes('Pact Samen Beekdal'));
  const link = /https?:\/\/[^\s/]+(\/invitations\/[A-Za-z0-9_-]{43})\s/.exec(mails.rows[0]!.text_body)?.[1];
  assert.ok(link, 'the mail holds the link');

  // The invitee makes an account and becomes coordinator, without organisation.
  const visitor = t.anonymous();
  const page = await visitor.get(link);
  assert.equal(page.status, 200);
  const joined = await visitor.post(link, { displayName: 'Tessa Trekker', password: strongPassword, passwordRepeat: strongPassword });
  assert.equal(joined.status, 303);
  // To the pact, or first to the second-factor page that a coordinator must pass, and then on to the pact.
  assert.match(joined.headers.get('location') ?? '', /^(\/p\/samen-beekdal|\/account\/second-factor\?next=%2Fp%2Fsamen-beekdal)$/);
  assert.ok(setCookies(joined).get('__Host-sp_session'), 'signed in');
  const memberships = await sql<{ role: string; organisation_id: string | null }>`
    select m.role, m.organisation_id from membership m join person p on p.id = m.person_id
     where p.email = 'trekker@beekdal.example' and m.pact_id = ${pact.id}`.execute(database.db);
  assert.deepEqual(memberships.rows, [{ role: 'pact_coordinator', organisation_id: null }]);
  await assertChainsVerify();
});

test('a taken slug is a field error with the input kept; nothing is stored', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  const pacts = await count(sql<{ n: number }>`select count(*)::int as n from pact`);
  const mails = await count(sql<{ n: number }>`select count(*)::int as n from mail_message`);
  const response = await admin.post('/admin/pacts/new', {
    name: 'Nog een Lindewaard', slug: 'lindewaard', municipality: '', jurisdiction: 'BE-VLG', defaultLocale: 'en', coordinatorEmail: 'dubbel@example.org',
  });
  assert.equal(response.status, 400);
  const html = await response.text();
  assert.ok(html.includes('Er is al een pact met deze korte naam'), 'the slug field says it is taken');
  assert.ok(html.includes('value="Nog een Lindewaard"') && html.includes('value="dubbel@example.org"'), 'the input is kept');
  assert.ok(html.includes('sp-error-summary'), 'with the error summary');
  assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from pact`), pacts);
  assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from mail_message`), mails);

  const bad = await admin.post('/admin/pacts/new', { name: '', slug: '-Fout-', jurisdiction: 'DE', defaultLocale: 'nl', coordinatorEmail: 'geen-adres' });
  assert.equal(bad.status, 400);
  const badHtml = await bad.text();
  assert.ok(badHtml.includes('Gebruik alleen kleine letters'), 'the slug format is explained');
  assert.ok(badHtml.includes('value="-Fout-"'), 'the input is kept');

  const forged = await t.app.request('/admin/pacts/new', {
    method: 'POST',
    headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: 'x'.repeat(43), name: 'Vervalst', slug: 'vervalst', jurisdiction: 'NL', defaultLocale: 'nl', coordinatorEmail: 'a@b.example' }).toString(),
  });
  assert.equal(forged.status, 403);
  assert.ok((await forged.text()).includes('value="Vervalst"'), 'a bad CSRF token keeps the input');
  assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from pact`), pacts);
});

test('suspending a pact hides it from visitors and members; reinstating brings it back; the history shows both', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  assert.equal((await t.anonymous().get('/p/hagedoorn')).status, 200);

  const noReason = await admin.post(`/admin/pacts/${ids.hagedoorn}/status`, { status: 'suspended', reason: '   ' });
  assert.equal(noReason.status, 400, 'a reason is required');
  assert.equal((await sql<{ status: string }>`select status from pact where id = ${ids.hagedoorn}`.execute(database.db)).rows[0]!.status, 'active');

  const suspended = await admin.post(`/admin/pacts/${ids.hagedoorn}/status`, { status: 'suspended', reason: 'Gemeente stopt met het pact' });
  assert.equal(suspended.status, 303);
  assert.equal((await t.anonymous().get('/p/hagedoorn')).status, 404, 'visitors find nothing');
  assert.equal((await (await t.sessionFor(personas.otherPactCoordinator)).get('/p/hagedoorn/organisations')).status, 404, 'nor do members');
  const details = await (await admin.get(`/admin/pacts/${ids.hagedoorn}`)).text();
  assert.ok(details.includes('Gemeente stopt met het pact') && details.includes('Geschorst'), 'the history and status are shown');

  const twice = await admin.post(`/admin/pacts/${ids.hagedoorn}/status`, { status: 'suspended', reason: 'Nog eens' });
  assert.equal(twice.status, 409, 'suspending a suspended pact is not a change');

  const reinstated = await admin.post(`/admin/pacts/${ids.hagedoorn}/status`, { status: 'active', reason: 'Nieuwe afspraken gemaakt' });
  assert.equal(reinstated.status, 303);
  assert.equal((await t.anonymous().get('/p/hagedoorn')).status, 200);
  const history = await sql<{ from_status: string; to_status: string; changed_by: string }>`
    select from_status, to_status, changed_by from pact_status_change where pact_id = ${ids.hagedoorn} order by id`.execute(database.db);
  assert.deepEqual(history.rows, [
    { from_status: 'active', to_status: 'suspended', changed_by: ids.admin },
    { from_status: 'suspended', to_status: 'active', changed_by: ids.admin },
  ]);
  const audits = await sql<{ action: string }>`
    select action from audit_event where chain = ${ids.hagedoorn} and action in ('pact.suspend', 'pact.reinstate') order by seq`.execute(database.db);
  assert.deepEqual(audits.rows.map((r) => r.action), ['pact.suspend', 'pact.reinstate']);
  await assert.rejects(sql`delete from pact_status_change`.execute(database.db), /append-only/);
  await assertChainsVerify();
});

test('deactivating a person ends all their sessions; reactivating lets them back; reads are logged', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  const volunteer = await t.sessionFor(personas.volunteer);
  await t.sessionFor(personas.volunteer);
  assert.equal((await volunteer.get('/account')).status, 200);

  const found = await admin.get('/admin/people?q=BROUWER');
  assert.equal(found.status, 200);
  const foundHtml = await found.text();
  assert.ok(foundHtml.includes('Kees Brouwer') && !foundHtml.includes('Fatima El Amrani'), 'the search finds by name');
  const page = await (await admin.get(`/admin/people/${ids.volunteer}`)).text();
  assert.ok(page.includes('Voedselbank Lindewaard') && page.includes('vrijwilliger@voedselbank-lindewaard.example'), 'memberships are shown');
  const reads = await sql<{ pact_id: string | null; subject_person_id: string | null }>`
    select pact_id, subject_person_id from audit_event where action = 'person.read' and record_id = ${ids.volunteer}`.execute(database.db);
  assert.deepEqual(reads.rows.at(-1), { pact_id: null, subject_person_id: ids.volunteer });
  assert.ok(await count(sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'person.list'`) >= 1);

  const noReason = await admin.post(`/admin/people/${ids.volunteer}/deactivate`, { reason: '' });
  assert.equal(noReason.status, 400);
  assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from session where person_id = ${ids.volunteer}`), 2);

  const deactivated = await admin.post(`/admin/people/${ids.volunteer}/deactivate`, { reason: 'Gestopt als vrijwilliger' });
  assert.equal(deactivated.status, 303);
  assert.equal(await count(sql<{ n: number }>`select count(*)::int as n from session where person_id = ${ids.volunteer}`), 0, 'all sessions are gone');
  assert.notEqual((await sql<{ deactivated_at: Date | null }>`select deactivated_at from person where id = ${ids.volunteer}`.execute(database.db)).rows[0]!.deactivated_at, null);
  const afterwards = await volunteer.get('/account');
  assert.equal(afterwards.status, 303, 'the old session no longer works');
  assert.match(afterwards.headers.get('location') ?? '', /^\/login/);
  const signIn = await t.anonymous().post('/login', { email: personas.volunteer, password: 'demo-lindewaard-2026' });
  assert.notEqual(signIn.status, 303, 'a deactivated person cannot sign in');

  const shown = await (await admin.get(`/admin/people/${ids.volunteer}`)).text();
  assert.ok(shown.includes('Gestopt als vrijwilliger') && shown.includes('Op non-actief'), 'the history is shown');

  const reactivated = await admin.post(`/admin/people/${ids.volunteer}/reactivate`, { reason: 'Weer begonnen' });
  assert.equal(reactivated.status, 303);
  assert.equal((await sql<{ deactivated_at: Date | null }>`select deactivated_at from person where id = ${ids.volunteer}`.execute(database.db)).rows[0]!.deactivated_at, null);
  const history = await sql<{ to_status: string }>`select to_status from person_status_change where person_id = ${ids.volunteer} order by id`.execute(database.db);
  assert.deepEqual(history.rows.map((r) => r.to_status), ['deactivated', 'active']);
  const audits = await sql<{ action: string; pact_id: string | null; subject_person_id: string | null }>`
    select action, pact_id, subject_person_id from audit_event where action in ('person.deactivate', 'person.reactivate') order by seq`.execute(database.db);
  assert.deepEqual(audits.rows, [
    { action: 'person.deactivate', pact_id: null, subject_person_id: ids.volunteer },
    { action: 'person.reactivate', pact_id: null, subject_person_id: ids.volunteer },
  ]);
  await assertChainsVerify();
});

test('a system administrator cannot deactivate themselves', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  const own = await (await admin.get(`/admin/people/${ids.admin}`)).text();
  assert.ok(own.includes('U kunt uzelf niet op non-actief zetten'), 'the page says so instead of offering the form');
  const refused = await admin.post(`/admin/people/${ids.admin}/deactivate`, { reason: 'Per ongeluk' });
  assert.equal(refused.status, 400);
  assert.ok((await refused.text()).includes('U kunt uzelf niet op non-actief zetten'));
  assert.equal((await sql<{ deactivated_at: Date | null }>`select deactivated_at from person where id = ${ids.admin}`.execute(database.db)).rows[0]!.deactivated_at, null);
  assert.equal((await admin.get('/admin/pacts')).status, 200, 'still signed in');
});

test('other people are refused the administrator pages', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  assert.equal((await coordinator.get('/admin/pacts')).status, 403);
  assert.equal((await coordinator.post(`/admin/people/${ids.volunteer}/deactivate`, { reason: 'Zomaar' })).status, 403);
  assert.equal((await sql<{ deactivated_at: Date | null }>`select deactivated_at from person where id = ${ids.volunteer}`.execute(database.db)).rows[0]!.deactivated_at, null);
});

// ---- property: the three forms -------------------------------------------------------------

const nasty = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/\u0000/g, '')),
  fc.constantFrom('', ' ', 'lindewaard', 'samen-beekdal', 'a', 'a-', '-a', 'A', 'x'.repeat(40), 'x'.repeat(41), "'; drop table pact; --",
    '<script>sp_xss()</script>', 'NL', 'BE-VLG', 'nl', 'en', 'active', 'suspended', 'iemand@example.org', 'geen adres', 'é'.repeat(300),
    'x'.repeat(1001)),
);
const newPactFields = fc.record({
  name: nasty, slug: fc.oneof(nasty, fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}[a-z0-9]$/)), municipality: nasty,
  jurisdiction: fc.oneof(nasty, fc.constantFrom('NL', 'BE-VLG')), defaultLocale: fc.oneof(nasty, fc.constantFrom('nl', 'en')),
  coordinatorEmail: fc.oneof(nasty, fc.emailAddress()),
}, { requiredKeys: [] });
/** Input that should be accepted (unless the slug is taken), so that the stored-completely half of the property is reached too. */
const validNewPact = fc.record({
  name: fc.string({ minLength: 1, maxLength: 60 }).filter((v) => v.trim() !== ''), slug: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,10}[a-z0-9]$/),
  municipality: fc.string({ maxLength: 60 }), jurisdiction: fc.constantFrom('NL', 'BE-VLG'), defaultLocale: fc.constantFrom('nl', 'en'),
  coordinatorEmail: fc.constantFrom('een@example.org', 'Twee@Example.org', 'drie.vier@voorbeeld.example'),
});
const validReason = fc.string({ minLength: 1, maxLength: 200 }).filter((v) => v.trim() !== '');
const statusFields = fc.oneof(
  fc.record({ status: fc.oneof(nasty, fc.constantFrom('active', 'suspended')), reason: nasty }, { requiredKeys: [] }),
  fc.record({ status: fc.constantFrom('active', 'suspended'), reason: validReason }),
);
const reasonFields = fc.oneof(fc.record({ reason: nasty }, { requiredKeys: [] }), fc.record({ reason: validReason }));

async function state() {
  const r = await sql<{ pacts: number; heads: number; invitations: number; mails: number; pactChanges: number; personChanges: number; status: string; deactivated: boolean; sessions: number }>`
    select (select count(*) from pact)::int as pacts,
           (select count(*) from audit_chain_head)::int as heads,
           (select count(*) from invitation)::int as invitations,
           (select count(*) from mail_message)::int as mails,
           (select count(*) from pact_status_change)::int as "pactChanges",
           (select count(*) from person_status_change)::int as "personChanges",
           (select status from pact where id = ${ids.hagedoorn}) as status,
           (select deactivated_at is not null from person where id = ${ids.policyReader}) as deactivated,
           (select count(*) from session where person_id = ${ids.policyReader})::int as sessions`.execute(database.db);
  return r.rows[0]!;
}

test('the new-pact, pact-status and person-status forms: no 500, and a refused post stores nothing', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  const stored = { pact: 0, 'pact-status': 0, deactivate: 0, reactivate: 0 };
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(
        fc.oneof(newPactFields, validNewPact).map((f) => ({ path: '/admin/pacts/new', fields: f, kind: 'pact' as const })),
        statusFields.map((f) => ({ path: `/admin/pacts/${ids.hagedoorn}/status`, fields: f, kind: 'pact-status' as const })),
        reasonFields.map((f) => ({ path: `/admin/people/${ids.policyReader}/deactivate`, fields: f, kind: 'deactivate' as const })),
        reasonFields.map((f) => ({ path: `/admin/people/${ids.policyReader}/reactivate`, fields: f, kind: 'reactivate' as const })),
      ),
      fc.boolean(),
      async ({ path, fields, kind }, validCsrf) => {
        await t.sessionFor(personas.policyReader);
        const before = await state();
        const response = validCsrf
          ? await admin.post(path, fields as Record<string, string>)
          : await t.app.request(path, {
            method: 'POST',
            headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: 'forged', ...(fields as Record<string, string>) }).toString(),
          });
        const body = await response.text();
        assert.ok(response.status < 500, `HTTP ${response.status}`);
        assert.ok(!body.includes('<script>sp_xss'), 'input is escaped');
        const now = await state();
        if (response.status !== 303) {
          assert.ok([400, 403, 409].includes(response.status), `HTTP ${response.status}`);
          if (!validCsrf) assert.equal(response.status, 403);
          assert.deepEqual(now, before, 'a refused post stores nothing');
          return;
        }
        assert.ok(validCsrf);
        stored[kind]++;
        if (kind === 'pact') {
          // All of it: the pact, its chain head, the invitation and its mail.
          assert.deepEqual([now.pacts, now.heads, now.invitations, now.mails], [before.pacts + 1, before.heads + 1, before.invitations + 1, before.mails + 1]);
        } else if (kind === 'pact-status') {
          assert.equal(now.pactChanges, before.pactChanges + 1);
          assert.notEqual(now.status, before.status);
        } else {
          assert.equal(now.personChanges, before.personChanges + 1);
          assert.equal(now.deactivated, kind === 'deactivate');
          if (kind === 'deactivate') assert.equal(now.sessions, 0, 'deactivated: no sessions left');
        }
      },
    ),
    {
      numRuns: 80,
      // One valid post of each kind always runs first, so the stored-completely half of the
      // property is reached whatever the random draw (about one run in sixteen is a valid pact).
      examples: [
        [{ path: '/admin/pacts/new', kind: 'pact', fields: { name: 'Pact Voorbeeld', slug: 'voorbeeld-eigenschap', municipality: 'Voorbeeld', jurisdiction: 'NL', defaultLocale: 'nl', coordinatorEmail: 'een@example.org' } }, true],
        [{ path: `/admin/pacts/${ids.hagedoorn}/status`, kind: 'pact-status', fields: { status: 'suspended', reason: 'Tijdelijk stil' } }, true],
        [{ path: `/admin/people/${ids.policyReader}/deactivate`, kind: 'deactivate', fields: { reason: 'Uit dienst' } }, true],
      ],
    },
  );
  // Both halves of the property were reached: some posts were stored (and checked to be whole).
  assert.ok(stored.pact > 0 && stored['pact-status'] > 0 && stored.deactivate + stored.reactivate > 0, JSON.stringify(stored));
  await assertChainsVerify();
});

test('an invitation without organisation is withdrawn by the pact’s coordinator, not by a partner admin', async () => {
  const invitation = (await sql<{ id: string }>`
    insert into invitation (pact_id, organisation_id, role, email, invited_by, token_hash, created_at, expires_at)
    select p.id, null, 'pact_coordinator', 'tweede.coordinator@lindewaard.example', ${ids.admin}, repeat('c', 64),
           '2026-11-23T09:00:00Z'::timestamptz, '2026-11-30T09:00:00Z'::timestamptz
      from pact p where p.slug = 'lindewaard'
    returning id`.execute(database.db)).rows[0]!.id;
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  assert.equal((await partnerAdmin.post(`/p/lindewaard/invitations/${invitation}/revoke`, {})).status, 403);
  const coordinator = await t.sessionFor(personas.coordinator);
  const revoked = await coordinator.post(`/p/lindewaard/invitations/${invitation}/revoke`, {});
  assert.equal(revoked.status, 303);
  assert.equal(revoked.headers.get('location'), '/p/lindewaard');
  assert.notEqual((await sql<{ revoked_at: Date | null }>`select revoked_at from invitation where id = ${invitation}`.execute(database.db)).rows[0]!.revoked_at, null);
  await assert.rejects(
    sql`insert into invitation (pact_id, organisation_id, role, email, invited_by, token_hash, created_at, expires_at)
        select p.id, null, 'volunteer', 'x@example.org', ${ids.admin}, repeat('d', 64), now(), now() + interval '1 day' from pact p where p.slug = 'lindewaard'`.execute(database.db),
    /invitation_organisation_required/,
    'a role that needs an organisation still needs one',
  );
});
