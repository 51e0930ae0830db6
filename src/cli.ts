// `npm run cli -- <command>`: operations on the configured database (DATABASE_URL, or the PGlite
// data folder, which is locked while the server runs: stop the app first).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/database.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { createBackup, postgresBackupInstructions, restoreBackup } from './platform/db/backup.ts';
import { migrate } from './platform/db/migrate.ts';
import { verifyAuditChains } from './platform/audit/audit-log.ts';
import { recordAudit } from './platform/audit/audit-log.ts';
import { systemClock } from './platform/clock.ts';
import { checkPassword, findPersonByEmail, insertPerson, passwords, totpCode } from './modules/accounts/index.ts';
import { translatorFor } from './ui/messages/index.ts';
import { demoAccounts, isDatabaseEmpty, seedDemo } from './app/seed-demo.ts';
import { secondFactorKeys } from './app/services.ts';
import { createLogger } from './platform/logger.ts';
import { describeImportProgress, describeImportResult, importNeighbourhoodsFromFile } from './modules/pact/index.ts';

const usage = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                         apply pending migrations
  create-admin --email E --name N create a system administrator; the password is read from
                                  SCHAKELPUNT_ADMIN_PASSWORD, or a strong one is generated and printed once
  seed-demo [--force]             add the demo pacts (only into an empty database unless --force)
  demo-code EMAIL                 demo mode only: print the current second-factor code of a demo account
  verify-audit                    check every audit hash chain; exits 1 and names the first broken entry
  import-neighbourhoods PACT FILE [--promote]
                                  read a CSV of neighbourhoods (code,naam) into pact PACT (its slug), show
                                  progress and the row-level report; with --promote save them when the file
                                  has no errors (all or nothing)
  backup FILE [--force]           write a backup of the PGlite data folder to FILE (stop the app first);
                                  --force replaces an existing FILE. With DATABASE_URL: prints the pg_dump command
  restore FILE [--force]          check FILE and restore it into an empty DATA_DIR, migrate, verify the audit
                                  chains; --force moves a database in DATA_DIR aside to
                                  DATA_DIR.before-restore-<time>. With DATABASE_URL: prints the pg_restore command
