// Pages of the pact's meetings: the list (upcoming and past), one meeting with its attendance,
// decisions and action items, and the form for a new or changed meeting.
import type { PactSummary } from '../../../access/policy.ts';
import {
  Alert, Button, ButtonLink, CsrfField, DataList, ErrorSummary, Field, fieldId, Flash, Heading, Link, Paragraph, Table, type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { toLocal } from './local-time.ts';
import { meetingKinds, meetingVisibilities, nextMeetingStatuses, type MeetingStatus } from './meeting.ts';
import type { ActionItemRow, DecisionRow, MeetingListRow, MeetingRow } from './meeting-queries.ts';

function When({ at }: { at: Date }) {
  const locale = useLocale();
  return <time datetime={at.toISOString()}>{formatDateTime(at, locale)}</time>;
}

/** Text typed with blank lines between paragraphs, shown as paragraphs. */
export function Paragraphs({ text }: { text: string }) {
  return <>{text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => <p class="utrecht-paragraph">{p}</p>)}</>;
}

function MeetingTable({ caption, meetings, base, members }: { caption: string; meetings: MeetingListRow[]; base: string; members: boolean }) {
  const t = useT();
  return (
    <Table
      caption={caption}
      rows={meetings}
      columns={[
        { header: t('meetings.when'), cell: (m) => <When at={m.starts_at} /> },
        { header: t('meetings.titleLabel'), cell: (m) => <Link href={`${base}/${m.id}`}>{m.title}</Link> },
        { header: t('meetings.kind'), cell: (m) => t(`meetings.kind.${m.kind}` as MessageKey) },
        { header: t('meetings.place'), cell: (m) => m.place || '—' },
        {
          header: t('meetings.status'),
          cell: (m) => `${t(`meetings.status.${m.status}` as MessageKey)}${members && m.visibility === 'members' ? ` (${t('meetings.visibility.members')})` : ''}`,
        },
      ]}
    />
  );
}

export function MeetingsPage({ pact, upcoming, past, canManage, isMember }: { pact: PactSummary; upcoming: MeetingListRow[]; past: MeetingListRow[]; canManage: boolean; isMember: boolean }) {
  const t = useT();
  const base = `/p/${pact.slug}/meetings`;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('meetings.title')}</Heading>
      <Paragraph>{t('meetings.intro')}</Paragraph>
      {canManage ? <Paragraph><ButtonLink href={`${base}/new`}>{t('meetings.new')}</ButtonLink></Paragraph> : null}
      <section aria-labelledby="upcoming-heading">
        <Heading level={2} id="upcoming-heading">{t('meetings.upcoming')}</Heading>
        {upcoming.length === 0 ? <Paragraph>{t('meetings.noneUpcoming')}</Paragraph> : <MeetingTable caption={t('meetings.upcoming')} meetings={upcoming} base={base} members={isMember} />}
        <Paragraph>
          <Link href={`/p/${pact.slug}/meetings.ics`}>{t('meetings.feed')}</Link> {t('meetings.feedHint')}
        </Paragraph>
      </section>
      <section aria-labelledby="past-heading">
        <Heading level={2} id="past-heading">{t('meetings.past')}</Heading>
        {past.length === 0 ? <Paragraph>{t('meetings.nonePast')}</Paragraph> : <MeetingTable caption={t('meetings.past')} meetings={past} base={base} members={isMember} />}
      </section>
      {isMember ? <Paragraph><Link href={`/p/${pact.slug}/meetings.csv`}>{t('meetings.export')}</Link></Paragraph> : null}
    </>
  );
}

const attendanceLabels: Record<string, MessageKey> = { organisations: 'meetings.organisationsPresent', otherAttendees: 'meetings.otherAttendees' };
const decisionLabels: Record<string, MessageKey> = { decision: 'meetings.decision' };
const actionLabels: Record<string, MessageKey> = { text: 'meetings.actionText', owner: 'meetings.actionOwner', dueOn: 'meetings.actionDue', activity: 'meetings.actionActivity', item: 'meetings.actions', done: 'meetings.actions' };

export interface MeetingPageProps {
  pact: PactSummary;
  meeting: MeetingRow;
  attendance: Array<{ id: string; name: string }>;
  decisions: DecisionRow[];
  actions: ActionItemRow[];
  canManage: boolean;
  organisations: Array<{ id: string; name: string }>;
  activities: Array<{ id: string; title: string; year: number }>;
  attendanceState?: FormState;
  decisionState?: FormState;
  actionState?: FormState;
  organisationsKept?: string[];
}

