// Several app processes serve one PostgreSQL (behind a load balancer): they migrate and seed once,
// share sessions and CSRF tokens (database sessions, HMAC with the shared secret), take each job
// once, and stop gracefully. On PGlite one process owns the data folder, and a second is refused.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { freePorts, spawnApp, START_UP_LIMIT_MS, type AppProcess } from '../../tests/support/app-process.ts';
import { csrfFromPage, setCookies } from '../../tests/support/route-paths.ts';
import { personas } from '../../tests/support/test-app.ts';
import { DEMO_PASSWORD, demoAccounts } from './seed-demo.ts';
import { totpCode } from '../modules/accounts/index.ts';

/** Production needs a second-factor key; the processes of one installation share it. */
const SHARED_SECOND_FACTOR_KEY = Buffer.alloc(32, 0x2b).toString('base64');

/**
 * Waits below are for readiness (a health check, a job's state, an exit), never for a fixed time;
 * their limits only catch a hang, and are wide because the machine may be small and busy.
 */
const STOP_LIMIT_MS = 30_000;
const JOB_LIMIT_MS = 120_000;
/** The whole suite: the start-ups, the requests, a job, the stops. */
const SUITE_LIMIT_MS = START_UP_LIMIT_MS + JOB_LIMIT_MS + 2 * STOP_LIMIT_MS + 60_000;

