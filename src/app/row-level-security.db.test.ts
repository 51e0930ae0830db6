// Row-level security on its own, with every check of the application bypassed: raw SQL in a
// transaction that has entered the application role for one pact. What the database itself hides
// stays hidden even when a route forgets a `where pact_id = …`. Each check has its control: the same
// query with Lindewaard's own context does see (or change) the rows, so the test can fail.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database, Tx } from '../platform/db/database.ts';
import { enterAppRole, type TxContext } from '../platform/db/transaction.ts';
import { asAppRole } from '../../tests/support/app-role.ts';
import { openTestDatabase, testEngine } from '../../tests/support/test-database.ts';
import { seedDemo } from './seed-demo.ts';
import { addTwoPactPerson, testSecondFactorKey } from '../../tests/support/test-app.ts';
import { fixedClock } from '../platform/clock.ts';

let database: Database;
const ids = {
  lindewaard: '', hagedoorn: '', welzijn: '', welzijnTeam: '', ocmw: '', lindewaardCoordinator: '', hagedoornCoordinator: '',
  systemAdmin: '', lindewaardImport: '', lindewaardQueued: '', twoPact: '',
};
const sessions = { hagedoornCoordinator: 'rls-session-hagedoorn', lindewaardCoordinator: 'rls-session-lindewaard', twoPact: 'rls-session-two-pacts' };

/** Tables that exist in this database with a pact_id column: the pact-scoped data. */
let pactScopedTables: string[] = [];
const importMigration = existsSync(new URL('../../migrations/0002_import.sql', import.meta.url));

