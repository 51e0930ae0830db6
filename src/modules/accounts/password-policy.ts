// Password rules after NIST SP 800-63B §3.1.1.2: a minimum length, a generous maximum, any
// character (spaces and emoji too), NO composition rules and no forced periodic change — but a
// check against passwords known to be common or breached, repetitive or sequential strings, and
// words from the context (the service, the person's own e-mail address). Pure: no I/O.
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  | { key: 'password.tooShort'; params: { min: number } }
  | { key: 'password.tooLong'; params: { max: number } }
  | { key: 'password.common' }
  | { key: 'password.repetitive' }
  | { key: 'password.context' };

// About 49,000 common passwords (the list zxcvbn uses), lower-cased once.
const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

const contextWords = ['schakelpunt', 'wachtwoord', 'password', 'welkom', 'welcome', 'armoede', 'lindewaard'];

function length(password: string): number {
  return [...password.normalize('NFC')].length;
}

function isRepetitiveOrSequential(password: string): boolean {
  const chars = [...password.toLowerCase()];
  if (new Set(chars).size <= 2) return true;
  // A run of one step (abcd…, 1234…, 9876…) over the whole password.
  const codes = chars.map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step)) return true;
  // The same short block repeated: "abcabcabcabc", "qwertyqwerty".
  for (let size = 1; size <= chars.length / 2; size++) {
    if (chars.length % size !== 0) continue;
    const block = chars.slice(0, size).join('');
    if (block.repeat(chars.length / size) === chars.join('')) return true;
  }
  return false;
}

/** What is wrong with a new password, or null when it may be used. `context` holds words tied to the account (its e-mail address). */
export function checkPassword(password: string, context: string[] = []): PasswordProblem | null {
  const n = length(password);
  if (n < PASSWORD_MIN_LENGTH) return { key: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH } };
  if (n > PASSWORD_MAX_LENGTH) return { key: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH } };
  const lower = password.normalize('NFC').toLowerCase();
  // Common passwords, also with the digits and signs people tack on at the end ("welkom2026!").
  const stem = lower.replace(/[\d\W_]+$/u, '');
  if (common.has(lower) || (stem.length >= 4 && common.has(stem))) return { key: 'password.common' };
  if (isRepetitiveOrSequential(password)) return { key: 'password.repetitive' };
  const words = [...contextWords, ...context.flatMap((c) => c.toLowerCase().split(/[@.+_-]+/)).filter((w) => w.length >= 4)];
  const bare = lower.replace(/[\d\W_]+/gu, '');
  if (words.some((w) => bare === w || bare === w + w)) return { key: 'password.context' };
  return null;
}
