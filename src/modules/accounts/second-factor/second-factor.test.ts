import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  acceptedStep, afterCodeFailure, demoTotpSecret, groupedSecret, hashRecoveryCode, MAX_CODE_FAILURES, newRecoveryCodes,
  newTotpSecret, normaliseCode, provisioningUri, recoveryCodePattern, secondFactorState, totpCode,
} from './second-factor.ts';

const now = new Date('2026-11-23T10:00:15Z');

test('who must give a second factor, and when it is done', () => {
  assert.equal(secondFactorState({ verifiedAt: now, enrolled: true, required: true }), 'verified');
  assert.equal(secondFactorState({ verifiedAt: null, enrolled: true, required: false }), 'verify');
  assert.equal(secondFactorState({ verifiedAt: null, enrolled: false, required: true }), 'enrol');
  assert.equal(secondFactorState({ verifiedAt: null, enrolled: false, required: false }), 'not-needed');
});

test('the RFC 6238 test vector (SHA-1, 30 s, T = 59 s) gives 287082', () => {
  // RFC 6238 appendix B: the ASCII secret "12345678901234567890", 8 digits 94287082; 6 digits are the last six.
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  assert.equal(totpCode(secret, new Date(59_000)), '287082');
});

test('a current code is accepted once, a neighbouring step too, an old or reused one not', () => {
  const secret = newTotpSecret();
  const code = totpCode(secret, now);
  const step = acceptedStep(secret, code, now, null);
  assert.equal(step, Math.floor(now.getTime() / 30_000));
  assert.equal(acceptedStep(secret, code, now, step), null, 'the same code twice');
  assert.notEqual(acceptedStep(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null), null, 'a phone 30 s behind');
  assert.equal(acceptedStep(secret, totpCode(secret, new Date(now.getTime() - 120_000)), now, null), null, 'two minutes old');
  assert.equal(acceptedStep(secret, 'abcdef', now, null), null);
  assert.equal(acceptedStep(secret, '1234567', now, null), null);
});

test('wrong codes are refused (property: a code for another secret almost never fits)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      const code = String(n).padStart(6, '0');
      const step = acceptedStep(secret, code, now, null);
      const valid = [-1, 0, 1].map((d) => totpCode(secret, new Date(now.getTime() + d * 30_000)));
      assert.equal(step !== null, valid.includes(code));
    }),
    { numRuns: 300 },
  );
});

test('recovery codes are ten distinct xxxxx-xxxxx codes; typing them loosely still matches', () => {
  const codes = newRecoveryCodes();
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  for (const code of codes) {
    assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
    assert.match(normaliseCode(code), recoveryCodePattern);
    assert.equal(hashRecoveryCode(` ${code.toUpperCase().replace('-', ' ')} `), hashRecoveryCode(code));
  }
});

test('five wrong codes lock the second factor for the lock-out time', () => {
  let state = { failures: 0, lockedUntil: null as Date | null };
  for (let i = 1; i < MAX_CODE_FAILURES; i++) {
    state = afterCodeFailure(state.failures, now, 15);
    assert.equal(state.lockedUntil, null);
  }
  state = afterCodeFailure(state.failures, now, 15);
  assert.deepEqual(state.lockedUntil, new Date(now.getTime() + 15 * 60_000));
});

test('the otpauth address names the issuer and the account; the secret is shown in groups of four', () => {
  const uri = provisioningUri('JBSWY3DPEHPK3PXP', 'piet@example.org');
  assert.match(uri, /^otpauth:\/\/totp\/Schakelpunt:piet%40example\.org\?/);
  assert.match(uri, /secret=JBSWY3DPEHPK3PXP/);
  assert.match(uri, /issuer=Schakelpunt/);
  assert.equal(groupedSecret('JBSWY3DPEHPK3PXP'), 'JBSW Y3DP EHPK 3PXP');
});

test('demo secrets are fixed per address and differ between addresses', () => {
  assert.equal(demoTotpSecret('a@example.org'), demoTotpSecret('a@example.org'));
  assert.notEqual(demoTotpSecret('a@example.org'), demoTotpSecret('b@example.org'));
  assert.match(demoTotpSecret('a@example.org'), /^[A-Z2-7]{32}$/);
});
