// A real SMTP server for tests (smtp-server, started in the test process), and a minimal reader
// for the messages it receives: the database tests of the mail queue and the browser tests read
// mail the way a mailbox would, never through a mock of the sender.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

// ---- a real SMTP server ---------------------------------------------------------------------

export interface Received {
  envelopeTo: string[];
  raw: string;
}

export interface TestSmtpServer {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

export async function startSmtpServer(options: {
  /** Refuse the message after reading it (a 4xx by default, as a full mailbox would). */
  refuseData?: () => Error | null;
  refuseRecipient?: (address: string) => Error | null;
  delayMs?: number;
  /** A fixed port (the browser tests name it in the app's SMTP_URL before the server starts). */
  port?: number;
  /** Called for every message accepted. */
  onMessage?: (message: Received) => void;
} = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      callback(options.refuseRecipient?.(address.address) ?? null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        setTimeout(() => {
          const refusal = options.refuseData?.() ?? null;
          if (!refusal) {
            const message = { envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') };
            received.push(message);
            options.onMessage?.(message);
          }
          callback(refusal);
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- reading a raw message, minimally -------------------------------------------------------

export function headersOf(part: string): Map<string, string> {
  const head = part.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return headers;
}

function bodyOf(part: string): string {
  return part.slice(part.search(/\r?\n\r?\n/)).replace(/^\r?\n\r?\n/, '');
}

function decode(body: string, encoding: string | undefined): string {
  if (encoding?.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding?.toLowerCase() !== 'quoted-printable') return body;
  const text = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** To, Subject, Message-ID, and the text/plain and text/html parts of a multipart/alternative message. */
export function parseMessage(raw: string): { to: string; subject: string; messageId: string; text: string; html: string | null } {
  const headers = headersOf(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  const parts = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  const find = (type: string) => {
    const part = parts.find((p) => (headersOf(p.replace(/^\r?\n/, '')).get('content-type') ?? '').startsWith(type));
    if (!part) return null;
    const trimmed = part.replace(/^\r?\n/, '');
    return decode(bodyOf(trimmed), headersOf(trimmed).get('content-transfer-encoding')).replace(/\r\n/g, '\n').replace(/\n$/, '');
  };
  return {
    to: headers.get('to') ?? '',
    subject: headers.get('subject') ?? '',
    messageId: headers.get('message-id') ?? '',
    text: find('text/plain') ?? '',
    html: find('text/html'),
  };
}

