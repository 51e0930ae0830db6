// Members, teams and new partner organisations through the app, as a browser uses them: who may
// touch whose memberships (beyond the authorization matrix), the last-admin rule, history that
// stays, input kept on a refusal, and a property over the new forms: never a 500, and a refused
// request stores nothing while an accepted one stores all of it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { verifyAuditChains } from '../../../platform/audit/audit-log.ts';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type Persona, type TestApp } from '../../../../tests/support/test-app.ts';

let t: TestApp;
const ids = { welzijn: '', delinde: '', gemeente: '', joost: '', aylin: '', schakelpuntteam: '', wijkteamOost: '', delindeTeam: '' };

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const one = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(t.database.db)).rows[0]!.id;
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.delinde = await one(sql<{ id: string }>`select id from organisation where name = 'Woonstichting De Linde'`);
  ids.gemeente = await one(sql<{ id: string }>`select id from organisation where name = 'Gemeente Lindewaard'`);
  ids.joost = await one(sql<{ id: string }>`select id from person where email = ${personas.partnerAdmin}`);
  ids.aylin = await one(sql<{ id: string }>`select id from person where email = ${personas.professional}`);
  ids.schakelpuntteam = await one(sql<{ id: string }>`select id from team where name = 'Schakelpuntteam'`);
  ids.wijkteamOost = await one(sql<{ id: string }>`select id from team where name = 'Wijkteam Oost'`);
  ids.delindeTeam = await one(sql<{ id: string }>`select id from team where name = 'Huurdersconsulenten'`);
});
after(() => t.database.close());

const orgPath = (org: string) => `/p/lindewaard/organisations/${org}`;

/** The current membership row of a person in an organisation (the demo people hold one each). */
async function activeMembership(personId: string, organisationId: string): Promise<{ id: string; role: string; team_id: string | null } | undefined> {
  const r = await sql<{ id: string; role: string; team_id: string | null }>`
    select id, role, team_id from membership where person_id = ${personId} and organisation_id = ${organisationId} and ended_at is null
     order by created_at desc limit 1`.execute(t.database.db);
  return r.rows[0];
}

async function membershipRows(organisationId: string) {
  const r = await sql`select id, person_id, role, team_id, created_at, ended_at from membership where organisation_id = ${organisationId} order by id`.execute(t.database.db);
  return r.rows;
}

async function auditCount(action: string): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from audit_event where action = ${action}`.execute(t.database.db)).rows[0]!.n;
}

/** Puts a person back into Welzijn with a role, outside the app (for tests that need a fresh row). */
async function restoreMembership(personId: string, role: string, teamId: string | null = null): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into membership (pact_id, person_id, organisation_id, team_id, role)
    select pact_id, ${personId}, id, ${teamId}, ${role} from organisation where id = ${ids.welzijn}
    returning id`.execute(t.database.db);
  return r.rows[0]!.id;
}

