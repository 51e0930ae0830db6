// The pact's upcoming public meetings in the public API: `GET /api/v1/pacts/{pact}/meetings`, a
// paged list. What the public meeting pages and the iCalendar feed show of a meeting that has not
// ended; members-only meetings, attendance, minutes, decisions and action items stay out.
import { z } from 'zod';
import { cursorAfter, defineApiRoute, pactParams } from '../../../access/route.ts';
import { TIME_ZONES } from '../../../platform/calendar/index.ts';
import { pageFrom, pageOf, pageQuery } from '../../../platform/api/paging.ts';
import { meetingKinds, meetingStatuses } from './meeting.ts';
import { pageUpcomingPublicMeetings, type PublicMeetingRow } from './meeting-queries.ts';

const meetingResource = z
  .object({
    id: z.uuid(),
    kind: z.enum(meetingKinds).describe('The yearly conference, a follow-up meeting, a working group, or another meeting.'),
    title: z.string(),
    startsAt: z.iso.datetime({ offset: true }).describe('The start in the pact\'s local time with its offset (RFC 3339, e.g. 2027-02-11T13:00:00+01:00).'),
    endsAt: z.iso.datetime({ offset: true }).describe('The end, written like `startsAt`.'),
    place: z.string().describe('Where it is held; may be empty.'),
    agenda: z.string().describe('What will be discussed; may be empty.'),
    status: z.enum(meetingStatuses).describe('`planned`, `held`, or `cancelled` (a cancelled meeting stays listed until its end, so a calendar can strike it).'),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

const cursorKey = z.tuple([z.iso.datetime(), z.uuid()]);

const zoned = new Map<string, Intl.DateTimeFormat>();

/** An instant as RFC 3339 in the time zone's local time, with the offset in force then (+01:00, +02:00). */
function localDateTime(instant: Date, timeZone: string): string {
  let format = zoned.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    zoned.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const abs = Math.abs(offset);
  const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset < 0 ? '-' : '+'}${hhmm}`;
}

function meetingOf(row: PublicMeetingRow, timeZone: string): z.output<typeof meetingResource> {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: localDateTime(row.starts_at, timeZone),
    endsAt: localDateTime(row.ends_at, timeZone),
    place: row.place,
    agenda: row.agenda,
    status: row.status,
    updatedAt: row.updated_at.toISOString(),
  };
}

export const meetingApiRoutes = [
  defineApiRoute({
    method: 'GET',
    path: '/api/v1/pacts/:pact/meetings',
    operationId: 'listMeetings',
    summary: 'The upcoming public meetings',
    description:
      'The pact\'s public meetings that have not ended yet, by start: the same meetings as the iCalendar feed ' +
      '`/p/{pact}/meetings.ics`, cancelled ones included. A meeting leaves the list when it ends, or when it is ' +
      'made members-only; neither shows with `modified_after`, which lists the upcoming ones changed since.',
    tags: ['Meetings'],
    permission: 'public',
    params: pactParams,
    query: pageQuery,
    response: pageOf(meetingResource),
    handler: async ({ tx, pact, query, request, now }) => {
      const after = cursorAfter(query.cursor, cursorKey);
      const rows = await pageUpcomingPublicMeetings(tx, pact.id, now, {
        limit: query.limit,
        after,
        modifiedAfter: query.modified_after ? new Date(query.modified_after) : null,
      });
      const timeZone = TIME_ZONES[pact.jurisdiction];
      return pageFrom(rows, query, request, (row) => [row.starts_key, row.id], (row) => meetingOf(row, timeZone));
    },
  }),
];
