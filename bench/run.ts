// `npm run bench [-- --engine pglite|postgres|both --duration 10]`: measures the platform core through
// the full path (session → policy → row-level-security transaction → audit → page) on a freshly
// generated data set, with the real app in its own process. Prints a table per engine, writes
// .bench/results-<timestamp>.json, and exits 0 when goals are missed (it measures; it does not test).
// See bench/README.md for what each figure means.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { generateBenchData, type GenerateSummary, type SamplePersona } from '../scripts/generate-lib.ts';
import { hashToken, newToken } from '../src/modules/accounts/index.ts';
import { verifyAuditChains } from '../src/platform/audit/audit-log.ts';
import { openDatabase, type Database, type Engine } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import {
  evaluateGoals, formatKb, formatMs, formatRate, formatTable, goalMark, type Goal,
} from './lib.ts';
import { runAutocannon, runPaced, settle, type LoadRequest, type LoadResult } from './load.ts';
import {
  freePort, getRaw, readMemory, repoRoot, startChild, stopAllChildren, stopChild, waitFor200, type Child,
  type Memory, type RawResponse,
} from './processes.ts';

const usage = `Usage: npm run bench -- [--engine pglite|postgres|both] [--duration 10] [--rate 200]
  [--connections 50] [--postgres-url postgres://postgres@127.0.0.1:5432/postgres]
  [--pacts 10] [--organisations 50] [--members 20] [--personas 5] [--activities 2000]`;

