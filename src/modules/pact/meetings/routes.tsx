// The pact's meetings: the list and one meeting (public ones for everyone, the others for members),
// the iCalendar feed of upcoming public meetings, CSV export for members, and recording a meeting,
// its attendance, decisions and action items for the pact's coordinators (`pact:manage`).
import { z } from 'zod';
import { done, formPage, refuse, type FormPageState } from '../../../access/form-page.ts';
import { HttpError } from '../../../access/http-error.ts';
import { can } from '../../../access/policy.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { actingPersonId, useCaseContext } from '../../../access/use-case.ts';
import { formRevision } from '../../../platform/concurrency.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import { listOrganisationSummaries } from '../pact-queries.ts';
import { renderCalendar } from './icalendar.ts';
import { toLocal } from './local-time.ts';
import { actionsForm, attendanceForm, decisionSchema, isUpcoming, meetingForm } from './meeting.ts';
import { MeetingFormPage, MeetingPage, MeetingsPage } from './meeting-pages.tsx';
import {
  activityExists, findMeeting, insertActionItem, insertDecision, listActionItems, listActivityChoices, listAttendance, listDecisions,
  listMeetings, listUpcomingPublicMeetings, organisationExists, replaceAttendance, setActionItemDone, type MeetingRow,
} from './meeting-queries.ts';
import { createMeeting, editMeeting } from './record-meeting.ts';

const meetingParams = z.object({ pact: pactSlugParam, meeting: z.uuid() });
type InPact<P> = RouteContext<P, `/p/:pact${string}`>;
type MeetingCtx = InPact<z.output<typeof meetingParams>>;

function isMember(ctx: RouteContext<unknown>): boolean {
  return can(ctx.actor, 'pact:read', { pact: ctx.pact });
}

/** The meeting of the path; a members-only meeting is not there for anyone outside the pact. */
async function loadMeeting(ctx: MeetingCtx): Promise<MeetingRow> {
  const meeting = await findMeeting(ctx.tx, ctx.pact.id, ctx.params.meeting);
  if (!meeting || (meeting.visibility !== 'public' && !isMember(ctx))) throw new HttpError(404);
  return meeting;
}

/** The meeting's page, with the state of the form that was posted (attendance, a decision, action items). */
async function renderMeeting(
  ctx: MeetingCtx, meeting: MeetingRow, forms: { attendance?: FormPageState; decisions?: FormPageState; actions?: FormPageState },
) {
  const { c, tx, pact, actor } = ctx;
  const canManage = can(actor, 'pact:manage', { pact });
  const [attendance, decisions, actions] = [
    await listAttendance(tx, pact.id, meeting.id), await listDecisions(tx, pact.id, meeting.id), await listActionItems(tx, pact.id, meeting.id),
  ];
  const organisations = canManage ? await listOrganisationSummaries(tx, pact.id) : [];
  const activities = canManage ? await listActivityChoices(tx, pact.id) : [];
  // After a refused attendance form the organisations ticked are shown again, not the stored ones.
  const organisationsKept = forms.attendance && ctx.form
    ? ctx.form.getAll('organisations').filter((v): v is string => typeof v === 'string')
    : undefined;
  return c.render(
    <MeetingPage pact={pact} meeting={meeting} attendance={attendance} decisions={decisions} actions={actions} canManage={canManage}
      organisations={organisations} activities={activities} attendanceState={forms.attendance} decisionState={forms.decisions}
      actionState={forms.actions} organisationsKept={organisationsKept} />,
    { title: meeting.title },
  );
}

