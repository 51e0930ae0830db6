/**
 * Accepting an invitation, in a system transaction (the invitee is not yet a member, so there is
 * no pact context for row-level security): the caller found the invitation by its token's hash
 * and locked it. Either a new account is made and signed in, or a signed-in person with the
 * invited address gets the membership.
 */
import type { Services } from '../../../access/route.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { insertPerson } from '../person-queries.ts';
import { insertSession } from '../session-queries.ts';
import { hashToken, newToken } from '../session.ts';
import { insertMembership, markInvitationAccepted, type InvitationByTokenRow } from './invitation-queries.ts';

async function join(
  tx: Executor,
  invitation: InvitationByTokenRow,
  personId: string,
  now: Date,
  requestId: string,
): Promise<void> {
  const membershipId = await insertMembership(tx, {
    pactId: invitation.pact_id, personId, organisationId: invitation.organisation_id, role: invitation.role, now,
  });
  await markInvitationAccepted(tx, invitation.id, personId, now);
  await recordAudit(tx, {
    pactId: invitation.pact_id,
    actor: { personId, organisationId: invitation.organisation_id, role: invitation.role },
    action: 'invitation.accept',
    recordType: 'invitation',
    recordId: invitation.id,
    subjectPersonId: personId,
    purpose: 'pact-administration',
    requestId,
    occurredAt: now,
    details: { organisation: invitation.organisation_id, role: invitation.role, membership: membershipId },
  });
}

/** A new account for the invited address, its membership and a session; returns the session's token for the cookie. */
export async function acceptWithNewAccount(
  tx: Executor,
  services: Pick<Services, 'clock' | 'passwords' | 'session'>,
  input: { invitation: InvitationByTokenRow; displayName: string; password: string; locale: 'nl' | 'en'; userAgent: string; requestId: string },
): Promise<{ token: string; personId: string }> {
  const { invitation, requestId } = input;
  const passwordHash = await services.passwords.hash(input.password);
  const now = services.clock.now();
  const personId = await insertPerson(tx, { email: invitation.email, displayName: input.displayName, passwordHash, locale: input.locale });
  await recordAudit(tx, {
    pactId: null, actor: { personId }, action: 'person.create', recordType: 'person', recordId: personId,
    subjectPersonId: personId, purpose: 'account', requestId, occurredAt: now, details: { invitation: invitation.id },
  });
  await join(tx, invitation, personId, now, requestId);

  const token = newToken();
  const sessionId = hashToken(token);
  await insertSession(tx, {
    id: sessionId, personId, now, expiresAt: new Date(now.getTime() + services.session.absoluteMinutes * 60_000), userAgent: input.userAgent,
  });
  await recordAudit(tx, {
    pactId: null, actor: { personId }, action: 'session.sign-in', recordType: 'session', recordId: sessionId.slice(0, 16),
    purpose: 'security', requestId, occurredAt: now, details: { via: 'invitation' },
  });
  return { token, personId };
}

/** The signed-in person whose address was invited joins with the invited role. */
export async function acceptAsSignedInPerson(
  tx: Executor,
  services: Pick<Services, 'clock'>,
  input: { invitation: InvitationByTokenRow; personId: string; requestId: string },
): Promise<void> {
  await join(tx, input.invitation, input.personId, services.clock.now(), input.requestId);
}
