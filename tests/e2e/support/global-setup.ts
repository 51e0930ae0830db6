// Before the run: a real SMTP server for the app's mail (SMTP_URL in playwright.config.ts points
// at it). Each message it accepts is written to <run dir>/mail as a file, where the journeys read
// it as a mailbox (support/mailbox.ts). The server lives in the runner process for the whole run.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSmtpServer } from '../../support/smtp.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const runDir = process.env.SP_E2E_RUN_DIR;
  const port = Number(process.env.SP_E2E_SMTP_PORT);
  if (!runDir || !port) throw new Error('SP_E2E_RUN_DIR and SP_E2E_SMTP_PORT are set by playwright.config.ts');
  const mailDir = join(runDir, 'mail');
  mkdirSync(mailDir, { recursive: true });
  let count = 0;
  const server = await startSmtpServer({
    port,
    onMessage: (message) => {
      count += 1;
      // Numbered in arrival order; written whole, then renamed, so a reader never sees half a file.
      const name = `${String(count).padStart(6, '0')}.eml`;
      writeFileSync(join(mailDir, `${name}.part`), message.raw);
      renameSync(join(mailDir, `${name}.part`), join(mailDir, name));
    },
  });
  return () => server.close();
}