export function MeetingPage(props: MeetingPageProps) {
  const t = useT();
  const { pact, meeting: m, attendance, decisions, actions, canManage } = props;
  const base = `/p/${pact.slug}/meetings/${m.id}`;
  const attendanceState = props.attendanceState ?? {};
  const present = new Set(attendance.map((a) => a.id));
  // After a refused form the choices made are shown again, not the stored ones.
  const keptPresent = props.organisationsKept ?? null;
  return (
    <>
      <Flash />
      <Heading level={1}>{m.title}</Heading>
      {m.status === 'cancelled' ? <Alert kind="warning"><p class="utrecht-paragraph">{t('meetings.cancelledNotice')}</p></Alert> : null}
      <DataList
        items={[
          [t('meetings.kind'), t(`meetings.kind.${m.kind}` as MessageKey)],
          [t('meetings.starts'), <When at={m.starts_at} />],
          [t('meetings.ends'), <When at={m.ends_at} />],
          [t('meetings.place'), m.place || '—'],
          [t('meetings.status'), t(`meetings.status.${m.status}` as MessageKey)],
          [t('meetings.visibility'), t(`meetings.visibility.${m.visibility}` as MessageKey)],
        ]}
      />
      {canManage ? <Paragraph><ButtonLink href={`${base}/edit`}>{t('meetings.edit')}</ButtonLink></Paragraph> : null}
      <section aria-labelledby="agenda-heading">
        <Heading level={2} id="agenda-heading">{t('meetings.agenda')}</Heading>
        {m.agenda ? <Paragraphs text={m.agenda} /> : <Paragraph>{t('meetings.noAgenda')}</Paragraph>}
      </section>
      <section aria-labelledby="attendance-heading">
        <Heading level={2} id="attendance-heading">{t('meetings.attendance')}</Heading>
        {attendance.length === 0 && m.other_attendees === 0 ? (
          <Paragraph>{t('meetings.noAttendance')}</Paragraph>
        ) : (
          <>
            {attendance.length > 0 ? (
              <ul class="utrecht-unordered-list">{attendance.map((a) => <li class="utrecht-unordered-list__item">{a.name}</li>)}</ul>
            ) : null}
            <Paragraph>{t('meetings.otherAttendeesCount', { count: m.other_attendees })}</Paragraph>
          </>
        )}
        {canManage ? (
          <>
            <ErrorSummary state={attendanceState} labels={attendanceLabels} />
            <form method="post" action={`${base}/attendance`} class="utrecht-form sp-form" novalidate>
              <CsrfField />
              <fieldset class="utrecht-form-fieldset" id={fieldId('organisations')}>
                <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('meetings.organisationsPresent')}</legend>
                {props.organisations.map((o) => {
                  const id = `field-organisation-${o.id}`;
                  const checked = keptPresent ? keptPresent.includes(o.id) : present.has(o.id);
                  return (
                    <div class="utrecht-form-field utrecht-form-field--checkbox">
                      <div class="utrecht-form-field__input">
                        <input type="checkbox" class="utrecht-checkbox utrecht-checkbox--html-input" id={id} name="organisations" value={o.id} checked={checked} />
                      </div>
                      <div class="utrecht-form-field__label">
                        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>{o.name}</label>
                      </div>
                    </div>
                  );
                })}
              </fieldset>
              <Field name="otherAttendees" label="meetings.otherAttendees" description="meetings.otherAttendeesHint" state={attendanceState} value={String(m.other_attendees)} inputmode="numeric" maxlength={5} />
              <Button>{t('meetings.saveAttendance')}</Button>
            </form>
          </>
        ) : null}
      </section>
      {m.minutes ? (
        <section aria-labelledby="minutes-heading">
          <Heading level={2} id="minutes-heading">{t('meetings.minutes')}</Heading>
          <Paragraphs text={m.minutes} />
        </section>
      ) : null}
      <section aria-labelledby="decisions-heading">
        <Heading level={2} id="decisions-heading">{t('meetings.decisions')}</Heading>
        {decisions.length === 0 ? <Paragraph>{t('meetings.noDecisions')}</Paragraph> : (
          <ol class="utrecht-ordered-list">{decisions.map((d) => <li class="utrecht-ordered-list__item">{d.text}</li>)}</ol>
        )}
        {canManage ? (
          <>
            <ErrorSummary state={props.decisionState ?? {}} labels={decisionLabels} />
            <form method="post" action={`${base}/decisions`} class="utrecht-form sp-form" novalidate>
              <CsrfField />
              <Field name="decision" label="meetings.decision" state={props.decisionState ?? {}} multiline rows={3} maxlength={2000} />
              <Button>{t('meetings.addDecision')}</Button>
            </form>
          </>
        ) : null}
      </section>
      <section aria-labelledby="actions-heading">
        <Heading level={2} id="actions-heading">{t('meetings.actions')}</Heading>
        {actions.length === 0 ? <Paragraph>{t('meetings.noActions')}</Paragraph> : (
          <Table
            caption={t('meetings.actions')}
            rows={actions}
            columns={[
              { header: t('meetings.actionText'), cell: (a) => a.text },
              { header: t('meetings.actionOwner'), cell: (a) => a.owner_name },
              { header: t('meetings.actionDue'), cell: (a) => a.due_on ?? '—' },
              { header: t('meetings.actionActivity'), cell: (a) => a.activity_title ?? '—' },
              {
                header: t('meetings.actionDone'),
                cell: (a) => canManage ? (
                  <form method="post" action={`${base}/actions`} class="sp-inline-form">
                    <CsrfField />
                    <input type="hidden" name="item" value={a.id} />
                    <input type="hidden" name="done" value={a.done_at ? 'no' : 'yes'} />
                    {a.done_at ? `${t('meetings.done')} ` : `${t('meetings.notDone')} `}
                    <Button kind="secondary">{a.done_at ? t('meetings.markNotDone') : t('meetings.markDone')}</Button>
                  </form>
                ) : a.done_at ? t('meetings.done') : t('meetings.notDone'),
              },
            ]}
          />
        )}
        {canManage ? (
          <>
            <Heading level={3}>{t('meetings.addAction')}</Heading>
            <ErrorSummary state={props.actionState ?? {}} labels={actionLabels} />
            <form method="post" action={`${base}/actions`} class="utrecht-form sp-form" novalidate>
              <CsrfField />
              <Field name="text" label="meetings.actionText" state={props.actionState ?? {}} multiline rows={2} maxlength={1000} />
              <Field name="owner" label="meetings.actionOwner" state={props.actionState ?? {}}
                options={[{ value: '', label: 'meetings.choose' }, ...props.organisations.map((o) => ({ value: o.id, label: o.name, translate: false }))]} />
              <Field name="dueOn" label="meetings.actionDue" type="date" optional state={props.actionState ?? {}} description="meetings.dateHint" />
              <Field name="activity" label="meetings.actionActivity" optional state={props.actionState ?? {}}
                options={[{ value: '', label: 'meetings.noActivity' }, ...props.activities.map((a) => ({ value: a.id, label: `${a.year} · ${a.title}`, translate: false }))]} />
              <Button>{t('meetings.addActionButton')}</Button>
            </form>
          </>
        ) : null}
      </section>
      <Paragraph><Link href={`/p/${pact.slug}/meetings`}>{t('meetings.back')}</Link></Paragraph>
    </>
  );
}

