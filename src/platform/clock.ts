// The one place that reads the system time. Everything else receives a Clock, so that deadlines,
// session expiry and "today" can be tested at any moment (King's Day, a leap day, New Year's Eve
// 23:59 in Amsterdam) without faking globals.

export interface Clock {
  /** The current instant. Always a fresh Date: callers may mutate it without affecting the clock. */
  now(): Date;
}

export interface FixedClock extends Clock {
  /** Moves the clock to a new instant. */
  set(at: Date | string): void;
  /** Moves the clock by `ms` milliseconds; negative values move it back (to test clock skew). */
  advance(ms: number): void;
}

export const systemClock: Clock = Object.freeze({
  now: () => new Date(),
});

// A string must name an instant unambiguously. `new Date('2025-04-26T10:00')` is read in the
// machine's local zone, so the same test would pass on a laptop and fail in CI; we only accept a
// date-only string (ECMAScript reads it as UTC midnight) or a date-time with `Z` or an offset.
const UNAMBIGUOUS_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d))?$/;

// Date.parse rolls '2025-02-30' over into 2 March instead of rejecting it, so the calendar part
// is checked separately.
function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function toEpochMs(at: Date | string): number {
  if (typeof at === 'string') {
    const match = UNAMBIGUOUS_INSTANT.exec(at);
    if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      throw new RangeError(
        `Ambiguous or malformed instant ${JSON.stringify(at)}: use YYYY-MM-DD or an ISO 8601 date-time with Z or an offset`,
      );
    }
    const ms = Date.parse(at);
    if (Number.isNaN(ms)) throw new RangeError(`Invalid instant ${JSON.stringify(at)}`);
    return ms;
  }
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new RangeError('Invalid Date given to fixedClock');
  }
  return at.getTime();
}

/** A clock that stands still until told otherwise: for tests, replays and batch runs "as of" a date. */
export function fixedClock(at: Date | string): FixedClock {
  let current = toEpochMs(at);
  return {
    now: () => new Date(current),
    set(next: Date | string): void {
      current = toEpochMs(next);
    },
    advance(ms: number): void {
      if (!Number.isFinite(ms)) throw new RangeError(`Cannot advance a clock by ${String(ms)} ms`);
      const next = current + ms;
      // Date covers ±8.64e15 ms; beyond that now() would return an Invalid Date.
      if (Math.abs(next) > 8.64e15) throw new RangeError('Clock advanced beyond the range of Date');
      current = next;
    },
  };
}
