// The lifecycles of a pact and of a person, as transition tables (src/platform/lifecycle). Pure:
// the use cases (change-pact-status.ts, change-person-status.ts) store a change only when `decide`
// allows it, and append it to the history (pact_status_change, person_status_change).
//
//   pact:    active --suspend--> suspended --reinstate--> active           (system administrator, with a reason)
//   person:  active --deactivate--> deactivated --reactivate--> active     (system administrator, with a reason)
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.ts';

export const pactLifecycle = defineLifecycle({
  name: 'pact',
  statuses: ['active', 'suspended'],
  initial: 'active',
  transitions: {
    suspend: { from: ['active'], to: 'suspended', by: ['system_admin'], needsReason: true },
    reinstate: { from: ['suspended'], to: 'active', by: ['system_admin'], needsReason: true },
  },
});
export type PactStatus = (typeof pactLifecycle.statuses)[number];
export type PactAction = keyof typeof pactLifecycle.transitions;

/** The pact form names the status it asks for; each status is reached by one action. */
export function pactActionTo(status: PactStatus): PactAction {
  return status === 'suspended' ? 'suspend' : 'reinstate';
}

/** A person's status is not a column: `person.deactivated_at` is set while they are deactivated. */
export const personLifecycle = defineLifecycle({
  name: 'person',
  statuses: ['active', 'deactivated'],
  initial: 'active',
  transitions: {
    deactivate: { from: ['active'], to: 'deactivated', by: ['system_admin'], needsReason: true },
    reactivate: { from: ['deactivated'], to: 'active', by: ['system_admin'], needsReason: true },
  },
});
export type PersonStatus = (typeof personLifecycle.statuses)[number];
export type PersonAction = keyof typeof personLifecycle.transitions;

export function personStatusOf(p: { deactivated_at: Date | null }): PersonStatus {
  return p.deactivated_at ? 'deactivated' : 'active';
}
