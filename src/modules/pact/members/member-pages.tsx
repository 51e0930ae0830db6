import type { PactSummary, Role } from '../../../access/policy.ts';
import { Button, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, fieldId, type FormState } from '../../../ui/components.tsx';
import { useT } from '../../../ui/i18n.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import type { MembershipRow } from './member-queries.ts';
import type { TeamRow } from './team-queries.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

interface OrganisationRef {
  id: string;
  name: string;
}

function endedText(t: ReturnType<typeof useT>, m: MembershipRow): string {
  const how = m.end_kind ? t(`members.endKind.${m.end_kind}` as MessageKey) : t('members.endKind.unknown');
  return m.end_reason ? `${how}: ${m.end_reason}` : how;
}

export function MembersPage({
  pact, organisation, memberships, canInvite,
}: {
  pact: PactSummary;
  organisation: OrganisationRef;
  memberships: MembershipRow[];
  canInvite: boolean;
}) {
  const t = useT();
  const base = `/p/${pact.slug}/organisations/${organisation.id}`;
  const current = memberships.filter((m) => m.ended_at === null);
  const ended = memberships.filter((m) => m.ended_at !== null);
  return (
    <>
      <Flash />
      <Heading level={1}>{t('members.title', { organisation: organisation.name })}</Heading>
      <Paragraph>{t('members.intro')}</Paragraph>
      <Paragraph>
        <Link href={`${base}/teams`}>{t('members.toTeams')}</Link>
        {canInvite ? <>{' · '}<Link href={`${base}/invitations`}>{t('invitation.invite')}</Link></> : null}
      </Paragraph>
      <Heading level={2}>{t('members.current')}</Heading>
      {current.length === 0 ? (
        <Paragraph>{t('members.noneCurrent')}</Paragraph>
      ) : (
        <Table
          caption={t('members.current')}
          rows={current}
          columns={[
            { header: t('members.name'), cell: (m) => <Link href={`${base}/members/${m.id}`}>{m.display_name}</Link> },
            { header: t('members.email'), cell: (m) => m.email },
            { header: t('members.role'), cell: (m) => t(`role.${m.role}` as MessageKey) },
            { header: t('members.team'), cell: (m) => m.team_name ?? '—' },
            { header: t('members.since'), cell: (m) => day(m.created_at) },
          ]}
        />
      )}
      <Heading level={2}>{t('members.ended')}</Heading>
      {ended.length === 0 ? (
        <Paragraph>{t('members.noneEnded')}</Paragraph>
      ) : (
        <Table
          caption={t('members.ended')}
          rows={ended}
          columns={[
            { header: t('members.name'), cell: (m) => <Link href={`${base}/members/${m.id}`}>{m.display_name}</Link> },
            { header: t('members.role'), cell: (m) => t(`role.${m.role}` as MessageKey) },
            { header: t('members.team'), cell: (m) => m.team_name ?? '—' },
            { header: t('members.since'), cell: (m) => day(m.created_at) },
            { header: t('members.endedAt'), cell: (m) => day(m.ended_at!) },
            { header: t('members.how'), cell: (m) => endedText(t, m) },
          ]}
        />
      )}
      <Paragraph><Link href={base}>{t('members.back')}</Link></Paragraph>
    </>
  );
}

const changeLabels: Record<string, MessageKey> = { role: 'members.role', team: 'members.team' };
const endLabels: Record<string, MessageKey> = { reason: 'members.reason', confirm: 'members.confirm' };

