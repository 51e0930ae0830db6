import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('an empty environment gives the documented defaults', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 3000);
  assert.equal(c.DATA_DIR, './.data');
  assert.equal(c.DATABASE_URL, undefined);
  assert.equal(c.SEED_DEMO, true);
  assert.equal(c.COOKIE_SECURE, true);
});

test('bad configuration stops start-up with a list of everything that is wrong', () => {
  try {
    loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', NODE_ENV: 'production', SESSION_IDLE_MINUTES: '0' });
    assert.fail('expected a ConfigError');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    const fields = error.problems.map((p) => p.split(':')[0]);
    for (const f of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'SESSION_SECRET', 'SECOND_FACTOR_KEY', 'PUBLIC_URL', 'SESSION_IDLE_MINUTES']) {
      assert.ok(fields.includes(f), `${f} should be reported in ${JSON.stringify(error.problems)}`);
    }
    assert.match(error.message, /Invalid configuration/);
  }
});

test('empty strings count as unset', () => {
  assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT, 3000);
});

test('an idle timeout longer than the absolute timeout is refused', () => {
  assert.throws(() => loadConfig({ SESSION_IDLE_MINUTES: '600', SESSION_ABSOLUTE_MINUTES: '60' }), ConfigError);
});

test('the second-factor key is 32 bytes in base64 or base64url, and a wrong one is reported without its value', () => {
  const key = Buffer.alloc(32, 7);
  assert.deepEqual(loadConfig({ SECOND_FACTOR_KEY: key.toString('base64') }).SECOND_FACTOR_KEY, key);
  assert.deepEqual(loadConfig({ SECOND_FACTOR_KEY: key.toString('base64url') }).SECOND_FACTOR_KEY, key);
  for (const bad of ['short', Buffer.alloc(16).toString('base64'), Buffer.alloc(48).toString('base64'), 'é'.repeat(43)]) {
    try {
      loadConfig({ SECOND_FACTOR_KEY: bad });
      assert.fail(`expected ${bad} to be refused`);
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /SECOND_FACTOR_KEY: must be 32 random bytes/);
      assert.ok(!error.message.includes(bad));
    }
  }
});
