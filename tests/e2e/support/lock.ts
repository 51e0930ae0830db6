// Both projects (js, no-js) run against one app server, possibly at the same time. A test that
// saves shared demo data holds a named lock for the part that must not interleave, e.g. reading a
// form's version and saving it (a concurrent save would rightly answer 409).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export async function exclusively<T>(name: string, work: () => Promise<T>, waitAtMostMs = 20_000): Promise<T> {
  const runDir = process.env.SP_E2E_RUN_DIR;
  if (!runDir) throw new Error('SP_E2E_RUN_DIR is not set: run the browser tests through playwright.config.ts');
  const dir = join(runDir, 'locks', name);
  const deadline = Date.now() + waitAtMostMs;
  for (;;) {
    try {
      mkdirSync(dir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) throw new Error(`Lock ${name} was not released within ${waitAtMostMs / 1000} s`);
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
