/**
 * Someone asks for a password reset link for an e-mail address. The answer to the visitor is the
 * same whatever happens here (no account discovery); what happens: for an active account, earlier
 * open links end, a new one is stored (its hash only) and mailed in the person's own language —
 * unless that person was sent `resetMailLimit.limit` links within its window already (counted by
 * the installation's rate limiter, src/platform/rate-limit.ts, per person).
 * The random token is made and the person looked up in every case, so the work done does not
 * depend on whether the account exists; only the insert and the queued mail (a few milliseconds,
 * no hashing, no SMTP: the mail is sent later by a job) remain.
 */
import type { Services } from '../../../access/route.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { queueMail, renderMail } from '../../../platform/mail/index.ts';
import { takeRateLimit } from '../../../platform/rate-limit.ts';
import { translatorFor } from '../../../ui/messages/index.ts';
import { findPersonByEmail } from '../person-queries.ts';
import { RESET_TOKEN_MINUTES, newResetToken, resetLink, resetMailLimit, resetTokenExpiry } from './reset-token.ts';
import { expireOpenResetTokens, insertResetToken } from './reset-token-queries.ts';

/** What happened; for the audit log and tests only, never shown to the visitor. */
export type ResetRequestOutcome = 'mail-queued' | 'throttled' | 'no-account' | 'inactive';

export async function requestPasswordReset(
  tx: Executor,
  services: Pick<Services, 'clock' | 'secret'>,
  input: { email: string; requestUrl: string; publicUrl?: string | null; requestId: string },
): Promise<ResetRequestOutcome> {
  const now = services.clock.now();
  const reset = newResetToken();
  const person = await findPersonByEmail(tx, input.email);
  let outcome: ResetRequestOutcome;
  if (!person) {
    outcome = 'no-account';
  } else if (person.deactivated_at) {
    outcome = 'inactive';
  } else if (!(await takeRateLimit(tx, services.secret, resetMailLimit, person.id, now))) {
    outcome = 'throttled';
  } else {
    await expireOpenResetTokens(tx, person.id, now);
    await insertResetToken(tx, { hash: reset.hash, personId: person.id, now, expiresAt: resetTokenExpiry(now) });
    // The recipient's language, not that of whoever filled in the form.
    const t = translatorFor(person.locale);
    const mail = renderMail(
      {
        lang: person.locale,
        subject: t('passwordReset.mail.subject'),
        recipientName: person.display_name,
        paragraphs: [t('passwordReset.mail.body')],
        action: { label: t('passwordReset.mail.action'), url: resetLink(reset.token, input.requestUrl, input.publicUrl) },
        closing: [t('passwordReset.mail.expires', { minutes: RESET_TOKEN_MINUTES }), t('passwordReset.mail.notYou')],
      },
      t,
    );
    await queueMail(tx, { to: person.email, ...mail, purpose: 'password-reset' }, now);
    outcome = 'mail-queued';
  }
  // The system chain: no pact is involved. Never the typed address (it may not be anyone's).
  await recordAudit(tx, {
    pactId: null,
    actor: { personId: null },
    action: 'password.reset-requested',
    ...(person ? { recordType: 'person', recordId: person.id, subjectPersonId: person.id } : {}),
    purpose: 'security',
    requestId: input.requestId,
    occurredAt: now,
    details: { outcome },
  });
  return outcome;
}
