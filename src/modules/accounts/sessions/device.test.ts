import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDevice, sessionReference } from './device.ts';

test('common browsers and systems are recognised; anything else is unknown', () => {
  assert.deepEqual(
    describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0'),
    { browser: 'Edge', system: 'Windows' },
  );
  assert.deepEqual(describeDevice('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'), { browser: 'Firefox', system: 'Linux' });
  assert.deepEqual(
    describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'),
    { browser: 'Safari', system: 'iOS' },
  );
  assert.deepEqual(
    describeDevice('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36'),
    { browser: 'Chrome', system: 'Android' },
  );
  assert.deepEqual(describeDevice(''), { browser: null, system: null });
  assert.deepEqual(describeDevice('curl/8.5.0'), { browser: null, system: null });
});

test('a session is named by the first 16 characters of its id', () => {
  assert.equal(sessionReference('0123456789abcdef0123456789abcdef'), '0123456789abcdef');
});