function renderForm(ctx: InPact<unknown>, meeting: MeetingRow | null, state: FormPageState) {
  const { c, pact } = ctx;
  const t = c.get('t');
  return c.render(<MeetingFormPage pact={pact} meeting={meeting} state={state} revision={meeting ? String(meeting.revision) : undefined} />, {
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
      const { c, tx, pact, actor, now } = ctx;
      const member = isMember(ctx);
      const meetings = await listMeetings(tx, pact.id, { publicOnly: !member });
      const upcoming = meetings.filter((m) => isUpcoming({ endsAt: m.ends_at }, now));
      const past = meetings.filter((m) => !isUpcoming({ endsAt: m.ends_at }, now)).reverse();
      return c.render(<MeetingsPage pact={pact} upcoming={upcoming} past={past} canManage={can(actor, 'pact:manage', { pact })} isMember={member} />, {
        title: c.get('t')('meetings.title'),
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/meetings.ics',
    permission: 'public',
    params: pactParams,
    handler: async ({ tx, pact, services, now }) => {
      const meetings = await listUpcomingPublicMeetings(tx, pact.id, now);
      const base = services.publicUrl ? services.publicUrl.replace(/\/$/, '') : null;
      const body = renderCalendar({
        productId: '-//Schakelpunt//Meetings//NL',
        name: pact.name,
        events: meetings.map((m) => ({
          uid: `meeting-${m.id}@schakelpunt`,
          stamp: now,
          start: m.starts_at,
          end: m.ends_at,
          summary: m.title,
          location: m.place,
          description: m.agenda,
          url: base ? `${base}/p/${pact.slug}/meetings/${m.id}` : undefined,
          cancelled: m.status === 'cancelled',
        })),
      });
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': 'text/calendar; charset=utf-8',
          'content-disposition': `attachment; filename="${pact.slug}-meetings.ics"`,
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
      const meetings = await listMeetings(tx, pact.id, { publicOnly: false });
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
      return csvResponse(`${pact.slug}-meetings.csv`, csv);
    },
  }),
  // `new` before `:meeting`, so that it is not taken for a meeting.
  ...formPage({
    path: '/p/:pact/meetings/new',
    permission: 'pact:manage',
    params: pactParams,
    data: async () => null,
    render: (ctx, _none, forms) => renderForm(ctx, null, forms.meeting ?? {}),
    forms: {
      meeting: {
        schema: meetingForm,
        submit: async (ctx, _none, value) => {
          const id = await createMeeting(useCaseContext(ctx), { ...value, status: undefined });
          return done(`/p/${ctx.pact.slug}/meetings/${id}`, 'meetings.created');
        },
      },
    },
  }),
  // One meeting, for everyone who may see it; the pact's coordinators get its forms here.
  ...formPage({
    path: '/p/:pact/meetings/:meeting',
    permission: 'public',
    params: meetingParams,
    data: loadMeeting,
    render: renderMeeting,
    forms: {
      attendance: {
        path: '/p/:pact/meetings/:meeting/attendance',
        permission: 'pact:manage',
        schema: attendanceForm,
        submit: async (ctx, meeting, value) => {
          if (!(await replaceAttendance(ctx.tx, ctx.pact.id, meeting.id, value.organisations, value.otherAttendees, ctx.now))) {
            return refuse(400, { errors: { organisations: { key: 'meetings.error.unknownOrganisation' } } });
          }
          await ctx.audit({
            action: 'meeting.attendance', recordType: 'meeting', recordId: meeting.id, purpose: 'pact-administration',
            details: { organisations: value.organisations, otherAttendees: value.otherAttendees },
          });
          return done(`/p/${ctx.pact.slug}/meetings/${meeting.id}#attendance-heading`, 'meetings.attendanceSaved');
        },
      },
      decisions: {
        path: '/p/:pact/meetings/:meeting/decisions',
        permission: 'pact:manage',
        schema: decisionSchema,
        submit: async (ctx, meeting, value) => {
          const id = await insertDecision(ctx.tx, ctx.pact.id, meeting.id, value.decision, actingPersonId(ctx), ctx.now);
          await ctx.audit({ action: 'meeting.decision', recordType: 'meeting_decision', recordId: id, purpose: 'pact-administration', details: { meeting: meeting.id } });
          return done(`/p/${ctx.pact.slug}/meetings/${meeting.id}#decisions-heading`, 'meetings.decisionAdded');
        },
      },
      actions: {
        // Adding an action item, or (a small form per item) marking one done or not done.
        path: '/p/:pact/meetings/:meeting/actions',
        permission: 'pact:manage',
        schema: actionsForm,
        submit: async (ctx, meeting, value) => {
          const { tx, pact, now } = ctx;
          const back = `/p/${pact.slug}/meetings/${meeting.id}#actions-heading`;
          if (value.part === 'done') {
            if (!(await setActionItemDone(tx, pact.id, meeting.id, value.item, value.done === 'yes', now))) throw new HttpError(404);
            await ctx.audit({ action: 'meeting.action-item.done', recordType: 'meeting_action_item', recordId: value.item, purpose: 'pact-administration', details: { done: value.done === 'yes' } });
            return done(back, 'meetings.actionChanged');
          }
          if (!(await organisationExists(tx, pact.id, value.owner))) return refuse(400, { errors: { owner: { key: 'meetings.error.unknownOrganisation' } } });
          if (value.activity && !(await activityExists(tx, pact.id, value.activity))) {
            return refuse(400, { errors: { activity: { key: 'meetings.error.unknownActivity' } } });
          }
          if (value.dueOn && Number.isNaN(Date.parse(`${value.dueOn}T00:00:00Z`))) return refuse(400, { errors: { dueOn: { key: 'form.error.date' } } });
          const id = await insertActionItem(tx, pact.id, meeting.id, { text: value.text, owner: value.owner, dueOn: value.dueOn || null, activityId: value.activity || null }, actingPersonId(ctx), now);
          await ctx.audit({
            action: 'meeting.action-item', recordType: 'meeting_action_item', recordId: id, purpose: 'pact-administration',
            details: { meeting: meeting.id, owner: value.owner, activity: value.activity || null },
          });
          return done(back, 'meetings.actionAdded');
        },
      },
    },
  }),
  ...formPage({
    path: '/p/:pact/meetings/:meeting/edit',
    permission: 'pact:manage',
    params: meetingParams,
    data: loadMeeting,
    render: (ctx, meeting, forms) => renderForm(ctx, meeting, forms.meeting ?? {}),
    forms: {
      meeting: {
        schema: meetingForm,
        submit: async (ctx, meeting, value, values) => {
          const result = await editMeeting(useCaseContext(ctx), meeting, value, formRevision(values.revision));
          if (result.ok) return done(`/p/${ctx.pact.slug}/meetings/${meeting.id}`, 'meetings.saved');
          if (result.reason === 'status-not-allowed') return refuse(400, { errors: { status: { key: 'meetings.error.statusChange' } } });
          // Shown with the stored meeting's revision, so that saving again overwrites knowingly.
          return refuse(409, { formError: 'meetings.error.changed', values: { ...values, revision: String(meeting.revision) } });
        },
      },
    },
  }),
];
