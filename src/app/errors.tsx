// Error pages and problem+json: one place. A user sees what happened and a request id to quote,
// never a stack trace; the log gets the details.
import type { Context } from 'hono';
import type { AppEnv } from '../ui/env.ts';
import { useRequestContext } from 'hono/jsx-renderer';
import { Heading, Link, Paragraph } from '../ui/components.tsx';
import type { MessageKey } from '../ui/messages/index.ts';
import { HttpError } from '../access/http-error.ts';

export { HttpError };

const pageStatuses = [400, 401, 403, 404, 409, 413, 500] as const;
type PageStatus = (typeof pageStatuses)[number];

function pageStatus(status: number): PageStatus {
  if (status === 415) return 400;
  return (pageStatuses as readonly number[]).includes(status) ? (status as PageStatus) : 500;
}

export function wantsJson(c: Context<AppEnv>): boolean {
  if (c.req.path.startsWith('/api/')) return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** RFC 9457 problem details. */
export function problem(c: Context<AppEnv>, status: number, detail?: string, extra: Record<string, unknown> = {}): Response {
  const t = c.get('t');
  const ps = pageStatus(status);
  const body = {
    type: 'about:blank',
    title: t(`error.title.${ps}` as MessageKey),
    status,
    detail: detail ?? t(`error.body.${ps}` as MessageKey),
    instance: c.req.path,
    requestId: c.get('requestId'),
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

function ErrorContent({ status, message }: { status: PageStatus; message?: MessageKey | undefined }) {
  const c = useRequestContext<AppEnv>();
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

export async function errorResponse(c: Context<AppEnv>, status: number, message?: MessageKey): Promise<Response> {
  if (wantsJson(c)) return problem(c, status, message ? c.get('t')(message) : undefined);
  const ps = pageStatus(status);
  if (!c.get('view')) {
    c.set('view', { signedIn: false, displayName: null, pact: null, csrfToken: '', nav: [], path: c.req.path });
  }
  c.status(status as 400);
  return c.render(<ErrorContent status={ps} message={message} />, { title: c.get('t')(`error.title.${ps}` as MessageKey) });
}
