import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { open, seal, SealedValueError, sealingKey } from './sealed-box.ts';

const key = sealingKey(randomBytes(32));
const otherKey = sealingKey(randomBytes(32));

test('a sealed value opens with its key and context', () => {
  const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'person-1');
  assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/);
  assert.equal(open([otherKey, key], sealed, 'person-1'), 'JBSWY3DPEHPK3PXP');
});

test('sealing twice gives different values (a fresh nonce each time)', () => {
  assert.notEqual(seal(key, 'same', 'c'), seal(key, 'same', 'c'));
});

test('another key, another context, an altered value or an unknown format are refused', () => {
  const sealed = seal(key, 'secret', 'person-1');
  assert.throws(() => open([otherKey], sealed, 'person-1'), SealedValueError);
  assert.throws(() => open([key], sealed, 'person-2'), SealedValueError);
  const parts = sealed.split('.');
  const flipped = Buffer.from(parts[4]!, 'base64url');
  flipped[0] = flipped[0]! ^ 1;
  parts[4] = flipped.toString('base64url');
  assert.throws(() => open([key], parts.join('.'), 'person-1'), SealedValueError);
  assert.throws(() => open([key], 'plain text', 'person-1'), SealedValueError);
});

test('a key must have 32 bytes', () => {
  assert.throws(() => sealingKey(randomBytes(16)), /32 bytes/);
});
