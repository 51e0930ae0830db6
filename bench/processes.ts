// Child processes of the bench (the app, the bare server): started with a known environment, polled
// until they answer, stopped by their own pid, and all stopped on the way out, also after an error
// or Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';

export const repoRoot = new URL('..', import.meta.url).pathname;

export interface Child {
  process: ChildProcess;
  pid: number;
  /** The last few kilobytes of stdout and stderr, for the error message when it dies. */
  output(): string;
  /** Error messages the app logged (pino level ≥ 50), counted, with the first few kept by message. */
  loggedErrors(): { count: number; messages: Record<string, number> };
  exited: Promise<number | null>;
}

const running = new Set<Child>();

// Variables of the shell that would change what the app connects to are never passed on.
const controlled = ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'PUBLIC_URL', 'SEED_DEMO', 'JOBS', 'LOG_LEVEL', 'SESSION_SECRET', 'SECOND_FACTOR_KEY', 'SECOND_FACTOR_PREVIOUS_KEY', 'NODE_ENV'];

export function startChild(args: string[], env: Record<string, string>): Child {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !controlled.includes(k)));
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let partial = '';
  let errorCount = 0;
  const messages: Record<string, number> = {};
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-8000);
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) < 50) continue;
        errorCount++;
        const message = `${entry.msg ?? ''}: ${entry.err?.message ?? ''}`.slice(0, 300);
        if (messages[message] !== undefined || Object.keys(messages).length < 10) messages[message] = (messages[message] ?? 0) + 1;
      } catch {
        // Not a log line.
      }
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: Child = {
    process: child, pid: child.pid!, output: () => tail, exited,
    loggedErrors: () => ({ count: errorCount, messages: { ...messages } }),
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

export interface Stopped {
  ms: number;
  /** True when it did not stop within the grace period and was killed (PGlite then recovers on the next start). */
  killed: boolean;
}

/** SIGTERM, and SIGKILL when it has not exited after `graceMs`. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<Stopped> {
  const started = performance.now();
  if (child.process.exitCode !== null || child.process.signalCode !== null) return { ms: 0, killed: false };
  let killed = false;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => {
    killed = true;
    child.process.kill('SIGKILL');
  }, graceMs);
  await child.exited;
  clearTimeout(timer);
  return { ms: performance.now() - started, killed };
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => stopChild(c, 5000)));
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Status line plus header lines as they came over the wire (approximately: reassembled). */
  headerBytes: number;
  /** The body as transferred (still compressed when it was). */
  body: Buffer;
}

/** One GET on a fresh connection; the body is not decompressed, so its length is what travelled. */
export function getRaw(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, headerBytes, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/**
 * Polls `url` until it answers 200; returns the time since `since` (performance.now()) in ms.
 * Fails when the child exits first or `timeoutMs` passes.
 */
export async function waitFor200(
  url: string,
  child: Child,
  since: number,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<number> {
  let last = '';
  while (performance.now() - since < timeoutMs) {
    if (child.process.exitCode !== null) {
      throw new Error(`The process exited (code ${child.process.exitCode}) before ${url} answered.\n${child.output()}`);
    }
    try {
      const r = await getRaw(url, headers, 5000);
      if (r.status === 200) return performance.now() - since;
      last = `status ${r.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last}).\n${child.output()}`);
}

export interface Memory {
  rssMb: number;
  peakRssMb: number;
}

/** Resident memory now (VmRSS) and at its peak (VmHWM) from /proc (Linux). */
export function readMemory(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number.parseInt(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 'NaN', 10);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** A free TCP port in 3100–3999 (the range agreed for servers started while others work on this machine). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 3100 + Math.floor(Math.random() * 900);
    const free = await new Promise<boolean>((resolve) => {
      const server = http.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('No free port found in 3100–3999');
}
