// An app wired to a test database, driven in-process with `app.request()` (no network), plus
// ready-made signed-in personas from the demo data.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Hono } from 'hono';
import type { Services } from '../../src/access/route.ts';
import { createApp } from '../../src/app/app.tsx';
import { jobDefinitions } from '../../src/app/jobs.ts';
import { createServices } from '../../src/app/services.ts';
import { seedDemo } from '../../src/app/seed-demo.ts';
import { hashToken, newToken } from '../../src/modules/accounts/index.ts';
import { fixedClock, type FixedClock } from '../../src/platform/clock.ts';
import { sealingKey } from '../../src/platform/crypto/sealed-box.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { TEST_SEED_TIME } from './test-database.ts';
import { createLogger } from '../../src/platform/logger.ts';
import type { AppEnv } from '../../src/ui/env.ts';

export interface TestApp {
  app: Hono<AppEnv>;
  services: Services;
  clock: FixedClock;
  database: Database;
  /**
   * A signed-in session for a person (by e-mail), without going through the log-in form: both
   * factors given, unless `passwordOnly` (a session still waiting for its second factor).
   */
  sessionFor(email: string, options?: { passwordOnly?: boolean }): Promise<Persona>;
  anonymous(): Persona;
  /** A persona for a session token the app itself handed out (after a log-in or the second factor). */
  fromSessionToken(token: string): Persona;
  /**
   * Runs one of the installation's background jobs by name, here and now, as a worker process
   * would (the test app starts no workers): the job's real definition from src/app/jobs.ts.
   */
  runJob(name: string, payload?: unknown): Promise<void>;
}

export interface Persona {
  cookie: string;
  csrf: string;
  /** GET or POST with this persona's cookie; POST bodies get the persona's CSRF token added. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
}

export const testSecret = Buffer.from('test-secret-test-secret-test-secret!', 'utf8');
/** The key that seals second-factor secrets in tests. */
export const testSecondFactorKey = sealingKey(Buffer.alloc(32, 0x5a));

export async function createTestApp(database: Database, options: { seed?: boolean } = {}): Promise<TestApp> {
  const clock = fixedClock(TEST_SEED_TIME);
  if (options.seed !== false) {
    // A database opened with `{ demo: true }` has the demo data already (seeded once per run).
    const seeded = await sql<{ seeded: boolean }>`select exists (select 1 from pact where slug = 'lindewaard') as seeded`.execute(database.db);
    if (!seeded.rows[0]!.seeded) await seedDemo(database.db, clock, { secondFactorKey: testSecondFactorKey });
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const services = createServices({ config, database, log: createLogger('silent'), clock, secret: testSecret, secondFactorKeys: [testSecondFactorKey] });
  const app = createApp(services);

  function persona(cookie: string, binding: string): Persona {
    const csrf = createHmac('sha256', testSecret).update(`csrf:${binding}`).digest('base64url');
    return {
      cookie,
      csrf,
      get: async (path, headers = {}) => app.request(path, { headers: { cookie, ...headers } }),
      post: async (path, fields, headers = {}) =>
        app.request(path, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
        }),
    };
  }

  return {
    app,
    services,
    clock,
    database,
    async sessionFor(email, sessionOptions = {}) {
      const token = newToken();
      const id = hashToken(token);
      const now = clock.now();
      const secondFactorAt = sessionOptions.passwordOnly ? null : now;
      const r = await sql<{ id: string }>`
        insert into session (id, person_id, created_at, last_seen_at, expires_at, second_factor_at)
        select ${id}, p.id, ${now}, ${now}, ${new Date(now.getTime() + 3_600_000)}, ${secondFactorAt} from person p where p.email = ${email}
        returning id`.execute(database.db);
      if (r.rows.length !== 1) throw new Error(`No person with e-mail ${email} in the test data`);
      return persona(`__Host-sp_session=${token}`, id);
    },
    fromSessionToken(token) {
      return persona(`__Host-sp_session=${token}`, hashToken(token));
    },
    anonymous() {
      const visitor = newToken();
      return persona(`__Host-sp_visitor=${visitor}`, visitor);
    },
    async runJob(name, payload) {
      const job = jobDefinitions({ services, config, mailSender: null, log: services.log }).find((d) => d.name === name);
      if (!job) throw new Error(`There is no job named ${name}`);
      await job.run(payload);
    },
  };
}

/** The demo people by what they stand for in authorization tests. */
export const personas = {
  systemAdmin: 'beheer@schakelpunt.example',
  coordinator: 'coordinator@lindewaard.example',
  partnerAdmin: 'beheer@welzijn.lindewaard.example',
  professional: 'consulent@welzijn.lindewaard.example',
  volunteer: 'vrijwilliger@voedselbank-lindewaard.example',
  policyReader: 'beleid@lindewaard.example',
  otherOrganisationAdmin: 'beheer@delinde.example',
  otherPactCoordinator: 'coordinator@hagedoorn.example',
  /** Lindewaard's second coordinator, who is also a professional in OCMW Hagedoorn (added by addTwoPactPerson). */
  twoPactMember: 'ruben.declercq@tweepacten.example',
} as const;

/**
 * Adds the person with memberships in two pacts: a pact coordinator of Lindewaard (for Gemeente
 * Lindewaard) who is also a professional in OCMW Hagedoorn. Test data only, not in the demo: it is
 * the person who would see one pact's records inside the other if a read escaped its pact.
 * Returns the person's id.
 */
export async function addTwoPactPerson(database: Database): Promise<string> {
  return database.db.transaction().execute(async (tx) => {
    const person = await sql<{ id: string }>`
      insert into person (email, display_name, password_hash) values (${personas.twoPactMember}, 'Ruben Declercq', null) returning id`.execute(tx);
    const id = person.rows[0]!.id;
    await sql`
      insert into membership (pact_id, person_id, organisation_id, role)
      select p.id, ${id}, o.id, 'pact_coordinator' from pact p join organisation o on o.pact_id = p.id
       where p.slug = 'lindewaard' and o.name = 'Gemeente Lindewaard'`.execute(tx);
    await sql`
      insert into membership (pact_id, person_id, organisation_id, role)
      select p.id, ${id}, o.id, 'professional' from pact p join organisation o on o.pact_id = p.id
       where p.slug = 'hagedoorn' and o.name = 'OCMW Hagedoorn'`.execute(tx);
    return id;
  });
}
