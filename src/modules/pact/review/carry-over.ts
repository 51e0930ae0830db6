// What can be carried over from agenda year Y into Y+1. Pure: no I/O.
//
// - Only unfinished activities: planned, in progress or delayed. Done and stopped ones are not.
// - At most once (activity.carried_from_id is unique): a second time names the carried activity.
// - Year Y+1 must exist and be open for registration: otherwise the coordinator has to open it
//   (or reopen it) first.
// - The pillar must not be archived: an archived pillar takes no new activities.
// - A withdrawn activity is not part of the year and is not carried.
// The new period lies within Y+1 and does not end before it starts.
import { z } from 'zod';
import { dateField, parseForm, type FormResult } from '../../../platform/forms.ts';
import type { ActivityStatus } from '../agenda/index.ts';

export type CarryOverRefusal =
  | { reason: 'withdrawn' }
  | { reason: 'finished'; status: ActivityStatus }
  | { reason: 'already-carried'; carriedId: string; carriedYear: number }
  | { reason: 'next-year-missing'; nextYear: number }
  | { reason: 'next-year-locked'; nextYear: number }
  | { reason: 'pillar-archived' };

export const carriableStatuses: readonly ActivityStatus[] = ['planned', 'in_progress', 'delayed'];

export interface CarryOverSituation {
  year: number;
  status: ActivityStatus;
  withdrawn: boolean;
  pillarArchived: boolean;
  carried: { id: string; year: number } | null;
  nextYear: { status: 'open' | 'locked' } | null;
}

/** null when the activity can be carried over; otherwise why not (checked in this order). */
export function carryOverRefusal(s: CarryOverSituation): CarryOverRefusal | null {
  if (s.withdrawn) return { reason: 'withdrawn' };
  if (s.carried) return { reason: 'already-carried', carriedId: s.carried.id, carriedYear: s.carried.year };
  if (!carriableStatuses.includes(s.status)) return { reason: 'finished', status: s.status };
  if (s.pillarArchived) return { reason: 'pillar-archived' };
  if (!s.nextYear) return { reason: 'next-year-missing', nextYear: s.year + 1 };
  if (s.nextYear.status !== 'open') return { reason: 'next-year-locked', nextYear: s.year + 1 };
  return null;
}

export interface CarryOverPeriod {
  startsOn: string;
  endsOn: string;
}

/** The period a carried activity gets unless the form says otherwise: the whole next year. */
export function defaultPeriod(nextYear: number): CarryOverPeriod {
  return { startsOn: `${nextYear}-01-01`, endsOn: `${nextYear}-12-31` };
}

const isoDate = dateField();
/** One date field: the first value when it was given more than once, '' when it was not given. */
const firstDate = z.preprocess((v) => (Array.isArray(v) ? v[0] : v) ?? '', isoDate);

/** The new period of a carried activity: two dates within `nextYear`, the end not before the start. */
export function carryOverForm(nextYear: number) {
  return z.object({
    startsOn: firstDate.refine((v) => v.startsWith(`${nextYear}-`), 'review.error.periodOutsideYear'),
    endsOn: firstDate.refine((v) => v.startsWith(`${nextYear}-`), 'review.error.periodOutsideYear'),
  }).refine((p) => p.endsOn >= p.startsOn, { path: ['endsOn'], message: 'review.error.periodOrder' });
}

export function parseCarryOverForm(form: FormData | URLSearchParams, nextYear: number): FormResult<CarryOverPeriod> {
  return parseForm(carryOverForm(nextYear), form);
}
