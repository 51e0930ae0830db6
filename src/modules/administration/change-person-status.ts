/**
 * Deactivating and reactivating a person, with a reason. Deactivating sets person.deactivated_at
 * (log-in, password reset and existing sessions then refuse them) and deletes all their sessions,
 * so they are signed out everywhere at once. A system administrator cannot deactivate themselves:
 * the installation could otherwise lose its last administrator by one click. The action must be one
 * the person's lifecycle (status.ts) allows; each change is appended to person_status_change and
 * kept on the installation's audit chain (ids only).
 */
import type { RouteContext } from '../../access/route.ts';
import type { Executor } from '../../platform/db/database.ts';
import { decide } from '../../platform/lifecycle/lifecycle.ts';
import { appendStatusHistory } from '../../platform/lifecycle/change-status.ts';
import { deleteSessionsOfPerson } from '../accounts/index.ts';
import { findPersonForAdmin, latestPersonStatusChangeId, personStatusStore, setPersonDeactivated } from './people-admin-queries.ts';
import { personLifecycle, personStatusOf, type PersonAction } from './status.ts';

export type ChangePersonStatusOutcome =
  | { ok: true; changeId: string; sessionsEnded: number }
  | { ok: false; reason: 'not-found' | 'not-allowed' | 'reason-required' | 'self' };

export async function changePersonStatus(
  tx: Executor,
  input: { personId: string; action: PersonAction; reason: string; by: string; now: Date },
  audit: RouteContext['audit'],
): Promise<ChangePersonStatusOutcome> {
  if (input.action === 'deactivate' && input.personId === input.by) return { ok: false, reason: 'self' };
  const person = await findPersonForAdmin(tx, input.personId, true);
  if (!person) return { ok: false, reason: 'not-found' };
  const from = personStatusOf(person);
  const decision = decide(personLifecycle, from, input.action, 'system_admin', input.reason);
  if (!decision.ok) return { ok: false, reason: decision.reason === 'reason-required' ? 'reason-required' : 'not-allowed' };
  const deactivating = decision.to === 'deactivated';
  // The status is the timestamp (no status column for changeStatus to move); the row is locked since it was read.
  await setPersonDeactivated(tx, person.id, deactivating ? input.now : null);
  const sessionsEnded = deactivating ? await deleteSessionsOfPerson(tx, person.id) : 0;
  await appendStatusHistory(tx, personStatusStore, {
    pactId: null, id: person.id, from, to: decision.to, at: input.now, history: { reason: input.reason, changed_by: input.by },
  });
  const changeId = await latestPersonStatusChangeId(tx, person.id);
  await audit({
    pactId: null, action: deactivating ? 'person.deactivate' : 'person.reactivate', recordType: 'person',
    recordId: person.id, subjectPersonId: person.id, purpose: 'installation',
    details: { change: changeId, sessionsEnded },
  });
  return { ok: true, changeId, sessionsEnded };
}