export function MemberPage({
  pact, organisation, membership, history, teams, roles, manageable, changeState, endState,
}: {
  pact: PactSummary;
  organisation: OrganisationRef;
  membership: MembershipRow;
  history: MembershipRow[];
  teams: Array<{ id: string; name: string }>;
  /** The roles the actor may give here; the current role is among them when `manageable`. */
  roles: readonly Role[];
  manageable: boolean;
  changeState: FormState;
  endState: FormState;
}) {
  const t = useT();
  const m = membership;
  const base = `/p/${pact.slug}/organisations/${organisation.id}`;
  const confirmError = endState.errors?.confirm;
  const confirmChecked = endState.values?.confirm === 'yes';
  return (
    <>
      <Flash />
      <Heading level={1}>{t('members.memberTitle', { name: m.display_name, organisation: organisation.name })}</Heading>
      <DataList
        items={[
          [t('members.email'), m.email],
          [t('members.role'), t(`role.${m.role}` as MessageKey)],
          [t('members.team'), m.team_name ?? '—'],
          [t('members.since'), day(m.created_at)],
          ...(m.ended_at ? [[t('members.endedAt'), day(m.ended_at)] as [string, string], [t('members.how'), endedText(t, m)] as [string, string]] : []),
        ]}
      />
      {m.ended_at ? <Paragraph>{t('members.isEnded')}</Paragraph> : null}
      {!m.ended_at && !manageable ? <Paragraph>{t('members.notManageable')}</Paragraph> : null}
      {!m.ended_at && manageable ? (
        <>
          <section aria-labelledby="change-heading">
            <Heading level={2} id="change-heading">{t('members.changeHeading')}</Heading>
            <Paragraph>{t('members.changeIntro')}</Paragraph>
            <ErrorSummary state={changeState} labels={changeLabels} />
            <form method="post" action={`${base}/members/${m.id}`} class="utrecht-form sp-form" novalidate>
              <CsrfField />
              <Field name="role" label="members.role" state={changeState} value={m.role} options={roles.map((r) => ({ value: r, label: `role.${r}` as MessageKey }))} />
              <Field
                name="team"
                label="members.team"
                state={changeState}
                value={m.team_id ?? ''}
                optional
                options={[{ value: '', label: 'members.noTeam' }, ...teams.map((tm) => ({ value: tm.id, label: tm.name, translate: false }))]}
              />
              <Button>{t('members.changeButton')}</Button>
            </form>
          </section>
          <section aria-labelledby="end-heading">
            <Heading level={2} id="end-heading">{t('members.endHeading')}</Heading>
            <Paragraph>{t('members.endIntro')}</Paragraph>
            <ErrorSummary state={endState} labels={endLabels} />
            <form method="post" action={`${base}/members/${m.id}/end`} class="utrecht-form sp-form" novalidate>
              <CsrfField />
              <Field name="reason" label="members.reason" description="members.reasonHint" state={endState} multiline rows={3} optional maxlength={500} />
              <div class={`utrecht-form-field utrecht-form-field--checkbox${confirmError ? ' utrecht-form-field--invalid' : ''}`}>
                {confirmError ? (
                  <div class="utrecht-form-field-error-message" id={`${fieldId('confirm')}-error`}>{t(confirmError.key as MessageKey, confirmError.params)}</div>
                ) : null}
                <div class="utrecht-form-field__input">
                  <input
                    type="checkbox"
                    id={fieldId('confirm')}
                    name="confirm"
                    value="yes"
                    required
                    checked={confirmChecked}
                    aria-invalid={confirmError ? 'true' : undefined}
                    aria-describedby={confirmError ? `${fieldId('confirm')}-error` : undefined}
                    class={`utrecht-checkbox utrecht-checkbox--html-input${confirmError ? ' utrecht-checkbox--invalid' : ''}`}
                  />
                </div>
                <div class="utrecht-form-field__label">
                  <label class="utrecht-form-label utrecht-form-label--checkbox" for={fieldId('confirm')}>
                    {t('members.confirmLabel', { name: m.display_name })}
                  </label>
                </div>
              </div>
              <Button kind="secondary">{t('members.endButton')}</Button>
            </form>
          </section>
        </>
      ) : null}
      {history.length > 1 ? (
        <>
          <Heading level={2}>{t('members.history')}</Heading>
          <Table
            caption={t('members.history')}
            rows={history}
            columns={[
              { header: t('members.role'), cell: (h) => (h.id === m.id ? <strong>{t(`role.${h.role}` as MessageKey)}</strong> : t(`role.${h.role}` as MessageKey)) },
              { header: t('members.team'), cell: (h) => h.team_name ?? '—' },
              { header: t('members.since'), cell: (h) => day(h.created_at) },
              { header: t('members.endedAt'), cell: (h) => (h.ended_at ? day(h.ended_at) : '—') },
              { header: t('members.how'), cell: (h) => (h.ended_at ? endedText(t, h) : (h.id === m.id ? '' : <Link href={`${base}/members/${h.id}`}>{t('members.open')}</Link>)) },
            ]}
          />
        </>
      ) : null}
      <Paragraph><Link href={`${base}/members`}>{t('members.backToList')}</Link></Paragraph>
    </>
  );
}