before(async () => {
  database = await openTestDatabase();
  const clock = fixedClock('2026-11-23T10:00:00Z');
  await seedDemo(database.db, clock, { secondFactorKey: testSecondFactorKey });
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(database.db)).rows[0]!.id;
  ids.lindewaard = await one(sql<{ id: string }>`select id from pact where slug = 'lindewaard'`);
  ids.hagedoorn = await one(sql<{ id: string }>`select id from pact where slug = 'hagedoorn'`);
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.welzijnTeam = await one(sql<{ id: string }>`select id from team where name = 'Schakelpuntteam'`);
  ids.ocmw = await one(sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`);
  ids.lindewaardCoordinator = await one(sql<{ id: string }>`select id from person where email = 'coordinator@lindewaard.example'`);
  ids.hagedoornCoordinator = await one(sql<{ id: string }>`select id from person where email = 'coordinator@hagedoorn.example'`);
  ids.systemAdmin = await one(sql<{ id: string }>`select id from person where email = 'beheer@schakelpunt.example'`);
  // Lindewaard's second coordinator, also a professional in OCMW Hagedoorn: memberships in both pacts.
  ids.twoPact = await addTwoPactPerson(database);
  const now = clock.now();
  const later = new Date(now.getTime() + 3_600_000);
  await sql`insert into session (id, person_id, created_at, last_seen_at, expires_at) values
    (${sessions.hagedoornCoordinator}, ${ids.hagedoornCoordinator}, ${now}, ${now}, ${later}),
    (${sessions.lindewaardCoordinator}, ${ids.lindewaardCoordinator}, ${now}, ${now}, ${later}),
    (${sessions.twoPact}, ${ids.twoPact}, ${now}, ${now}, ${later})`.execute(database.db);
  // Hagedoorn gets a team too, so that every table has rows on both sides.
  await sql`insert into team (pact_id, organisation_id, name) values (${ids.hagedoorn}, ${ids.ocmw}, 'Team Budgetbegeleiding')`.execute(database.db);
  if (importMigration) {
    for (const pactId of [ids.lindewaard, ids.hagedoorn]) {
      const job = await one(sql<{ id: string }>`
        insert into import_job (pact_id, kind, created_at, updated_at) values (${pactId}, 'neighbourhoods', ${now}, ${now}) returning id`);
      if (pactId === ids.lindewaard) ids.lindewaardImport = job;
      await sql`insert into import_row (pact_id, job_id, row_number, data) values (${pactId}, ${job}, 2, '{}'::jsonb)`.execute(database.db);
      await sql`insert into import_job_status_change (pact_id, job_id, to_status, changed_at)
                values (${pactId}, ${job}, 'staging', ${now})`.execute(database.db);
      await sql`insert into import_file (job_id, pact_id, content) values (${job}, ${pactId}, ${Buffer.from('code\nWK01\n')})`.execute(database.db);
    }
    // A queued job of Lindewaard still without its file, for the insert test of import_file.
    ids.lindewaardQueued = await one(sql<{ id: string }>`
      insert into import_job (pact_id, kind, created_at, updated_at) values (${ids.lindewaard}, 'neighbourhoods', ${now}, ${now}) returning id`);
  }
  const tables = await sql<{ table_name: string }>`
    select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and c.column_name = 'pact_id' and t.table_type = 'BASE TABLE'
     order by c.table_name`.execute(database.db);
  pactScopedTables = tables.rows.map((r) => r.table_name);
});
after(() => database.close());

/** Runs `work` as the application role in `context`, then rolls everything back. */
function asApp<T>(context: TxContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return asAppRole(database, context, work);
}

const inHagedoorn = (): TxContext => ({ pactId: ids.hagedoorn, personId: ids.hagedoornCoordinator, sessionId: sessions.hagedoornCoordinator });
const inLindewaard = (): TxContext => ({ pactId: ids.lindewaard, personId: ids.lindewaardCoordinator, sessionId: sessions.lindewaardCoordinator });

async function count(tx: Tx, table: string, where: ReturnType<typeof sql>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(tx);
  return r.rows[0]!.n;
}

const rlsViolation = /row-level security/;

test(`the test really runs as the application role, not as a superuser that RLS would not bind (${testEngine})`, async () => {
  const role = await asApp(inHagedoorn(), async (tx) =>
    (await sql<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>`
      select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`.execute(tx)).rows[0]!);
  assert.deepEqual(role, { current_user: 'schakelpunt_app', rolsuper: false, rolbypassrls: false });
});

const visibilityTables = ['organisation', 'team', 'neighbourhood', 'membership', 'audit_event',
  ...(importMigration ? ['import_job', 'import_row', 'import_job_status_change', 'import_file'] : [])];
for (const table of visibilityTables) {
  test(`${table}: Lindewaard's rows are invisible in Hagedoorn and visible in Lindewaard`, async () => {
    const where = sql`pact_id = ${ids.lindewaard}`;
    assert.equal(await asApp(inHagedoorn(), (tx) => count(tx, table, where)), 0);
    assert.equal(await asApp(inHagedoorn(), (tx) => count(tx, table, sql`true`)) > 0, true, `Hagedoorn sees its own ${table} rows`);
    assert.ok((await asApp(inLindewaard(), (tx) => count(tx, table, where))) > 0, `Lindewaard sees its own ${table} rows`);
    // Without any pact in the context nothing pact-scoped is visible.
    assert.equal(await asApp({ pactId: null }, (tx) => count(tx, table, where)), 0);
  });
}

test('every table with a pact_id column hides the other pact’s rows (including tables added later)', async () => {
  assert.ok(pactScopedTables.length >= 5, `found ${pactScopedTables.join(', ')}`);
  for (const table of pactScopedTables) {
    const readable = await sql<{ ok: boolean }>`select has_table_privilege('schakelpunt_app', ${table}, 'select') as ok`.execute(database.db);
    if (!readable.rows[0]!.ok) continue; // not readable by the application role at all
    assert.equal(await asApp(inHagedoorn(), (tx) => count(tx, table, sql`pact_id <> ${ids.hagedoorn}`)), 0, table);
  }
});

/**
 * A row of Lindewaard for each pact-scoped table the demo data leaves empty there, so that the
 * test below never passes for want of rows. A new pact-scoped table without demo rows in
 * Lindewaard needs a line here (the test says so).
 */
