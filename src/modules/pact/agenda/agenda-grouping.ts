// Grouping of the compiled agenda: by pillar (in the pact's order) or by partner (by name). Pure.
// An activity appears under its lead partner; partners only involved are named with it.
import { partnerHasLeft } from '../partners/index.ts';

export interface Groupable {
  id: string;
  title: string;
  pillar_id: string;
  pillar_title: string;
  pillar_position: number;
  organisation_id: string;
  organisation_name: string;
}

export interface AgendaGroup<A> {
  id: string;
  title: string;
  activities: A[];
}

export type AgendaGrouping = 'pillar' | 'partner';

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

export function groupActivities<A extends Groupable>(activities: A[], by: AgendaGrouping): AgendaGroup<A>[] {
  const groups = new Map<string, AgendaGroup<A> & { order: number }>();
  for (const a of activities) {
    const id = by === 'pillar' ? a.pillar_id : a.organisation_id;
    let g = groups.get(id);
    if (!g) {
      g = by === 'pillar'
        ? { id, title: a.pillar_title, order: a.pillar_position, activities: [] }
        : { id, title: a.organisation_name, order: 0, activities: [] };
      groups.set(id, g);
    }
    g.activities.push(a);
  }
  const sorted = [...groups.values()].sort((x, y) => x.order - y.order || collator.compare(x.title, y.title));
  for (const g of sorted) {
    g.activities.sort((x, y) =>
      by === 'pillar'
        ? collator.compare(x.organisation_name, y.organisation_name) || collator.compare(x.title, y.title)
        : x.pillar_position - y.pillar_position || collator.compare(x.title, y.title),
    );
  }
  return sorted.map(({ id, title, activities: list }) => ({ id, title, activities: list }));
}

/** `?by=partner` groups by partner; anything else by pillar. */
export function groupingFrom(query: string | undefined): AgendaGrouping {
  return query === 'partner' ? 'partner' : 'pillar';
}

/** Whether the lead partner had left the pact on `today` (both YYYY-MM-DD): the partners area's rule. */
export function partnerHasLeftOn(leftOn: string | null, today: string): boolean {
  return partnerHasLeft(leftOn, today);
}
