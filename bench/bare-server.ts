// The yardstick: a bare node:http server that answers with bytes the app produced earlier (body and
// the same response headers), held in memory. What the app costs on top of this is the price of
// the session, policy, row-level-security transaction, audit and rendering.
// Usage (by bench/run.ts): node --import tsx bench/bare-server.ts <pages.json> <port>
import { readFileSync } from 'node:fs';
import http from 'node:http';

interface Page {
  headers: Record<string, string>;
  bodyBase64: string;
}

const [file, portArg] = process.argv.slice(2);
const pages = new Map(
  Object.entries(JSON.parse(readFileSync(file!, 'utf8')) as Record<string, Page>).map(([path, p]) => [
    path,
    { headers: p.headers, body: Buffer.from(p.bodyBase64, 'base64') },
  ]),
);

const server = http.createServer((req, res) => {
  const page = pages.get(req.url ?? '');
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { ...page.headers, 'content-length': page.body.length });
  res.end(page.body);
});
server.listen(Number(portArg), '127.0.0.1', () => console.log('ready'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
