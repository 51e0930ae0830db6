// The life of an agenda year, as two lifecycles that move independently: registration (open or
// locked, the column agenda_year.status) and publication (draft or published, agenda_year.published_at).
// Pure: no I/O. Every applied action is written as an agenda_year_event whose kind is the action's
// event (change-agenda-year-status.ts); opening a year is the event 'opened'.
import { actionsOpen, decide, defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/** Whether partners may register activities; the pact's coordinators take every action. */
export const agendaYearRegistration = defineLifecycle({
  name: 'agenda-year-registration',
  statuses: ['open', 'locked'],
  initial: 'open',
  transitions: {
    lock: { from: ['open'], to: 'locked', by: ['coordinator'] },
    reopen: { from: ['locked'], to: 'open', by: ['coordinator'] },
  },
});

/** Whether the compiled agenda is public. A year can be published while registration is still open. */
export const agendaYearPublication = defineLifecycle({
  name: 'agenda-year-publication',
  statuses: ['draft', 'published'],
  initial: 'draft',
  transitions: {
    publish: { from: ['draft'], to: 'published', by: ['coordinator'] },
    unpublish: { from: ['published'], to: 'draft', by: ['coordinator'] },
  },
});

export type AgendaYearStatus = (typeof agendaYearRegistration.statuses)[number];
export type AgendaYearPublication = (typeof agendaYearPublication.statuses)[number];
type RegistrationAction = keyof typeof agendaYearRegistration.transitions;
type PublicationAction = keyof typeof agendaYearPublication.transitions;

/** The actions in the order the page offers them. */
export const agendaYearActions = ['lock', 'reopen', 'publish', 'unpublish'] as const satisfies ReadonlyArray<RegistrationAction | PublicationAction>;
export type AgendaYearAction = (typeof agendaYearActions)[number];
export type AgendaYearEventKind = 'opened' | 'locked' | 'reopened' | 'published' | 'unpublished';

/** The agenda_year_event kind each action is recorded as. */
export const agendaYearEvents: Readonly<Record<AgendaYearAction, AgendaYearEventKind>> = {
  lock: 'locked', reopen: 'reopened', publish: 'published', unpublish: 'unpublished',
};

export interface AgendaYearState {
  status: AgendaYearStatus;
  published: boolean;
}

export type TransitionResult =
  | { ok: true; state: AgendaYearState; event: AgendaYearEventKind }
  | { ok: false; reason: 'not-allowed' };

const publicationOf = (s: AgendaYearState): AgendaYearPublication => (s.published ? 'published' : 'draft');
const isRegistrationAction = (a: AgendaYearAction): a is RegistrationAction => Object.hasOwn(agendaYearRegistration.transitions, a);

/** Where a coordinator's action leads from this state; the other lifecycle stays as it is. */
export function applyAgendaYearAction(state: AgendaYearState, action: AgendaYearAction): TransitionResult {
  if (isRegistrationAction(action)) {
    const d = decide(agendaYearRegistration, state.status, action, 'coordinator');
    return d.ok ? { ok: true, state: { ...state, status: d.to }, event: agendaYearEvents[action] } : { ok: false, reason: 'not-allowed' };
  }
  const d = decide(agendaYearPublication, publicationOf(state), action, 'coordinator');
  return d.ok ? { ok: true, state: { ...state, published: d.to === 'published' }, event: agendaYearEvents[action] } : { ok: false, reason: 'not-allowed' };
}

/** The actions a coordinator can take in this state, in the order the page offers them. */
export function availableAgendaYearActions(state: AgendaYearState): AgendaYearAction[] {
  const open = new Set<string>([
    ...actionsOpen(agendaYearRegistration, state.status, 'coordinator'),
    ...actionsOpen(agendaYearPublication, publicationOf(state), 'coordinator'),
  ]);
  return agendaYearActions.filter((a) => open.has(a));
}

/** Whether partners may register or change activities in this year (coordinators always may). */
export function registrationOpen(state: Pick<AgendaYearState, 'status'>): boolean {
  return state.status === 'open';
}
