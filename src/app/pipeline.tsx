// The one path every request takes: parse path parameters → read the body within its size limit →
// one transaction: load pact and session, set the row-level-security context and role, load the
// actor's memberships → ask the policy → check CSRF → call the handler. Errors become pages (or
// problem+json) with the request id and never a stack trace.
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import { auditActorFor, authorize, awaitsSecondFactor, type Actor, type PactSummary, type Resource } from '../access/policy.ts';
import type { RouteContext, RouteSpec, Services } from '../access/route.ts';
import { inAuditedTransaction, recordAudit } from '../platform/audit/audit-log.ts';
import {
  anonymousCookieName, csrfToken, csrfTokenMatches, hashToken, isPending, isSessionAlive,
  loadRequestContext, needsTouch, SECOND_FACTOR_PATH, secondFactorState, sessionCookieName, tokenPattern, touchSession,
} from '../modules/accounts/index.ts';
import type { AppEnv } from '../ui/env.ts';
import { isMessageKey, translatorFor, type MessageKey } from '../ui/messages/index.ts';
import { navigationFor } from './navigation.ts';
import { errorResponse, HttpError } from './errors.tsx';

const FLASH_COOKIE = 'sp_flash';
const DEFAULT_MAX_BODY = 64 * 1024;

function pathOf(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}

/** Rejects cross-site form posts: the browser says where a request comes from. */
function crossSite(c: Context<AppEnv>): boolean {
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin === 'null';
  const host = c.req.header('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

async function readForm(c: Context<AppEnv>, maxBody: number): Promise<FormData> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) throw new HttpError(415);
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBody) throw new HttpError(413);
  const body = await c.req.arrayBuffer();
  if (body.byteLength > maxBody) throw new HttpError(413);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch {
    throw new HttpError(400);
  }
  for (const [name, value] of form.entries()) {
    if (hasNul(name) || hasNul(typeof value === 'string' ? value : value.name)) throw new HttpError(400);
  }
  return form;
}

/** PostgreSQL text cannot hold NUL: such input is refused here, not by a failing query (a 500). */
export function hasNul(value: string): boolean {
  return value.includes('\u0000');
}

function ensureVisitorId(c: Context<AppEnv>, services: Services): string {
  const name = anonymousCookieName(services.session.secureCookies);
  const existing = getCookie(c, name);
  if (existing && tokenPattern.test(existing)) return existing;
  const id = randomBytes(32).toString('base64url');
  setCookie(c, name, id, {
    httpOnly: true, secure: services.session.secureCookies, sameSite: 'Lax', path: '/',
  });
  return id;
}

