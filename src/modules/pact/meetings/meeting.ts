// Meetings of a pact: kinds, visibility, the status lifecycle and the forms. Pure: no I/O.
import { z } from 'zod';
import { dateField, optionalDateField, parseForm, type FormResult } from '../../../platform/forms.ts';
import { actionsOpen, defineLifecycle } from '../../../platform/lifecycle/lifecycle.ts';
import { fromLocal } from './local-time.ts';

export const meetingKinds = ['conference', 'follow_up', 'working_group', 'other'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingVisibilities = ['public', 'members'] as const;
export type MeetingVisibility = (typeof meetingVisibilities)[number];
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * Which status may follow which: a held meeting stays held; a cancelled one may be planned again.
 * The pact's coordinators change it, in the meeting's edit form (which names the status to go to).
 */
export const meetingLifecycle = defineLifecycle({
  name: 'meeting',
  statuses: meetingStatuses,
  initial: 'planned',
  transitions: {
    hold: { from: ['planned'], to: 'held', by: ['coordinator'] },
    cancel: { from: ['planned'], to: 'cancelled', by: ['coordinator'] },
    'plan-again': { from: ['cancelled'], to: 'planned', by: ['coordinator'] },
  },
});

/** The statuses a coordinator may move a meeting in status `from` to, in the table's order. */
function statusesAfter(from: MeetingStatus): MeetingStatus[] {
  return actionsOpen(meetingLifecycle, from, 'coordinator').map((a) => meetingLifecycle.transitions[a].to);
}

export function mayChangeMeetingStatus(from: MeetingStatus, to: MeetingStatus): boolean {
  return from === to || statusesAfter(from).includes(to);
}

/** Statuses a meeting with this status may be given in the edit form (its own first). */
export function nextMeetingStatuses(from: MeetingStatus): MeetingStatus[] {
  return [from, ...statusesAfter(from)];
}

const localDate = dateField();
const localTime = z.string().trim().regex(/^\d{2}:\d{2}$/, 'meetings.error.time');

const meetingSchema = z.object({
  kind: z.enum(meetingKinds),
  title: z.string().trim().min(1).max(200),
  date: localDate,
  startTime: localTime,
  endTime: localTime,
  place: z.string().trim().max(300).default(''),
  agenda: z.string().trim().max(10000).default(''),
  visibility: z.enum(meetingVisibilities),
  status: z.enum(meetingStatuses).optional(),
  minutes: z.string().trim().max(50000).default(''),
});

export interface MeetingValue {
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  agenda: string;
  visibility: MeetingVisibility;
  status: MeetingStatus | undefined;
  minutes: string;
}

/**
 * The new-meeting and edit form: a local date with start and end time in Europe/Amsterdam. The
 * times are checked only when every field is right on its own (a date that does not exist is
 * reported on the date, not on the times).
 */
export const meetingForm = meetingSchema.transform((v, ctx): MeetingValue => {
  const startsAt = fromLocal(v.date, v.startTime);
  const endsAt = fromLocal(v.date, v.endTime);
  const problem = (field: 'date' | 'startTime' | 'endTime', message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  if (!fromLocal(v.date, '12:00')) problem('date', 'form.error.date');
  else {
    if (!startsAt) problem('startTime', 'meetings.error.time');
    if (!endsAt) problem('endTime', 'meetings.error.time');
    else if (startsAt && endsAt <= startsAt) problem('endTime', 'meetings.error.endBeforeStart');
  }
  if (!startsAt || !endsAt || endsAt <= startsAt) return z.NEVER;
  return {
    kind: v.kind, title: v.title, startsAt, endsAt, place: v.place, agenda: v.agenda, visibility: v.visibility,
    status: v.status, minutes: v.minutes,
  };
});

export function parseMeetingForm(form: FormData): FormResult<MeetingValue> {
  return parseForm(meetingForm, form);
}

const attendanceSchema = z.object({
  organisations: z.union([z.uuid(), z.array(z.uuid()).max(500)]).optional(),
  otherAttendees: z.string().trim().regex(/^\d{1,5}$/, 'meetings.error.count'),
});
/** Which organisations were present and how many others: the count is required, so an empty form is refused. */
export const attendanceForm = attendanceSchema.transform(({ organisations: o, otherAttendees }) => ({
  organisations: [...new Set(o === undefined ? [] : Array.isArray(o) ? o : [o])],
  otherAttendees: Number(otherAttendees),
}));

export function parseAttendanceForm(form: FormData): FormResult<{ organisations: string[]; otherAttendees: number }> {
  return parseForm(attendanceForm, form);
}

export const decisionSchema = z.object({ decision: z.string().trim().min(1).max(2000) });

export const actionItemSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  owner: z.uuid({ message: 'form.error.choice' }),
  dueOn: optionalDateField(),
  activity: z.union([z.literal(''), z.uuid({ message: 'form.error.choice' })]).default(''),
});

/** Marking an item done or not done: a small form per item, with hidden fields only. */
export const actionDoneSchema = z.object({ item: z.uuid({ message: 'form.error.choice' }), done: z.enum(['yes', 'no'], { message: 'form.error.choice' }) });

/** The action-items form: adding an item, or (a form that names an `item`) marking one done or not done. */
export const actionsForm = z.preprocess(
  (raw) => (raw && typeof raw === 'object' ? { ...raw, part: 'item' in raw ? 'done' : 'add' } : raw),
  z.discriminatedUnion('part', [
    actionItemSchema.extend({ part: z.literal('add') }),
    actionDoneSchema.extend({ part: z.literal('done') }),
  ]),
);

/** Whether a meeting counts as upcoming at `now`: it has not ended yet. */
export function isUpcoming(meeting: { endsAt: Date }, now: Date): boolean {
  return meeting.endsAt.getTime() > now.getTime();
}
