/**
 * A new pact, made by the system administrator: the pact row, its own audit chain (as the demo
 * seed does, src/app/seed-demo.ts), the creation on that chain, and the invitation of its first
 * coordinator with the mail queued — one transaction, so either all of it is there or none.
 * A taken slug is an answer, not an error: the insert skips it and the form says so.
 */
import type { RouteContext } from '../../access/route.ts';
import { startAuditChain } from '../../platform/audit/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import { invitePactCoordinator } from '../accounts/index.ts';
import type { NewPactInput } from './administration-forms.ts';
import { insertPact } from './pact-admin-queries.ts';

export type CreatePactOutcome = { ok: true; pactId: string; invitationId: string } | { ok: false; reason: 'slug-taken' };

export async function createPact(
  tx: Executor,
  input: NewPactInput & { admin: { personId: string; displayName: string }; origin: string; now: Date },
  audit: RouteContext['audit'],
): Promise<CreatePactOutcome> {
  const { now } = input;
  const pactId = await insertPact(tx, {
    slug: input.slug, name: input.name, municipality: input.municipality, jurisdiction: input.jurisdiction,
    defaultLocale: input.defaultLocale, now,
  });
  if (!pactId) return { ok: false, reason: 'slug-taken' };
  await startAuditChain(tx, pactId);
  await audit({
    pactId, action: 'pact.create', recordType: 'pact', recordId: pactId, purpose: 'installation',
    details: { jurisdiction: input.jurisdiction, defaultLocale: input.defaultLocale },
  });
  const { invitationId } = await invitePactCoordinator(tx, {
    pact: { id: pactId, name: input.name, defaultLocale: input.defaultLocale },
    email: input.coordinatorEmail, inviter: input.admin, origin: input.origin, now,
  });
  // Ids and the role only: the address stays out of the audit log.
  await audit({
    pactId, action: 'invitation.create', recordType: 'invitation', recordId: invitationId, purpose: 'installation',
    details: { organisation: null, role: 'pact_coordinator' },
  });
  return { ok: true, pactId, invitationId };
}
