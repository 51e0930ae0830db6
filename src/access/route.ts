// The contract every route follows. A module lists its routes as RouteSpec values; the host mounts
// them through one pipeline that loads the actor, checks the policy, opens the transaction with the
// row-level-security context, checks CSRF on every POST and renders errors. There is no other way
// to add a route, so the authorization matrix test can enumerate them all.
import type { Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '../platform/clock.ts';
import type { SealingKey } from '../platform/crypto/sealed-box.ts';
import type { AuditEntry } from '../platform/audit/audit-log.ts';
import type { Db, Engine, Tx } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import type { SendOptions } from '../platform/jobs/jobs.ts';
import type { AppEnv } from '../ui/env.ts';
import type { ApiOperation } from '../platform/api/openapi.ts';
import { decodeCursor } from '../platform/api/paging.ts';
import { HttpError } from './http-error.ts';
import type { Actor, Grant, PactSummary, Permission, RecordFacts, Resource } from './policy.ts';

export interface Services {
  db: Db;
  engine: Engine;
  clock: Clock;
  log: Logger;
  /** Server-side secret for CSRF tokens. */
  secret: Buffer;
  session: { idleMinutes: number; absoluteMinutes: number; secureCookies: boolean };
  /**
   * The address the installation is reached at (PUBLIC_URL), for links in mail. Links are never
   * built from the request's Host header when this is set: a forged Host would otherwise put a
   * stranger's site in a reset or invitation mail. Required in production.
   */
  publicUrl: string | null;
  /** Log-in throttling limits and whether a proxy's X-Forwarded-For names the client. */
  signIn: { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMinutes: number; lockoutMinutes: number; trustProxy: boolean };
  /** The public API: requests per token per minute, and the web origins allowed to call it (CORS; none: off). */
  api: { tokenRequestsPerMinute: number; corsOrigins: readonly string[] };
  /** Sealing keys for second-factor secrets (the first seals) and the lock-out after wrong codes. */
  secondFactor: { keys: SealingKey[]; lockoutMinutes: number };
  /** Hashes and checks passwords off the main thread. */
  passwords: { hash(plain: string): Promise<string>; verify(hash: string, plain: string): Promise<boolean> };
  /** Starts background work outside the request (imports); resolves when it is queued. */
  runInBackground(name: string, work: () => Promise<void>): void;
  /**
   * Queues a background job (a module's `ModuleJob`), with its payload and a start time; pass the
   * request's transaction as `tx` so the job exists only if the change commits.
   */
  jobs: JobQueue;
}

export interface JobQueue {
  send(name: string, payload?: object, options?: SendOptions): Promise<string | null>;
}

/** The pact of a route: never null on a pact-scoped path (`/p/:pact/…`, `/api/p/:pact/…`), where an unknown pact is a 404. */
export type PactOf<Path extends string> = Path extends `/p/:pact${string}` | `/api/p/:pact${string}` ? PactSummary : PactSummary | null;

export interface RouteContext<P = Record<string, string>, Path extends string = string> {
  c: Context<AppEnv>;
  tx: Tx;
  actor: Actor;
  /** On what ground the policy let this request through; the audit log records it. */
  grant: Grant;
  pact: PactOf<Path>;
  params: P;
  /** The facts `load` gave the policy about the route's record (undefined for routes without `load`). */
  record: RecordFacts | undefined;
  /** The parsed body of a POST (urlencoded or multipart). */
  form: FormData | null;
  /** True when a POST arrived with a missing or wrong CSRF token (only for routes with `csrf: 'rerender'`). */
  csrfRejected: boolean;
  requestId: string;
  /** The request's moment: one reading of the clock, taken before the handler runs. */
  now: Date;
  services: Services;
  /** Records an audit entry in this request's transaction; pact, actor, time and request id are filled in. */
  audit(entry: RouteAuditEntry): Promise<void>;
  /** Sets a flash message for the next page (after a redirect). */
  flash(message: import('../ui/messages/index.ts').MessageKey): void;
}

export type PathParams = z.ZodType<Record<string, string>>;

/**
 * An audit entry as a route writes it: pact, actor, time and request id are filled in. The actor's
 * organisation and role come from the request's grant, or from `grant` when the handler checked a
 * further permission for what it logs (say, reading the member list on an organisation's page).
 */
export type RouteAuditEntry = Omit<AuditEntry, 'pactId' | 'actor' | 'occurredAt' | 'requestId'> & { pactId?: string | null; grant?: Grant };

/** What a route's `load` may use: the transaction, the pact, the parameters and who asks. */
export interface LoadContext<P = Record<string, string>> {
  tx: Tx;
  pact: PactSummary | null;
  params: P;
  actor: Actor;
}

export interface RouteSpec<S extends PathParams = PathParams, Path extends string = string> {
  method: 'GET' | 'POST';
  /** Hono path; pact-scoped routes start with /p/:pact. */
  path: Path;
  permission: Permission;
  /** Validates the path parameters (ids are UUIDs); a mismatch is a 404, never a database error. */
  params?: S;
  /** Picks the policy resource out of the parameters (e.g. the organisation being edited). */
  resource?: (params: z.output<S>) => Omit<Resource, 'pact'>;
  /**
   * Loads the facts about the route's record in the request's transaction (as the application
   * role, so row-level security applies), before the policy runs. Null: the record is not there
   * (or not in this pact), a 404. The policy then decides on `resource.record`.
   */
  load?: (ctx: LoadContext<z.output<S>>) => Promise<RecordFacts | null>;
  /** Largest request body accepted, in bytes (default 64 KiB). */
  maxBody?: number;
  /** With 'rerender' the handler is called on a bad CSRF token and shows the form again with the input kept. */
  csrf?: 'reject' | 'rerender';
  /** The route runs outside row-level security (system administration, log-in). Say why in the module. */
  system?: boolean;
  /** The response may be a file, not a page (CSV, PDF, JSON). */
  handler: (ctx: RouteContext<z.output<S>, Path>) => Promise<Response>;
}

export function defineRoute<S extends PathParams, Path extends string>(spec: RouteSpec<S, Path>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** A route that needs no database, session or policy input (health checks, static assets): always public. */
export interface BareRouteSpec {
  method: 'GET';
  path: string;
  permission: 'public';
  bare: true;
  handler: (c: Context<AppEnv>, services: Services) => Response | Promise<Response>;
}

/** What an API route's handler gets: the transaction under the pact's row-level security, and the parsed request. */
export interface ApiContext<P = Record<string, string>, Q = Record<string, unknown>, B = undefined> {
  tx: Tx;
  pact: PactSummary;
  params: P;
  query: Q;
  /** The parsed JSON body of a POST (undefined on a GET). */
  body: B;
  /** Who calls: anonymous, or an organisation's API token. */
  actor: Actor;
  grant: Grant;
  now: Date;
  requestId: string;
  services: Services;
  /** The request's path and query string, for the `next` link of a paged list. */
  request: { path: string; search: URLSearchParams };
  /** Records an audit entry in this request's transaction, as the token's organisation (see RouteContext.audit). */
  audit(entry: RouteAuditEntry): Promise<void>;
}

/** What a POST of the API answers: its status (201 for a new record) and the body, both kept for a replay. */
export interface ApiCreated<T> {
  status: 200 | 201;
  body: T;
  /** The address of the new record, if it has one in the API. */
  location?: string;
}

/**
 * A route of the public API (`/api/v1/pacts/:pact/…`): JSON only, described by its zod schemas,
 * from which the OpenAPI document is made (src/platform/api/openapi.ts). Mounted by
 * src/app/api-pipeline.ts through the same policy and transaction as a page, but it reads no
 * cookie and sets none, and every refusal is problem+json.
 */
export interface ApiRouteSpec<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType>
  extends ApiOperation {
  api: true;
  method: 'GET';
  path: `/api/v1/pacts/:pact${string}`;
  permission: Permission;
  params: P;
  query: Q;
  response: R;
  body?: undefined;
  maxBody?: undefined;
  /** The policy's resource besides the pact (the organisation in the path). */
  resource?: (params: z.output<P>) => Omit<Resource, 'pact'>;
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>>) => Promise<z.input<R>>;
}

/**
 * A POST of the API: a JSON body checked by its zod schema, an `Idempotency-Key` required (a retry
 * with the same key gets the stored answer), and a token with the right scope (the policy's
 * `tokenScopes`). The body may be at most `maxBody` bytes (default 64 KiB).
 */
export interface ApiPostRouteSpec<
  P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType,
> extends ApiOperation {
  api: true;
  method: 'POST';
  path: `/api/v1/pacts/:pact${string}`;
  permission: Permission;
  params: P;
  query: Q;
  body: B;
  response: R;
  maxBody?: number;
  resource?: (params: z.output<P>) => Omit<Resource, 'pact'>;
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<ApiCreated<z.input<R>>>;
}

export function defineApiRoute<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(
  spec: Omit<ApiRouteSpec<P, Q, R>, 'api'>,
): AnyApiRoute {
  return { ...spec, api: true } as unknown as AnyApiRoute;
}

export function defineApiPostRoute<P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType, R extends z.ZodType>(
  spec: Omit<ApiPostRouteSpec<P, Q, B, R>, 'api'>,
): AnyApiRoute {
  return { ...spec, api: true } as unknown as AnyApiRoute;
}

export type AnyApiRoute = ApiRouteSpec | ApiPostRouteSpec;

export type AnyRoute = RouteSpec | BareRouteSpec | AnyApiRoute;

export function isBare(route: AnyRoute): route is BareRouteSpec {
  return 'bare' in route && route.bare === true;
}

export function isApi(route: AnyRoute): route is AnyApiRoute {
  return 'api' in route && route.api === true;
}

/** The pact named in a path (`/p/:pact/…`): a slug of at most 40 characters (pact_slug_format in migration 0001). */
export const pactSlugParam = z.string().max(40);
/** Path parameters of a route that names only its pact. */
export const pactParams = z.object({ pact: pactSlugParam });

/**
 * Where a page of an API list starts: the sort key in the request's `cursor`, checked against the
 * list's key shape; null without a cursor. A cursor that is not one of this list's is a 400 that
 * names the parameter.
 */
export function cursorAfter<T extends z.ZodTuple>(cursor: string | undefined, shape: T): z.output<T> | null {
  if (cursor === undefined) return null;
  const after = decodeCursor(cursor, shape);
  if (!after) throw new HttpError(400, undefined, [{ in: 'query', name: 'cursor', detail: 'Not a cursor of this list.' }]);
  return after;
}
