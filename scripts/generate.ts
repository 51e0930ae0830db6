// `npm run generate -- --pacts 10 --organisations 50 --members 20`: writes synthetic bench pacts
// (scripts/generate-lib.ts) into the configured database: DATABASE_URL, or the PGlite data folder
// in DATA_DIR (stop the app first: the folder is locked while it runs).
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { DataDirLockedError } from '../src/platform/db/data-dir-lock.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { BENCH_AGENDA_YEAR, BENCH_PASSWORD, BenchDataExistsError, generateBenchData, generateLimits } from './generate-lib.ts';

const usage = `Usage: npm run generate -- [--pacts 10] [--organisations 50] [--members 20] [--activities 2000] [--seed 2026]

Writes pacts bench-01, bench-02, … into the configured database (DATABASE_URL, or DATA_DIR for PGlite).
  --pacts N          number of pacts (1–${generateLimits.pacts})
  --organisations N  organisations per pact (1–${generateLimits.organisations}); the first is the municipality
  --members N        members per organisation (1–${generateLimits.members}); each pact also gets a coordinator
                     and two policy readers
  --activities N     activities on the published agenda ${BENCH_AGENDA_YEAR} of the first pact (0–${generateLimits.activities}),
                     spread over its organisations and the five pillars, half of them reviewed; 0 for no agenda
  --seed N           seed for the names (same seed, same names)
  --households N     not available yet (households arrive with the households module)
Refuses when the database already holds bench pacts: use a new data folder or database.`;

const count = (max: number) => z.coerce.number().int().min(1).max(max);
const argsSchema = z.object({
  pacts: count(generateLimits.pacts).default(10),
  organisations: count(generateLimits.organisations).default(50),
  members: count(generateLimits.members).default(20),
  activities: z.coerce.number().int().min(0).max(generateLimits.activities).default(2000),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(2026),
});

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        pacts: { type: 'string' }, organisations: { type: 'string' }, members: { type: 'string' },
        seed: { type: 'string' }, activities: { type: 'string' }, households: { type: 'string' }, help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (values.households !== undefined) {
    console.error('--households is not available yet: households arrive with the households module.');
    return 2;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    return 2;
  }
  const options = parsed.data;
  const config = loadConfig();
  const where = config.DATABASE_URL ? `PostgreSQL (${new URL(config.DATABASE_URL).pathname.slice(1) || 'default database'})` : `PGlite in ${config.DATA_DIR}`;
  console.log(`Generating ${options.pacts} pacts × ${options.organisations} organisations × ${options.members} members into ${where} …`);

  const started = performance.now();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
  try {
    await migrate(database.pool);
    const summary = await generateBenchData(database.db, options, (line) => console.log(`  ${line}`));
    const roles = Object.entries(summary.byRole).map(([role, n]) => `${role} ${n}`).join(', ');
    const kinds = Object.entries(summary.byKind).map(([kind, n]) => `${kind} ${n}`).join(', ');
    console.log(`
Generated ${summary.pacts} pacts, ${summary.organisations} organisations, ${summary.teams} teams,
${summary.neighbourhoods} neighbourhoods, ${summary.people} people, ${summary.memberships} memberships.
${summary.agenda ? `Agenda ${summary.agenda.year} of ${summary.agenda.pactSlug} (published, ${summary.agenda.path}): ${summary.agenda.activities} activities, ${summary.agenda.indicators} indicators, ${summary.agenda.partners} co-partners, ${summary.agenda.reviews} reviews.` : 'No agenda (--activities 0).'}
  roles: ${roles}
  kinds: ${kinds}
Took ${(summary.totalMs / 1000).toFixed(2)} s (of which ${Math.round(summary.hashMs)} ms for the one password hash);
${((performance.now() - started) / 1000).toFixed(2)} s including opening and migrating the database.

Every generated person's password: ${BENCH_PASSWORD}
Coordinators, e.g.: ${summary.coordinators.slice(0, 3).map((c) => `${c.email} (/p/${c.pactSlug})`).join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof BenchDataExistsError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
