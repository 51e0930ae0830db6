// After the run: drop the run's PostgreSQL database and remove its temporary folder (the PGlite
// data, the locks). Playwright calls this before it stops the app server: the drop ends the
// server's connections itself, and the folder goes only when the runner exits, after the server
// has stopped and closed its embedded database.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const runDir = process.env.SP_E2E_RUN_DIR;
  if (runDir) process.once('exit', () => rmSync(runDir, { recursive: true, force: true }));
  const databaseUrl = process.env.SP_E2E_DATABASE_URL;
  if (databaseUrl) {
    const script = new URL('./database.mjs', import.meta.url).pathname;
    const r = spawnSync(process.execPath, [script, 'drop', databaseUrl], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`Could not drop the browser-test database ${databaseUrl}: ${r.stderr || r.error}`);
  }
}
