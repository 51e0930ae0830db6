import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.ts';

test('long, uncommon passwords are accepted, whatever characters they use (no composition rules)', () => {
  for (const ok of ['koffie bij de buren om acht', 'correcthorsebatterystaple', 'Ik fiets naar Zwolle 🚲', 'tulpen-in-de-regen', 'ÅÄÖ åäö ÆØ æø ß']) {
    assert.equal(checkPassword(ok), null, ok);
  }
});

test('too short and too long are refused with the limit in the message', () => {
  assert.equal('kqzwtxvbnmp'.length, PASSWORD_MIN_LENGTH - 1);
  assert.deepEqual(checkPassword('kqzwtxvbnmp'), { key: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH } });
  assert.deepEqual(checkPassword('horse-'.repeat(30)), { key: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH } });
});

test('length counts characters, not bytes: twelve emoji are twelve characters', () => {
  assert.equal(checkPassword('🚲🌷🧀🚲🌷🧀🐄🌧🏠🚲🌷🧀'), null);
});

test('common passwords are refused, also with digits or signs added at the end', () => {
  for (const bad of ['password1234', 'qwertyuiop12', 'iloveyou1234', 'Welkom2026!!!!!!']) {
    assert.deepEqual(checkPassword(bad), { key: 'password.common' }, bad);
  }
});

test('repetitive and sequential passwords are refused', () => {
  for (const bad of ['aaaaaaaaaaaa', 'abababababab', 'abcdefghijklm', '123456789012', 'zyxwvutsrqpo', 'hondhondhondhond']) {
    const problem = checkPassword(bad);
    assert.ok(problem && (problem.key === 'password.repetitive' || problem.key === 'password.common'), `${bad}: ${JSON.stringify(problem)}`);
  }
});

test('words from the context (the service, the own e-mail address) are refused', () => {
  assert.deepEqual(checkPassword('Schakelpunt2026!', []), { key: 'password.context' });
  assert.deepEqual(checkPassword('hendriksen-hendriksen-7', ['joost.hendriksen@welzijn.example']), { key: 'password.context' });
  assert.equal(checkPassword('joost fietst graag', ['joost@welzijn.example']), null);
});
