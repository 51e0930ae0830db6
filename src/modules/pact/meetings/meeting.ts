// Meetings of a pact: kinds, visibility, the status transitions and the forms. Pure: no I/O.
import { z } from 'zod';
import { dateField, optionalDateField, parseForm, type FieldErrors, type FormResult } from '../../../platform/forms.ts';
import { fromLocal } from './local-time.ts';

export const meetingKinds = ['conference', 'follow_up', 'working_group', 'other'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingVisibilities = ['public', 'members'] as const;
export type MeetingVisibility = (typeof meetingVisibilities)[number];
export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** Which status may follow which. A held meeting stays held; a cancelled one may be planned again. */
export const meetingTransitions: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  planned: ['held', 'cancelled'],
  held: [],
  cancelled: ['planned'],
};

export function mayChangeMeetingStatus(from: MeetingStatus, to: MeetingStatus): boolean {
  return from === to || meetingTransitions[from].includes(to);
}

/** Statuses a meeting with this status may be given in the edit form (its own first). */
export function nextMeetingStatuses(from: MeetingStatus): MeetingStatus[] {
  return [from, ...meetingTransitions[from]];
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

/** The new-meeting and edit form: a local date with start and end time in Europe/Amsterdam. */
export function parseMeetingForm(form: FormData): FormResult<MeetingValue> {
  const parsed = parseForm(meetingSchema, form);
  if (!parsed.ok) {
    // A date that does not exist is reported on the date, not on the times.
    return parsed;
  }
  const v = parsed.value;
  const errors: FieldErrors = {};
  const startsAt = fromLocal(v.date, v.startTime);
  const endsAt = fromLocal(v.date, v.endTime);
  if (!fromLocal(v.date, '12:00')) errors.date = { key: 'form.error.date' };
  else {
    if (!startsAt) errors.startTime = { key: 'meetings.error.time' };
    if (!endsAt) errors.endTime = { key: 'meetings.error.time' };
    else if (startsAt && endsAt <= startsAt) errors.endTime = { key: 'meetings.error.endBeforeStart' };
  }
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { ok: false, values: parsed.values, errors };
  return {
    ok: true,
    values: parsed.values,
    value: {
      kind: v.kind, title: v.title, startsAt, endsAt, place: v.place, agenda: v.agenda, visibility: v.visibility,
      status: v.status, minutes: v.minutes,
    },
  };
}

const attendanceSchema = z.object({
  organisations: z.union([z.uuid(), z.array(z.uuid()).max(500)]).optional(),
  otherAttendees: z.string().trim().regex(/^\d{1,5}$/, 'meetings.error.count'),
});
/** Which organisations were present and how many others: the count is required, so an empty form is refused. */
export function parseAttendanceForm(form: FormData): FormResult<{ organisations: string[]; otherAttendees: number }> {
  const parsed = parseForm(attendanceSchema, form);
  if (!parsed.ok) return parsed;
  const o = parsed.value.organisations;
  return {
    ok: true,
    values: parsed.values,
    value: { organisations: [...new Set(o === undefined ? [] : Array.isArray(o) ? o : [o])], otherAttendees: Number(parsed.value.otherAttendees) },
  };
}

export const decisionSchema = z.object({ decision: z.string().trim().min(1).max(2000) });

export const actionItemSchema = z.object({
  text: z.string().trim().min(1).max(1000),
  owner: z.uuid({ message: 'form.error.choice' }),
  dueOn: optionalDateField(),
  activity: z.union([z.literal(''), z.uuid({ message: 'form.error.choice' })]).default(''),
});

export const actionDoneSchema = z.object({ item: z.uuid(), done: z.enum(['yes', 'no']) });

/** Whether a meeting counts as upcoming at `now`: it has not ended yet. */
export function isUpcoming(meeting: { endsAt: Date }, now: Date): boolean {
  return meeting.endsAt.getTime() > now.getTime();
}
