// The life of an initiative as a transition table. Pure: no I/O.
//
//   unconfirmed ──confirm──▶ submitted ──publish──▶ published
//                               │  ▲                   │
//                 request-changes  resubmit            │ (a coordinator may still ask for
//                               ▼  │                   │  changes or decline later)
//                         changes_requested
//   submitted / changes_requested / published ──decline──▶ declined
//   any open status ──withdraw (proposer)──▶ withdrawn
export const initiativeStatuses = ['unconfirmed', 'submitted', 'changes_requested', 'published', 'declined', 'withdrawn'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

export const initiativeActions = ['confirm', 'publish', 'request-changes', 'decline', 'resubmit', 'withdraw'] as const;
export type InitiativeAction = (typeof initiativeActions)[number];

/** Who may take an action: the proposer (through the links in the mail) or a pact coordinator. */
export type InitiativeActor = 'proposer' | 'coordinator';

interface Transition {
  from: readonly InitiativeStatus[];
  to: InitiativeStatus;
  by: InitiativeActor;
  /** Whether the action needs a message the proposer sees (a reason, the changes asked for). */
  needsMessage: boolean;
}

export const transitions: Record<InitiativeAction, Transition> = {
  confirm: { from: ['unconfirmed'], to: 'submitted', by: 'proposer', needsMessage: false },
  publish: { from: ['submitted', 'changes_requested'], to: 'published', by: 'coordinator', needsMessage: false },
  'request-changes': { from: ['submitted', 'published'], to: 'changes_requested', by: 'coordinator', needsMessage: true },
  decline: { from: ['submitted', 'changes_requested', 'published'], to: 'declined', by: 'coordinator', needsMessage: true },
  resubmit: { from: ['changes_requested'], to: 'submitted', by: 'proposer', needsMessage: false },
  withdraw: { from: ['unconfirmed', 'submitted', 'changes_requested', 'published'], to: 'withdrawn', by: 'proposer', needsMessage: false },
};

export type TransitionOutcome =
  | { ok: true; to: InitiativeStatus }
  | { ok: false; reason: 'not-allowed' | 'wrong-actor' | 'message-required' };

/** Whether `actor` may take `action` on an initiative in status `from`, and where it leads. */
export function transition(from: InitiativeStatus, action: InitiativeAction, actor: InitiativeActor, message = ''): TransitionOutcome {
  const t = transitions[action];
  if (t.by !== actor) return { ok: false, reason: 'wrong-actor' };
  if (!t.from.includes(from)) return { ok: false, reason: 'not-allowed' };
  if (t.needsMessage && message.trim() === '') return { ok: false, reason: 'message-required' };
  return { ok: true, to: t.to };
}

/** The actions open to `actor` on an initiative in status `status`. */
export function actionsFor(status: InitiativeStatus, actor: InitiativeActor): InitiativeAction[] {
  return initiativeActions.filter((a) => transitions[a].by === actor && transitions[a].from.includes(status));
}

export function isInitiativeStatus(value: unknown): value is InitiativeStatus {
  return typeof value === 'string' && (initiativeStatuses as readonly string[]).includes(value);
}

/** Statuses the public never sees (everything but published). */
export function isPublic(status: InitiativeStatus): boolean {
  return status === 'published';
}
