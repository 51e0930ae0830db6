// The two ways the bench loads a server:
// - `runAutocannon`: closed loop, N connections each sending the next request as soon as the
//   previous answer is in (maximum throughput), or autocannon's own rate limit (`overallRate`).
// - `runPaced`: open loop at a fixed rate, requests spaced evenly (every 5 ms at 200 req/s).
//   Autocannon's `overallRate` does not pace: every connection sends its whole quota for the second
//   at the start of that second (measured: 200 req/s arrive as one burst in the first ~50 ms of each
//   second, then nothing), so its latencies describe bursts of 20 concurrent requests, not a steady
//   200 req/s. The paced client measures each latency from the moment the request was due, so a
//   slow server cannot hide its queueing (no coordinated omission).
import http from 'node:http';
import os from 'node:os';
import autocannon from 'autocannon';
import { StatusCounter, summariseLatencies, type LatencySummary } from './lib.ts';

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
}

export interface LoadResult {
  method: string;
  connections: number;
  durationS: number;
  targetRate: number | null;
  completed: number;
  /** Completed responses per second of the run, whatever their status. */
  rate: number;
  /** 2xx responses per second: pages actually served. */
  okRate: number;
  latency: LatencySummary;
  byStatus: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Paced runs only: requests still unanswered at the deadline; they count as infinitely slow in the percentiles. */
  abandoned: number;
  /** The machine's 1-minute load average before and after the run (2 cores: above 2 means waiting for CPU). */
  loadAverage: [number, number];
}

export async function runAutocannon(options: {
  origin: string;
  requests: LoadRequest[];
  connections: number;
  durationS: number;
  overallRate?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new StatusCounter();
  const loadBefore = os.loadavg()[0]!;
  const instance = autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    requests: options.requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers })),
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statuses.add(status);
  });
  const result = await instance;
  return {
    method: options.overallRate ? `autocannon overallRate ${options.overallRate}` : 'autocannon closed loop',
    connections: options.connections,
    durationS: result.duration,
    targetRate: options.overallRate ?? null,
    completed: latencies.length,
    rate: latencies.length / result.duration,
    okRate: statuses.ok / result.duration,
    latency: summariseLatencies(latencies),
    byStatus: statuses.byStatus,
    non2xx: statuses.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    abandoned: 0,
    loadAverage: [loadBefore, os.loadavg()[0]!],
  };
}

export async function runPaced(options: {
  origin: string;
  requests: LoadRequest[];
  rate: number;
  durationS: number;
  /** Most connections open at once; requests beyond wait in the client and that wait counts. */
  maxSockets: number;
  /** After the last request was sent, how long answers are awaited before the rest is abandoned. */
  graceS: number;
}): Promise<LoadResult> {
  const origin = new URL(options.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.durationS);
  const latencies: number[] = [];
  const statuses = new StatusCounter();
  const loadBefore = os.loadavg()[0]!;
  let errors = 0;
  let timeouts = 0;
  let abandoned = 0;
  let abandoning = false;
  let lastEnd = 0;
  const open = new Set<http.ClientRequest>();
  const pending: Array<Promise<void>> = [];

  // Every request settles exactly once: with its answer, or as an error (abandoned when the run
  // gave up on it). A request destroyed while its answer was still arriving fails on the response,
  // not on the request, and one destroyed before it had a socket may only close: all end here.
  const fire = (index: number, due: number) =>
    new Promise<void>((resolve) => {
      const r = options.requests[index % options.requests.length]!;
      let settled = false;
      const fail = () => {
        if (settled) return;
        settled = true;
        open.delete(req);
        if (abandoning) {
          abandoned++;
          latencies.push(Number.POSITIVE_INFINITY);
        } else {
          errors++;
        }
        resolve();
      };
      const req = http.get(
        { host: origin.hostname, port: origin.port, path: r.path, headers: r.headers, agent, timeout: 10_000 },
        (res) => {
          res.on('data', () => undefined);
          res.on('error', fail);
          res.on('aborted', fail);
          res.on('end', () => {
            if (settled) return;
            settled = true;
            open.delete(req);
            lastEnd = performance.now();
            latencies.push(lastEnd - due);
            statuses.add(res.statusCode ?? 0);
            resolve();
          });
        },
      );
      open.add(req);
      req.on('timeout', () => {
        timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', fail);
      // 'close' comes after 'end' of a complete answer (then this does nothing).
      req.on('close', () => setImmediate(fail));
    });

  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    while (sent < total && start + sent * interval <= now) {
      pending.push(fire(sent, start + sent * interval));
      sent++;
    }
    const wait = start + sent * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  let deadline: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(pending),
    new Promise<void>((resolve) => {
      deadline = setTimeout(resolve, options.graceS * 1000);
    }),
  ]);
  clearTimeout(deadline);
  if (open.size > 0) {
    abandoning = true;
    for (const req of open) req.destroy();
    await Promise.all(pending);
  }
  agent.destroy();
  const completed = latencies.length - abandoned;
  const durationS = ((lastEnd || performance.now()) - start) / 1000;
  return {
    method: `paced ${options.rate} req/s`,
    connections: options.maxSockets,
    durationS,
    targetRate: options.rate,
    completed,
    rate: completed / durationS,
    okRate: statuses.ok / durationS,
    latency: summariseLatencies(latencies),
    byStatus: statuses.byStatus,
    non2xx: statuses.non2xx,
    errors,
    timeouts,
    abandoned,
    loadAverage: [loadBefore, os.loadavg()[0]!],
  };
}

/**
 * Waits until the server is idle again: requests abandoned by a paced run are still being worked
 * off inside the app (it does not notice the client left), and would slow the next measurement.
 */
export async function settle(origin: string, request: LoadRequest, limitMs = 30_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    const t = performance.now();
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${origin}${request.path}`, { headers: request.headers, agent: false, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    });
    if (ok && performance.now() - t < 250) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return performance.now() - started;
}
