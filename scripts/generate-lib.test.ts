import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { organisationKinds } from '../src/modules/pact/index.ts';
import { asciiSlug, createPlanState, createRandom, kindFor, pactSlug, planPact, roleFor } from './generate-lib.ts';

function plan(pacts: number, organisations: number, members: number) {
  let n = 0;
  const state = createPlanState(7, () => `id-${n++}`);
  return Array.from({ length: pacts }, (_, i) => planPact(state, i, { organisations, members }));
}

describe('bench data plan', () => {
  it('gives the same names for the same seed and other names for another seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(seqA, Array.from({ length: 5 }, () => b.next()));
    assert.notDeepEqual(seqA, Array.from({ length: 5 }, () => c.next()));
  });

  it('numbers pact slugs bench-01 onwards within the slug format of the pact table', () => {
    assert.equal(pactSlug(0), 'bench-01');
    assert.equal(pactSlug(98), 'bench-99');
    assert.match(pactSlug(41), /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/);
  });

  it('covers every organisation kind once a pact has eleven organisations, with one municipality first', () => {
    const kinds = Array.from({ length: 11 }, (_, i) => kindFor(i));
    assert.equal(kinds[0], 'municipality');
    assert.deepEqual([...kinds].sort(), [...organisationKinds].sort());
    assert.equal(Array.from({ length: 50 }, (_, i) => kindFor(i)).filter((k) => k === 'municipality').length, 1);
  });

  it('makes the first member of an organisation its partner admin and mostly volunteers at a food bank', () => {
    assert.equal(roleFor('volunteer_group', 0), 'partner_admin');
    const foodBank = Array.from({ length: 20 }, (_, i) => roleFor('volunteer_group', i));
    const welfare = Array.from({ length: 20 }, (_, i) => roleFor('welfare', i));
    assert.ok(foodBank.filter((r) => r === 'volunteer').length > foodBank.filter((r) => r === 'professional').length);
    assert.ok(welfare.filter((r) => r === 'professional').length > welfare.filter((r) => r === 'volunteer').length);
  });

  it('plans members per organisation plus one coordinator and two policy readers per pact', () => {
    const [p] = plan(1, 12, 5);
    assert.equal(p!.organisations.length, 12);
    assert.equal(p!.people.length, 12 * 5 + 3);
    assert.equal(p!.memberships.filter((m) => m.role === 'pact_coordinator').length, 1);
    assert.equal(p!.memberships.filter((m) => m.role === 'policy_reader' && m.organisationId === null).length, 2);
    for (const o of p!.organisations) {
      assert.equal(p!.memberships.filter((m) => m.organisationId === o.id && m.role === 'partner_admin').length, 1, o.name);
    }
  });

  it('keeps organisation names unique per pact and e-mail addresses unique, lower-case and on .example', () => {
    const pacts = plan(3, 60, 10);
    for (const p of pacts) {
      assert.equal(new Set(p.organisations.map((o) => o.name)).size, p.organisations.length);
    }
    const emails = pacts.flatMap((p) => p.people.map((x) => x.email));
    assert.equal(new Set(emails).size, emails.length);
    for (const email of emails) assert.match(email, /^[a-z0-9.]+@[a-z0-9-]+\.example$/);
  });

  it('puts team members only in teams of their own organisation', () => {
    const [p] = plan(1, 30, 8);
    const teamOrganisation = new Map(p!.teams.map((t) => [t.id, t.organisationId]));
    const inTeams = p!.memberships.filter((m) => m.teamId !== null);
    assert.ok(inTeams.length > 0);
    for (const m of inTeams) assert.equal(teamOrganisation.get(m.teamId!), m.organisationId);
  });

  it('turns names with accents and dotless i into plain ASCII for addresses', () => {
    assert.equal(asciiSlug('Öztürk'), 'ozturk');
    assert.equal(asciiSlug('Yılmaz'), 'yilmaz');
    assert.equal(asciiSlug('Installatiebedrijf Van Dijk & Zn.', '-'), 'installatiebedrijf-van-dijk-en-zn');
    assert.equal(asciiSlug('Repair Café De Kern', '-'), 'repair-cafe-de-kern');
  });
});
