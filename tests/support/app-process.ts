// The app as it runs in production: `node --import tsx src/main.ts` in a process of its own, with
// its configuration in the environment, its JSON log on stdout, and SIGTERM to stop it. For tests
// about what only shows between processes (one database shared, a data folder locked).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { configSchema } from '../../src/platform/config.ts';

const repositoryRoot = new URL('../../', import.meta.url).pathname;

/** One line of the app's pino log. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface AppProcess {
  pid: number;
  port: number;
  /** Base URL by IP address (`localhost` may resolve to ::1, where the app does not listen). */
  url: string;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines written so far (the start-up banner and other plain lines are left out). */
  logs(): LogLine[];
  /** The log lines with this message. */
  logged(msg: string): LogLine[];
  /** Settles when the process has exited and its output is read to the end. */
  exited: Promise<Exit>;
  /**
   * Resolves when GET /healthz answers 200; rejects as soon as the process exits first. The time
   * limit (default START_UP_LIMIT_MS) only guards against a start that hangs.
   */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGTERM, then waits for the exit; `timedOut` when it did not exit in time (it is then killed). */
  stop(timeoutMs?: number): Promise<Exit & { ms: number; timedOut: boolean }>;
  /** SIGKILL if still running: clean-up after a failed test. */
  kill(): void;
}

/**
 * How long a start-up may take before it counts as hung. Not an expectation of speed: a cold start
 * (tsx compiling the app, migrations, demo data) took 35 s on a busy two-core machine, so the
 * margin is wide. Tests wait for /healthz, so a fast start is not slowed down by it.
 */
export const START_UP_LIMIT_MS = 120_000;

/** `count` different ports that were free a moment ago (each listened on port 0 at the same time). */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      servers.push(server);
    }
    return servers.map((s) => {
      const address = s.address();
      if (!address || typeof address === 'string') throw new Error('No port');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

/**
 * Starts `src/main.ts` on `port` with `env` as its whole configuration: configuration variables
 * of the test run's own environment (DATABASE_URL, PORT, …) are not passed on.
 */
export function spawnApp(port: number, env: Record<string, string>): AppProcess {
  const inherited = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete inherited[key];
  // Set by `node --test` for its own children; the app is not one.
  delete inherited.NODE_TEST_CONTEXT;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repositoryRoot,
    env: { ...inherited, HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('The app process did not start');
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  let running = true;
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${port}`;

  function logs(): LogLine[] {
    const lines: LogLine[] = [];
    for (const line of out.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        const parsed = JSON.parse(line) as unknown;
        if (parsed && typeof parsed === 'object' && typeof (parsed as LogLine).msg === 'string') lines.push(parsed as LogLine);
      } catch {
        // A line still being written.
      }
    }
    return lines;
  }

  return {
    pid: child.pid,
    port,
    url,
    stdout: () => out,
    stderr: () => err,
    logs,
    logged: (msg) => logs().filter((l) => l.msg === msg),
    exited,
    async ready(timeoutMs = START_UP_LIMIT_MS) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!running) {
          const exit = await exited;
          throw new Error(`The app exited (code ${exit.code}, signal ${exit.signal}) before it was ready.\nstdout:\n${out}\nstderr:\n${err}`);
        }
        try {
          const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
          if (response.status === 200) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(`The app did not answer /healthz within ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`);
    },
    async stop(timeoutMs = 10_000) {
      const started = Date.now();
      if (running) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        child.kill('SIGKILL');
        return { ...(await exited), ms: Date.now() - started, timedOut: true };
      }
      return { ...outcome, ms: Date.now() - started, timedOut: false };
    },
    kill() {
      if (running) child.kill('SIGKILL');
    },
  };
}