const databaseUrl = process.env.DATABASE_URL;
const sessionCookie = '__Host-sp_session';
const visitorCookie = '__Host-sp_visitor';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A browser's request to one process: the Origin is that process (behind one public address it would be). */
function get(app: AppProcess, path: string, cookie?: string): Promise<Response> {
  return fetch(`${app.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

function post(app: AppProcess, path: string, cookie: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: app.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

if (databaseUrl) {
  describe('two app processes on one PostgreSQL database', { timeout: SUITE_LIMIT_MS }, () => {
    const name = `sp_mp_${randomBytes(4).toString('hex')}`;
    const url = withDatabase(databaseUrl, name);
    let pool: pg.Pool;
    let a: AppProcess;
    let b: AppProcess;
    const processes: AppProcess[] = [];

    before(async () => {
      await onServer(databaseUrl, `create database ${name}`);
      pool = new pg.Pool({ connectionString: url, max: 2 });
      const [portA, portB] = await freePorts(2);
      const env = {
        NODE_ENV: 'production',
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: '4',
        SESSION_SECRET: 'several-processes-share-this-secret-0123456789',
        SECOND_FACTOR_KEY: SHARED_SECOND_FACTOR_KEY,
        // Both processes serve one installation, reached at one public address.
        PUBLIC_URL: `http://localhost:${portA}`,
        JOBS: 'true',
        SEED_DEMO: 'true',
        LOG_LEVEL: 'info',
      };
      // Both at once: they race to migrate and to seed the empty database.
      a = spawnApp(portA!, env);
      b = spawnApp(portB!, env);
      processes.push(a, b);
      await Promise.all([a.ready(), b.ready()]);
    });

    after(async () => {
      for (const p of processes) p.kill();
      await Promise.all(processes.map((p) => p.exited));
      await pool?.end();
      await onServer(databaseUrl, `drop database if exists ${name} with (force)`);
    });

    test('starting together, the processes migrate once and seed the demo data once', async () => {
      const people = await pool.query<{ n: number }>('select count(*)::int as n from person');
      assert.equal(people.rows[0]!.n, demoAccounts.length);
      const pacts = await pool.query<{ slug: string }>('select slug from pact order by slug');
      assert.deepEqual(pacts.rows.map((r) => r.slug), ['hagedoorn', 'lindewaard']);
      assert.deepEqual([a.logged('demo data seeded').length, b.logged('demo data seeded').length].sort(), [0, 1]);
      assert.deepEqual([a.logged('migrations applied').length, b.logged('migrations applied').length].sort(), [0, 1]);
    });

    test('a session and form started on one process are honoured by the other, and logging out ends it on both', async () => {
      const partnerAdmin = demoAccounts.find((p) => p.email === personas.partnerAdmin)!;

      // Sign in through the form on A.
      const loginPage = await get(a, '/login');
      assert.equal(loginPage.status, 200);
      const visitor = setCookies(loginPage).get(visitorCookie);
      assert.ok(visitor, 'the log-in page sets a visitor cookie');
      const visitorCsrf = csrfFromPage(await loginPage.text());
      const signedIn = await post(a, '/login', `${visitorCookie}=${visitor}`, {
        _csrf: visitorCsrf, email: partnerAdmin.email, password: DEMO_PASSWORD,
      });
      assert.equal(signedIn.status, 303);
      assert.equal(signedIn.headers.get('location'), '/account/second-factor?next=%2F');
      const passwordToken = setCookies(signedIn).get(sessionCookie);
      assert.ok(passwordToken, 'signing in sets the session cookie');
      const passwordCookie = `${sessionCookie}=${passwordToken}`;

      // The password alone opens nothing; the second factor, given on B, does.
      assert.equal((await get(b, '/p/lindewaard/organisations', passwordCookie)).headers.get('location'), '/account/second-factor?next=%2Fp%2Flindewaard%2Forganisations');
      const codePage = await get(b, '/account/second-factor?next=%2F', passwordCookie);
      assert.equal(codePage.status, 200);
      const verified = await post(b, '/account/second-factor', passwordCookie, {
        _csrf: csrfFromPage(await codePage.text()), action: 'verify', next: '/', code: totpCode(partnerAdmin.totpSecret!, new Date()),
      });
      assert.equal(verified.status, 303);
      const token = setCookies(verified).get(sessionCookie);
      assert.ok(token && token !== passwordToken, 'the session gets a new token once the second factor is given');
      const cookie = `${sessionCookie}=${token}`;
      const withOldToken = await get(a, '/p/lindewaard/organisations', passwordCookie);
      assert.equal(withOldToken.headers.get('location'), '/login?next=%2Fp%2Flindewaard%2Forganisations', 'the password-only token is gone on A too');

      // The dashboard on B knows the person; without the cookie it does not.
      const anonymousDashboard = await get(b, '/p/lindewaard');
      assert.equal(anonymousDashboard.status, 200);
      assert.doesNotMatch(await anonymousDashboard.text(), new RegExp(partnerAdmin.displayName));
      const dashboard = await get(b, '/p/lindewaard', cookie);
      assert.equal(dashboard.status, 200);
      assert.match(await dashboard.text(), new RegExp(partnerAdmin.displayName));

      // A form fetched from A is accepted by B: the token is an HMAC with the shared secret.
      const org = await pool.query<{ id: string }>(
        `select o.id from organisation o join pact p on p.id = o.pact_id
          where p.slug = 'lindewaard' and o.name = 'Welzijn Lindewaard'`,
      );
      const orgId = org.rows[0]!.id;
      const editPath = `/p/lindewaard/organisations/${orgId}/edit`;
      const editPage = await get(a, editPath, cookie);
      assert.equal(editPage.status, 200);
      const html = await editPage.text();
      const csrf = csrfFromPage(html);
      const version = /name="version" value="([^"]+)"/.exec(html)?.[1];
      assert.ok(version, 'the edit form carries the version it started from');
      const description = `Bewaard via een tweede proces ${randomBytes(3).toString('hex')}.`;
      const fields = { version, name: 'Welzijn Lindewaard', kind: 'welfare', description };
      // B does check the token: one bound to another visitor is refused.
      const forged = await post(b, editPath, cookie, { ...fields, _csrf: visitorCsrf });
      assert.equal(forged.status, 403);
      const saved = await post(b, editPath, cookie, { ...fields, _csrf: csrf });
      assert.equal(saved.status, 303);
      assert.equal(saved.headers.get('location'), `/p/lindewaard/organisations/${orgId}`);
      const stored = await pool.query<{ description: string }>('select description from organisation where id = $1', [orgId]);
      assert.equal(stored.rows[0]!.description, description);

      // Log out on B: the session is gone on A too.
      assert.equal((await get(a, '/account', cookie)).status, 200);
      const loggedOut = await post(b, '/logout', cookie, { _csrf: csrf });
      assert.equal(loggedOut.status, 303);
      const account = await get(a, '/account', cookie);
      assert.equal(account.status, 303);
      assert.equal(account.headers.get('location'), `/login?next=${encodeURIComponent('/account')}`);
      assert.doesNotMatch(await (await get(a, '/p/lindewaard', cookie)).text(), new RegExp(partnerAdmin.displayName));
    });

    test('a job sent to the queue is run by exactly one process', async () => {
      const expiredId = randomBytes(32).toString('hex');
      await pool.query(
        `insert into session (id, person_id, created_at, last_seen_at, expires_at)
         select $1, id, now() - interval '2 hours', now() - interval '2 hours', now() - interval '1 hour'
           from person where email = $2`,
        [expiredId, personas.volunteer],
      );
      assert.equal(a.logged('expired sessions removed').length + b.logged('expired sessions removed').length, 0);

      const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false });
      boss.on('error', () => undefined);
      await boss.start();
      let jobId: string | null;
      try {
        jobId = await boss.send('sessions-purge-expired', {});
      } finally {
        await boss.stop({ graceful: false, wait: true });
      }
      assert.ok(jobId, 'the job was queued');

      await waitFor('the job to complete', JOB_LIMIT_MS, async () => {
        const r = await pool.query<{ state: string }>('select state from pgboss.job where id = $1', [jobId]);
        return r.rows[0]?.state === 'completed' ? true : undefined;
      });
      // The log line is written before the job completes; give the pipes a moment to deliver it
      // (and a second run, if the job were wrongly taken twice, the time to show).
      await new Promise((resolve) => setTimeout(resolve, 1_000));

      const runsA = a.logged('expired sessions removed');
      const runsB = b.logged('expired sessions removed');
      // The hourly cron run of this queue may fall inside the test: count every completed job.
      const completed = await pool.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job where name = 'sessions-purge-expired' and state = 'completed'`,
      );
      assert.equal(runsA.length + runsB.length, completed.rows[0]!.n, 'one log line per completed job: no job ran twice');
      if (completed.rows[0]!.n === 1) {
        assert.deepEqual([runsA.length, runsB.length].sort(), [0, 1], 'exactly one process ran the job');
      }
      const removed = [...runsA, ...runsB].reduce((sum, line) => sum + Number(line.removed), 0);
      assert.equal(removed, 1, 'the expired session was removed once');
      const left = await pool.query('select 1 from session where id = $1', [expiredId]);
      assert.equal(left.rowCount, 0);
    });

    test('both processes stop gracefully on SIGTERM', async () => {
      const [stopA, stopB] = await Promise.all([a.stop(STOP_LIMIT_MS), b.stop(STOP_LIMIT_MS)]);
      for (const [p, stopped] of [[a, stopA], [b, stopB]] as const) {
        assert.equal(stopped.timedOut, false, `process ${p.pid} exited within ${STOP_LIMIT_MS / 1000} s`);
        assert.equal(stopped.code, 0, `process ${p.pid} exited with 0\n${p.stderr()}`);
        assert.equal(p.logged('shutting down').length, 1);
        assert.equal(p.logs().filter((l) => l.level >= 50).length, 0, `no errors logged by ${p.pid}`);
      }
    });
  });
} else {
  describe('two app processes on one PGlite data folder', { timeout: SUITE_LIMIT_MS }, () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sp-mp-'));
    const processes: AppProcess[] = [];

    after(async () => {
      for (const p of processes) p.kill();
      await Promise.all(processes.map((p) => p.exited));
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('started together, one process serves and the other is refused with the lock message', async () => {
      const ports = await freePorts(2);
      const env = {
        NODE_ENV: 'production',
        DATA_DIR: dataDir,
        SESSION_SECRET: 'several-processes-share-this-secret-0123456789',
        SECOND_FACTOR_KEY: SHARED_SECOND_FACTOR_KEY,
        PUBLIC_URL: 'http://localhost',
        JOBS: 'false',
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
      };
      const started = ports.map((port) => spawnApp(port, env));
      processes.push(...started);
      const outcomes = await Promise.allSettled(started.map((p) => p.ready()));
      const serving = started.filter((_, i) => outcomes[i]!.status === 'fulfilled');
      const refused = started.filter((_, i) => outcomes[i]!.status === 'rejected');
      assert.equal(serving.length, 1, 'exactly one process serves the data folder');
      assert.equal(refused.length, 1, 'exactly one process is refused');
      const [owner] = serving as [AppProcess];
      const [second] = refused as [AppProcess];

      assert.equal((await second.exited).code, 1);
      assert.match(second.stderr(), new RegExp(`is in use by process ${owner.pid}\\b`));
      // The owner kept working: it answers and still holds the lock.
      assert.equal((await fetch(`${owner.url}/readyz`)).status, 200);
      assert.ok(existsSync(join(dataDir, 'schakelpunt.lock')));

      const stopped = await owner.stop(STOP_LIMIT_MS);
      assert.equal(stopped.timedOut, false);
      assert.equal(stopped.code, 0, owner.stderr());
      assert.equal(existsSync(join(dataDir, 'schakelpunt.lock')), false, 'a graceful stop releases the data folder');
    });
  });
}
