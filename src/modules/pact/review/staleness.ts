// How stale an entry of the agenda is. Pure: no I/O.
//
// An entry's last update is the later of its last edit (activity.updated_at) and its last review
// (activity.reviewed_at). The review of year Y starts on 1 November of Y (Europe/Amsterdam). The
// "last review moment" for a year, seen at a given time, is the latest 1 November that has
// already begun, but never later than the year's own review period: for the year under review it
// is 1 November of that year; for a later year it is the previous year's review. An entry not
// updated since that moment stands out as stale.

const dayMs = 24 * 60 * 60 * 1000;

/** 1 November of `year`, 00:00 in the Netherlands (CET, UTC+1: summer time has ended by then). */
export function reviewPeriodStart(year: number): Date {
  return new Date(Date.UTC(year, 10, 1) - 60 * 60 * 1000);
}

/** The moment entries of agenda year `year` should have been updated since, seen at `now`. */
export function lastReviewMoment(year: number, now: Date): Date {
  const own = reviewPeriodStart(year);
  if (now.getTime() >= own.getTime()) return own;
  // The latest review period that has begun before now.
  let y = now.getUTCFullYear() + 1;
  while (reviewPeriodStart(y).getTime() > now.getTime()) y--;
  return reviewPeriodStart(Math.min(y, year));
}

export function lastUpdate(updatedAt: Date, reviewedAt: Date | null): Date {
  return reviewedAt && reviewedAt.getTime() > updatedAt.getTime() ? reviewedAt : updatedAt;
}

export interface Staleness {
  lastUpdate: Date;
  /** Whole days between the last update and now (0 when in the future). */
  daysSince: number;
  stale: boolean;
}

export function staleness(entry: { updatedAt: Date; reviewedAt: Date | null }, year: number, now: Date): Staleness {
  const last = lastUpdate(entry.updatedAt, entry.reviewedAt);
  const daysSince = Math.max(0, Math.floor((now.getTime() - last.getTime()) / dayMs));
  return { lastUpdate: last, daysSince, stale: last.getTime() < lastReviewMoment(year, now).getTime() };
}
