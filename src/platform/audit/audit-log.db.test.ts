import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';
import { recordAudit, startAuditChain, verifyAuditChains } from './audit-log.ts';

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
      await recordAudit(tx, { pactId: pactA, actor: { personId: null }, action: 'organisation.update', recordType: 'organisation', recordId: `o${i}`, purpose: 'test', occurredAt: at, details: { fields: ['name'], n: i } });
    }
    await recordAudit(tx, { pactId: pactB, actor: { personId: null }, action: 'organisation.read', purpose: 'test', occurredAt: at });
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
        await recordAudit(tx, { pactId: pactB, actor: { personId: null }, action: 'organisation.read', recordId: `r${i}`, purpose: 'test', occurredAt: at });
        // Hold the transaction open a moment so that others queue on the chain's lock.
        await sql`select pg_sleep(0.01)`.execute(tx);
      }),
    ),
  );
  const report = (await verifyAuditChains(database.db)).find((r) => r.chain === pactB)!;
  assert.equal(report.ok, true, JSON.stringify(report));
  assert.equal(report.entries, 1 + writers);
});
