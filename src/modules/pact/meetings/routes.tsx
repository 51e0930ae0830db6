// The pact's meetings: the list and one meeting (public ones for everyone, the others for members),
// the iCalendar feed of upcoming public meetings, CSV export for members, and recording a meeting,
// its attendance, decisions and action items for the pact's coordinators (`pact:manage`).
import { z } from 'zod';
import { can } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import type { FormState } from '../../../ui/components.tsx';
import { listOrganisationSummaries } from '../pact-queries.ts';
import { parseForm } from '../../../platform/forms.ts';
import { renderCalendar } from './icalendar.ts';
import { toLocal } from './local-time.ts';
import { actionDoneSchema, actionItemSchema, decisionSchema, isUpcoming, parseAttendanceForm, parseMeetingForm } from './meeting.ts';
import { MeetingFormPage, MeetingPage, MeetingsPage } from './meeting-pages.tsx';
import {
  activityExists, findMeeting, insertActionItem, insertDecision, listActionItems, listActivityChoices, listAttendance, listDecisions,
  listMeetings, listUpcomingPublicMeetings, organisationExists, replaceAttendance, setActionItemDone, type MeetingRow,
} from './meeting-queries.ts';
import { createMeeting, editMeeting } from './record-meeting.ts';

const meetingParams = z.object({ pact: pactSlugParam, meeting: z.uuid() });
type MeetingCtx = RouteContext<z.output<typeof meetingParams>>;

function personId(ctx: RouteContext<unknown>): string | null {
  return ctx.actor.kind === 'person' ? ctx.actor.personId : null;
}

function isMember(ctx: RouteContext<unknown>): boolean {
  return can(ctx.actor, 'pact:read', { pact: ctx.pact });
}

/** The meeting of the path; a members-only meeting is not there for anyone outside the pact. */
async function loadMeeting(ctx: MeetingCtx): Promise<MeetingRow> {
  const meeting = await findMeeting(ctx.tx, ctx.pact!.id, ctx.params.meeting);
  if (!meeting || (meeting.visibility !== 'public' && !isMember(ctx))) throw new HttpError(404);
  return meeting;
}

/** The version a form was loaded with: the meeting's last change, to refuse saving over someone else's. */
function versionOf(meeting: MeetingRow): string {
  return String(meeting.revision);
}

function validVersion(value: FormDataEntryValue | null | undefined): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return 'invalid';
  return Number(value);
}

async function renderMeeting(
  ctx: MeetingCtx, meeting: MeetingRow, status: 200 | 400 | 403 | 409 = 200,
  states: { attendanceState?: FormState; decisionState?: FormState; actionState?: FormState; organisationsKept?: string[] } = {},
) {
  const { c, tx, pact, actor } = ctx;
  const canManage = can(actor, 'pact:manage', { pact });
  const [attendance, decisions, actions] = [
    await listAttendance(tx, pact!.id, meeting.id), await listDecisions(tx, pact!.id, meeting.id), await listActionItems(tx, pact!.id, meeting.id),
  ];
  const organisations = canManage ? await listOrganisationSummaries(tx, pact!.id) : [];
  const activities = canManage ? await listActivityChoices(tx, pact!.id) : [];
  c.status(status);
  return c.render(
    <MeetingPage pact={pact!} meeting={meeting} attendance={attendance} decisions={decisions} actions={actions} canManage={canManage}
      organisations={organisations} activities={activities} {...states} />,
    { title: meeting.title },
  );
}

async function renderForm(ctx: RouteContext<unknown>, meeting: MeetingRow | null, state: FormState, status: 200 | 400 | 403 | 409 = 200) {
  const { c, pact } = ctx;
  c.status(status);
  const t = c.get('t');
  return c.render(<MeetingFormPage pact={pact!} meeting={meeting} state={state} version={meeting ? versionOf(meeting) : undefined} />, {
    title: meeting ? t('meetings.editTitle', { title: meeting.title }) : t('meetings.new'),
  });
}

