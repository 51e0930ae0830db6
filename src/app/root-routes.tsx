// Routes of the installation itself: the list of pacts, language choice, health, static assets,
// and the system administrator's overview.
import { readFileSync, existsSync } from 'node:fs';
import { setCookie } from 'hono/cookie';
import { sql } from 'kysely';
import { defineRoute, type AnyRoute, type BareRouteSpec } from '../access/route.ts';
import { isLocale } from '../platform/i18n/translator.ts';
import { safeNext } from '../modules/accounts/index.ts';
import { listPacts } from '../modules/pact/index.ts';
import { Flash, Heading, Link, Paragraph, Table } from '../ui/components.tsx';
import { useT } from '../ui/i18n.ts';
import type { MessageKey } from '../ui/messages/index.ts';

const buildDir = new URL('../../public/build/', import.meta.url).pathname;
const assetTypes: Record<string, string> = {
  'app.css': 'text/css; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
};
const assets = new Map<string, Buffer>();
function asset(name: string): Buffer | undefined {
  if (!assetTypes[name]) return undefined;
  if (!assets.has(name)) {
    const path = buildDir + name;
    if (!existsSync(path)) return undefined;
    assets.set(name, readFileSync(path));
  }
  return assets.get(name);
}

function HomePage({ pacts }: { pacts: Array<{ slug: string; name: string; municipality: string }> }) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('home.title')}</Heading>
      <Paragraph lead>{t('app.tagline')}</Paragraph>
      <Paragraph>{t('home.intro')}</Paragraph>
      <Heading level={2}>{t('home.pactsHeading')}</Heading>
      {pacts.length === 0 ? (
        <Paragraph>{t('home.noPacts')}</Paragraph>
      ) : (
        <ul class="utrecht-unordered-list">
          {pacts.map((p) => (
            <li class="utrecht-unordered-list__item">
              <Link href={`/p/${p.slug}`}>{p.name}</Link>
              {p.municipality ? <span class="sp-muted"> — {p.municipality}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface AdminPactRow {
  slug: string;
  name: string;
  jurisdiction: string;
  status: string;
  organisations: number;
}

function AdminPage({ pacts }: { pacts: AdminPactRow[] }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('nav.system')}</Heading>
      <Table
        caption={t('home.pactsHeading')}
        rows={pacts}
        columns={[
          { header: t('settings.name'), cell: (p) => <Link href={`/p/${p.slug}`}>{p.name}</Link> },
          { header: t('settings.jurisdiction'), cell: (p) => t(`jurisdiction.${p.jurisdiction}` as MessageKey) },
          { header: t('organisations.title'), cell: (p) => String(p.organisations), numeric: true },
        ]}
      />
      <Paragraph>
        <Link href="/admin/pacts">{t('adminPacts.toPacts')}</Link>
      </Paragraph>
      <Heading level={2}>{t('adminPeople.title')}</Heading>
      <Paragraph>
        <Link href="/admin/people">{t('adminPeople.toPeople')}</Link>
      </Paragraph>
      <Heading level={2}>{t('outbox.title')}</Heading>
      <Paragraph>
        <Link href="/admin/outbox">{t('admin.toOutbox')}</Link>
      </Paragraph>
      <Heading level={2}>{t('auditSearch.title')}</Heading>
      <Paragraph>
        <Link href="/admin/audit">{t('auditSearch.toAdminAudit')}</Link>
      </Paragraph>
    </>
  );
}

const bare = (r: BareRouteSpec): BareRouteSpec => r;

export const rootRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/',
    permission: 'public',
    handler: async ({ c, tx }) => c.render(<HomePage pacts={await listPacts(tx)} />, { title: c.get('t')('home.title') }),
  }),
  defineRoute({
    method: 'GET',
    path: '/language',
    permission: 'public',
    handler: async ({ c }) => {
      const lang = c.req.query('lang');
      const safe = safeNext(c.req.query('next'));
      if (isLocale(lang)) setCookie(c, 'sp_lang', lang, { path: '/', sameSite: 'Lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
      return c.redirect(safe, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/admin',
    permission: 'system:admin',
    // The installation overview spans all pacts, which row-level security for one pact would hide.
    system: true,
    handler: async ({ c, tx }) => {
      const r = await sql<AdminPactRow>`
        select p.slug, p.name, p.jurisdiction, p.status,
               (select count(*) from organisation o where o.pact_id = p.id)::int as organisations
          from pact p order by p.name`.execute(tx);
      return c.render(<AdminPage pacts={r.rows} />, { title: c.get('t')('nav.system') });
    },
  }),
  bare({
    method: 'GET',
    path: '/healthz',
    permission: 'public',
    bare: true,
    handler: (c) => c.json({ status: 'ok' }),
  }),
  bare({
    method: 'GET',
    path: '/readyz',
    permission: 'public',
    bare: true,
    handler: async (c, services) => {
      try {
        await sql`select 1`.execute(services.db);
        return c.json({ status: 'ready', engine: services.engine });
      } catch {
        return c.json({ status: 'unavailable' }, 503);
      }
    },
  }),
  bare({
    method: 'GET',
    path: '/assets/:file',
    permission: 'public',
    bare: true,
    handler: (c) => {
      const name = c.req.param('file') ?? '';
      const body = asset(name);
      if (!body) return c.body('Not found', 404);
      return c.body(new Uint8Array(body), 200, {
        'content-type': assetTypes[name]!,
        'cache-control': 'public, max-age=3600',
      });
    },
  }),
];