const optionsSchema = z.object({
  engine: z.enum(['pglite', 'postgres', 'both']).default('both'),
  duration: z.coerce.number().int().min(2).max(120).default(10),
  rate: z.coerce.number().int().min(1).max(5000).default(200),
  connections: z.coerce.number().int().min(1).max(500).default(50),
  'postgres-url': z.string().regex(/^postgres(ql)?:\/\//).default('postgres://postgres@127.0.0.1:5432/postgres'),
  pacts: z.coerce.number().int().min(1).max(99).default(10),
  organisations: z.coerce.number().int().min(1).max(500).default(50),
  members: z.coerce.number().int().min(1).max(1000).default(20),
  personas: z.coerce.number().int().min(1).max(99).default(5),
  /** Activities on the published agenda of bench-01 (the public agenda page); 0 leaves the page out. */
  activities: z.coerce.number().int().min(0).max(20_000).default(2000),
});
type Options = z.output<typeof optionsSchema>;

/** Connections autocannon's rate-limited run spreads the fixed rate over (the brief's 20). */
const RATE_CONNECTIONS = 20;
/** A paced run waits this long for answers after its last request, then gives up on the rest. */
const PACED_GRACE_S = 5;
/** Rounds of the alternating pact-home measurement (b/c), and seconds of load per side and round. */
const INTERLEAVED_ROUNDS = 7;
const INTERLEAVED_ROUND_S = 3;
const SESSION_SECRET = 'bench-session-secret-bench-session-secret';
const SECOND_FACTOR_KEY = Buffer.alloc(32, 0x3c).toString('base64');
const machineNote =
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GB. ` +
  'The load generator runs on the same box as the app (and as PostgreSQL), and the box is shared with other work: ' +
  'compare figures with each other, not with a production server.';

// ---------------------------------------------------------------------------------------------
// Clean-up: everything the bench starts is stopped and removed, also after an error or Ctrl-C.

const cleanups: Array<() => Promise<void> | void> = [];
async function cleanUp(): Promise<void> {
  await stopAllChildren();
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    try {
      await step();
    } catch (error) {
      console.error(`clean-up step failed: ${(error as Error).message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping everything the bench started …`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function adminUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------

interface Persona extends SamplePersona {
  cookie: string;
  homePath: string;
  organisationPath: string;
}

interface PageWeight {
  path: string;
  status: number;
  encoding: string;
  transferredBody: number;
  headers: number;
  uncompressed: number;
}

interface StartTimes {
  healthzMs: number;
  homeMs: number;
}

interface EngineResult {
  engine: Engine;
  label: string;
  serverVersion: string;
  data: GenerateSummary & { setupMs: number };
  personas: Array<{ pactSlug: string; role: string; homePath: string; organisationPath: string }>;
  firstStart: StartTimes;
  /** Stopping the app after the load (SIGTERM until exit), after it had settled. */
  stopAfterLoad: { settleMs: number; ms: number; killed: boolean };
  coldStart: StartTimes;
  /** The machine's 1-minute load average at the start and the end of this engine's run. */
  loadAverage: [number, number];
  idleMemoryAfterColdStart: Memory;
  pageWeight: { pages: PageWeight[]; firstVisitBytes: number; laterPageBytes: number };
  /** The public agenda page, anonymous, compressed (null when the data has no agenda). */
  agendaPage: { path: string; status: number; weight: PageWeight | null } | null;
  /**
   * The public API's first page of the same year's activities, anonymous, gzip (null when the data
   * has no agenda): its weight, how many activities the page held, and its figure at the fixed rate.
   */
  apiAgendaList: { path: string; status: number; weight: PageWeight | null; items: number | null; result: LoadResult | null } | null;
  loads: Array<{ figure: string; page: string; result: LoadResult }>;
  bare: Array<{ page: string; result: LoadResult; appRate: number; ratio: number }>;
  /**
   * The pact home's share of a bare server, measured in alternating rounds (app, bare, app, bare …)
   * with both running, so that both see the machine as it is at that moment; the median round counts.
   */
  interleaved: { page: string; rounds: Array<{ appRate: number; bareRate: number; ratio: number }>; median: number } | null;
  memoryAfterLoad: Memory;
  appErrors: { count: number; messages: Record<string, number> };
  audit: { membershipListEntries: number; organisationPage2xx: number; chainsOk: boolean; chains: number };
  goals: Goal[];
  problems: string[];
  wallMs: number;
}

function decodedLength(r: RawResponse): number {
  const encoding = String(r.headers['content-encoding'] ?? '');
  if (encoding === 'gzip') return gunzipSync(r.body).length;
  if (encoding === 'br') return brotliDecompressSync(r.body).length;
  if (encoding === 'deflate') return inflateSync(r.body).length;
  return r.body.length;
}

async function createSessions(database: Database, samples: SamplePersona[]): Promise<Persona[]> {
  const now = new Date();
  const personas: Persona[] = [];
  for (const s of samples) {
    const token = newToken();
    // Like tests/support/test-app.ts: the cookie carries the token, the database its SHA-256.
    // Both factors given, as after a real sign-in with the code.
    await sql`insert into session (id, person_id, created_at, last_seen_at, expires_at, user_agent, second_factor_at)
              values (${hashToken(token)}, ${s.personId}, ${now}, ${now}, ${new Date(now.getTime() + 6 * 3_600_000)}, 'bench', ${now})`.execute(database.db);
    personas.push({
      ...s,
      cookie: `__Host-sp_session=${token}`,
      homePath: `/p/${s.pactSlug}`,
      organisationPath: `/p/${s.pactSlug}/organisations/${s.organisationId}`,
    });
  }
  return personas;
}

function appEnv(engineEnv: Record<string, string>, port: number): Record<string, string> {
  return {
    ...engineEnv,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    JOBS: 'false',
    SESSION_SECRET,
    SECOND_FACTOR_KEY,
  };
}

async function startApp(env: Record<string, string>, origin: string, persona: Persona): Promise<{ child: Child; times: StartTimes }> {
  const spawnedAt = performance.now();
  const child = startChild(['--import', 'tsx', 'src/main.ts'], env);
  const healthzMs = await waitFor200(`${origin}/healthz`, child, spawnedAt);
  const homeMs = await waitFor200(`${origin}${persona.homePath}`, child, spawnedAt, { cookie: persona.cookie });
  return { child, times: { healthzMs, homeMs } };
}

async function measurePageWeight(origin: string, persona: Persona): Promise<EngineResult['pageWeight']> {
  const compressed = { 'accept-encoding': 'gzip, br', cookie: persona.cookie };
  const pages: PageWeight[] = [];
  for (const path of [persona.homePath, '/assets/app.css', '/assets/app.js', persona.organisationPath]) {
    const r = await getRaw(`${origin}${path}`, compressed);
    if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}, expected 200`);
    pages.push({
      path, status: r.status, encoding: String(r.headers['content-encoding'] ?? 'none'),
      transferredBody: r.body.length, headers: r.headerBytes, uncompressed: decodedLength(r),
    });
  }
  const wire = (p: PageWeight) => p.transferredBody + p.headers;
  return {
    pages,
    firstVisitBytes: wire(pages[0]!) + wire(pages[1]!) + wire(pages[2]!),
    laterPageBytes: wire(pages[3]!),
  };
}

/**
 * Captures each page as the app serves it to the load generator (no compression asked) for the bare
 * server. A required page that does not answer 200 fails the bench; an optional one (the public
 * agenda page, which may not exist yet) is left out and its path returned.
 */
