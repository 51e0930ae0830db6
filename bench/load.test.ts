import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runPaced } from './load.ts';

// A server whose answers on /slow start at once but whose bodies take 20 s: the paced client must
// give up on them at its deadline instead of waiting for the body forever.
describe('the paced client', () => {
  const body = Buffer.alloc(200_000, 'x');
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    if (req.url === '/fast') {
      res.end('ok');
      return;
    }
    res.writeHead(200, { 'content-length': body.length });
    res.write(body.subarray(0, 1000));
    const timer = setTimeout(() => res.end(body.subarray(1000)), 20_000);
    timers.add(timer);
  });
  let origin = '';
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    for (const t of timers) clearTimeout(t);
    server.closeAllConnections();
    server.close();
  });

  it('counts every answer at the asked rate', async () => {
    const r = await runPaced({ origin, requests: [{ path: '/fast', headers: {} }], rate: 100, durationS: 1, maxSockets: 10, graceS: 1 });
    assert.equal(r.completed, 100);
    assert.equal(r.byStatus['200'], 100);
    assert.equal(r.abandoned + r.errors, 0);
  });

  it('abandons answers whose body is still arriving at the deadline, and counts them as infinitely slow', async () => {
    const started = performance.now();
    const r = await runPaced({ origin, requests: [{ path: '/slow', headers: {} }], rate: 20, durationS: 1, maxSockets: 10, graceS: 1 });
    assert.ok(performance.now() - started < 5000, 'the run ended soon after its deadline');
    assert.equal(r.abandoned, 20);
    assert.equal(r.latency.p50, Number.POSITIVE_INFINITY);
  });
});