const formLabels: Record<string, MessageKey> = {
  kind: 'meetings.kind', title: 'meetings.titleLabel', date: 'meetings.date', startTime: 'meetings.startTime', endTime: 'meetings.endTime',
  place: 'meetings.place', agenda: 'meetings.agenda', visibility: 'meetings.visibility', status: 'meetings.status', minutes: 'meetings.minutes',
};

export function MeetingFormPage({ pact, meeting, state, revision }: { pact: PactSummary; meeting: MeetingRow | null; state: FormState; revision?: string }) {
  const t = useT();
  const action = meeting ? `/p/${pact.slug}/meetings/${meeting.id}/edit` : `/p/${pact.slug}/meetings/new`;
  const start = meeting ? toLocal(meeting.starts_at) : null;
  const end = meeting ? toLocal(meeting.ends_at) : null;
  const statuses: MeetingStatus[] = meeting ? nextMeetingStatuses(meeting.status) : [];
  return (
    <>
      <Heading level={1}>{meeting ? t('meetings.editTitle', { title: meeting.title }) : t('meetings.new')}</Heading>
      <ErrorSummary state={state} labels={formLabels} />
      <form method="post" action={action} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        {revision ? <input type="hidden" name="revision" value={state.values?.revision ?? revision} /> : null}
        <Field name="kind" label="meetings.kind" state={state} value={meeting?.kind ?? 'follow_up'}
          options={meetingKinds.map((k) => ({ value: k, label: `meetings.kind.${k}` as MessageKey }))} />
        <Field name="title" label="meetings.titleLabel" state={state} value={meeting?.title} maxlength={200} autocomplete="off" />
        <Field name="date" label="meetings.date" type="date" description="meetings.dateHint" state={state} value={start?.date} />
        <Field name="startTime" label="meetings.startTime" description="meetings.timeHint" state={state} value={start?.time} maxlength={5} autocomplete="off" />
        <Field name="endTime" label="meetings.endTime" description="meetings.timeHint" state={state} value={end?.time} maxlength={5} autocomplete="off" />
        <Field name="place" label="meetings.place" optional state={state} value={meeting?.place} maxlength={300} />
        <Field name="agenda" label="meetings.agenda" optional multiline rows={6} state={state} value={meeting?.agenda} maxlength={10000} />
        <Field name="visibility" label="meetings.visibility" description="meetings.visibilityHint" state={state} value={meeting?.visibility ?? 'members'}
          options={meetingVisibilities.map((v) => ({ value: v, label: `meetings.visibility.${v}` as MessageKey }))} />
        {meeting ? (
          <>
            <Field name="status" label="meetings.status" state={state} value={meeting.status}
              options={statuses.map((s) => ({ value: s, label: `meetings.status.${s}` as MessageKey }))} />
            <Field name="minutes" label="meetings.minutes" optional multiline rows={10} state={state} value={meeting.minutes} maxlength={50000} />
          </>
        ) : null}
        <Button>{t('meetings.save')}</Button>
      </form>
      <Paragraph><Link href={meeting ? `/p/${pact.slug}/meetings/${meeting.id}` : `/p/${pact.slug}/meetings`}>{t('meetings.back')}</Link></Paragraph>
    </>
  );
}