/** An API token of Welzijn Lindewaard (made once), for the API token tables' rows. */
async function lindewaardApiToken(): Promise<string> {
  const found = await sql<{ id: string }>`select id from api_token where pact_id = ${ids.lindewaard} limit 1`.execute(database.db);
  if (found.rows[0]) return found.rows[0].id;
  const made = await sql<{ id: string }>`
    insert into api_token (pact_id, organisation_id, name, scopes, token_hash, prefix, created_at, expires_at)
    values (${ids.lindewaard}, ${ids.welzijn}, 'Koppeling', '{pact:write}', ${Buffer.alloc(32, 7)}, 'spk_abcdef', now(), now() + interval '90 days')
    returning id`.execute(database.db);
  return made.rows[0]!.id;
}

const lindewaardRowFor: Record<string, () => Promise<void>> = {
  api_token: async () => {
    await lindewaardApiToken();
  },
  api_token_window: async () => {
    await sql`insert into api_token_window (token_id, pact_id, window_start, requests)
              values (${await lindewaardApiToken()}, ${ids.lindewaard}, date_trunc('minute', now()), 1)`.execute(database.db);
  },
  api_idempotency_key: async () => {
    await sql`insert into api_idempotency_key (token_id, pact_id, key, method, path, request_hash, response_status, response_body, created_at)
              values (${await lindewaardApiToken()}, ${ids.lindewaard}, 'sleutel-1', 'POST', '/api/v1/pacts/lindewaard/x', ${Buffer.alloc(32, 1)}, 201, '{}', now())`.execute(database.db);
  },
  invitation: async () => {
    await sql`insert into invitation (pact_id, organisation_id, role, email, invited_by, token_hash, created_at, expires_at)
              values (${ids.lindewaard}, ${ids.welzijn}, 'professional', 'uitgenodigd@welzijn.lindewaard.example', ${ids.lindewaardCoordinator},
                      ${'e'.repeat(64)}, now(), now() + interval '7 days')`.execute(database.db);
  },
  membership_end: async () => {
    const ended = await sql<{ id: string }>`
      insert into membership (pact_id, person_id, organisation_id, role, ended_at)
      values (${ids.lindewaard}, ${ids.systemAdmin}, ${ids.welzijn}, 'volunteer', now()) returning id`.execute(database.db);
    await sql`insert into membership_end (membership_id, pact_id, kind, ended_by, ended_at)
              values (${ended.rows[0]!.id}, ${ids.lindewaard}, 'deactivated', ${ids.lindewaardCoordinator}, now())`.execute(database.db);
  },
  record_network: async () => {
    await sql`insert into record_network (pact_id, record_type, record_id, organisation_id, basis, purpose)
              values (${ids.lindewaard}, 'household', gen_random_uuid(), ${ids.welzijn}, 'consent', 'household-support-consent')`.execute(database.db);
  },
  pact_status_change: async () => {
    await sql`insert into pact_status_change (pact_id, from_status, to_status, reason, changed_by, changed_at)
              values (${ids.lindewaard}, 'suspended', 'active', 'Weer actief', ${ids.systemAdmin}, now())`.execute(database.db);
  },
};

const inHagedoornAsTwoPactMember = (): TxContext => ({ pactId: ids.hagedoorn, personId: ids.twoPact, sessionId: sessions.twoPact });
const inLindewaardAsTwoPactMember = (): TxContext => ({ pactId: ids.lindewaard, personId: ids.twoPact, sessionId: sessions.twoPact });

