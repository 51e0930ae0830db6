/**
 * Tells a person by mail that something about how they sign in was changed: their password (after
 * a reset) or their second factor (reset by a system administrator). If it was not them, they
 * learn it at once and can act (NIST SP 800-63B §6.1.2.3: notify the subscriber of changes to
 * authenticators). No link: the mail only informs, so it cannot be used for phishing.
 */
import type { Executor } from '../../platform/db/database.ts';
import { queueMail, renderMail } from '../../platform/mail/index.ts';
import { translatorFor } from '../../ui/messages/index.ts';
import { findPerson } from './person-queries.ts';

export type SecurityChange = 'password-changed' | 'second-factor-reset';

const texts = {
  'password-changed': { subject: 'securityMail.passwordChanged.subject', body: 'securityMail.passwordChanged.body' },
  'second-factor-reset': { subject: 'securityMail.secondFactorReset.subject', body: 'securityMail.secondFactorReset.body' },
} as const;

export async function notifySecurityChange(tx: Executor, personId: string, change: SecurityChange, now: Date): Promise<void> {
  const person = await findPerson(tx, personId);
  if (!person || person.deactivated_at) return;
  const t = translatorFor(person.locale);
  const mail = renderMail(
    {
      lang: person.locale,
      subject: t(texts[change].subject),
      recipientName: person.display_name,
      paragraphs: [t(texts[change].body)],
      closing: [t('securityMail.notYou')],
    },
    t,
  );
  await queueMail(tx, { to: person.email, ...mail, purpose: change }, now);
}
