// A lifecycle as a transition table: which actions exist, from which statuses each may be taken,
// to which status it leads, who may take it, and whether it needs a reason. Pure: no I/O. The
// stored status only changes through `changeStatus` (change-status.ts), which writes the change
// to an append-only history in the same statement's transaction and mirrors the current status
// on the record, and only from the status the caller read.

export interface TransitionRule<S extends string, R extends string> {
  from: readonly S[];
  to: S;
  /** Who may take the action (a role of the lifecycle's own: 'coordinator', 'proposer', 'system', …). */
  by: readonly R[];
  /** The action needs a reason that is stored with the change (a refusal, the changes asked for). */
  needsReason?: boolean;
}

export interface Lifecycle<S extends string, A extends string, R extends string> {
  /** What the lifecycle is of, for messages and errors (`initiative`, `pact`). */
  name: string;
  statuses: readonly S[];
  /** The status a new record starts in. */
  initial: S;
  transitions: Readonly<Record<A, TransitionRule<S, R>>>;
}

export function defineLifecycle<const S extends string, const A extends string, const R extends string>(
  lifecycle: Lifecycle<S, A, R>,
): Lifecycle<S, A, R> {
  for (const [action, rule] of Object.entries(lifecycle.transitions) as Array<[A, TransitionRule<S, R>]>) {
    for (const status of [...rule.from, rule.to]) {
      if (!lifecycle.statuses.includes(status)) throw new Error(`${lifecycle.name}: ${action} names unknown status ${status}`);
    }
  }
  if (!lifecycle.statuses.includes(lifecycle.initial)) throw new Error(`${lifecycle.name}: unknown initial status ${lifecycle.initial}`);
  return lifecycle;
}

export type Decision<S extends string> =
  | { ok: true; to: S }
  | { ok: false; reason: 'not-allowed' | 'wrong-actor' | 'reason-required' };

/** Whether `by` may take `action` on a record in status `from`, and where it leads. */
export function decide<S extends string, A extends string, R extends string>(
  lifecycle: Lifecycle<S, A, R>, from: S, action: A, by: R, reason = '',
): Decision<S> {
  const rule = Object.hasOwn(lifecycle.transitions, action) ? lifecycle.transitions[action] : undefined;
  if (!rule) return { ok: false, reason: 'not-allowed' };
  if (!rule.by.includes(by)) return { ok: false, reason: 'wrong-actor' };
  if (!rule.from.includes(from)) return { ok: false, reason: 'not-allowed' };
  if (rule.needsReason && reason.trim() === '') return { ok: false, reason: 'reason-required' };
  return { ok: true, to: rule.to };
}

/** The actions open to `by` on a record in status `status`, in the table's order. */
export function actionsOpen<S extends string, A extends string, R extends string>(lifecycle: Lifecycle<S, A, R>, status: S, by: R): A[] {
  return (Object.keys(lifecycle.transitions) as A[]).filter((a) => lifecycle.transitions[a].by.includes(by) && lifecycle.transitions[a].from.includes(status));
}

export function isStatusOf<S extends string>(lifecycle: { statuses: readonly S[] }, value: unknown): value is S {
  return typeof value === 'string' && (lifecycle.statuses as readonly string[]).includes(value);
}

/** Statuses no action leads out of. */
export function finalStatuses<S extends string, A extends string, R extends string>(lifecycle: Lifecycle<S, A, R>): S[] {
  const rules = Object.values(lifecycle.transitions) as Array<TransitionRule<S, R>>;
  return lifecycle.statuses.filter((s) => !rules.some((r) => r.from.includes(s)));
}

/** The table as lines `from --action (by)--> to`, for a module's README and for tests. */
export function describeLifecycle<S extends string, A extends string, R extends string>(lifecycle: Lifecycle<S, A, R>): string[] {
  const lines: string[] = [];
  for (const [action, rule] of Object.entries(lifecycle.transitions) as Array<[A, TransitionRule<S, R>]>) {
    for (const from of rule.from) lines.push(`${from} --${action} (${rule.by.join(', ')})${rule.needsReason ? ' [reason]' : ''}--> ${rule.to}`);
  }
  return lines;
}
