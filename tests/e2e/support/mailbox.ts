// The mailbox of the browser tests: messages the app delivered over SMTP to the test server
// (support/global-setup.ts), read from the run folder the way a mail program would show them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseMessage } from '../../support/smtp.ts';

export interface DeliveredMail {
  to: string;
  subject: string;
  text: string;
}

function delivered(): DeliveredMail[] {
  const dir = join(process.env.SP_E2E_RUN_DIR!, 'mail');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseMessage(readFileSync(join(dir, name), 'utf8')));
}

/** Subjects are RFC 2047 encoded when they hold more than ASCII: decoded here, UTF-8 B and Q forms. */
function decodeSubject(subject: string): string {
  return subject.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_all, kind: string, text: string) =>
    kind.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

/**
 * Waits (mail is sent just after the request that queued it) for the newest message to `to` whose
 * subject matches, that arrived after `after` messages to that address, and returns the first link
 * in it whose path starts with `pathPrefix`.
 */
export async function linkFromMailbox(options: { to: string; subject: string | RegExp; pathPrefix: string; after?: number }): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mine = delivered().filter((m) => m.to.includes(options.to));
    const matching = mine.slice(options.after ?? 0).filter((m) => {
      const subject = decodeSubject(m.subject);
      return typeof options.subject === 'string' ? subject === options.subject : options.subject.test(subject);
    });
    const newest = matching.at(-1);
    if (newest) {
      const link = [...newest.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]).find((href) => new URL(href).pathname.startsWith(options.pathPrefix));
      if (!link) throw new Error(`No link to ${options.pathPrefix}… in the mail to ${options.to}:\n${newest.text}`);
      return link;
    }
    if (Date.now() > deadline) {
      throw new Error(`No mail to ${options.to} with subject ${String(options.subject)} within 30 s (mail to them: ${mine.map((m) => decodeSubject(m.subject)).join(' | ') || 'none'})`);
    }
    await sleep(250);
  }
}

/** How many messages have been delivered to `to` so far (to wait for the next one). */
export function mailCount(to: string): number {
  return delivered().filter((m) => m.to.includes(to)).length;
}
