// The life of an initiative as a lifecycle table (src/platform/lifecycle). Pure: no I/O.
//
//   unconfirmed ──confirm──▶ submitted ──publish──▶ published
//                               │  ▲                   │
//                 request-changes  resubmit            │ (a coordinator may still ask for
//                               ▼  │                   │  changes or decline later)
//                         changes_requested
//   submitted / changes_requested / published ──decline──▶ declined
//   any open status ──withdraw (proposer)──▶ withdrawn
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';

export const initiativeStatuses = ['unconfirmed', 'submitted', 'changes_requested', 'published', 'declined', 'withdrawn'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/**
 * Who may take an action: the proposer (through the links in the mail) or a pact coordinator. An
 * action that needs a reason needs a message the proposer sees (the reason, the changes asked for).
 */
export const initiativeLifecycle = defineLifecycle({
  name: 'initiative',
  statuses: initiativeStatuses,
  initial: 'unconfirmed',
  transitions: {
    confirm: { from: ['unconfirmed'], to: 'submitted', by: ['proposer'] },
    publish: { from: ['submitted', 'changes_requested'], to: 'published', by: ['coordinator'] },
    'request-changes': { from: ['submitted', 'published'], to: 'changes_requested', by: ['coordinator'], needsReason: true },
    decline: { from: ['submitted', 'changes_requested', 'published'], to: 'declined', by: ['coordinator'], needsReason: true },
    resubmit: { from: ['changes_requested'], to: 'submitted', by: ['proposer'] },
    withdraw: { from: ['unconfirmed', 'submitted', 'changes_requested', 'published'], to: 'withdrawn', by: ['proposer'] },
  },
});

export type InitiativeAction = keyof typeof initiativeLifecycle.transitions;
export type InitiativeActor = 'proposer' | 'coordinator';

/** Statuses the public never sees (everything but published). */
export function isPublic(status: InitiativeStatus): boolean {
  return status === 'published';
}