test(`a partner admin of another organisation cannot read or change Welzijn's members or teams (${testEngine})`, async () => {
  const delindeAdmin = await t.sessionFor(personas.otherOrganisationAdmin);
  const aylin = (await activeMembership(ids.aylin, ids.welzijn))!;
  const before = await membershipRows(ids.welzijn);
  const teamsBefore = (await sql`select id, name from team where organisation_id = ${ids.welzijn} order by id`.execute(t.database.db)).rows;
  const welzijn = orgPath(ids.welzijn);
  assert.equal((await delindeAdmin.get(`${welzijn}/members`)).status, 403);
  assert.equal((await delindeAdmin.get(`${welzijn}/members/${aylin.id}`)).status, 403);
  assert.equal((await delindeAdmin.post(`${welzijn}/members/${aylin.id}`, { role: 'volunteer', team: '' })).status, 403);
  assert.equal((await delindeAdmin.post(`${welzijn}/members/${aylin.id}/end`, { confirm: 'yes', reason: '' })).status, 403);
  assert.equal((await delindeAdmin.post(`${welzijn}/teams`, { name: 'Overgenomen team' })).status, 403);
  assert.equal((await delindeAdmin.post(`${welzijn}/teams/${ids.schakelpuntteam}`, { name: 'Overgenomen' })).status, 403);
  // Through their own organisation's address, Welzijn's membership and team are not there.
  const own = orgPath(ids.delinde);
  assert.equal((await delindeAdmin.get(`${own}/members/${aylin.id}`)).status, 404);
  assert.equal((await delindeAdmin.post(`${own}/members/${aylin.id}`, { role: 'volunteer', team: '' })).status, 404);
  assert.equal((await delindeAdmin.post(`${own}/members/${aylin.id}/end`, { confirm: 'yes', reason: '' })).status, 404);
  assert.equal((await delindeAdmin.post(`${own}/teams/${ids.schakelpuntteam}`, { name: 'Overgenomen' })).status, 404);
  // Nor may they put one of their own members into Welzijn's team.
  const noor = (await sql<{ id: string }>`select m.id from membership m join person p on p.id = m.person_id where p.email = ${personas.otherOrganisationAdmin}`.execute(t.database.db)).rows[0]!.id;
  const foreignTeam = await delindeAdmin.post(`${own}/members/${noor}`, { role: 'partner_admin', team: ids.schakelpuntteam });
  assert.equal(foreignTeam.status, 400);
  assert.match(await foreignTeam.text(), /Kies een team van deze organisatie/);
  assert.deepEqual(await membershipRows(ids.welzijn), before);
  assert.deepEqual((await sql`select id, name from team where organisation_id = ${ids.welzijn} order by id`.execute(t.database.db)).rows, teamsBefore);
});

test('the member list is logged as a read of the people shown, and shows e-mail, role, team and since', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const before = await auditCount('membership.list');
  const page = await partnerAdmin.get(`${orgPath(ids.welzijn)}/members`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /consulent@welzijn\.lindewaard\.example/);
  assert.match(html, /Schakelpuntteam/);
  assert.match(html, /Beëindigde lidmaatschappen/);
  assert.equal(await auditCount('membership.list'), before + 1);
  const entry = (await sql<{ details: { people: string[] } }>`
    select details from audit_event where action = 'membership.list' order by seq desc limit 1`.execute(t.database.db)).rows[0]!;
  assert.deepEqual([...entry.details.people].sort(), [ids.joost, ids.aylin].sort());
  // The organisation's profile links to it for those who may manage members, not for a professional.
  assert.match(await (await partnerAdmin.get(orgPath(ids.welzijn))).text(), /\/members"/);
  assert.doesNotMatch(await (await (await t.sessionFor(personas.professional)).get(orgPath(ids.welzijn))).text(), /\/members"/);
});

test('the last partner admin cannot demote or end themselves; the input is kept and nothing changes', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const own = (await activeMembership(ids.joost, ids.welzijn))!;
  const before = await membershipRows(ids.welzijn);
  const demote = await partnerAdmin.post(`${orgPath(ids.welzijn)}/members/${own.id}`, { role: 'professional', team: ids.wijkteamOost });
  assert.equal(demote.status, 409);
  const html = await demote.text();
  assert.match(html, /laatste beheerder van de organisatie/);
  assert.match(html, /<option value="professional" selected/);
  assert.match(html, new RegExp(`<option value="${ids.wijkteamOost}" selected`));
  const end = await partnerAdmin.post(`${orgPath(ids.welzijn)}/members/${own.id}/end`, { confirm: 'yes', reason: 'Ik stop' });
  assert.equal(end.status, 409);
  const endHtml = await end.text();
  assert.match(endHtml, /laatste beheerder van de organisatie/);
  assert.match(endHtml, /Ik stop<\/textarea>/);
  assert.deepEqual(await membershipRows(ids.welzijn), before);
});

