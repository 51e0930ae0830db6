// Error pages and problem+json: one place. A user sees what happened and a request id to quote,
// never a stack trace; the log gets the details.
import type { Context } from 'hono';
import type { AppEnv } from '../ui/env.ts';
import { useRequestContext } from '../ui/request-context.ts';
import { Heading, Link, Paragraph } from '../ui/components.tsx';
import type { MessageKey } from '../ui/messages/index.ts';
import { HttpError } from '../access/http-error.ts';
import { problemTypeForStatus, problemTypeUri, type InvalidParam, type ProblemType } from '../platform/api/problem-types.ts';

export { HttpError };

/**
 * The answer to a write the database refused although the code should have checked it first: a
 * foreign key to a row that is not there for this request (23503: say, an id of another pact's
 * record, which row-level security and the composite keys refuse) is a 404; a unique key already
 * taken (23505: two requests at the same moment) is a 409. Every form validates its ids against the
 * pact and reports a field error — this is the safety net that keeps a missed check from being a
 * 500. Null for any other error.
 */
export function databaseRefusalStatus(error: unknown): 404 | 409 | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (code === '23503') return 404;
  if (code === '23505') return 409;
  return null;
}

/** What may be logged of a database refusal: the codes and names, never the values (they may be personal data). */
export function databaseRefusalLog(error: unknown): { code: unknown; constraint: unknown; table: unknown } {
  const e = error as { code?: unknown; constraint?: unknown; table?: unknown };
  return { code: e.code, constraint: e.constraint, table: e.table };
}

const pageStatuses = [400, 401, 403, 404, 409, 413, 422, 429, 500] as const;
type PageStatus = (typeof pageStatuses)[number];

function pageStatus(status: number): PageStatus {
  if (status === 415 || status === 406) return 400;
  return (pageStatuses as readonly number[]).includes(status) ? (status as PageStatus) : 500;
}

export function wantsJson(c: Context<AppEnv>): boolean {
  if (c.req.path.startsWith('/api/')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * RFC 9457 problem details. The `type` is stable per kind of refusal (src/platform/api/problem-types.ts);
 * the title and detail are in the request's language.
 */
export function problem(
  c: Context<AppEnv>, status: number, detail?: string, extra: Record<string, unknown> = {},
  options: { type?: ProblemType; headers?: Record<string, string> } = {},
): Response {
  const t = c.get('t');
  const ps = pageStatus(status);
  const body = {
    type: problemTypeUri(options.type ?? problemTypeForStatus(status)),
    title: t(`error.title.${ps}` as MessageKey),
    status,
    detail: detail ?? t(`error.body.${ps}` as MessageKey),
    instance: c.req.path,
    requestId: c.get('requestId'),
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...options.headers, 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

function ErrorContent({ status, message }: { status: PageStatus; message?: MessageKey | undefined }) {
  const c = useRequestContext();
  const t = c.get('t');
  return (
    <>
      <Heading level={1}>{t(`error.title.${status}` as MessageKey)}</Heading>
      <Paragraph>{t(message ?? (`error.body.${status}` as MessageKey))}</Paragraph>
      <Paragraph>{t('error.requestId', { id: c.get('requestId') })}</Paragraph>
      <Paragraph>
        <Link href={c.get('view').pact ? `/p/${c.get('view').pact?.slug}` : '/'}>{t('error.backHome')}</Link>
      </Paragraph>
    </>
  );
}

export async function errorResponse(
  c: Context<AppEnv>, status: number, message?: MessageKey, invalid: readonly InvalidParam[] = [],
  api: HttpError['api'] = {},
): Promise<Response> {
  if (wantsJson(c)) {
    // A request with findings says where to look, not "try again": sent again unchanged, it fails again.
    const detail = message ? c.get('t')(message) : invalid.length > 0 ? c.get('t')('error.invalidParams') : api.detail;
    return problem(c, status, detail, invalid.length > 0 ? { errors: invalid } : {}, api);
  }
  const ps = pageStatus(status);
  if (!c.get('view')) {
    c.set('view', { signedIn: false, displayName: null, pact: null, csrfToken: '', nav: [], path: c.req.path });
  }
  c.status(status as 400);
  return c.render(<ErrorContent status={ps} message={message} />, { title: c.get('t')(`error.title.${ps}` as MessageKey) });
}
