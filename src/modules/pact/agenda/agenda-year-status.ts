// The life of an agenda year as a pure transition table: registration open or locked, and the
// compiled agenda published or not. No I/O; every applied transition is written as an
// agenda_year_event (kind = the action's event) by change-agenda-year-status.ts.

export type AgendaYearStatus = 'open' | 'locked';
export const agendaYearActions = ['lock', 'reopen', 'publish', 'unpublish'] as const;
export type AgendaYearAction = (typeof agendaYearActions)[number];
export type AgendaYearEventKind = 'opened' | 'locked' | 'reopened' | 'published' | 'unpublished';

export interface AgendaYearState {
  status: AgendaYearStatus;
  published: boolean;
}

interface Transition {
  /** Whether the action applies in this state. */
  from: (s: AgendaYearState) => boolean;
  to: (s: AgendaYearState) => AgendaYearState;
  event: AgendaYearEventKind;
}

const transitions: Record<AgendaYearAction, Transition> = {
  lock: { from: (s) => s.status === 'open', to: (s) => ({ ...s, status: 'locked' }), event: 'locked' },
  reopen: { from: (s) => s.status === 'locked', to: (s) => ({ ...s, status: 'open' }), event: 'reopened' },
  publish: { from: (s) => !s.published, to: (s) => ({ ...s, published: true }), event: 'published' },
  unpublish: { from: (s) => s.published, to: (s) => ({ ...s, published: false }), event: 'unpublished' },
};

export type TransitionResult =
  | { ok: true; state: AgendaYearState; event: AgendaYearEventKind }
  | { ok: false; reason: 'not-allowed' };

export function applyAgendaYearAction(state: AgendaYearState, action: AgendaYearAction): TransitionResult {
  const t = transitions[action];
  if (!t.from(state)) return { ok: false, reason: 'not-allowed' };
  return { ok: true, state: t.to(state), event: t.event };
}

/** The actions a coordinator can take in this state, in the order the page offers them. */
export function availableAgendaYearActions(state: AgendaYearState): AgendaYearAction[] {
  return agendaYearActions.filter((a) => transitions[a].from(state));
}

/** Whether partners may register or change activities in this year (coordinators always may). */
export function registrationOpen(state: Pick<AgendaYearState, 'status'>): boolean {
  return state.status === 'open';
}
