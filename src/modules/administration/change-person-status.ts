/**
 * Deactivating and reactivating a person, with a reason. Deactivating sets person.deactivated_at
 * (log-in, password reset and existing sessions then refuse them) and deletes all their sessions,
 * so they are signed out everywhere at once. A system administrator cannot deactivate themselves:
 * the installation could otherwise lose its last administrator by one click. Each change is kept
 * in person_status_change and on the installation's audit chain (ids only).
 */
import type { RouteContext } from '../../access/route.ts';
import type { Executor } from '../../platform/db/database.ts';
import { deleteSessionsOfPerson } from '../accounts/index.ts';
import { findPersonForAdmin, insertPersonStatusChange, setPersonDeactivated } from './people-admin-queries.ts';
import { canChangePersonStatus, personStatusOf, type PersonStatus } from './status.ts';

export type ChangePersonStatusOutcome =
  | { ok: true; changeId: string; sessionsEnded: number }
  | { ok: false; reason: 'not-found' | 'not-allowed' | 'self' };

export async function changePersonStatus(
  tx: Executor,
  input: { personId: string; to: PersonStatus; reason: string; by: string; now: Date },
  audit: RouteContext['audit'],
): Promise<ChangePersonStatusOutcome> {
  if (input.to === 'deactivated' && input.personId === input.by) return { ok: false, reason: 'self' };
  const person = await findPersonForAdmin(tx, input.personId, true);
  if (!person) return { ok: false, reason: 'not-found' };
  const from = personStatusOf(person);
  if (!canChangePersonStatus(from, input.to)) return { ok: false, reason: 'not-allowed' };
  const deactivating = input.to === 'deactivated';
  await setPersonDeactivated(tx, person.id, deactivating ? input.now : null);
  const sessionsEnded = deactivating ? await deleteSessionsOfPerson(tx, person.id) : 0;
  const changeId = await insertPersonStatusChange(tx, {
    personId: person.id, from, to: input.to, reason: input.reason, by: input.by, now: input.now,
  });
  await audit({
    pactId: null, action: deactivating ? 'person.deactivate' : 'person.reactivate', recordType: 'person',
    recordId: person.id, subjectPersonId: person.id, purpose: 'installation',
    details: { change: changeId, sessionsEnded },
  });
  return { ok: true, changeId, sessionsEnded };
}
