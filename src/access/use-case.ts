// What a use case works with, as one object instead of six positional arguments: the transaction,
// the pact (never null: use cases act inside a pact), who acts, the moment, the audit log and the
// job queue. Routes make it with `useCaseContext(ctx)`; jobs and the command line build it
// themselves with their own actor.
import type { Tx } from '../platform/db/database.ts';
import type { Actor, PactSummary } from './policy.ts';
import type { JobQueue, RouteAuditEntry, RouteContext } from './route.ts';

export interface UseCaseContext {
  tx: Tx;
  pact: PactSummary;
  actor: Actor;
  /** The request's moment (one clock reading per request, so every row of a change has the same time). */
  now: Date;
  /** Writes an audit entry in `tx`; pact, actor (from the grant), time and request id are filled in. */
  audit(entry: RouteAuditEntry): Promise<void>;
  jobs: JobQueue;
}

/** The person acting, or null for a visitor (a proposer without an account), an API token and jobs. */
export function actingPersonId(ctx: Pick<UseCaseContext, 'actor'>): string | null {
  return ctx.actor.kind === 'anonymous' || ctx.actor.kind === 'token' ? null : ctx.actor.personId;
}

export function useCaseContext(ctx: RouteContext<unknown, `/p/:pact${string}`> | (RouteContext<unknown> & { pact: PactSummary })): UseCaseContext {
  return {
    tx: ctx.tx,
    pact: ctx.pact,
    actor: ctx.actor,
    now: ctx.now,
    audit: ctx.audit,
    jobs: ctx.services.jobs,
  };
}