export const meetingRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/meetings',
    permission: 'public',
    params: pactParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor, services } = ctx;
      const member = isMember(ctx);
      const meetings = await listMeetings(tx, pact!.id, { publicOnly: !member });
      const now = services.clock.now();
      const upcoming = meetings.filter((m) => isUpcoming({ endsAt: m.ends_at }, now));
      const past = meetings.filter((m) => !isUpcoming({ endsAt: m.ends_at }, now)).reverse();
      return c.render(<MeetingsPage pact={pact!} upcoming={upcoming} past={past} canManage={can(actor, 'pact:manage', { pact })} isMember={member} />, {
        title: c.get('t')('meetings.title'),
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/meetings.ics',
    permission: 'public',
    params: pactParams,
    handler: async ({ tx, pact, services }) => {
      const now = services.clock.now();
      const meetings = await listUpcomingPublicMeetings(tx, pact!.id, now);
      const base = services.publicUrl ? services.publicUrl.replace(/\/$/, '') : null;
      const body = renderCalendar({
        productId: '-//Schakelpunt//Meetings//NL',
        name: pact!.name,
        events: meetings.map((m) => ({
          uid: `meeting-${m.id}@schakelpunt`,
          stamp: now,
          start: m.starts_at,
          end: m.ends_at,
          summary: m.title,
          location: m.place,
          description: m.agenda,
          url: base ? `${base}/p/${pact!.slug}/meetings/${m.id}` : undefined,
          cancelled: m.status === 'cancelled',
        })),
      });
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': `attachment; filename="${pact!.slug}-meetings.ics"`,
          'cache-control': 'no-cache',
        },
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/meetings.csv',
    permission: 'pact:read',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const t = c.get('t');
      const meetings = await listMeetings(tx, pact!.id, { publicOnly: false });
      await audit({ action: 'meeting.export', recordType: 'meeting', purpose: 'pact-administration', details: { rows: meetings.length } });
      const csv = toCsv(
        [t('meetings.csv.date'), t('meetings.csv.start'), t('meetings.csv.end'), t('meetings.titleLabel'), t('meetings.kind'), t('meetings.place'),
          t('meetings.visibility'), t('meetings.status'), t('meetings.csv.organisations'), t('meetings.otherAttendees'), t('meetings.csv.decisions'), t('meetings.csv.openActions')],
        meetings.map((m) => {
          const start = toLocal(m.starts_at);
          return [start.date, start.time, toLocal(m.ends_at).time, m.title, t(`meetings.kind.${m.kind}`), m.place, t(`meetings.visibility.${m.visibility}`),
            t(`meetings.status.${m.status}`), m.organisations_present, m.other_attendees, m.decisions, m.open_actions];
        }),
      );
      return csvResponse(`${pact!.slug}-meetings.csv`, csv);
    },
  }),
  // `new` before `:meeting`, so that it is not taken for a meeting.
  defineRoute({
    method: 'GET',
    path: '/p/:pact/meetings/new',
    permission: 'pact:manage',
    params: pactParams,
    handler: (ctx) => renderForm(ctx, null, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/meetings/new',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const parsed = parseMeetingForm(form!);
      if (ctx.csrfRejected) return renderForm(ctx, null, { values: parsed.values, formError: 'form.error.csrf' }, 403);
      if (!parsed.ok) return renderForm(ctx, null, parsed, 400);
      const id = await createMeeting(tx, pact!.id, { ...parsed.value, status: undefined }, personId(ctx), services.clock.now(), audit);
      flash('meetings.created');
      return c.redirect(`/p/${pact!.slug}/meetings/${id}`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/meetings/:meeting',
    permission: 'public',
    params: meetingParams,
    handler: async (ctx) => renderMeeting(ctx, await loadMeeting(ctx)),
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/meetings/:meeting/edit',
    permission: 'pact:manage',
    params: meetingParams,
    handler: async (ctx) => renderForm(ctx, await loadMeeting(ctx), {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/meetings/:meeting/edit',
    permission: 'pact:manage',
    params: meetingParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const meeting = await loadMeeting(ctx);
      const parsed = parseMeetingForm(form!);
      if (ctx.csrfRejected) return renderForm(ctx, meeting, { values: parsed.values, formError: 'form.error.csrf' }, 403);
      if (!parsed.ok) return renderForm(ctx, meeting, parsed, 400);
      const version = validVersion(form!.get('version'));
      if (version === 'invalid') return renderForm(ctx, meeting, { values: parsed.values, formError: 'meetings.error.changed' }, 409);
      const result = await editMeeting(tx, pact!.id, meeting.id, parsed.value, version, personId(ctx), services.clock.now(), audit);
      if (!result.ok) {
        if (result.reason === 'not-found') throw new HttpError(404);
        if (result.reason === 'status-not-allowed') return renderForm(ctx, meeting, { values: parsed.values, errors: { status: { key: 'meetings.error.statusChange' } } }, 400);
        // Shown with the stored meeting's new version, so that saving again overwrites knowingly.
        const current = (await findMeeting(tx, pact!.id, meeting.id)) ?? meeting;
        return renderForm(ctx, current, { values: { ...parsed.values, version: String(current.revision) }, formError: 'meetings.error.changed' }, 409);
      }
      flash('meetings.saved');
      return c.redirect(`/p/${pact!.slug}/meetings/${meeting.id}`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/meetings/:meeting/attendance',
    permission: 'pact:manage',
    params: meetingParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const meeting = await loadMeeting(ctx);
      const parsed = parseAttendanceForm(form!);
      const kept = form!.getAll('organisations').filter((v): v is string => typeof v === 'string');
      if (ctx.csrfRejected) return renderMeeting(ctx, meeting, 403, { attendanceState: { values: parsed.values, formError: 'form.error.csrf' }, organisationsKept: kept });
      if (!parsed.ok) return renderMeeting(ctx, meeting, 400, { attendanceState: parsed, organisationsKept: kept });
      const saved = await replaceAttendance(tx, pact!.id, meeting.id, parsed.value.organisations, parsed.value.otherAttendees, services.clock.now());
      if (!saved) {
        return renderMeeting(ctx, meeting, 400, { attendanceState: { values: parsed.values, errors: { organisations: { key: 'meetings.error.unknownOrganisation' } } }, organisationsKept: kept });
      }
      await audit({
        action: 'meeting.attendance', recordType: 'meeting', recordId: meeting.id, purpose: 'pact-administration',
        details: { organisations: parsed.value.organisations, otherAttendees: parsed.value.otherAttendees },
      });
      flash('meetings.attendanceSaved');
      return c.redirect(`/p/${pact!.slug}/meetings/${meeting.id}#attendance-heading`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/meetings/:meeting/decisions',
    permission: 'pact:manage',
    params: meetingParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const meeting = await loadMeeting(ctx);
      const parsed = parseForm(decisionSchema, form!);
      if (ctx.csrfRejected) return renderMeeting(ctx, meeting, 403, { decisionState: { values: parsed.values, formError: 'form.error.csrf' } });
      if (!parsed.ok) return renderMeeting(ctx, meeting, 400, { decisionState: parsed });
      const id = await insertDecision(tx, pact!.id, meeting.id, parsed.value.decision, personId(ctx), services.clock.now());
      await audit({ action: 'meeting.decision', recordType: 'meeting_decision', recordId: id, purpose: 'pact-administration', details: { meeting: meeting.id } });
      flash('meetings.decisionAdded');
      return c.redirect(`/p/${pact!.slug}/meetings/${meeting.id}#decisions-heading`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/meetings/:meeting/actions',
    permission: 'pact:manage',
    params: meetingParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash, services } = ctx;
      const meeting = await loadMeeting(ctx);
      const now = services.clock.now();
      // Marking an item done or not done (a small form per item).
      if (form!.has('item')) {
        const toggle = parseForm(actionDoneSchema, form!);
        if (ctx.csrfRejected) return renderMeeting(ctx, meeting, 403, { actionState: { formError: 'form.error.csrf' } });
        if (!toggle.ok) return renderMeeting(ctx, meeting, 400, { actionState: { errors: { item: { key: 'form.error.choice' } } } });
        if (!(await setActionItemDone(tx, pact!.id, meeting.id, toggle.value.item, toggle.value.done === 'yes', now))) throw new HttpError(404);
        await audit({ action: 'meeting.action-item.done', recordType: 'meeting_action_item', recordId: toggle.value.item, purpose: 'pact-administration', details: { done: toggle.value.done === 'yes' } });
        flash('meetings.actionChanged');
        return c.redirect(`/p/${pact!.slug}/meetings/${meeting.id}#actions-heading`, 303);
      }
      const parsed = parseForm(actionItemSchema, form!);
      if (ctx.csrfRejected) return renderMeeting(ctx, meeting, 403, { actionState: { values: parsed.values, formError: 'form.error.csrf' } });
      if (!parsed.ok) return renderMeeting(ctx, meeting, 400, { actionState: parsed });
      const v = parsed.value;
      if (!(await organisationExists(tx, pact!.id, v.owner))) {
        return renderMeeting(ctx, meeting, 400, { actionState: { values: parsed.values, errors: { owner: { key: 'meetings.error.unknownOrganisation' } } } });
      }
      if (v.activity && !(await activityExists(tx, pact!.id, v.activity))) {
        return renderMeeting(ctx, meeting, 400, { actionState: { values: parsed.values, errors: { activity: { key: 'meetings.error.unknownActivity' } } } });
      }
      if (v.dueOn && Number.isNaN(Date.parse(`${v.dueOn}T00:00:00Z`))) {
        return renderMeeting(ctx, meeting, 400, { actionState: { values: parsed.values, errors: { dueOn: { key: 'form.error.date' } } } });
      }
      const id = await insertActionItem(tx, pact!.id, meeting.id, { text: v.text, owner: v.owner, dueOn: v.dueOn || null, activityId: v.activity || null }, personId(ctx), now);
      await audit({
        action: 'meeting.action-item', recordType: 'meeting_action_item', recordId: id, purpose: 'pact-administration',
        details: { meeting: meeting.id, owner: v.owner, activity: v.activity || null },
      });
      flash('meetings.actionAdded');
      return c.redirect(`/p/${pact!.slug}/meetings/${meeting.id}#actions-heading`, 303);
    },
  }),
];