test('a partner admin may not hand out a role above their own, nor give a role the person already holds', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const aylin = (await activeMembership(ids.aylin, ids.welzijn))!;
  const before = await membershipRows(ids.welzijn);
  // The form offers only the roles they may give; a forged post is refused with the input kept.
  const page = await (await partnerAdmin.get(`${orgPath(ids.welzijn)}/members/${aylin.id}`)).text();
  assert.doesNotMatch(page, /<option value="pact_coordinator"/);
  const forged = await partnerAdmin.post(`${orgPath(ids.welzijn)}/members/${aylin.id}`, { role: 'pact_coordinator', team: '' });
  assert.equal(forged.status, 400);
  assert.match(await forged.text(), /U mag deze rol niet geven/);
  // A second row with the same role for the same person would break the one-active-role rule.
  const extra = await restoreMembership(ids.aylin, 'volunteer');
  const duplicate = await partnerAdmin.post(`${orgPath(ids.welzijn)}/members/${aylin.id}`, { role: 'volunteer', team: '' });
  assert.equal(duplicate.status, 400);
  assert.match(await duplicate.text(), /heeft deze rol al/);
  await sql`delete from membership where id = ${extra}`.execute(t.database.db);
  assert.deepEqual(await membershipRows(ids.welzijn), before);
});

test('a role change ends the old row and starts a new one: history stays, logged with the person as subject', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const old = (await activeMembership(ids.aylin, ids.welzijn))!;
  assert.equal(old.role, 'professional');
  const response = await coordinator.post(`${orgPath(ids.welzijn)}/members/${old.id}`, { role: 'partner_admin', team: ids.schakelpuntteam });
  assert.equal(response.status, 303);
  const rows = (await sql<{ id: string; role: string; team_id: string | null; ended_at: Date | null }>`
    select id, role, team_id, ended_at from membership where person_id = ${ids.aylin} and organisation_id = ${ids.welzijn} order by created_at, ended_at nulls last`.execute(t.database.db)).rows;
  assert.equal(rows.length, 2);
  assert.equal(rows.find((r) => r.id === old.id)!.role, 'professional', 'the old row keeps its role');
  assert.ok(rows.find((r) => r.id === old.id)!.ended_at, 'the old row is ended');
  const successor = rows.find((r) => r.id !== old.id)!;
  assert.deepEqual([successor.role, successor.team_id, successor.ended_at], ['partner_admin', ids.schakelpuntteam, null]);
  assert.equal(response.headers.get('location'), `${orgPath(ids.welzijn)}/members/${successor.id}`);
  const end = (await sql<{ kind: string; successor_id: string; ended_by: string }>`
    select kind, successor_id, ended_by from membership_end where membership_id = ${old.id}`.execute(t.database.db)).rows[0]!;
  assert.equal(end.kind, 'role-changed');
  assert.equal(end.successor_id, successor.id);
  const audit = (await sql<{ subject_person_id: string; record_id: string }>`
    select subject_person_id, record_id from audit_event where action = 'membership.change-role' order by seq desc limit 1`.execute(t.database.db)).rows[0]!;
  assert.deepEqual([audit.subject_person_id, audit.record_id], [ids.aylin, old.id]);
  // The list shows the old row under the ended memberships.
  const list = await (await coordinator.get(`${orgPath(ids.welzijn)}/members`)).text();
  assert.match(list.slice(list.indexOf('Beëindigde lidmaatschappen')), /Andere rol gekregen/);
});