test('every pact-scoped table shows a member of both pacts no row of Lindewaard inside Hagedoorn (tables found in the catalogue)', async () => {
  assert.ok(pactScopedTables.length >= 30, `found ${pactScopedTables.join(', ')}`);
  const checked: string[] = [];
  for (const table of pactScopedTables) {
    const ofLindewaard = sql`pact_id = ${ids.lindewaard}`;
    // Rows of Lindewaard must exist, or the check below proves nothing.
    let stored = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${ofLindewaard}`.execute(database.db)).rows[0]!.n;
    if (stored === 0 && lindewaardRowFor[table]) {
      await lindewaardRowFor[table]();
      stored = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${ofLindewaard}`.execute(database.db)).rows[0]!.n;
    }
    assert.ok(stored > 0, `${table} has no row of Lindewaard: add one to lindewaardRowFor in src/app/row-level-security.db.test.ts (or to the demo data)`);
    const readable = await sql<{ ok: boolean }>`select has_table_privilege('schakelpunt_app', ${table}, 'select') as ok`.execute(database.db);
    if (!readable.rows[0]!.ok) {
      await assert.rejects(asApp(inHagedoornAsTwoPactMember(), (tx) => count(tx, table, sql`true`)), /permission denied/, table);
      continue;
    }
    assert.equal(await asApp(inHagedoornAsTwoPactMember(), (tx) => count(tx, table, ofLindewaard)), 0, `${table}: Lindewaard's rows inside Hagedoorn`);
    assert.equal(await asApp(inHagedoornAsTwoPactMember(), (tx) => count(tx, table, sql`pact_id <> ${ids.hagedoorn}`)), 0, `${table}: any other pact's rows inside Hagedoorn`);
    // Control: the same person in Lindewaard sees them, so the check can fail.
    assert.ok((await asApp(inLindewaardAsTwoPactMember(), (tx) => count(tx, table, ofLindewaard))) > 0, `${table} in Lindewaard (control)`);
    assert.equal(await asApp(inLindewaardAsTwoPactMember(), (tx) => count(tx, table, sql`pact_id <> ${ids.lindewaard}`)), 0, `${table}: any other pact's rows inside Lindewaard`);
    checked.push(table);
  }
  assert.ok(checked.includes('organisation') && checked.includes('membership'), checked.join(', '));
});

test('a person’s own memberships and organisations in another pact stay invisible inside a pact, and show outside any pact (the account page)', async () => {
  const own = sql`person_id = ${ids.twoPact}`;
  const ocmw = sql`id = ${ids.ocmw}`;
  assert.equal(await asApp(inLindewaardAsTwoPactMember(), (tx) => count(tx, 'membership', sql`${own} and pact_id = ${ids.hagedoorn}`)), 0);
  assert.equal(await asApp(inLindewaardAsTwoPactMember(), (tx) => count(tx, 'organisation', ocmw)), 0);
  assert.equal(await asApp(inHagedoornAsTwoPactMember(), (tx) => count(tx, 'organisation', sql`id = ${ids.welzijn} or pact_id = ${ids.lindewaard}`)), 0);
  // Inside a pact: the person's memberships of that pact only.
  assert.equal(await asApp(inLindewaardAsTwoPactMember(), (tx) => count(tx, 'membership', own)), 1);
  assert.equal(await asApp(inHagedoornAsTwoPactMember(), (tx) => count(tx, 'membership', own)), 1);
  // Outside any pact (the account page): their memberships in both pacts with their organisations.
  const outside: TxContext = { pactId: null, personId: ids.twoPact, sessionId: sessions.twoPact };
  assert.equal(await asApp(outside, (tx) => count(tx, 'membership', own)), 2);
  assert.equal(await asApp(outside, (tx) => count(tx, 'organisation', sql`true`)), 2);
  assert.equal(await asApp(outside, (tx) => count(tx, 'membership', sql`not (${own})`)), 0, 'nobody else’s memberships outside a pact');
  // Someone else's memberships and organisations never show outside a pact.
  assert.equal(await asApp({ pactId: null, personId: ids.hagedoornCoordinator }, (tx) => count(tx, 'organisation', sql`pact_id = ${ids.lindewaard}`)), 0);
});