export function TeamsPage({
  pact, organisation, teams, addState, rename,
}: {
  pact: PactSummary;
  organisation: OrganisationRef;
  teams: TeamRow[];
  addState: FormState;
  /** The rename form that failed, with its state. */
  rename?: { teamId: string; state: FormState };
}) {
  const t = useT();
  const base = `/p/${pact.slug}/organisations/${organisation.id}`;
  const renameField = (id: string) => `rename-${id}`;
  const renameFailed = rename ? teams.find((tm) => tm.id === rename.teamId) : undefined;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('teams.title', { organisation: organisation.name })}</Heading>
      <Paragraph>{t('teams.intro')}</Paragraph>
      {rename && renameFailed ? (
        <ErrorSummary
          state={{
            ...rename.state,
            errors: Object.fromEntries(Object.values(rename.state.errors ?? {}).slice(0, 1).map((e) => [renameField(rename.teamId), e])),
          }}
          labels={{}}
        />
      ) : null}
      {teams.length === 0 ? (
        <Paragraph>{t('teams.none')}</Paragraph>
      ) : (
        <Table
          caption={t('teams.listCaption')}
          rows={teams}
          columns={[
            { header: t('teams.name'), cell: (tm) => tm.name },
            { header: t('teams.members'), cell: (tm) => String(tm.members), numeric: true },
            {
              header: t('teams.rename'),
              cell: (tm) => {
                const failed = rename?.teamId === tm.id ? rename.state : undefined;
                const error = failed?.errors?.name;
                const id = fieldId(renameField(tm.id));
                return (
                  <form method="post" action={`${base}/teams/${tm.id}`} class="sp-inline-form" novalidate>
                    <CsrfField />
                    <label class="utrecht-form-label" for={id}>{t('teams.newName', { name: tm.name })}</label>
                    {error ? <div class="utrecht-form-field-error-message" id={`${id}-error`}>{t(error.key as MessageKey, error.params)}</div> : null}
                    <input
                      type="text"
                      id={id}
                      name="name"
                      value={failed?.values?.name ?? tm.name}
                      maxlength={120}
                      required
                      aria-invalid={error ? 'true' : undefined}
                      aria-describedby={error ? `${id}-error` : undefined}
                      class={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
                    />
                    <Button kind="secondary">{t('teams.renameButton')}</Button>
                  </form>
                );
              },
            },
          ]}
        />
      )}
      <Heading level={2}>{t('teams.add')}</Heading>
      <ErrorSummary state={addState} labels={{ name: 'teams.name' }} />
      <form method="post" action={`${base}/teams`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="name" label="teams.name" state={addState} maxlength={120} />
        <Button>{t('teams.addButton')}</Button>
      </form>
      <Paragraph>
        <Link href={`${base}/members`}>{t('teams.toMembers')}</Link>{' · '}<Link href={base}>{t('members.back')}</Link>
      </Paragraph>
    </>
  );
}