async function capturePages(origin: string, requests: LoadRequest[], file: string, optional: ReadonlySet<string> = new Set()): Promise<string[]> {
  const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-request-id']);
  const pages: Record<string, { headers: Record<string, string | string[]>; bodyBase64: string }> = {};
  const missing: string[] = [];
  for (const r of requests) {
    const got = await getRaw(`${origin}${r.path}`, r.headers);
    if (got.status !== 200 && optional.has(r.path)) {
      missing.push(`${r.path} (${got.status})`);
      continue;
    }
    if (got.status !== 200) throw new Error(`GET ${r.path} answered ${got.status} while capturing pages`);
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(got.headers)) if (v !== undefined && !skip.has(k)) headers[k] = v;
    pages[r.path] = { headers, bodyBase64: got.body.toString('base64') };
  }
  writeFileSync(file, JSON.stringify(pages));
  return missing;
}

/** The public agenda page as an anonymous visitor gets it, compressed (its status when it is not 200). */
async function measureAgendaPage(origin: string, path: string): Promise<NonNullable<EngineResult['agendaPage']>> {
  const r = await getRaw(`${origin}${path}`, { 'accept-encoding': 'gzip, br' });
  if (r.status !== 200) return { path, status: r.status, weight: null };
  return {
    path, status: r.status,
    weight: { path, status: r.status, encoding: String(r.headers['content-encoding'] ?? 'none'), transferredBody: r.body.length, headers: r.headerBytes, uncompressed: decodedLength(r) },
  };
}

/** The API's activity list as a partner system gets it with `accept-encoding: gzip`, and how many activities its page holds. */
async function measureApiList(origin: string, path: string): Promise<Omit<NonNullable<EngineResult['apiAgendaList']>, 'result'>> {
  const r = await getRaw(`${origin}${path}`, { 'accept-encoding': 'gzip' });
  if (r.status !== 200) return { path, status: r.status, weight: null, items: null };
  const encoding = String(r.headers['content-encoding'] ?? '');
  const body = encoding === 'gzip' ? gunzipSync(r.body) : r.body;
  const items = (JSON.parse(body.toString('utf8')) as { items?: unknown[] }).items?.length ?? null;
  return {
    path, status: r.status, items,
    weight: { path, status: r.status, encoding: encoding || 'none', transferredBody: r.body.length, headers: r.headerBytes, uncompressed: body.length },
  };
}

async function setUpDatabase(engine: Engine, options: Options): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'sp-bench-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { env: { DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }) };
  }
  const name = `sp_bench_${randomBytes(4).toString('hex')}`;
  const server = options['postgres-url'];
  await onPostgres(adminUrl(server, 'postgres'), `create database ${name}`);
  cleanups.push(() => onPostgres(adminUrl(server, 'postgres'), `drop database if exists ${name} with (force)`));
  const url = adminUrl(server, name);
  return { env: { DATABASE_URL: url }, open: () => openDatabase({ databaseUrl: url, poolSize: 2 }) };
}