test('with a second partner admin, Joost may step down; a team change is a new row too', async () => {
  // Aylin is partner admin since the test before: Welzijn has two.
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const own = (await activeMembership(ids.joost, ids.welzijn))!;
  const teamOnly = await partnerAdmin.post(`${orgPath(ids.welzijn)}/members/${own.id}`, { role: 'partner_admin', team: ids.wijkteamOost });
  assert.equal(teamOnly.status, 303);
  const moved = (await activeMembership(ids.joost, ids.welzijn))!;
  assert.notEqual(moved.id, own.id);
  assert.equal(moved.team_id, ids.wijkteamOost);
  assert.equal((await sql<{ kind: string }>`select kind from membership_end where membership_id = ${own.id}`.execute(t.database.db)).rows[0]!.kind, 'team-changed');
  const same = await partnerAdmin.post(`${orgPath(ids.welzijn)}/members/${moved.id}`, { role: 'partner_admin', team: ids.wijkteamOost });
  assert.equal(same.status, 303, 'nothing to change');
  assert.equal((await activeMembership(ids.joost, ids.welzijn))!.id, moved.id);
  const stepDown = await partnerAdmin.post(`${orgPath(ids.welzijn)}/members/${moved.id}`, { role: 'professional', team: ids.wijkteamOost });
  assert.equal(stepDown.status, 303);
  assert.equal(stepDown.headers.get('location'), orgPath(ids.welzijn), 'back to the profile: the member pages are no longer theirs');
  assert.equal((await partnerAdmin.get(`${orgPath(ids.welzijn)}/members`)).status, 403);
  // Aylin is now the last partner admin and cannot end herself.
  const aylinAdmin = await t.sessionFor(personas.professional);
  const aylinRow = (await activeMembership(ids.aylin, ids.welzijn))!;
  assert.equal((await aylinAdmin.post(`${orgPath(ids.welzijn)}/members/${aylinRow.id}/end`, { confirm: 'yes' })).status, 409);
  // Restore: the coordinator makes Joost partner admin again (coordinators may give every role).
  const coordinator = await t.sessionFor(personas.coordinator);
  const joostRow = (await activeMembership(ids.joost, ids.welzijn))!;
  assert.equal((await coordinator.post(`${orgPath(ids.welzijn)}/members/${joostRow.id}`, { role: 'partner_admin', team: '' })).status, 303);
});

test('ending a membership needs the confirmation box; the reason stays out of the audit log', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const aylin = (await activeMembership(ids.aylin, ids.welzijn))!;
  const path = `${orgPath(ids.welzijn)}/members/${aylin.id}/end`;
  const unconfirmed = await partnerAdmin.post(path, { reason: 'Uit dienst per 1 december' });
  assert.equal(unconfirmed.status, 400);
  const html = await unconfirmed.text();
  assert.match(html, /Zet een vinkje/);
  assert.match(html, /Uit dienst per 1 december<\/textarea>/);
  assert.equal((await activeMembership(ids.aylin, ids.welzijn))!.id, aylin.id);

  const ended = await partnerAdmin.post(path, { reason: 'Uit dienst per 1 december', confirm: 'yes' });
  assert.equal(ended.status, 303);
  assert.equal(await activeMembership(ids.aylin, ids.welzijn), undefined);
  const row = (await sql<{ kind: string; reason: string; successor_id: string | null }>`
    select kind, reason, successor_id from membership_end where membership_id = ${aylin.id}`.execute(t.database.db)).rows[0]!;
  assert.deepEqual(row, { kind: 'deactivated', reason: 'Uit dienst per 1 december', successor_id: null });
  const audit = (await sql<{ details: unknown; subject_person_id: string }>`
    select details, subject_person_id from audit_event where action = 'membership.end' order by seq desc limit 1`.execute(t.database.db)).rows[0]!;
  assert.equal(audit.subject_person_id, ids.aylin);
  assert.doesNotMatch(JSON.stringify(audit.details), /Uit dienst/);
  // Listed under ended, with the reason; ending again is a conflict, not a second end.
  const list = await (await partnerAdmin.get(`${orgPath(ids.welzijn)}/members`)).text();
  assert.match(list.slice(list.indexOf('Beëindigde lidmaatschappen')), /Uit dienst per 1 december/);
  assert.equal((await partnerAdmin.post(path, { confirm: 'yes' })).status, 409);
  await restoreMembership(ids.aylin, 'professional', ids.schakelpuntteam);
});

