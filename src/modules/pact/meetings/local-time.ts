// Local dates and times of meetings in the pacts' time zone (Europe/Amsterdam; Flanders shares
// it). Pure: converts a local date and time as typed in a form to an instant and back.
const TIME_ZONE = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function toLocal(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/**
 * The instant of a local date and time, or null when that time does not exist (the hour skipped
 * when summer time starts) or the input is not a real date and time. In the hour that occurs
 * twice (autumn) the earlier one is taken.
 */
export function fromLocal(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (h > 23 || mi > 59) return null;
  const naive = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return null;
  // Offsets in this zone are +1 or +2 hours: try both, earlier first.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(naive - offsetHours * 3_600_000);
    const back = toLocal(candidate);
    if (back.date === date && back.time === time) return candidate;
  }
  return null;
}
