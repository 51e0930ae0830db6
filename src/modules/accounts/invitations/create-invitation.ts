/**
 * Invites someone by e-mail into an organisation of the pact with a role: refuses a role the
 * inviter may not give and a person who already holds that role there, withdraws an earlier open
 * invitation for the same address, organisation and role, and queues the mail with the link — all
 * in the request's transaction, so the mail goes out only when the invitation is stored.
 */
import type { Role } from '../../../access/policy.ts';
import type { UseCaseContext } from '../../../access/use-case.ts';
import { queueMail, renderMail } from '../../../platform/mail/index.ts';
import { translatorFor, type MessageKey } from '../../../ui/messages/index.ts';
import { hashToken, newToken } from '../session.ts';
import { expiresAt, INVITATION_DAYS, rolesInvitableBy } from './invitation.ts';
import { hasActiveMembership, insertInvitation, revokeOpenInvitationsFor } from './invitation-queries.ts';

export type CreateInvitationOutcome =
  | { ok: true; invitationId: string }
  | { ok: false; reason: 'role-not-allowed' | 'already-member' };

export async function createInvitation(
  ctx: UseCaseContext,
  input: {
    organisation: { id: string; name: string };
    email: string;
    role: Role;
    /** Where the app is reached, e.g. https://schakelpunt.example (no trailing slash). */
    origin: string;
  },
): Promise<CreateInvitationOutcome> {
  const { tx, pact, actor, now } = ctx;
  if (actor.kind !== 'person') throw new Error('only a signed-in person invites');
  const { organisation, email, role } = input;
  if (!rolesInvitableBy(actor, organisation.id).includes(role)) return { ok: false, reason: 'role-not-allowed' };
  if (await hasActiveMembership(tx, pact.id, email, organisation.id, role)) return { ok: false, reason: 'already-member' };

  const replaced = await revokeOpenInvitationsFor(tx, { pactId: pact.id, email, organisationId: organisation.id, role, now });
  const token = newToken();
  const invitationId = await insertInvitation(tx, {
    pactId: pact.id, organisationId: organisation.id, role, email, invitedBy: actor.personId,
    tokenHash: hashToken(token), now, expiresAt: expiresAt(now),
  });

  // The invitee has no account (or we do not look): the mail speaks the pact's language.
  const t = translatorFor(pact.defaultLocale);
  const mail = renderMail(
    {
      lang: pact.defaultLocale,
      subject: t('invitation.mail.subject', { pact: pact.name }),
      paragraphs: [
        t('invitation.mail.body', {
          inviter: actor.displayName, pact: pact.name, organisation: organisation.name, role: t(`role.${role}` as MessageKey),
        }),
      ],
      action: { label: t('invitation.mail.action'), url: `${input.origin}/invitations/${token}` },
      closing: [t('invitation.mail.expires', { days: INVITATION_DAYS })],
    },
    t,
  );
  await queueMail(tx, { to: email, ...mail, purpose: 'invitation' }, now);
  // Ids and the role only: the e-mail address stays out of the audit log.
  await ctx.audit({
    action: 'invitation.create', recordType: 'invitation', recordId: invitationId, purpose: 'pact-administration',
    details: { organisation: organisation.id, role, replaces: replaced },
  });
  return { ok: true, invitationId };
}