test('teams: add and rename; a name the organisation has (in any case) is refused with the input kept', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const teams = `${orgPath(ids.welzijn)}/teams`;
  const taken = await partnerAdmin.post(teams, { name: '  schakelpuntTEAM ' });
  assert.equal(taken.status, 400);
  assert.match(await taken.text(), /value="  schakelpuntTEAM "/);
  const empty = await partnerAdmin.post(teams, { name: '   ' });
  assert.equal(empty.status, 400);
  const added = await partnerAdmin.post(teams, { name: 'Team Jongeren' });
  assert.equal(added.status, 303);
  const id = (await sql<{ id: string }>`select id from team where organisation_id = ${ids.welzijn} and name = 'Team Jongeren'`.execute(t.database.db)).rows[0]!.id;
  const clash = await partnerAdmin.post(`${teams}/${id}`, { name: 'Wijkteam oost' });
  assert.equal(clash.status, 400);
  assert.match(await clash.text(), new RegExp(`id="field-rename-${id}" name="name" value="Wijkteam oost"`));
  assert.equal((await partnerAdmin.post(`${teams}/${id}`, { name: 'Jongerenteam' })).status, 303);
  assert.equal((await sql<{ name: string }>`select name from team where id = ${id}`.execute(t.database.db)).rows[0]!.name, 'Jongerenteam');
  // A team of another organisation cannot be renamed through Welzijn's address.
  assert.equal((await partnerAdmin.post(`${teams}/${ids.delindeTeam}`, { name: 'Overgenomen' })).status, 404);
});

test('coordinators add a partner organisation; a name the pact has is a field error with the input kept', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const list = await (await coordinator.get('/p/lindewaard/organisations')).text();
  assert.match(list, /href="\/p\/lindewaard\/organisations\/new"/);
  const taken = await coordinator.post('/p/lindewaard/organisations/new', { name: 'welzijn LINDEWAARD', kind: 'welfare', description: 'Een tweede welzijnsorganisatie' });
  assert.equal(taken.status, 400);
  const html = await taken.text();
  assert.match(html, /Er is al een organisatie met deze naam/);
  assert.match(html, /Een tweede welzijnsorganisatie<\/textarea>/);
  const bad = await coordinator.post('/p/lindewaard/organisations/new', { name: 'Buurtkracht', kind: 'welfare', website: 'javascript:alert(1)' });
  assert.equal(bad.status, 400);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from organisation where name = 'Buurtkracht'`.execute(t.database.db)).rows[0]!.n, 0);
  const added = await coordinator.post('/p/lindewaard/organisations/new', { name: 'Buurtkracht', kind: 'residents_initiative', website: 'https://buurtkracht.example' });
  assert.equal(added.status, 303);
  const created = (await sql<{ id: string; pact_slug: string }>`
    select o.id, p.slug as pact_slug from organisation o join pact p on p.id = o.pact_id where o.name = 'Buurtkracht'`.execute(t.database.db)).rows[0]!;
  assert.equal(created.pact_slug, 'lindewaard');
  assert.equal(added.headers.get('location'), orgPath(created.id));
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'organisation.create' and record_id = ${created.id}`.execute(t.database.db)).rows[0]!.n, 1);
  // A partner admin does not see the link and is refused.
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  assert.doesNotMatch(await (await partnerAdmin.get('/p/lindewaard/organisations')).text(), /organisations\/new/);
  assert.equal((await partnerAdmin.post('/p/lindewaard/organisations/new', { name: 'Nog een', kind: 'other' })).status, 403);
});

// ---- property: the new forms with arbitrary input ---------------------------------------------

const writeActions = ['membership.change-role', 'membership.change-team', 'membership.end', 'team.create', 'team.rename', 'organisation.create'];

async function state() {
  const db = t.database.db;
  const memberships = (await sql`select id, role, team_id, ended_at from membership order by id`.execute(db)).rows;
  const ends = (await sql`select * from membership_end order by membership_id`.execute(db)).rows;
  const teams = (await sql`select id, name from team order by id`.execute(db)).rows;
  const organisations = (await sql`select id, name, kind, description, website, email, phone, address from organisation order by id`.execute(db)).rows;
  const writes = (await sql<{ n: number }>`select count(*)::int as n from audit_event where action = any(${writeActions}::text[])`.execute(db)).rows[0]!.n;
  // Nothing half stored: every row ended since the migration has its history row, and the reverse.
  const unexplained = (await sql<{ n: number }>`
    select count(*)::int as n from membership m left join membership_end e on e.membership_id = m.id
     where (m.ended_at is null) <> (e.membership_id is null)`.execute(db)).rows[0]!.n;
  return { memberships, ends, teams, organisations, writes, unexplained };
}

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', 'Schakelpuntteam', 'Welzijn Lindewaard', "'; drop table team; --", '<script>x</script>', 'x'.repeat(501), '😀'.repeat(130)),
);