test('the rate-limit counters (of the public initiative form and others) are installation-level: counted from every pact, read by none', async () => {
  assert.ok(!pactScopedTables.includes('rate_limit_hit'), 'no pact_id: a second pact gives no fresh allowance');
  const limit = sql`'initiative-email', ${'a'.repeat(64)}, 1, 3600, now()`;
  // Taken (and committed) in Lindewaard, the one hit counts in Hagedoorn too: the second take is refused there.
  const take = (context: TxContext) => database.db.transaction().execute(async (tx) => {
    await enterAppRole(tx, context);
    return (await sql<{ taken: boolean }>`select rate_limit_take(${limit}) as taken`.execute(tx)).rows[0]!.taken;
  });
  assert.equal(await take(inLindewaard()), true);
  assert.equal(await take(inHagedoorn()), false, 'counted from another pact');
  // No request reads, changes or removes the hits themselves.
  for (const statement of [sql`select * from rate_limit_hit`, sql`delete from rate_limit_hit`, sql`update rate_limit_hit set hit_at = now()`]) {
    await assert.rejects(asApp(inHagedoorn(), (tx) => statement.execute(tx)), /permission denied/);
  }
  const guarded = await sql<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>`
    select relrowsecurity, relforcerowsecurity from pg_class where relname = 'rate_limit_hit'`.execute(database.db);
  assert.deepEqual(guarded.rows[0], { relrowsecurity: true, relforcerowsecurity: true });
});

test('every table with a pact_id column has row-level security enabled and forced', async () => {
  const r = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
    select c.relname, c.relrowsecurity, c.relforcerowsecurity
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'pact_id' and not a.attisdropped)
     order by c.relname`.execute(database.db);
  assert.deepEqual(r.rows.map((x) => x.relname), pactScopedTables);
  const unguarded = r.rows.filter((x) => !x.relrowsecurity || !x.relforcerowsecurity).map((x) => x.relname);
  assert.deepEqual(unguarded, [], 'tables with pact_id but without ENABLE and FORCE ROW LEVEL SECURITY');
  // The other tables the application role can reach are guarded too (people, sessions, the chain heads).
  const others = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relname in ('pact', 'person', 'session', 'audit_chain_head')
       and c.relrowsecurity and c.relforcerowsecurity order by c.relname`.execute(database.db);
  assert.deepEqual(others.rows.map((x) => x.relname), ['audit_chain_head', 'pact', 'person', 'session']);
});

if (importMigration) {
  test('import_job and import_row are pact-scoped tables under row-level security', () => {
    assert.ok(pactScopedTables.includes('import_job'), 'import_job has a pact_id column');
    assert.ok(pactScopedTables.includes('import_row'), 'import_row has a pact_id column');
  });
}

const inserts: Record<string, (pactId: string) => ReturnType<typeof sql>> = {
  organisation: (p) => sql`insert into organisation (pact_id, name, kind) values (${p}, 'Ingeschoven organisatie', 'other')`,
  neighbourhood: (p) => sql`insert into neighbourhood (pact_id, code, name) values (${p}, 'WK99', 'Ingeschoven wijk')`,
  team: (p) => sql`insert into team (pact_id, organisation_id, name) values (${p}, ${ids.welzijn}, 'Ingeschoven team')`,
  membership: (p) => sql`insert into membership (pact_id, person_id, organisation_id, role)
                         values (${p}, ${ids.hagedoornCoordinator}, ${ids.welzijn}, 'partner_admin')`,
  audit_event: (p) => sql`insert into audit_event (chain, seq, pact_id, occurred_at, action, purpose, prev_hash, hash)
                          values (${p}, 999999, ${p}, now(), 'forged.entry', 'test', ${'0'.repeat(64)}, ${'0'.repeat(64)})`,
  ...(importMigration
    ? {
        import_job: (p: string) => sql`insert into import_job (pact_id, kind, created_at, updated_at) values (${p}, 'neighbourhoods', now(), now())`,
        import_row: (p: string) => sql`insert into import_row (pact_id, job_id, row_number, data) values (${p}, ${ids.lindewaardImport}, 3, '{}'::jsonb)`,
        import_file: (p: string) => sql`insert into import_file (job_id, pact_id, content) values (${ids.lindewaardQueued}, ${p}, ${Buffer.from('code\n')})`,
      }
    : {}),
};

for (const [table, insert] of Object.entries(inserts)) {
  test(`${table}: inserting a row for Lindewaard from Hagedoorn is refused; from Lindewaard it is accepted`, async () => {
    await assert.rejects(asApp(inHagedoorn(), (tx) => insert(ids.lindewaard).execute(tx)), rlsViolation);
    await asApp(inLindewaard(), (tx) => insert(ids.lindewaard).execute(tx)); // control: rolled back afterwards
  });
}