export function mountRoute(app: Hono<AppEnv>, spec: RouteSpec, services: Services): void {
  const limit = bodyLimit({
    maxSize: spec.maxBody ?? DEFAULT_MAX_BODY,
    // The limit is enforced while the body streams in, so an endless upload is cut off early.
    onError: () => {
      throw new HttpError(413);
    },
  });
  const handler = async (c: Context<AppEnv>) => {
    const rawParams = c.req.param() as Record<string, string>;
    if (Object.values(rawParams).some(hasNul)) throw new HttpError(404);
    for (const [name, value] of new URL(c.req.url).searchParams) if (hasNul(name) || hasNul(value)) throw new HttpError(400);
    const parsedParams = spec.params ? spec.params.safeParse(rawParams) : { success: true as const, data: rawParams };
    if (!parsedParams.success) throw new HttpError(404);
    const params = parsedParams.data as Record<string, string>;

    let form: FormData | null = null;
    if (spec.method === 'POST') {
      if (crossSite(c)) throw new HttpError(403);
      form = await readForm(c, spec.maxBody ?? DEFAULT_MAX_BODY);
    }

    const secure = services.session.secureCookies;
    const cookieToken = getCookie(c, sessionCookieName(secure));
    const sessionHash = cookieToken && tokenPattern.test(cookieToken) ? hashToken(cookieToken) : null;
    const pactSlug = c.req.param('pact') ?? null;
    const now = services.clock.now();

    return inAuditedTransaction(services.db, async (tx) => {
      const loaded = await loadRequestContext(tx, {
        pactSlug, sessionHash, now, idleMinutes: services.session.idleMinutes, enterAppRole: !spec.system,
      });
      if (pactSlug && !loaded.pact) throw new HttpError(404);
      const pact: PactSummary | null = loaded.pact;
      let session = loaded.session;
      if (session && !isSessionAlive(session, now, services.session.idleMinutes)) {
        session = null;
      }
      if (cookieToken && !session) deleteCookie(c, sessionCookieName(secure), { path: '/', secure });

      const secondFactor = session
        ? secondFactorState({ verifiedAt: session.secondFactorAt, enrolled: session.secondFactorEnrolled, required: session.secondFactorRequired })
        : 'not-needed';
      // With only the password given, the session carries none of the person's rights yet.
      const pending = isPending(secondFactor);
      const actor: Actor = session
        ? {
            kind: 'person',
            personId: session.personId,
            sessionId: session.id,
            displayName: session.displayName,
            isSystemAdmin: session.isSystemAdmin && !pending,
            locale: session.locale,
            secondFactor,
            memberships: pact && !pending ? loaded.memberships : [],
          }
        : { kind: 'anonymous' };
      if (session && needsTouch(session, now)) await touchSession(tx, session.id, now);

      if (!getCookie(c, 'sp_lang') && actor.kind === 'person' && actor.locale !== c.get('locale')) {
        c.set('locale', actor.locale);
        c.set('t', translatorFor(actor.locale));
      }

      const csrfBinding = session ? session.id : ensureVisitorId(c, services);
      const flashCookie = getCookie(c, FLASH_COOKIE);
      if (flashCookie) deleteCookie(c, FLASH_COOKIE, { path: '/' });
      c.set('view', {
        signedIn: actor.kind === 'person',
        displayName: actor.kind === 'person' ? actor.displayName : null,
        pact: pact ? { slug: pact.slug, name: pact.name } : null,
        csrfToken: csrfToken(services.secret, csrfBinding),
        nav: navigationFor(actor, pact, new URL(c.req.url).pathname),
        flash: flashCookie && isMessageKey(flashCookie) ? (flashCookie as MessageKey) : undefined,
        path: pathOf(c),
      });

      // A suspended pact is not there, for visitors and members alike; only system administrators
      // (who suspend and reinstate pacts) still reach what the policy grants them.
      if (pact && pact.status !== 'active' && !(actor.kind === 'person' && actor.isSystemAdmin)) throw new HttpError(404);

      const resource: Resource = { pact, ...(spec.resource ? spec.resource(params) : {}) };
      if (spec.load) {
        const record = await spec.load({ tx, pact, params, actor });
        if (!record) throw new HttpError(404);
        resource.record = record;
      }
      const grant = authorize(actor, spec.permission, resource);
      if (!grant) {
        if (awaitsSecondFactor(actor) && spec.method === 'GET' && !c.req.path.startsWith('/api/')) {
          return c.redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(pathOf(c))}`, 303);
        }
        if (actor.kind === 'anonymous') {
          if (spec.method === 'GET' && !c.req.path.startsWith('/api/')) {
            return c.redirect(`/login?next=${encodeURIComponent(pathOf(c))}`, 303);
          }
          throw new HttpError(401);
        }
        throw new HttpError(403);
      }

      let csrfRejected = false;
      if (form && !csrfTokenMatches(services.secret, csrfBinding, form.get('_csrf'))) {
        if (spec.csrf !== 'rerender') throw new HttpError(403, 'form.error.csrf');
        csrfRejected = true;
      }

      const requestId = c.get('requestId');
      const auditActor = auditActorFor(actor, grant);
      const ctx: RouteContext = {
        c, tx, actor, grant, pact, params, record: resource.record, form, csrfRejected, requestId, now, services,
        audit: ({ grant: entryGrant, ...entry }) =>
          recordAudit(tx, {
            ...entry,
            pactId: entry.pactId === undefined ? (pact?.id ?? null) : entry.pactId,
            actor: entryGrant ? auditActorFor(actor, entryGrant) : auditActor,
            occurredAt: now,
            requestId,
          }),
        flash: (message) => setCookie(c, FLASH_COOKIE, message, { path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 60 }),
      };
      return spec.handler(ctx);
    });
  };
  // A GET's body is never read, so only a POST passes the limit (reading `body` on a GET would also
  // turn the light request object into a full one on every page view).
  if (spec.method === 'POST') app.on(spec.method, spec.path, limit, handler);
  else app.on(spec.method, spec.path, handler);
}

export { errorResponse };