`;

async function withDatabase<T>(config: Config, work: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await migrate(database.pool);
    return await work(database);
  } finally {
    await database.close();
  }
}

const adminInput = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(120),
  password: z.string(),
});

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 1 });
      try {
        const applied = await migrate(database.pool);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' } } });
      const generated = !process.env.SCHAKELPUNT_ADMIN_PASSWORD;
      const password = process.env.SCHAKELPUNT_ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
      const parsed = adminInput.safeParse({ email: values.email, name: values.name, password });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`);
        return 2;
      }
      const weak = checkPassword(parsed.data.password, [parsed.data.email]);
      if (weak) {
        console.error(`SCHAKELPUNT_ADMIN_PASSWORD: ${translatorFor('en')(weak.key, 'params' in weak ? weak.params : undefined)}`);
        return 2;
      }
      return withDatabase(config, async ({ db }) => {
        const done = await db.transaction().execute(async (tx) => {
          if (await findPersonByEmail(tx, parsed.data.email)) return false;
          const id = await insertPerson(tx, {
            email: parsed.data.email,
            displayName: parsed.data.name,
            passwordHash: await passwords.hash(parsed.data.password),
            isSystemAdmin: true,
          });
          await recordAudit(tx, {
            pactId: null, actor: { personId: null, role: 'cli' }, action: 'person.create-admin', recordType: 'person',
            recordId: id, subjectPersonId: id, purpose: 'installation', occurredAt: systemClock.now(),
          });
          return true;
        });
        if (!done) {
          console.error(`There already is an account for ${parsed.data.email}.`);
          return 1;
        }
        console.log(`System administrator ${parsed.data.email} created.`);
        if (generated) console.log(`Password (shown once, change it after signing in): ${password}`);
        return 0;
      });
    }
    case 'seed-demo': {
      const { values } = parseArgs({ args: rest, options: { force: { type: 'boolean' } } });
      return withDatabase(config, async ({ db }) => {
        if (!values.force && !(await isDatabaseEmpty(db))) {
          console.error('The database is not empty; demo data is only added to an empty database (use --force to add it anyway).');
          return 1;
        }
        const hasDemo = await sql<{ n: number }>`select count(*)::int as n from pact where slug in ('lindewaard', 'hagedoorn')`.execute(db);
        if ((hasDemo.rows[0]?.n ?? 0) > 0) {
          console.error('The demo pacts are already there.');
          return 1;
        }
        const keys = secondFactorKeys(config, createLogger('warn', process.stderr));
        const accounts = (await seedDemo(db, systemClock, { secondFactorKey: keys[0]! })) ?? [];
        console.log(`Demo data added: ${accounts.length} accounts.`);
        return 0;
      });
    }
    case 'demo-code': {
      // For trying the demo without an authenticator app. The demo accounts' secrets are public
      // (derived from their addresses), so this gives nothing away; outside demo mode it refuses.
      const account = demoAccounts.find((a) => a.email === rest[0]?.trim().toLowerCase());
      if (!config.SEED_DEMO) {
        console.error('demo-code works only in demo mode (SEED_DEMO=true).');
        return 1;
      }
      if (!account?.totpSecret) {
        console.error(`Not a demo account with a second factor. Choose one of:\n${demoAccounts.filter((a) => a.totpSecret).map((a) => `  ${a.email}`).join('\n')}`);
        return 1;
      }
      console.log(totpCode(account.totpSecret, systemClock.now()));
      return 0;
    }
    case 'verify-audit': {
      return withDatabase(config, async ({ db }) => {
        const reports = await verifyAuditChains(db);
        let broken = 0;
        for (const r of reports) {
          if (r.ok) console.log(`ok      ${r.chain}  ${r.entries} entries`);
          else {
            broken++;
            console.log(`BROKEN  ${r.chain}  first broken entry: ${r.firstBroken?.seq} (${r.firstBroken?.reason})`);
          }
        }
        console.log(broken ? `${broken} of ${reports.length} chains are broken.` : `All ${reports.length} chains verified.`);
        return broken ? 1 : 0;
      });
    }
    case 'import-neighbourhoods': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { promote: { type: 'boolean' } } });
      const [pactSlug, file] = positionals;
      if (!pactSlug || !file) {
        console.error('Usage: npm run cli -- import-neighbourhoods PACT FILE [--promote]');
        return 2;
      }
      return withDatabase(config, async ({ db }) => {
        let last = '';
        const result = await importNeighbourhoodsFromFile({ db, clock: systemClock }, pactSlug, file, (progress) => {
          const line = describeImportProgress(progress);
          if (line !== last) console.log(line);
          last = line;
        }, { promote: values.promote ?? false });
        for (const line of describeImportResult(result)) console.log(line);
        return result.status === 'failed' || result.errorCount > 0 || result.promoteRefused ? 1 : 0;
      });
    }
    case 'backup':
    case 'restore': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { force: { type: 'boolean' } } });
      const [file] = positionals;
      if (!file || positionals.length > 1) {
        console.error(`Usage: npm run cli -- ${command} FILE [--force]`);
        return 2;
      }
      // PostgreSQL has its own tools for this; the CLI names them rather than running them.
      if (config.DATABASE_URL) {
        console.log(postgresBackupInstructions(command, file));
        return 2;
      }
      if (command === 'backup') {
        const backup = await createBackup({ dataDir: config.DATA_DIR, file, force: values.force ?? false, clock: systemClock });
        console.log(`Backup written to ${backup.file}`);
        console.log(`  ${(backup.archive.bytes / 1024 / 1024).toFixed(1)} MB, ${backup.migrations.length} migrations, app ${backup.appVersion}, ${backup.createdAt}`);
        console.log(`  SHA-256 ${backup.archive.sha256}`);
        return 0;
      }
      const result = await restoreBackup({ dataDir: config.DATA_DIR, file, force: values.force ?? false, clock: systemClock });
      console.log(`Checksum verified: backup of ${result.manifest.createdAt}, app ${result.manifest.appVersion}.`);
      if (result.movedAside) console.log(`The database that was in DATA_DIR is kept in ${result.movedAside}`);
      console.log(`Restored into ${result.dataDir}`);
      console.log(result.applied.length ? `Migrations applied: ${result.applied.join(', ')}` : 'The database is up to date.');
      const broken = result.chains.filter((r) => !r.ok);
      for (const r of result.chains) {
        console.log(r.ok ? `ok      ${r.chain}  ${r.entries} entries` : `BROKEN  ${r.chain}  first broken entry: ${r.firstBroken?.seq} (${r.firstBroken?.reason})`);
      }
      if (broken.length) {
        console.error(
          `\nWARNING: ${broken.length} of ${result.chains.length} audit chains in the restored database do not verify.\n` +
            'The backup was restored, but its audit log has been changed or damaged: find out why before you use it.',
        );
        return 1;
      }
      console.log(`All ${result.chains.length} audit chains verified.`);
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return command ? 0 : 2;
    default:
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Operators get the reason, not a stack trace; DEBUG=1 shows the stack.
  if (error instanceof Error && !(error instanceof ConfigError || error instanceof DataDirLockedError) && process.env.DEBUG) {
    console.error(error.stack);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exitCode = 1;
}
