import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';
import { inAuditedTransaction, recordAudit, startAuditChain, verifyAuditChains } from './audit-log.ts';

let database: Database;
let pactA: string;
let pactB: string;
before(async () => {
  database = await openTestDatabase();
  const r = await sql<{ id: string }>`insert into pact (slug, name, jurisdiction) values ('a', 'A', 'NL'), ('b', 'B', 'BE-VLG') returning id`.execute(database.db);
  [pactA, pactB] = r.rows.map((x) => x.id) as [string, string];
  await database.db.transaction().execute(async (tx) => {
    await startAuditChain(tx, pactA);
    await startAuditChain(tx, pactB);
  });
});
after(() => database.close());

const at = new Date('2026-11-23T10:00:00.123Z');

test('entries chain per pact and verify clean', async () => {
  await database.db.transaction().execute(async (tx) => {
    for (let i = 0; i < 3; i++) {
      await recordAudit(tx, { pactId: pactA, actor: { personId: null }, action: 'organisation.update', recordType: 'organisation', recordId: `o${i}`, purpose: 'installation', occurredAt: at, details: { fields: ['name'], n: i } });
    }
    await recordAudit(tx, { pactId: pactB, actor: { personId: null }, action: 'organisation.read', purpose: 'installation', occurredAt: at });
    await recordAudit(tx, { pactId: null, actor: { personId: null }, action: 'session.sign-in', purpose: 'security', occurredAt: at });
  });
  const reports = await verifyAuditChains(database.db);
  const byChain = new Map(reports.map((r) => [r.chain, r]));
  assert.equal(byChain.get(pactA)?.entries, 3);
  assert.equal(byChain.get(pactB)?.entries, 1);
  assert.equal(byChain.get('system')?.entries, 1);
  assert.ok(reports.every((r) => r.ok), JSON.stringify(reports));
});

test('the audit log refuses updates and deletes, even from the table owner', async () => {
  await assert.rejects(sql`update audit_event set action = 'x'`.execute(database.db), /append-only/);
  await assert.rejects(sql`delete from audit_event`.execute(database.db), /append-only/);
});

test('an entry changed behind the triggers is reported as the first broken entry', async () => {
  await database.db.transaction().execute(async (tx) => {
    await sql`alter table audit_event disable trigger audit_event_no_change`.execute(tx);
    await sql`update audit_event set record_id = 'forged' where chain = ${pactA} and seq = 2`.execute(tx);
    await sql`alter table audit_event enable trigger audit_event_no_change`.execute(tx);
  });
  const report = (await verifyAuditChains(database.db)).find((r) => r.chain === pactA)!;
  assert.equal(report.ok, false);
  assert.equal(report.firstBroken?.seq, 2);
  const other = (await verifyAuditChains(database.db)).find((r) => r.chain === pactB)!;
  assert.equal(other.ok, true);
});

test('many transactions appending to one chain at the same time all succeed and keep the chain whole', async () => {
  const writers = 16;
  await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      database.db.transaction().execute(async (tx) => {
        await recordAudit(tx, { pactId: pactB, actor: { personId: null }, action: 'organisation.read', recordId: `r${i}`, purpose: 'installation', occurredAt: at });
        // Hold the transaction open a moment so that others queue on the chain's lock.
        await sql`select pg_sleep(0.01)`.execute(tx);
      }),
    ),
  );
  const report = (await verifyAuditChains(database.db)).find((r) => r.chain === pactB)!;
  assert.equal(report.ok, true, JSON.stringify(report));
  assert.equal(report.entries, 1 + writers);
});

test('a transaction collects its entries and appends them together before commit, without holding the chain meanwhile', async () => {
  const before = (await verifyAuditChains(database.db)).find((r) => r.chain === pactB)!.entries;
  let seenDuringWork = -1;
  let lockedDuringWork = -1;
  await inAuditedTransaction(database.db, async (tx) => {
    for (let i = 0; i < 5; i++) {
      await recordAudit(tx, { pactId: pactB, actor: { personId: null }, action: 'organisation.read', recordId: `batch-${i}`, purpose: 'installation', occurredAt: at });
    }
    await recordAudit(tx, { pactId: null, actor: { personId: null }, action: 'session.sign-in', purpose: 'security', occurredAt: at });
    // While the request still works (renders its page), nothing is appended and no chain is locked.
    seenDuringWork = (await sql<{ n: number }>`select count(*)::int as n from audit_event where record_id like 'batch-%'`.execute(tx)).rows[0]!.n;
    lockedDuringWork = (await sql<{ n: number }>`
      select count(*)::int as n from pg_locks l left join pg_class c on c.oid = l.relation
       where l.pid = pg_backend_pid()
         and (l.locktype = 'advisory' or (c.relname = 'audit_chain_head' and l.mode = 'RowShareLock'))`.execute(tx)).rows[0]!.n;
  });
  assert.equal(seenDuringWork, 0);
  assert.equal(lockedDuringWork, 0);
  // (Pact A's chain was broken on purpose by the test above; B's and the system chain must verify.)
  const reports = (await verifyAuditChains(database.db)).filter((r) => r.chain !== pactA);
  assert.ok(reports.every((r) => r.ok), JSON.stringify(reports));
  assert.equal(reports.find((r) => r.chain === pactB)!.entries, before + 5);
  const rows = await sql<{ record_id: string; seq: number }>`
    select record_id, seq from audit_event where record_id like 'batch-%' order by seq`.execute(database.db);
  assert.deepEqual(rows.rows.map((r) => r.record_id), ['batch-0', 'batch-1', 'batch-2', 'batch-3', 'batch-4']);
});

test('entries of a transaction that fails are not appended', async () => {
  const before = (await verifyAuditChains(database.db)).find((r) => r.chain === pactA)!.entries;
  await assert.rejects(
    inAuditedTransaction(database.db, async (tx) => {
      await recordAudit(tx, { pactId: pactA, actor: { personId: null }, action: 'organisation.update', recordId: 'failed', purpose: 'installation', occurredAt: at });
      throw new Error('the work failed');
    }),
    /the work failed/,
  );
  assert.equal((await verifyAuditChains(database.db)).find((r) => r.chain === pactA)!.entries, before);
});

test('many audited transactions on one chain at the same time keep the chain whole', async () => {
  const before = (await verifyAuditChains(database.db)).find((r) => r.chain === pactB)!.entries;
  const writers = 12;
  await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      inAuditedTransaction(database.db, async (tx) => {
        await recordAudit(tx, { pactId: pactB, actor: { personId: null }, action: 'organisation.read', recordId: `c${i}-1`, purpose: 'installation', occurredAt: at });
        await sql`select pg_sleep(0.005)`.execute(tx);
        await recordAudit(tx, { pactId: pactB, actor: { personId: null }, action: 'organisation.read', recordId: `c${i}-2`, purpose: 'installation', occurredAt: at });
      }),
    ),
  );
  const report = (await verifyAuditChains(database.db)).find((r) => r.chain === pactB)!;
  assert.equal(report.ok, true, JSON.stringify(report));
  assert.equal(report.entries, before + 2 * writers);
});
