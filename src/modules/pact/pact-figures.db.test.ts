// The participant count of a pact (migration 0022), kept by the membership table's trigger so the
// pact home reads one row: after any sequence of membership changes it equals the count of people
// with an active membership, in every pact; and concurrent first memberships of one person count once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../platform/db/database.ts';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import { loadPactHome } from './pact-queries.ts';

let database: Database;
const pacts: Array<{ id: string; organisations: string[] }> = [];
const people: string[] = [];

before(async () => {
  database = await openTestDatabase({ demo: true });
  const db = database.db;
  for (const slug of ['lindewaard', 'hagedoorn']) {
    const pact = (await sql<{ id: string }>`select id from pact where slug = ${slug}`.execute(db)).rows[0]!.id;
    const organisations = (await sql<{ id: string }>`select id from organisation where pact_id = ${pact} order by name limit 2`.execute(db)).rows.map((r) => r.id);
    pacts.push({ id: pact, organisations });
  }
  for (let i = 0; i < 4; i++) {
    const r = await sql<{ id: string }>`insert into person (email, display_name) values (${`telling-${i}@figures.example`}, ${`Telling ${i}`}) returning id`.execute(db);
    people.push(r.rows[0]!.id);
  }
});
after(() => database.close());

async function figuresMatchMemberships(): Promise<void> {
  const r = await sql<{ slug: string; kept: number | null; counted: number }>`
    select p.slug, f.participants as kept,
           (select count(distinct m.person_id) from membership m where m.pact_id = p.id and m.ended_at is null)::int as counted
      from pact p left join pact_figures f on f.pact_id = p.id`.execute(database.db);
  for (const row of r.rows) assert.equal(row.kept ?? 0, row.counted, `pact ${row.slug}`);
}

test('the demo pacts start with their counts', async () => {
  const r = await sql<{ n: number }>`select count(*)::int as n from pact_figures where participants > 0`.execute(database.db);
  assert.ok(r.rows[0]!.n >= 2, 'both demo pacts have participants');
  await figuresMatchMemberships();
});

type Change =
  | { kind: 'join'; person: number; pact: number; organisation: number; role: 'professional' | 'volunteer' }
  | { kind: 'end' | 'reopen' | 'delete' | 'move'; pick: number };

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant('join' as const),
    person: fc.nat({ max: 3 }),
    pact: fc.nat({ max: 1 }),
    organisation: fc.nat({ max: 1 }),
    role: fc.constantFrom('professional' as const, 'volunteer' as const),
  }),
  fc.record({ kind: fc.constantFrom('end' as const, 'reopen' as const, 'delete' as const, 'move' as const), pick: fc.nat() }),
);

async function apply(c: Change): Promise<void> {
  const db = database.db;
  const ours = sql`person_id in (${sql.join(people)})`;
  if (c.kind === 'join') {
    const pact = pacts[c.pact]!;
    // The unique index on active memberships refuses a second identical one: that is not a change.
    await sql`insert into membership (pact_id, person_id, organisation_id, role)
              values (${pact.id}, ${people[c.person]}, ${pact.organisations[c.organisation]}, ${c.role})
              on conflict do nothing`.execute(db);
    return;
  }
  const rows = (await sql<{ id: string; person_id: string; ended: boolean }>`
    select id, person_id, ended_at is not null as ended from membership where ${ours} order by id`.execute(db)).rows;
  if (rows.length === 0) return;
  const row = rows[c.pick % rows.length]!;
  if (c.kind === 'end') await sql`update membership set ended_at = now() where id = ${row.id} and ended_at is null`.execute(db);
  if (c.kind === 'delete') await sql`delete from membership where id = ${row.id}`.execute(db);
  if (c.kind === 'reopen' && row.ended) {
    // Reopening may collide with an active twin; then the change is refused and nothing moves.
    await sql`update membership set ended_at = null where id = ${row.id}`.execute(db).catch((error: { code?: string }) => {
      if (error.code !== '23505') throw error;
    });
  }
  if (c.kind === 'move') {
    const other = people[(people.indexOf(row.person_id) + 1) % people.length]!;
    await sql`update membership set person_id = ${other} where id = ${row.id}`.execute(db).catch((error: { code?: string }) => {
      if (error.code !== '23505') throw error;
    });
  }
}

test('after any sequence of joins, ends, reopenings, deletions and moves the kept count equals the memberships', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 25 }), async (changes) => {
      for (const c of changes) {
        await apply(c);
        await figuresMatchMemberships();
      }
    }),
    { numRuns: 30 },
  );
});

test('the pact home shows the kept count', async () => {
  const pact = pacts[0]!;
  const before = (await sql<{ n: number }>`select participants as n from pact_figures where pact_id = ${pact.id}`.execute(database.db)).rows[0]!.n;
  const person = (await sql<{ id: string }>`insert into person (email, display_name) values ('nieuw@figures.example', 'Nieuw') returning id`.execute(database.db)).rows[0]!.id;
  await sql`insert into membership (pact_id, person_id, organisation_id, role) values (${pact.id}, ${person}, ${pact.organisations[0]}, 'volunteer')`.execute(database.db);
  await sql`insert into membership (pact_id, person_id, organisation_id, role) values (${pact.id}, ${person}, ${pact.organisations[1]}, 'volunteer')`.execute(database.db);
  const after = (await sql<{ n: number }>`select participants as n from pact_figures where pact_id = ${pact.id}`.execute(database.db)).rows[0]!.n;
  assert.equal(after, before + 1, 'two memberships of one new person count once');
  const home = await loadPactHome(database.db, pact.id, { organisationIds: [] });
  assert.equal(Number(home.figures?.members), after);
});

test('two transactions giving one person a first membership at the same time count them once', { skip: testEngine !== 'postgres' && 'needs two connections' }, async () => {
  const pact = pacts[1]!;
  const person = (await sql<{ id: string }>`insert into person (email, display_name) values ('tegelijk@figures.example', 'Tegelijk') returning id`.execute(database.db)).rows[0]!.id;
  const url = (database.pool.options as { connectionString: string }).connectionString;
  const [a, b] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await a.connect();
  await b.connect();
  try {
    await a.query('begin');
    await b.query('begin');
    await a.query(`insert into membership (pact_id, person_id, organisation_id, role) values ($1, $2, $3, 'volunteer')`, [pact.id, person, pact.organisations[0]]);
    // B waits for A's lock on the pact's count, then sees A's membership once A has committed.
    const second = b.query(`insert into membership (pact_id, person_id, organisation_id, role) values ($1, $2, $3, 'volunteer')`, [pact.id, person, pact.organisations[1]]);
    await a.query('commit');
    await second;
    await b.query('commit');
  } finally {
    await a.end();
    await b.end();
  }
  await figuresMatchMemberships();
});
