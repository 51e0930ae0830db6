// argon2id with the OWASP minimum parameters (m=19 MiB, t=2, p=1); @node-rs/argon2 hashes off the
// main thread, so a log-in does not stall other requests.
import { hash, verify, type Options } from '@node-rs/argon2';

// Algorithm.Argon2id is an ambient const enum (not importable as a value under verbatimModuleSyntax): 2.
const options: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const passwords = {
  hash: (plain: string) => hash(plain, options),
  verify: async (stored: string, plain: string) => {
    try {
      return await verify(stored, plain);
    } catch {
      return false;
    }
  },
};

// Verified against when no account matches, so a wrong e-mail address costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('not-a-real-password-for-timing', options);
  return dummyHash;
}
