// Jobs about one thing: sent with a payload and a start time, in the transaction of the change
// that causes them, checked against their schema, run by real pg-boss on the test database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';
import { startJobs, type Jobs } from './jobs.ts';

let database: Database;
let jobs: Jobs;
const ran: Array<{ referralId: string; day: number }> = [];
let arrived: () => void = () => undefined;

before(async () => {
  database = await openTestDatabase();
  jobs = await startJobs(database.pool, createLogger('silent'), [
    {
      name: 'test-referral-reminder',
      payload: z.object({ referralId: z.uuid(), day: z.number().int().min(1) }),
      run: async (payload: { referralId: string; day: number }) => {
        ran.push(payload);
        arrived();
      },
    },
  ], { work: true });
});
after(async () => {
  await jobs.stop();
  await database.close();
});

const referral = '5b0e2c7e-8a49-4d3c-9a5e-2f7d6b1c0a11';

async function queued(): Promise<Array<{ data: { referralId: string; day: number }; start_after: Date }>> {
  const r = await sql<{ data: { referralId: string; day: number }; start_after: Date }>`
    select data, start_after from pgboss.job where name = 'test-referral-reminder' order by created_on`.execute(database.db);
  return r.rows;
}

test('a job sent in a transaction that rolls back is not there', async () => {
  await assert.rejects(
    database.db.transaction().execute(async (tx) => {
      await jobs.send('test-referral-reminder', { referralId: referral, day: 3 }, { tx, startAfter: new Date(Date.now() + 86_400_000) });
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  assert.deepEqual(await queued(), []);
});

test('a job sent with a start time in the future waits, with its payload, in the committed transaction', async () => {
  const startAfter = new Date(Date.now() + 3 * 86_400_000);
  await database.db.transaction().execute(async (tx) => {
    await jobs.send('test-referral-reminder', { referralId: referral, day: 3 }, { tx, startAfter });
  });
  const rows = await queued();
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0]!.data, { referralId: referral, day: 3 });
  assert.ok(Math.abs(new Date(rows[0]!.start_after).getTime() - startAfter.getTime()) < 1000);
  assert.deepEqual(ran, [], 'not run before its time');
});

test('a payload that does not fit the job is refused when sent', async () => {
  await assert.rejects(jobs.send('test-referral-reminder', { referralId: 'not-an-id', day: 0 }));
  await assert.rejects(jobs.send('no-such-job', {}), /No job named/);
});

test('a job due now runs once with its payload', async () => {
  const done = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  await jobs.send('test-referral-reminder', { referralId: referral, day: 1 });
  // pg-boss polls every few seconds; a generous limit for a busy machine, not a timing assertion.
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error('the job did not run within 120 s')), 120_000).unref())]);
  assert.deepEqual(ran, [{ referralId: referral, day: 1 }]);
});
