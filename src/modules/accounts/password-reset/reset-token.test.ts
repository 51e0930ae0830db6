import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { RESET_TOKEN_MINUTES, isResetTokenUsable, looksLikeResetToken, newResetToken, resetLink, resetTokenExpiry } from './reset-token.ts';
import { newPasswordErrors } from './reset-password.ts';

const now = new Date('2026-11-23T10:00:00Z');

test('a new token is 32 random bytes in base64url, and only its SHA-256 is meant for storage', () => {
  const a = newResetToken();
  const b = newResetToken();
  assert.match(a.token, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(Buffer.from(a.token, 'base64url').length, 32);
  assert.equal(a.hash, createHash('sha256').update(a.token).digest('hex'));
  assert.notEqual(a.token, b.token);
});

test('a link works until its expiry, not at it, and never once used or for a deactivated account', () => {
  const expiresAt = resetTokenExpiry(now);
  assert.equal(expiresAt.getTime() - now.getTime(), RESET_TOKEN_MINUTES * 60_000);
  const open = { expiresAt, usedAt: null, personDeactivated: false };
  assert.equal(isResetTokenUsable(open, now), true);
  assert.equal(isResetTokenUsable(open, new Date(expiresAt.getTime() - 1)), true);
  assert.equal(isResetTokenUsable(open, expiresAt), false);
  assert.equal(isResetTokenUsable({ ...open, usedAt: now }, now), false);
  assert.equal(isResetTokenUsable({ ...open, personDeactivated: true }, now), false);
  assert.equal(isResetTokenUsable(undefined, now), false);
});

test('only a segment in the token format is looked up', () => {
  assert.equal(looksLikeResetToken(newResetToken().token), true);
  for (const bad of ['', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}=`, `${'A'.repeat(42)}/`, '../../etc/passwd']) {
    assert.equal(looksLikeResetToken(bad), false, bad);
  }
});

test('the link uses the configured public address when there is one, else the request origin', () => {
  assert.equal(resetLink('tok', 'http://localhost:3123/password/forgot?x=1'), 'http://localhost:3123/password/reset/tok');
  assert.equal(resetLink('tok', 'http://evil.example/password/forgot', 'https://schakelpunt.example/'), 'https://schakelpunt.example/password/reset/tok');
});

test('a new password follows the password rules with the e-mail address as context, and must be typed the same twice', () => {
  assert.deepEqual(newPasswordErrors('password1234', 'password1234', 'an@example.org'), { password: { key: 'password.common' } });
  assert.deepEqual(newPasswordErrors('kort', 'kort', 'an@example.org'), { password: { key: 'password.tooShort', params: { min: 12 } } });
  assert.deepEqual(newPasswordErrors('jansen2026jansen', 'jansen2026jansen', 'jansen@example.org').password?.key, 'password.context');
  assert.deepEqual(newPasswordErrors('Rode fiets bij de bakker 42', 'Rode fiets bij de bakker 43', 'an@example.org'), { passwordRepeat: { key: 'passwordReset.reset.mismatch' } });
  assert.deepEqual(newPasswordErrors('Rode fiets bij de bakker 42', 'Rode fiets bij de bakker 42', 'an@example.org'), {});
});
