/**
 * Sets a new password through a reset link: checks it against the password rules (with the
 * person's e-mail address as context), stores its argon2id hash, uses up the link, ends every
 * session of the person (whoever knew the old password is out), clears the log-in failure count
 * of the account (the owner just proved to hold the mailbox) and writes the audit entry — all in
 * the caller's transaction, so either everything happens or nothing.
 */
import type { Services } from '../../../access/route.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { FieldErrors } from '../../../platform/forms.ts';
import { checkPassword } from '../password-policy.ts';
import { throttleKey } from '../sign-in-throttle.ts';
import { clearFailureCounter } from '../sign-in-throttle-queries.ts';
import { markResetTokenUsed, setPasswordHash, type ResetTokenRow } from './reset-token-queries.ts';
import { deleteSessionsOfPerson } from '../session-queries.ts';
import { notifySecurityChange } from '../notify-security-change.ts';

export type ResetPasswordOutcome = { ok: true; sessionsEnded: number } | { ok: false; errors: FieldErrors };

/** What is wrong with the two typed passwords, per field; empty when they may be used. */
export function newPasswordErrors(password: string, repeat: string, email: string): FieldErrors {
  const problem = checkPassword(password, [email]);
  if (problem) return { password: 'params' in problem ? { key: problem.key, params: problem.params } : { key: problem.key } };
  if (password !== repeat) return { passwordRepeat: { key: 'passwordReset.reset.mismatch' } };
  return {};
}

export async function resetPassword(
  tx: Executor,
  services: Pick<Services, 'clock' | 'passwords'>,
  link: { hash: string; row: ResetTokenRow },
  input: { password: string; repeat: string; requestId: string },
): Promise<ResetPasswordOutcome> {
  const errors = newPasswordErrors(input.password, input.repeat, link.row.email);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const now = services.clock.now();
  const passwordHash = await services.passwords.hash(input.password);
  await setPasswordHash(tx, link.row.personId, passwordHash);
  await markResetTokenUsed(tx, link.hash, now);
  const sessionsEnded = await deleteSessionsOfPerson(tx, link.row.personId);
  await clearFailureCounter(tx, 'account', throttleKey('account', link.row.email));
  await notifySecurityChange(tx, link.row.personId, 'password-changed', now);
  await recordAudit(tx, {
    pactId: null,
    // The person acts: holding the link proves they hold the mailbox.
    actor: { personId: link.row.personId },
    action: 'password.reset',
    recordType: 'person',
    recordId: link.row.personId,
    subjectPersonId: link.row.personId,
    purpose: 'security',
    requestId: input.requestId,
    occurredAt: now,
    details: { sessionsEnded },
  });
  return { ok: true, sessionsEnded };
}
