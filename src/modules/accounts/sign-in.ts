/**
 * Signs a person in with e-mail and password: a new session (rotated: any old one ends), audit-logged.
 * Refuses without saying whether the account exists, and refuses every attempt — the right password
 * too — while the typed e-mail address or the network address is locked after repeated failures.
 */
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Services } from '../../access/route.ts';
import { dummyPasswordHash } from './passwords.ts';
import { findPersonByEmail } from './person-queries.ts';
import { deleteSession, insertSession } from './session-queries.ts';
import { hashToken, newToken } from './session.ts';
import { afterFailure, lockedUntil, throttleKey, type FailureCounter, type ThrottleKind } from './sign-in-throttle.ts';
import { clearFailureCounter, readFailureCounter, writeFailureCounter } from './sign-in-throttle-queries.ts';

export type SignInOutcome =
  | { ok: true; token: string; personId: string; locale: 'nl' | 'en' }
  | { ok: false; reason: 'invalid-credentials' }
  | { ok: false; reason: 'locked'; until: Date };

export async function signIn(
  tx: Executor,
  services: Pick<Services, 'clock' | 'passwords' | 'session' | 'signIn'>,
  input: { email: string; password: string; address: string | null; previousSessionId: string | null; userAgent: string; requestId: string },
): Promise<SignInOutcome> {
  const now = services.clock.now();
  const limits = services.signIn;
  const keys: Array<{ kind: ThrottleKind; hash: string; max: number }> = [
    { kind: 'account', hash: throttleKey('account', input.email), max: limits.maxFailuresPerAccount },
    ...(input.address ? [{ kind: 'address' as const, hash: throttleKey('address', input.address), max: limits.maxFailuresPerAddress }] : []),
  ];
  const counters = new Map<ThrottleKind, FailureCounter | undefined>();
  for (const key of keys) counters.set(key.kind, await readFailureCounter(tx, key.kind, key.hash));
  const locks = keys.map((k) => lockedUntil(counters.get(k.kind), now)).filter((d): d is Date => d !== null);
  if (locks.length > 0) {
    const until = new Date(Math.max(...locks.map((d) => d.getTime())));
    await recordAudit(tx, {
      pactId: null, actor: { personId: null }, action: 'session.sign-in-while-locked', purpose: 'security',
      requestId: input.requestId, occurredAt: now, details: { until: until.toISOString() },
    });
    return { ok: false, reason: 'locked', until };
  }

  const person = await findPersonByEmail(tx, input.email);
  const usable = person && person.password_hash && !person.deactivated_at;
  const valid = await services.passwords.verify(usable ? person.password_hash! : await dummyPasswordHash(), input.password);
  if (!usable || !valid) {
    const lockedNow: ThrottleKind[] = [];
    for (const key of keys) {
      const next = afterFailure(counters.get(key.kind), now, key.max, limits);
      await writeFailureCounter(tx, key.kind, key.hash, next, now);
      if (next.lockedUntil) lockedNow.push(key.kind);
    }
    await recordAudit(tx, {
      pactId: null,
      actor: { personId: usable ? person.id : null },
      action: lockedNow.length > 0 ? 'session.locked-out' : 'session.sign-in-refused',
      purpose: 'security',
      requestId: input.requestId,
      occurredAt: now,
      ...(lockedNow.length > 0 ? { details: { locked: lockedNow } } : {}),
    });
    return { ok: false, reason: 'invalid-credentials' };
  }

  // A successful log-in clears the account's count; the address count stays (one valid account
  // must not let an address try other accounts without limit).
  await clearFailureCounter(tx, 'account', keys[0]!.hash);
  if (input.previousSessionId) await deleteSession(tx, input.previousSessionId);
  const token = newToken();
  const sessionId = hashToken(token);
  await insertSession(tx, {
    id: sessionId,
    personId: person.id,
    now,
    expiresAt: new Date(now.getTime() + services.session.absoluteMinutes * 60_000),
    userAgent: input.userAgent,
  });
  await recordAudit(tx, {
    pactId: null,
    actor: { personId: person.id },
    action: 'session.sign-in',
    recordType: 'session',
    recordId: sessionId.slice(0, 16),
    purpose: 'security',
    requestId: input.requestId,
    occurredAt: now,
  });
  return { ok: true, token, personId: person.id, locale: person.locale };
}
