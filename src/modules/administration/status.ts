// The statuses a pact and a person can have, and which changes between them exist. Pure: the use
// cases (change-pact-status.ts, change-person-status.ts) store a change only when it is listed here.
//
//   pact:    active ⇄ suspended      (suspend / reinstate)
//   person:  active ⇄ deactivated    (deactivate / reactivate)

export const pactStatuses = ['active', 'suspended'] as const;
export type PactStatus = (typeof pactStatuses)[number];

export const personStatuses = ['active', 'deactivated'] as const;
export type PersonStatus = (typeof personStatuses)[number];

const pactTransitions: Record<PactStatus, readonly PactStatus[]> = { active: ['suspended'], suspended: ['active'] };
const personTransitions: Record<PersonStatus, readonly PersonStatus[]> = { active: ['deactivated'], deactivated: ['active'] };

export function canChangePactStatus(from: PactStatus, to: PactStatus): boolean {
  return pactTransitions[from].includes(to);
}

export function canChangePersonStatus(from: PersonStatus, to: PersonStatus): boolean {
  return personTransitions[from].includes(to);
}

export function personStatusOf(p: { deactivated_at: Date | null }): PersonStatus {
  return p.deactivated_at ? 'deactivated' : 'active';
}