test('updates and deletes of Lindewaard’s rows from Hagedoorn affect nothing; from Lindewaard they do', async () => {
  const changes: Array<[string, ReturnType<typeof sql>]> = [
    ['update organisation', sql`update organisation set description = 'overgenomen' where pact_id = ${ids.lindewaard}`],
    ['update team', sql`update team set name = name || ' (x)' where pact_id = ${ids.lindewaard}`],
    ['update neighbourhood', sql`update neighbourhood set name = 'x' where pact_id = ${ids.lindewaard}`],
    ['update membership', sql`update membership set ended_at = now() where pact_id = ${ids.lindewaard}`],
    ['delete neighbourhood', sql`delete from neighbourhood where pact_id = ${ids.lindewaard}`],
    ...(importMigration
      ? ([
          ['update import_job', sql`update import_job set status = 'cancelled' where pact_id = ${ids.lindewaard}`],
          ['delete import_row', sql`delete from import_row where pact_id = ${ids.lindewaard}`],
        ] as Array<[string, ReturnType<typeof sql>]>)
      : []),
  ];
  for (const [label, statement] of changes) {
    const fromHagedoorn = await asApp(inHagedoorn(), async (tx) => Number((await statement.execute(tx)).numAffectedRows));
    assert.equal(fromHagedoorn, 0, `${label} from Hagedoorn`);
    const fromLindewaard = await asApp(inLindewaard(), async (tx) => Number((await statement.execute(tx)).numAffectedRows));
    assert.ok(fromLindewaard > 0, `${label} from Lindewaard (control)`);
  }
  // Deleting organisations or teams of the other pact: nothing to delete, not even a foreign-key error.
  assert.equal(await asApp(inHagedoorn(), async (tx) => Number((await sql`delete from team where pact_id = ${ids.lindewaard}`.execute(tx)).numAffectedRows)), 0);
  assert.equal(await asApp(inHagedoorn(), async (tx) => Number((await sql`delete from organisation where id = ${ids.welzijn}`.execute(tx)).numAffectedRows)), 0);
  const stored = await sql<{ description: string }>`select description from organisation where id = ${ids.welzijn}`.execute(database.db);
  assert.notEqual(stored.rows[0]!.description, 'overgenomen');
});

test('a row of one’s own pact cannot be moved into another pact', async () => {
  await assert.rejects(
    asApp(inHagedoorn(), (tx) => sql`update neighbourhood set pact_id = ${ids.lindewaard} where pact_id = ${ids.hagedoorn}`.execute(tx)),
    rlsViolation,
  );
  await assert.rejects(
    asApp(inHagedoorn(), (tx) => sql`update organisation set pact_id = ${ids.lindewaard} where id = ${ids.ocmw}`.execute(tx)),
    rlsViolation,
  );
});

test('people without a membership in the current pact are invisible; members and oneself are visible', async () => {
  const visible = (tx: Tx, id: string) => count(tx, 'person', sql`id = ${id}`);
  await asApp(inHagedoorn(), async (tx) => {
    assert.equal(await visible(tx, ids.lindewaardCoordinator), 0, 'a Lindewaard-only person from Hagedoorn');
    assert.equal(await visible(tx, ids.systemAdmin), 0, 'a person without memberships');
    assert.equal(await visible(tx, ids.hagedoornCoordinator), 1, 'oneself');
  });
  await asApp(inLindewaard(), async (tx) => {
    assert.equal(await visible(tx, ids.lindewaardCoordinator), 1, 'a member of Lindewaard from Lindewaard');
    assert.equal(await visible(tx, ids.hagedoornCoordinator), 0, 'a Hagedoorn-only person from Lindewaard');
    assert.equal(await count(tx, 'person', sql`email like '%lindewaard.example' or email like '%delinde.example'`), 6);
  });
  // A person's own row is writable, someone else's is not (not even in the same pact).
  const renamed = await asApp(inLindewaard(), async (tx) =>
    Number((await sql`update person set display_name = 'x' where id <> ${ids.lindewaardCoordinator}`.execute(tx)).numAffectedRows));
  assert.equal(renamed, 0);
});

