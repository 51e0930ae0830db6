import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { organisationKinds } from '../src/modules/pact/index.ts';
import { asciiSlug, BENCH_AGENDA_YEAR, createPlanState, createRandom, kindFor, pactSlug, planAgenda, planPact, roleFor } from './generate-lib.ts';

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

describe('bench agenda plan', () => {
  function agenda(activities: number, organisations = 50) {
    let n = 0;
    const state = createPlanState(11, () => `id-${n++}`);
    const pact = planPact(state, 0, { organisations, members: 2 });
    return { pact, agenda: planAgenda(state, pact, { activities }) };
  }

  it('plans the five pillars and the asked number of activities over every organisation and pillar', () => {
    const { pact, agenda: a } = agenda(2000);
    assert.equal(a.year, BENCH_AGENDA_YEAR);
    assert.equal(a.pillars.length, 5);
    assert.equal(a.activities.length, 2000);
    const pillarIds = new Set(a.pillars.map((p) => p.id));
    const organisationIds = new Set(pact.organisations.map((o) => o.id));
    for (const x of a.activities) {
      assert.ok(pillarIds.has(x.pillarId));
      assert.ok(organisationIds.has(x.organisationId));
      assert.ok(x.endsOn >= x.startsOn && x.startsOn.startsWith(String(a.year)) && x.endsOn.startsWith(String(a.year)));
    }
    assert.equal(new Set(a.activities.map((x) => x.organisationId)).size, 50);
    for (const p of a.pillars) assert.equal(a.activities.filter((x) => x.pillarId === p.id).length, 400);
  });

  it('gives each activity 1–3 indicators with a positive target and 0–2 co-partners other than itself', () => {
    const { agenda: a } = agenda(600);
    const owner = new Map(a.activities.map((x) => [x.id, x.organisationId]));
    const indicators = new Map<string, number>();
    for (const i of a.indicators) {
      indicators.set(i.activityId, (indicators.get(i.activityId) ?? 0) + 1);
      assert.ok(i.targetValue > 0);
    }
    for (const x of a.activities) assert.ok((indicators.get(x.id) ?? 0) >= 1 && indicators.get(x.id)! <= 3);
    const partners = new Map<string, Set<string>>();
    for (const p of a.partners) {
      assert.notEqual(p.organisationId, owner.get(p.activityId));
      const set = partners.get(p.activityId) ?? new Set();
      assert.ok(!set.has(p.organisationId), 'a co-partner twice');
      set.add(p.organisationId);
      partners.set(p.activityId, set);
    }
    for (const set of partners.values()) assert.ok(set.size <= 2);
  });

  it('reviews half of the activities in November and mirrors the review on activity and indicators', () => {
    const { agenda: a } = agenda(400);
    assert.equal(a.reviews.length, 200);
    const reviewOf = new Map(a.reviews.map((r, i) => [r.activityId, { ...r, index: i }]));
    for (const x of a.activities) {
      const review = reviewOf.get(x.id);
      if (!review) {
        assert.equal(x.status, 'planned');
        assert.equal(x.reviewedAt, null);
        continue;
      }
      assert.equal(x.status, review.status);
      assert.equal(x.reviewedAt, review.reviewedAt);
      assert.match(review.reviewedAt, new RegExp(`^${a.year}-11-`));
    }
    const indicator = new Map(a.indicators.map((i) => [i.id, i]));
    for (const r of a.results) {
      const i = indicator.get(r.indicatorId)!;
      assert.equal(a.reviews[r.reviewIndex]!.activityId, i.activityId);
      assert.equal(i.currentValue, r.value);
    }
    assert.equal(a.results.length, a.indicators.filter((i) => reviewOf.has(i.activityId)).length);
  });

  it('plans the same agenda for the same seed', () => {
    assert.deepEqual(agenda(50).agenda, agenda(50).agenda);
  });
});
