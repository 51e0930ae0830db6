// Row-level security below the pact: a household-like record that only its network may read
// (migration 0015, `app_in_network`). Fixture tables stand in for households until that module
// exists; they follow the pattern of the migration exactly. Every check runs as the application
// role with raw SQL, the application's own checks bypassed, and each refusal has its control.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database, Tx } from '../platform/db/database.ts';
import { inJobTransaction, type TxContext } from '../platform/db/transaction.ts';
import { asAppRole } from '../../tests/support/app-role.ts';
import { openTestDatabase } from '../../tests/support/test-database.ts';

let database: Database;
const ids = {
  lindewaard: '', hagedoorn: '', welzijn: '', voedselbank: '', ocmw: '',
  coordinator: '', professional: '', volunteer: '', policyReader: '', otherAdmin: '', hagedoornCoordinator: '',
  household: '', otherHousehold: '', hagedoornHousehold: '', resident: '',
};

const one = async (query: { execute(db: Database['db']): Promise<{ rows: Array<{ id: string }> }> }) =>
  (await query.execute(database.db)).rows[0]!.id;

before(async () => {
  database = await openTestDatabase({ demo: true });
  ids.lindewaard = await one(sql<{ id: string }>`select id from pact where slug = 'lindewaard'`);
  ids.hagedoorn = await one(sql<{ id: string }>`select id from pact where slug = 'hagedoorn'`);
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.voedselbank = await one(sql<{ id: string }>`select organisation_id as id from membership m join person p on p.id = m.person_id where p.email = 'vrijwilliger@voedselbank-lindewaard.example'`);
  ids.ocmw = await one(sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`);
  const person = (email: string) => one(sql<{ id: string }>`select id from person where email = ${email}`);
  ids.coordinator = await person('coordinator@lindewaard.example');
  ids.professional = await person('consulent@welzijn.lindewaard.example');
  ids.volunteer = await person('vrijwilliger@voedselbank-lindewaard.example');
  ids.policyReader = await person('beleid@lindewaard.example');
  ids.otherAdmin = await person('beheer@delinde.example');
  ids.hagedoornCoordinator = await person('coordinator@hagedoorn.example');
  // A resident: a person without any membership, in their household's network by name.
  ids.resident = await one(sql<{ id: string }>`insert into person (email, display_name) values ('bewoner@fixture.example', 'Bewoner') returning id`);

  // The fixtures: a household table and a table of notes about a household, each with the network
  // policy of migration 0015, and a third table that forgot it (for the catalogue check).
  await sql`create table household_fixture (
      id uuid primary key default gen_random_uuid(),
      pact_id uuid not null references pact (id),
      name text not null)`.execute(database.db);
  await sql`create table household_note_fixture (
      id uuid primary key default gen_random_uuid(),
      pact_id uuid not null references pact (id),
      household_id uuid not null references household_fixture (id),
      body text not null)`.execute(database.db);
  for (const [table, column] of [['household_fixture', 'id'], ['household_note_fixture', 'household_id']] as const) {
    await sql.raw(`grant select, insert, update, delete on ${table} to schakelpunt_app`).execute(database.db);
    await sql.raw(`alter table ${table} enable row level security`).execute(database.db);
    await sql.raw(`alter table ${table} force row level security`).execute(database.db);
    await sql.raw(`create policy ${table}_network on ${table} to schakelpunt_app
      using (pact_id = app_pact_id() and app_in_network('household', ${column}))
      with check (pact_id = app_pact_id() and app_in_network('household', ${column}))`).execute(database.db);
  }

  const household = async (pactId: string, name: string) =>
    one(sql<{ id: string }>`insert into household_fixture (pact_id, name) values (${pactId}, ${name}) returning id`);
  ids.household = await household(ids.lindewaard, 'Huishouden A');
  ids.otherHousehold = await household(ids.lindewaard, 'Huishouden B');
  ids.hagedoornHousehold = await household(ids.hagedoorn, 'Huishouden C');
  for (const h of [ids.household, ids.otherHousehold, ids.hagedoornHousehold]) {
    const pactId = h === ids.hagedoornHousehold ? ids.hagedoorn : ids.lindewaard;
    await sql`insert into household_note_fixture (pact_id, household_id, body) values (${pactId}, ${h}, 'Notitie')`.execute(database.db);
  }
  // Household A shares with Welzijn on consent and with the food bank on consent; the resident is in it by name.
  await sql`insert into record_network (pact_id, record_type, record_id, organisation_id, person_id, basis, purpose) values
    (${ids.lindewaard}, 'household', ${ids.household}, ${ids.welzijn}, null, 'consent', 'household-support-consent'),
    (${ids.lindewaard}, 'household', ${ids.household}, ${ids.voedselbank}, null, 'consent', 'household-support-consent'),
    (${ids.lindewaard}, 'household', ${ids.household}, null, ${ids.resident}, 'consent', 'household-support-consent'),
    (${ids.hagedoorn}, 'household', ${ids.hagedoornHousehold}, ${ids.ocmw}, null, 'legal-task', 'household-support-legal-task')`.execute(database.db);
});
after(() => database.close());

/** Runs `work` as the application role in `context`, then rolls everything back. */
function asApp<T>(context: TxContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  return asAppRole(database, context, work);
}

const inLindewaard = (personId: string): TxContext => ({ pactId: ids.lindewaard, personId });

async function visibleHouseholds(context: TxContext): Promise<string[]> {
  return asApp(context, async (tx) =>
    (await sql<{ id: string }>`select id from household_fixture order by name`.execute(tx)).rows.map((r) => r.id));
}

async function visibleNotes(context: TxContext): Promise<string[]> {
  return asApp(context, async (tx) =>
    (await sql<{ household_id: string }>`select household_id from household_note_fixture`.execute(tx)).rows.map((r) => r.household_id));
}

test('members of an organisation in the network see the household and its notes; nothing of other households', async () => {
  assert.deepEqual(await visibleHouseholds(inLindewaard(ids.professional)), [ids.household]);
  assert.deepEqual(await visibleNotes(inLindewaard(ids.professional)), [ids.household]);
  // A volunteer of the food bank, which is in the network too.
  assert.deepEqual(await visibleHouseholds(inLindewaard(ids.volunteer)), [ids.household]);
});

test('the pact’s coordinator, a policy reader and another organisation’s admin are not in the network', async () => {
  for (const personId of [ids.coordinator, ids.policyReader, ids.otherAdmin]) {
    assert.deepEqual(await visibleHouseholds(inLindewaard(personId)), [], personId);
    assert.deepEqual(await visibleNotes(inLindewaard(personId)), [], personId);
  }
  // Nor is anybody without a person in the context.
  assert.deepEqual(await visibleHouseholds({ pactId: ids.lindewaard }), []);
});

test('a resident named in the network sees their own household, though they belong to no organisation', async () => {
  assert.deepEqual(await visibleHouseholds(inLindewaard(ids.resident)), [ids.household]);
});

test('a network in another pact gives nothing here, and this network nothing there', async () => {
  // Welzijn's professional in Hagedoorn's context: the Lindewaard share does not follow them there.
  // Hagedoorn's coordinator in Lindewaard's context: nothing, whatever Hagedoorn shares with OCMW.
  assert.deepEqual(await visibleHouseholds({ pactId: ids.hagedoorn, personId: ids.professional }), []);
  assert.deepEqual(await visibleHouseholds({ pactId: ids.lindewaard, personId: ids.hagedoornCoordinator }), []);
});

test('a share that ends takes the household out of sight at once, and its row stays as history', async () => {
  await asApp(inLindewaard(ids.professional), async (tx) => {
    await sql`update record_network set ended_at = now() where record_id = ${ids.household} and organisation_id = ${ids.welzijn}`.execute(tx);
    const after = await sql<{ id: string }>`select id from household_fixture`.execute(tx);
    assert.deepEqual(after.rows, []);
    const history = await sql<{ n: number }>`select count(*)::int as n from record_network where record_id = ${ids.household}`.execute(tx);
    assert.equal(history.rows[0]!.n, 3);
  });
  // Rolled back: the control sees it again.
  assert.deepEqual(await visibleHouseholds(inLindewaard(ids.professional)), [ids.household]);
});

test('nobody outside the network can write a note about the household, and a member can', async () => {
  const write = (personId: string, household: string) =>
    asApp(inLindewaard(personId), (tx) =>
      sql`insert into household_note_fixture (pact_id, household_id, body) values (${ids.lindewaard}, ${household}, 'x')`.execute(tx));
  await assert.rejects(write(ids.coordinator, ids.household), /row-level security/);
  await assert.rejects(write(ids.professional, ids.otherHousehold), /row-level security/);
  await write(ids.professional, ids.household);
});

test('a background job works on its one record as the application role, and reaches no other', async () => {
  const seen = await inJobTransaction(database.db, { pactId: ids.lindewaard, recordScope: { type: 'household', id: ids.otherHousehold } }, async (tx) => {
    const role = await sql<{ role: string }>`select current_user as role`.execute(tx);
    assert.equal(role.rows[0]!.role, 'schakelpunt_app');
    return (await sql<{ id: string }>`select id from household_fixture`.execute(tx)).rows.map((r) => r.id);
  });
  assert.deepEqual(seen, [ids.otherHousehold]);
  // The scope names a record type: the same id as another type opens nothing.
  const wrongType = await inJobTransaction(database.db, { pactId: ids.lindewaard, recordScope: { type: 'referral', id: ids.otherHousehold } }, async (tx) =>
    (await sql<{ id: string }>`select id from household_fixture`.execute(tx)).rows);
  assert.deepEqual(wrongType, []);
  // The scope lasts for the transaction only.
  assert.deepEqual(await visibleHouseholds({ pactId: ids.lindewaard }), []);
});

/**
 * The catalogue check: every table with a household_id column (and the household table itself,
 * named here) must force row-level security, and every policy on it must call app_in_network.
 * Returns the tables that fail.
 */
async function tablesWithoutNetworkPolicy(householdTables: string[]): Promise<string[]> {
  const r = await sql<{ table_name: string; forced: boolean; policies: number; network_policies: number }>`
    select c.relname as table_name, c.relforcerowsecurity as forced,
           (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies,
           (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname
               and p.qual like '%app_in_network(%' and coalesce(p.with_check, p.qual) like '%app_in_network(%') as network_policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r'
       and (c.relname = any(${householdTables}::text[])
            or exists (select 1 from information_schema.columns col
                        where col.table_schema = 'public' and col.table_name = c.relname and col.column_name = 'household_id'))
     order by c.relname`.execute(database.db);
  return r.rows.filter((t) => !t.forced || t.policies === 0 || t.network_policies !== t.policies).map((t) => t.table_name);
}

test('catalogue: every table with a household id has the network policy and nothing looser', async () => {
  assert.deepEqual(await tablesWithoutNetworkPolicy(['household_fixture']), []);
  // The control: a table that forgot the pattern (only the pact's isolation) is found.
  await sql`create table household_leak_fixture (id uuid primary key, pact_id uuid not null, household_id uuid not null)`.execute(database.db);
  try {
    await sql`alter table household_leak_fixture enable row level security`.execute(database.db);
    await sql`alter table household_leak_fixture force row level security`.execute(database.db);
    await sql`create policy household_leak_fixture_pact on household_leak_fixture using (pact_id = app_pact_id())`.execute(database.db);
    assert.deepEqual(await tablesWithoutNetworkPolicy(['household_fixture']), ['household_leak_fixture']);
  } finally {
    await sql`drop table household_leak_fixture`.execute(database.db);
  }
});
