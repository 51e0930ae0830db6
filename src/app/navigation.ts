// The main navigation shows only what the actor may open: drawn from the same policy as the routes.
// A pact's entries come from the modules' manifests, in their order.
import { awaitsSecondFactor, can, type Actor, type PactSummary } from '../access/policy.ts';
import type { NavItem } from '../ui/env.ts';
import { isMessageKey } from '../ui/messages/index.ts';
import { moduleNavigation } from './modules.ts';

export function navigationFor(actor: Actor, pact: PactSummary | null, currentPath: string): NavItem[] {
  const items: NavItem[] = [];
  if (pact) {
    for (const e of moduleNavigation) {
      const organisationId = e.organisationOf?.(actor);
      if (!can(actor, e.permission, { pact, ...(organisationId ? { organisationId } : {}) })) continue;
      const href = e.href(pact, actor);
      if (href && isMessageKey(e.label)) items.push({ href, label: e.label, current: href === currentPath });
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
