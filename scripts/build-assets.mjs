#!/usr/bin/env node
// Bundles the stylesheet (our theme + the NL Design System component CSS we use) and the small
// enhancement script into public/build. Runs before `npm start` and before the browser tests.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(`${root}public/build`, { recursive: true });
await build({
  entryPoints: { app: `${root}src/ui/assets/app.css` },
  bundle: true,
  minify: true,
  outdir: `${root}public/build`,
  logLevel: 'warning',
});
await build({
  entryPoints: { app: `${root}src/ui/assets/app.ts` },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outdir: `${root}public/build`,
  logLevel: 'warning',
});