test('only the session named in app.session_id is visible', async () => {
  await asApp(inHagedoorn(), async (tx) => {
    assert.equal(await count(tx, 'session', sql`true`), 1);
    assert.equal(await count(tx, 'session', sql`id = ${sessions.lindewaardCoordinator}`), 0);
    assert.equal(await count(tx, 'session', sql`id = ${sessions.hagedoornCoordinator}`), 1);
    const deleted = Number((await sql`delete from session where id = ${sessions.lindewaardCoordinator}`.execute(tx)).numAffectedRows);
    assert.equal(deleted, 0);
  });
  assert.equal(await asApp({ pactId: null }, (tx) => count(tx, 'session', sql`true`)), 0, 'no session in the context: none visible');
  await asApp(inLindewaard(), async (tx) => {
    assert.equal(await count(tx, 'session', sql`id = ${sessions.lindewaardCoordinator}`), 1);
  });
});

test('the application role can neither update nor delete audit entries, not even its own pact’s', async () => {
  const own = await asApp(inLindewaard(), (tx) => count(tx, 'audit_event', sql`pact_id = ${ids.lindewaard}`));
  assert.ok(own > 0);
  await assert.rejects(
    asApp(inLindewaard(), (tx) => sql`update audit_event set action = 'forged' where pact_id = ${ids.lindewaard}`.execute(tx)),
    /permission denied|append-only/,
  );
  await assert.rejects(
    asApp(inLindewaard(), (tx) => sql`delete from audit_event where pact_id = ${ids.lindewaard}`.execute(tx)),
    /permission denied|append-only/,
  );
  await assert.rejects(asApp(inLindewaard(), (tx) => sql`truncate audit_event`.execute(tx)), /permission denied|append-only/);
  // Nor can it rewind another pact's chain head to hide entries.
  const rewound = await asApp(inHagedoorn(), async (tx) =>
    Number((await sql`update audit_chain_head set seq = 0 where chain = ${ids.lindewaard}`.execute(tx)).numAffectedRows));
  assert.equal(rewound, 0);
});

test('mail is out of the application role’s reach in every context; even a grant by mistake would show it nothing', async () => {
  const queued = await sql<{ id: string }>`
    select queue_mail('jan@lindewaard.example', 'Uitnodiging', 'Beste Jan, https://schakelpunt.example/t/1', null, 'invitation', now()) as id`.execute(database.db);
  const id = queued.rows[0]!.id;
  // Control: system code, as the connecting role, does see it.
  const seenBySystem = await database.db.transaction().execute((tx) => count(tx, 'mail_message', sql`id = ${id}`));
  assert.equal(seenBySystem, 1);
  for (const context of [inLindewaard(), inHagedoorn(), { pactId: null }]) {
    for (const table of ['mail_message', 'mail_message_status_change']) {
      await assert.rejects(asApp(context, (tx) => count(tx, table, sql`true`)), /permission denied/, `${table} in ${context.pactId ?? 'no pact'}`);
    }
  }
  // The second wall: with select granted by mistake (rolled back here), forced row-level security
  // without a policy for the application role still returns no row.
  const seenAfterGrant = await asApp(inLindewaard(), async (tx) => {
    await sql`reset role`.execute(tx);
    await sql`grant select on mail_message, mail_message_status_change to schakelpunt_app`.execute(tx);
    await enterAppRole(tx, inLindewaard());
    return (await count(tx, 'mail_message', sql`true`)) + (await count(tx, 'mail_message_status_change', sql`true`));
  });
  assert.equal(seenAfterGrant, 0);
  const policies = await sql<{ n: number }>`
    select count(*)::int as n from pg_policies where tablename in ('mail_message', 'mail_message_status_change')`.execute(database.db);
  assert.equal(policies.rows[0]!.n, 0);
});
