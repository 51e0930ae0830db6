// The main navigation shows only what the actor may open: drawn from the same policy as the routes.
import { awaitsSecondFactor, can, type Actor, type PactSummary, type Permission } from '../access/policy.ts';
import type { NavItem } from '../ui/env.ts';
import type { MessageKey } from '../ui/messages/index.ts';

interface Entry {
  href: (pact: PactSummary, actor: Actor) => string | null;
  label: MessageKey;
  permission: Permission;
  organisationOf?: (actor: Actor) => string | undefined;
}

function ownOrganisation(actor: Actor): string | undefined {
  return actor.kind === 'person' ? (actor.memberships.find((m) => m.organisationId)?.organisationId ?? undefined) : undefined;
}

const pactEntries: Entry[] = [
  { href: (p) => `/p/${p.slug}`, label: 'nav.home', permission: 'public' },
  { href: (p) => `/p/${p.slug}/initiatives`, label: 'nav.initiatives', permission: 'public' },
  { href: (p) => `/p/${p.slug}/partners`, label: 'nav.partners', permission: 'public' },
  { href: (p) => `/p/${p.slug}/agenda`, label: 'agenda.nav', permission: 'public' },
  { href: (p) => `/p/${p.slug}/meetings`, label: 'meetings.nav', permission: 'public' },
  { href: (p) => `/p/${p.slug}/stories`, label: 'stories.nav', permission: 'public' },
  { href: (p) => `/p/${p.slug}/organisations`, label: 'nav.organisations', permission: 'organisation:read' },
  {
    href: (p, a) => (ownOrganisation(a) ? `/p/${p.slug}/organisations/${ownOrganisation(a)}` : null),
    label: 'nav.myOrganisation',
    permission: 'organisation:read',
    organisationOf: ownOrganisation,
  },
  { href: (p) => `/p/${p.slug}/settings`, label: 'nav.settings', permission: 'pact:manage' },
  { href: (p) => `/p/${p.slug}/neighbourhoods`, label: 'nav.neighbourhoods', permission: 'pact:manage' },
  { href: (p) => `/p/${p.slug}/audit`, label: 'nav.auditLog', permission: 'audit:read-pact' },
];

export function navigationFor(actor: Actor, pact: PactSummary | null, currentPath: string): NavItem[] {
  const items: NavItem[] = [];
  if (pact) {
    for (const e of pactEntries) {
      const organisationId = e.organisationOf?.(actor);
      if (!can(actor, e.permission, { pact, ...(organisationId ? { organisationId } : {}) })) continue;
      const href = e.href(pact, actor);
      if (href) items.push({ href, label: e.label, current: href === currentPath });
    }
  } else {
    items.push({ href: '/', label: 'nav.home', current: currentPath === '/' });
  }
  if (actor.kind === 'person' && !awaitsSecondFactor(actor)) {
    items.push({ href: '/account', label: 'nav.account', current: currentPath === '/account' });
    if (actor.isSystemAdmin) items.push({ href: '/admin', label: 'nav.system', current: currentPath.startsWith('/admin') });
  }
  return items;
}
