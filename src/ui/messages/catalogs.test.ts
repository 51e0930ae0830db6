// Every catalog has every key of the Dutch source, no extra keys, no empty texts, the same
// placeholders; and every message key the code uses exists.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
// Every module's catalog joins the core catalog when the modules are composed.
import '../../app/modules.ts';
import { catalogs } from './index.ts';

const nl = catalogs.nl as Record<string, string>;

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const [locale, catalog] of Object.entries(catalogs)) {
  test(`the ${locale} catalog has exactly the keys of the Dutch catalog, each with text and the same placeholders`, () => {
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(nl).sort());
    for (const [key, text] of Object.entries(catalog)) {
      assert.ok(text.trim().length > 0, `${locale}:${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(nl[key]!), `${locale}:${key} placeholders`);
    }
  });
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !full.includes(`${join('ui', 'messages')}`)) out.push(full);
  }
  return out;
}

test('every literal message key used in the code exists in the catalog', () => {
  const root = new URL('../../', import.meta.url).pathname;
  const used = new Set<string>();
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(m[1]!);
    for (const m of text.matchAll(/\b(?:label|formError|flash|description|key|messageKey|message)[:=]\s*\{?\s*'([a-z]+\.[\w.-]+)'/g)) used.add(m[1]!);
  }
  assert.ok(used.size > 20, `expected to find message keys in the source, found ${used.size}`);
  const missing = [...used].filter((k) => !(k in nl));
  assert.deepEqual(missing, []);
});
