/**
 * The first coordinator of a new pact, invited by the system administrator who made the pact: an
 * invitation without organisation (a new pact has none yet; migration 0009 allows that for the
 * coordinator role), with the usual link and expiry, and its mail queued in the same transaction.
 * Accepting it is the ordinary invitation flow (accept-invitation.ts); the membership is then
 * without organisation too, which membership_organisation_required allows for coordinators.
 * The rules of createInvitation (which roles an inviter may give) are not involved: the policy has
 * already said that the caller is a system administrator.
 */
import type { PactSummary } from '../../../access/policy.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { queueMail, renderMail } from '../../../platform/mail/index.ts';
import { translatorFor } from '../../../ui/messages/index.ts';
import { hashToken, newToken } from '../session.ts';
import { expiresAt, INVITATION_DAYS } from './invitation.ts';
import { insertInvitation } from './invitation-queries.ts';

export async function invitePactCoordinator(
  tx: Executor,
  input: {
    pact: Pick<PactSummary, 'id' | 'name' | 'defaultLocale'>;
    email: string;
    inviter: { personId: string; displayName: string };
    /** Where the app is reached, e.g. https://schakelpunt.example (no trailing slash). */
    origin: string;
    now: Date;
  },
): Promise<{ invitationId: string }> {
  const { pact, email, inviter, now } = input;
  const token = newToken();
  const invitationId = await insertInvitation(tx, {
    pactId: pact.id, organisationId: null, role: 'pact_coordinator', email, invitedBy: inviter.personId,
    tokenHash: hashToken(token), now, expiresAt: expiresAt(now),
  });
  const t = translatorFor(pact.defaultLocale);
  const mail = renderMail(
    {
      lang: pact.defaultLocale,
      subject: t('invitation.mail.subject', { pact: pact.name }),
      paragraphs: [t('adminPacts.mail.body', { inviter: inviter.displayName, pact: pact.name })],
      action: { label: t('invitation.mail.action'), url: `${input.origin}/invitations/${token}` },
      closing: [t('invitation.mail.expires', { days: INVITATION_DAYS })],
    },
    t,
  );
  await queueMail(tx, { to: email, ...mail, purpose: 'invitation' }, now);
  return { invitationId };
}