test(`the member, team and organisation forms never answer 500, and store all or nothing (${testEngine})`, async () => {
  const teamValue = fc.oneof(
    fc.constantFrom('', ids.schakelpuntteam, ids.wijkteamOost, ids.delindeTeam, '00000000-0000-0000-0000-000000000000', 'not-a-team'),
    text,
  );
  const roleValue = fc.oneof(fc.constantFrom('pact_coordinator', 'partner_admin', 'professional', 'volunteer', 'policy_reader'), text);
  const action = fc.oneof(
    fc.record({ kind: fc.constant('change' as const), who: fc.constantFrom('joost', 'aylin'), role: roleValue, team: teamValue }, { requiredKeys: ['kind', 'who'] }),
    fc.record({ kind: fc.constant('end' as const), who: fc.constantFrom('joost', 'aylin'), reason: text, confirm: fc.oneof(fc.constant('yes'), text) }, { requiredKeys: ['kind', 'who'] }),
    fc.record({ kind: fc.constant('team' as const), name: text }, { requiredKeys: ['kind'] }),
    fc.record({ kind: fc.constant('rename' as const), name: text }, { requiredKeys: ['kind'] }),
    fc.record({
      kind: fc.constant('organisation' as const), name: text,
      type: fc.oneof(fc.constantFrom('welfare', 'other'), text), website: fc.oneof(fc.constantFrom('', 'https://example.org'), text), email: text,
    }, { requiredKeys: ['kind'] }),
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom<keyof typeof personas>('coordinator', 'partnerAdmin'), action, async (as, a) => {
      const persona: Persona = await t.sessionFor(personas[as]);
      // Joost stays a partner admin and Aylin a member, whatever an earlier run changed or ended.
      const joostAdmin = await sql`select 1 from membership where person_id = ${ids.joost} and organisation_id = ${ids.welzijn} and role = 'partner_admin' and ended_at is null`.execute(t.database.db);
      if (joostAdmin.rows.length === 0) await restoreMembership(ids.joost, 'partner_admin');
      if (!(await activeMembership(ids.aylin, ids.welzijn))) await restoreMembership(ids.aylin, 'professional');
      const before = await state();
      let response: Response;
      const fields = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k, v]) => k !== 'kind' && k !== 'who' && typeof v === 'string')) as Record<string, string>;
      if (a.kind === 'change' || a.kind === 'end') {
        const row = (await activeMembership(a.who === 'joost' ? ids.joost : ids.aylin, ids.welzijn))!;
        response = await persona.post(`${orgPath(ids.welzijn)}/members/${row.id}${a.kind === 'end' ? '/end' : ''}`, fields(a));
      } else if (a.kind === 'team') {
        response = await persona.post(`${orgPath(ids.welzijn)}/teams`, fields(a));
      } else if (a.kind === 'rename') {
        response = await persona.post(`${orgPath(ids.welzijn)}/teams/${ids.wijkteamOost}`, fields(a));
      } else {
        const { type, ...rest } = fields(a);
        response = await persona.post('/p/lindewaard/organisations/new', { ...rest, ...(type === undefined ? {} : { kind: type }) });
      }
      await response.arrayBuffer();
      const after = await state();
      assert.ok(response.status < 500, `HTTP ${response.status}`);
      assert.equal(after.unexplained, 0, 'an ended membership without its history row');
      if (response.status === 303) {
        assert.ok(after.writes - before.writes <= 1, 'at most one change per request');
      } else {
        // Refused: bad input (400), a membership the actor may not touch (403), the last admin (409).
        assert.ok([400, 403, 409].includes(response.status), `HTTP ${response.status}`);
        assert.deepEqual(after, before);
      }
    }),
    { numRuns: 60, includeErrorInReport: true },
  );
  const reports = await verifyAuditChains(t.database.db);
  assert.ok(reports.every((r) => r.ok), JSON.stringify(reports));
});