async function pause(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function benchEngine(engine: Engine, options: Options): Promise<EngineResult> {
  const wallStart = performance.now();
  const loadAverageAtStart = os.loadavg()[0]!;
  const log = (line: string) => console.log(`[${engine}] ${line}`);
  const problems: string[] = [];
  const shortS = Math.max(3, Math.round(options.duration / 2));

  // 1. A fresh database with generated data and sessions for a few members.
  const setupStart = performance.now();
  const { env: engineEnv, open } = await setUpDatabase(engine, options);
  let database = await open();
  let data: GenerateSummary;
  let personas: Persona[];
  let samePact: Persona[];
  let serverVersion: string;
  try {
    await migrate(database.pool);
    log(`generating ${options.pacts} pacts × ${options.organisations} organisations × ${options.members} members, ${options.activities} agenda activities …`);
    data = await generateBenchData(database.db, options);
    personas = await createSessions(database, data.samples.slice(0, options.personas));
    samePact = await createSessions(database, data.samePactSamples);
    // A running installation's tables have statistics and a visibility map (autovacuum on
    // PostgreSQL, the app's own analyze at start on PGlite); freshly generated ones have neither,
    // and the planner would guess one row everywhere.
    await sql`vacuum analyze`.execute(database.db);
    serverVersion = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db)).rows[0]!.v;
  } finally {
    await database.close();
  }
  const setupMs = performance.now() - setupStart;
  log(`data ready in ${formatMs(setupMs)} (generation ${formatMs(data.totalMs)}); ${data.people} people`);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = appEnv(engineEnv, port);
  const first = personas[0]!;
  const homeRequests = personas.map((p) => ({ path: p.homePath, headers: { cookie: p.cookie } }));
  const organisationRequests = personas.map((p) => ({ path: p.organisationPath, headers: { cookie: p.cookie } }));
  // The public agenda page of bench-01 at its published year, anonymous (no cookie) and, unlike the
  // small signed-in pages, compressed as every browser asks for it: at 2,000 activities its HTML is
  // well over a megabyte, and moving that uncompressed would measure the loopback and the load
  // generator rather than the app. `burst` says whether autocannon's rate-limited run (a2) is made
  // as well (not for the agenda page), `pacedOnly` that only (a) is (then there is no (b), and no (c)).
  const agendaPage = `public agenda /p/<slug>/agenda/<year> (${data.agenda?.activities ?? 0} activities, anonymous, gzip)`;
  const agendaRequests: LoadRequest[] = data.agenda ? [{ path: data.agenda.path, headers: { 'accept-encoding': 'gzip, br' } }] : [];
  // The public API's list of the same year's activities: its first page (50 activities with their
  // indicators), anonymous, with `accept-encoding: gzip` as a partner system's HTTP client sends
  // it. Measured at the fixed rate only: the goal is its p95 there.
  const apiAgendaPath = data.agenda ? `/api/v1/pacts/${data.agenda.pactSlug}/agenda-years/${data.agenda.year}/activities` : null;
  const apiAgendaPage = 'API agenda activities /api/v1/pacts/<slug>/agenda-years/<year>/activities (first page, anonymous, gzip)';
  const apiAgendaRequests: LoadRequest[] = apiAgendaPath ? [{ path: apiAgendaPath, headers: { 'accept-encoding': 'gzip' } }] : [];
  // Many members of one pact reading their organisation pages at once: every request writes an
  // audit entry to the same chain, so this shows whether audited reads in a pact queue behind
  // each other (the chain's lock).
  const samePactPage = `audited reads in one pact (organisation pages of ${samePact.length} members of ${samePact[0]?.pactSlug ?? '-'})`;
  const samePactRequests = samePact.map((p) => ({ path: p.organisationPath, headers: { cookie: p.cookie } }));
  const pageSets = [
    { page: 'pact home /p/<slug>', requests: homeRequests, burst: true, pacedOnly: false },
    { page: 'organisation page', requests: organisationRequests, burst: true, pacedOnly: false },
    ...(samePact.length > 0 ? [{ page: samePactPage, requests: samePactRequests, burst: false, pacedOnly: false }] : []),
    ...(data.agenda ? [{ page: agendaPage, requests: agendaRequests, burst: false, pacedOnly: false }] : []),
    ...(apiAgendaPath ? [{ page: apiAgendaPage, requests: apiAgendaRequests, burst: false, pacedOnly: true }] : []),
  ];

  // 2. First start, page weight, the pages for the bare server, warm-up, load.
  let app = await startApp(env, origin, first);
  const firstStart = app.times;
  log(`app started: /healthz after ${formatMs(firstStart.healthzMs)}, home page after ${formatMs(firstStart.homeMs)}`);
  const pageWeight = await measurePageWeight(origin, first);
  const pagesFile = join(mkdtempSync(join(os.tmpdir(), 'sp-bench-pages-')), 'pages.json');
  cleanups.push(() => rmSync(join(pagesFile, '..'), { recursive: true, force: true }));
  const agendaPageResult = data.agenda ? await measureAgendaPage(origin, data.agenda.path) : null;
  if (agendaPageResult && agendaPageResult.status !== 200) {
    log(`the public agenda page ${agendaPageResult.path} answered ${agendaPageResult.status}: measured anyway (its non-2xx are flagged)`);
  }
  const apiAgendaMeasured = apiAgendaPath ? await measureApiList(origin, apiAgendaPath) : null;
  if (apiAgendaMeasured && apiAgendaMeasured.status !== 200) {
    log(`the API's agenda activities ${apiAgendaMeasured.path} answered ${apiAgendaMeasured.status}: measured anyway (its non-2xx are flagged)`);
  }
  const notCaptured = await capturePages(
    origin, [...homeRequests, ...organisationRequests, ...samePactRequests, ...agendaRequests], pagesFile, new Set(agendaRequests.map((r) => r.path)),
  );
  if (notCaptured.length > 0) problems.push(`not served with 200, so left out of the bare server (c): ${notCaptured.join(', ')}`);

  log('warming up (3 s) …');
  await runAutocannon({ origin, requests: [...homeRequests, ...organisationRequests, ...agendaRequests, ...apiAgendaRequests], connections: 10, durationS: 3 });

  const loads: EngineResult['loads'] = [];
  const idle = () => settle(origin, homeRequests[0]!, 60_000);
  for (const { page, requests, burst, pacedOnly } of pageSets) {
    log(`${page}: (a) paced ${options.rate} req/s for ${options.duration} s …`);
    await idle();
    loads.push({ figure: 'a', page, result: await runPaced({ origin, requests, rate: options.rate, durationS: options.duration, maxSockets: options.connections, graceS: PACED_GRACE_S }) });
    if (pacedOnly) continue;
    if (burst) {
      log(`${page}: (a2) autocannon overallRate ${options.rate}, ${RATE_CONNECTIONS} connections, ${shortS} s …`);
      await idle();
      loads.push({ figure: 'a2', page, result: await runAutocannon({ origin, requests, connections: RATE_CONNECTIONS, durationS: shortS, overallRate: options.rate }) });
    }
    log(`${page}: (b) maximum throughput, ${options.connections} connections, ${options.duration} s …`);
    await idle();
    loads.push({ figure: 'b', page, result: await runAutocannon({ origin, requests, connections: options.connections, durationS: options.duration }) });
  }
  // 2a. The pact home against the bare server in alternating rounds, both running (the app warm
  // from the loads above): the machine's speed drifts by tens of percents within minutes, which a
  // ratio of two figures measured minutes apart would carry; alternating short rounds cancel the
  // drift, and the median round is reported.
  const barePort = await freePort();
  const bareOrigin = `http://127.0.0.1:${barePort}`;
  const bareChild = startChild(['--import', 'tsx', 'bench/bare-server.ts', pagesFile, String(barePort)], {});
  let interleaved: EngineResult['interleaved'] = null;
  try {
    await waitFor200(`${bareOrigin}${first.homePath}`, bareChild, performance.now());
    if (!homeRequests.some((r) => notCaptured.some((m) => m.startsWith(`${r.path} `)))) {
      const rounds: NonNullable<EngineResult['interleaved']>['rounds'] = [];
      for (let round = 1; round <= INTERLEAVED_ROUNDS; round++) {
        // Every other round the bare server goes first, so a trend over the rounds favours neither.
        const appFirst = round % 2 === 1;
        log(`pact home: (b/c) round ${round} of ${INTERLEAVED_ROUNDS}, ${appFirst ? 'app then bare server' : 'bare server then app'}, ${INTERLEAVED_ROUND_S} s each …`);
        const measure = async (at: string) => {
          await pause(300);
          return runAutocannon({ origin: at, requests: homeRequests, connections: options.connections, durationS: INTERLEAVED_ROUND_S });
        };
        const firstRun = await measure(appFirst ? origin : bareOrigin);
        const secondRun = await measure(appFirst ? bareOrigin : origin);
        const [appRun, bareRun] = appFirst ? [firstRun, secondRun] : [secondRun, firstRun];
        if (appRun.non2xx + appRun.errors > 0) problems.push(`(b/c) round ${round}: the app answered ${appRun.non2xx} non-2xx and ${appRun.errors} errors`);
        rounds.push({ appRate: appRun.okRate, bareRate: bareRun.okRate, ratio: appRun.okRate / bareRun.okRate });
      }
      const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
      interleaved = { page: 'pact home /p/<slug>', rounds, median: ratios[Math.floor(ratios.length / 2)]! };
    }
  } finally {
    await stopChild(bareChild);
  }
  const memoryAfterLoad = readMemory(app.child.pid);
  const appErrors = app.child.loggedErrors();
  if (appErrors.count > 0) {
    problems.push(
      `the app logged ${appErrors.count} errors under load: ` +
        Object.entries(appErrors.messages).map(([m, n]) => `${n}× "${m}"`).join('; '),
    );
  }
  // Let the app finish what abandoned requests left queued, so it can stop cleanly.
  const settleMs = await idle();
  const stopped = await stopChild(app.child, 30_000);
  log(`app stopped in ${formatMs(stopped.ms)}${stopped.killed ? ' (KILLED after 30 s)' : ''} after ${formatMs(settleMs)} to settle`);
  if (stopped.killed) problems.push('the app did not stop within 30 s and was killed: the second start includes recovery');

  // 3. Cold start on the existing data folder/database (second start).
  app = await startApp(env, origin, first);
  const coldStart = app.times;
  const idleMemoryAfterColdStart = readMemory(app.child.pid);
  log(`second start: /healthz after ${formatMs(coldStart.healthzMs)}, home page after ${formatMs(coldStart.homeMs)}`);

  const stoppedAgain = await stopChild(app.child, 30_000);
  if (stoppedAgain.killed) problems.push('the app did not stop within 30 s after the second start and was killed');

  // 4. The audit log: one `membership.list` entry per organisation page served, chains intact.
  database = await open();
  let audit: EngineResult['audit'];
  try {
    const n = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'membership.list'`.execute(database.db);
    const reports = await verifyAuditChains(database.db);
    const organisationPage2xx = loads
      .filter((l) => l.page === 'organisation page' || l.page === samePactPage)
      .reduce((sum, l) => sum + (l.result.byStatus['200'] ?? 0), 0);
    audit = {
      membershipListEntries: n.rows[0]!.n,
      // Plus the warm-up and the capture, which also read organisation pages.
      organisationPage2xx,
      chainsOk: reports.every((r) => r.ok),
      chains: reports.length,
    };
  } finally {
    await database.close();
  }
  if (!audit.chainsOk) problems.push('an audit hash chain is broken after the load');
  if (audit.membershipListEntries < audit.organisationPage2xx) {
    problems.push(`fewer audit entries (${audit.membershipListEntries}) than organisation pages served (${audit.organisationPage2xx})`);
  }

  // 5. The bare node:http server with the same bytes, measured like (b).
  const sequentialBare = startChild(['--import', 'tsx', 'bench/bare-server.ts', pagesFile, String(barePort)], {});
  const bare: EngineResult['bare'] = [];
  try {
    await waitFor200(`${bareOrigin}${first.homePath}`, sequentialBare, performance.now());
    for (const { page, requests, pacedOnly } of pageSets) {
      if (pacedOnly || requests.some((r) => notCaptured.some((m) => m.startsWith(`${r.path} `)))) continue;
      log(`${page}: (c) bare node:http server, ${options.connections} connections, ${shortS} s …`);
      await pause(500);
      const result = await runAutocannon({ origin: bareOrigin, requests, connections: options.connections, durationS: shortS });
      // Only pages actually served count: a fast 500 is not throughput.
      const appRate = loads.find((l) => l.figure === 'b' && l.page === page)!.result.okRate;
      bare.push({ page, result, appRate, ratio: appRate / result.okRate });
    }
  } finally {
    await stopChild(sequentialBare);
  }

  for (const l of [...loads, ...bare.map((b) => ({ figure: 'c', page: b.page, result: b.result }))]) {
    const r = l.result;
    if (r.non2xx > 0 || r.errors > 0) {
      problems.push(`(${l.figure}) ${l.page}: ${r.non2xx} non-2xx responses (${JSON.stringify(r.byStatus)}) and ${r.errors} errors (${r.timeouts} timeouts)`);
    }
    if (l.figure === 'a' && r.rate < 0.95 * options.rate) {
      problems.push(`(a) ${l.page}: reached ${formatRate(r.rate)} req/s, short of the ${options.rate} req/s asked`);
    }
  }

  const goals = evaluateGoals({
    engine,
    fixedRate: options.rate,
    fixedRate95: Object.fromEntries(
      loads
        .filter((l) => l.figure === 'a')
        .map((l) => [l.page, { p95: l.result.latency.p95, failed: l.result.non2xx + l.result.errors + l.result.abandoned }]),
    ),
    coldStartMs: coldStart.homeMs,
    homeShareOfBare: interleaved?.median ?? bare.find((b) => b.page === 'pact home /p/<slug>')?.ratio ?? null,
    firstVisitBytes: pageWeight.firstVisitBytes,
    laterPageBytes: pageWeight.laterPageBytes,
  });

  const pgliteVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  return {
    engine,
    label:
      engine === 'pglite'
        ? `PGlite ${pgliteVersion} (PostgreSQL ${serverVersion} in WebAssembly, inside the app process, one connection)`
        : `PostgreSQL ${serverVersion} (server on this machine, app pool of 10 connections)`,
    serverVersion,
    data: { ...data, setupMs },
    personas: personas.map((p) => ({ pactSlug: p.pactSlug, role: p.role, homePath: p.homePath, organisationPath: p.organisationPath })),
    firstStart,
    stopAfterLoad: { settleMs, ...stopped },
    coldStart,
    loadAverage: [loadAverageAtStart, os.loadavg()[0]!],
    idleMemoryAfterColdStart,
    pageWeight,
    agendaPage: agendaPageResult,
    apiAgendaList: apiAgendaMeasured
      ? { ...apiAgendaMeasured, result: loads.find((l) => l.figure === 'a' && l.page === apiAgendaPage)?.result ?? null }
      : null,
    loads,
    bare,
    interleaved,
    memoryAfterLoad,
    appErrors,
    audit,
    goals,
    problems,
    wallMs: performance.now() - wallStart,
  };
}

// ---------------------------------------------------------------------------------------------
// The report.

const figureNames: Record<string, string> = {
  a: '(a) paced',
  a2: '(a2) autocannon rate',
  b: '(b) max throughput',
  c: '(c) bare node:http',
};

function loadRow(figure: string, page: string, r: LoadResult): string[] {
  return [
    figureNames[figure] ?? figure,
    page,
    r.targetRate ? `${r.targetRate}` : 'max',
    String(r.connections),
    formatRate(r.rate),
    formatRate(r.okRate),
    formatMs(r.latency.p50),
    formatMs(r.latency.p95),
    formatMs(r.latency.p99),
    formatMs(r.latency.max),
    String(r.non2xx),
    String(r.errors),
    String(r.abandoned),
    `${r.loadAverage[0].toFixed(1)}→${r.loadAverage[1].toFixed(1)}`,
  ];
}

function report(e: EngineResult, options: Options): string {
  const lines: string[] = [];
  lines.push('', `=== ${e.label} ===`);
  lines.push(
    `Data: ${e.data.pacts} pacts × ${options.organisations} organisations × ${options.members} members: ${e.data.people} people, ` +
      `${e.data.memberships} memberships, ${e.data.teams} teams; generated in ${formatMs(e.data.totalMs)} ` +
      `(database set-up included: ${formatMs(e.data.setupMs)}).`,
  );
  if (e.data.agenda) {
    const a = e.data.agenda;
    lines.push(
      `Agenda: ${a.pactSlug} has the five pillars and a published agenda ${a.year} with ${a.activities} activities, ` +
        `${a.indicators} indicators, ${a.partners} co-partners and ${a.reviews} reviews; ${a.path} is requested without a session.`,
    );
  }
  lines.push(
    `Signed in as ${e.personas.length} professionals, one per pact (${e.personas.map((p) => p.pactSlug).join(', ')}), ` +
      'each on their own pact home and their own organisation page (which lists its members and writes an audit entry).',
  );
  lines.push('');
  lines.push(
    formatTable(
      ['figure', 'page', 'req/s asked', 'conns', 'req/s done', '2xx/s', 'p50', 'p95', 'p99', 'max', 'non-2xx', 'errors', 'unanswered', 'load avg'],
      [
        ...e.loads.map((l) => loadRow(l.figure, l.page, l.result)),
        ...e.bare.map((b) => loadRow('c', b.page, b.result)),
      ],
    ),
  );
  lines.push(
    `unanswered: paced requests still open ${PACED_GRACE_S} s after the last one was sent (they count as ∞ in the percentiles). ` +
      'load avg: the 1-minute load average of the machine before→after the run (2 cores: above 2, processes wait for CPU).',
  );
  lines.push('');
  for (const b of e.bare) {
    lines.push(
      `App / bare (2xx only), ${b.page}: ${formatRate(b.appRate)} / ${formatRate(b.result.okRate)} req/s = ${(b.ratio * 100).toFixed(1)} % ` +
        `(the full path costs ${(1 / b.ratio).toFixed(1)}× a bare server sending the same bytes).`,
    );
  }
  if (e.interleaved) {
    const rounds = e.interleaved.rounds.map((r) => `${formatRate(r.appRate)}/${formatRate(r.bareRate)} = ${(r.ratio * 100).toFixed(1)} %`).join('; ');
    lines.push(
      `App / bare in alternating rounds (both running, ${INTERLEAVED_ROUND_S} s each side), ${e.interleaved.page}: median ` +
        `${(e.interleaved.median * 100).toFixed(1)} % (rounds, app/bare req/s: ${rounds}). The goal counts this figure.`,
    );
  }
  lines.push(
    `Cold start (second start, existing data): /healthz after ${formatMs(e.coldStart.healthzMs)}, ` +
      `signed-in home page after ${formatMs(e.coldStart.homeMs)}. First start after generation: ` +
      `${formatMs(e.firstStart.healthzMs)} / ${formatMs(e.firstStart.homeMs)}. The stop before the second start took ` +
      `${formatMs(e.stopAfterLoad.ms)}${e.stopAfterLoad.killed ? ' and ended in SIGKILL' : ' (clean)'}.`,
  );
  lines.push(
    `Memory of the app process: after the load RSS ${e.memoryAfterLoad.rssMb.toFixed(0)} MB, peak (VmHWM) ` +
      `${e.memoryAfterLoad.peakRssMb.toFixed(0)} MB; idle after the second start RSS ${e.idleMemoryAfterColdStart.rssMb.toFixed(0)} MB.`,
  );
  const pw = e.pageWeight;
  lines.push(
    `Page weight (${pw.pages[0]!.encoding}; KB = 1,000 bytes; body as transferred + response headers): first visit ` +
      `${formatKb(pw.firstVisitBytes)} = ${pw.pages.slice(0, 3).map((p) => `${p.path} ${formatKb(p.transferredBody)} (+${p.headers} B headers, ${formatKb(p.uncompressed)} unpacked)`).join(' + ')}; ` +
      `later page (organisation page, HTML only) ${formatKb(pw.laterPageBytes)} (${formatKb(pw.pages[3]!.uncompressed)} unpacked).`,
  );
  if (e.agendaPage) {
    const w = e.agendaPage.weight;
    lines.push(
      w
        ? `Public agenda page ${e.agendaPage.path}: ${formatKb(w.transferredBody + w.headers)} transferred (${w.encoding}), ${formatKb(w.uncompressed)} unpacked.`
        : `Public agenda page ${e.agendaPage.path}: answered ${e.agendaPage.status}, not 200 (the page may not exist yet): its figures measure that answer, not the page.`,
    );
  }
  if (e.apiAgendaList) {
    const l = e.apiAgendaList;
    const fixed = l.result ? `p95 ${formatMs(l.result.latency.p95)} at ${formatRate(l.result.rate)} req/s done (${l.result.targetRate ?? options.rate} asked)` : 'not measured';
    lines.push(
      l.weight
        ? `API agenda activities ${l.path}: first page of ${l.items ?? '?'} activities with their indicators, ${formatKb(l.weight.transferredBody + l.weight.headers)} ` +
            `transferred (${l.weight.encoding}), ${formatKb(l.weight.uncompressed)} unpacked; ${fixed}.`
        : `API agenda activities ${l.path}: answered ${l.status}, not 200: its figures measure that answer, not the list; ${fixed}.`,
    );
  }
  lines.push(
    `Audit: ${e.audit.membershipListEntries} membership.list entries for ${e.audit.organisationPage2xx} organisation pages served under load ` +
      `(plus warm-up and checks); ${e.audit.chains} hash chains ${e.audit.chainsOk ? 'all intact' : 'NOT intact'}.`,
  );
  lines.push('');
  lines.push(formatTable(['goal', 'target', 'actual', 'result'], e.goals.map((g) => [g.name, g.target, g.actual, goalMark(g)])));
  if (e.problems.length > 0) {
    lines.push('', 'FLAGGED:');
    for (const p of e.problems) lines.push(`  ! ${p}`);
  }
  lines.push(
    `(${e.engine} run took ${formatMs(e.wallMs)}; machine load average ${e.loadAverage[0].toFixed(1)} at its start, ` +
      `${e.loadAverage[1].toFixed(1)} at its end, on ${os.cpus().length} cores)`,
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let parsed;
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: Object.fromEntries(Object.keys(optionsSchema.shape).map((k) => [k, { type: 'string' as const }])),
    });
    parsed = optionsSchema.safeParse(values);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    console.error(usage);
    return 2;
  }
  const options = parsed.data;
  const engines: Engine[] = options.engine === 'both' ? ['pglite', 'postgres'] : [options.engine];
  console.log(machineNote);
  console.log(
    `(a) is paced by the bench itself (one request every ${(1000 / options.rate).toFixed(1)} ms, latency from when it was due); ` +
      `(a2) is autocannon's overallRate, which sends each second's quota in a burst at the start of the second.`,
  );

  // The pages link public/build/app.css and app.js; `npm start` builds them first, and so does the bench.
  const built = spawnSync(process.execPath, ['scripts/build-assets.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('Building the assets (scripts/build-assets.mjs) failed.');
    return 1;
  }

  const startedAt = new Date();
  const results: EngineResult[] = [];
  const failures: Array<{ engine: Engine; error: string }> = [];
  for (const engine of engines) {
    try {
      const result = await benchEngine(engine, options);
      results.push(result);
      console.log(report(result, options));
    } catch (error) {
      failures.push({ engine, error: (error as Error).stack ?? String(error) });
      console.error(`\n[${engine}] the bench failed: ${(error as Error).stack ?? String(error)}`);
    } finally {
      await cleanUp();
    }
  }

  const dir = join(repoRoot, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `results-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim(), totalMemoryGb: os.totalmem() / 2 ** 30, node: process.version, note: machineNote },
        options,
        notes: [
          'Latencies are in milliseconds; a null percentile is infinite (paced requests left unanswered at the deadline).',
          '(a2) autocannon overallRate sends each second\'s quota as a burst at the start of the second.',
        ],
        results,
        failures,
        flagged: results.some((r) => r.problems.length > 0) || failures.length > 0,
        goalsMissed: results.flatMap((r) => r.goals.filter((g) => !g.met && !g.informational).map((g) => `${r.engine}: ${g.name}`)),
      },
      null,
      2,
    ),
  );
  console.log(`\nResults written to ${file}`);
  const missed = results.flatMap((r) => r.goals.filter((g) => !g.met && !g.informational).map((g) => `${r.engine}: ${g.name} (${g.actual}, goal ${g.target})`));
  if (missed.length > 0) console.log(`Goals MISSED: ${missed.join('; ')}`);
  if (results.some((r) => r.problems.length > 0)) console.log('This run is FLAGGED: see the problems listed above.');
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
