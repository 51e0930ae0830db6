// The administrator's pact pages: the list of all pacts, the form for a new pact, and one pact with
// its status history and the suspend / reinstate form. Views only; data comes from the routes.
import type { MessageKey } from '../../ui/messages/index.ts';
import { Button, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, localeOptions, type FormState } from '../../ui/components.tsx';
import { useT } from '../../ui/i18n.ts';
import type { AdminPactListRow, AdminPactRow, OpenCoordinatorInvitationRow, StatusChangeRow } from './pact-admin-queries.ts';

export function when(date: Date | null): string {
  return date ? `${date.toISOString().replace('T', ' ').slice(0, 19)} UTC` : '—';
}

const jurisdictionKey = (j: string) => `jurisdiction.${j}` as MessageKey;
const pactStatusKey = (s: string) => `adminPacts.status.${s}` as MessageKey;

export function PactListPage({ pacts }: { pacts: AdminPactListRow[] }) {
  const t = useT();
  return (
    <>
      <Flash />
      <Heading level={1}>{t('adminPacts.title')}</Heading>
      <Paragraph>{t('adminPacts.intro')}</Paragraph>
      <Paragraph><Link href="/admin/pacts/new">{t('adminPacts.new')}</Link></Paragraph>
      {pacts.length === 0 ? (
        <Paragraph>{t('adminPacts.none')}</Paragraph>
      ) : (
        <Table
          caption={t('adminPacts.title')}
          rows={pacts}
          columns={[
            { header: t('adminPacts.name'), cell: (p) => <Link href={`/admin/pacts/${p.id}`}>{p.name}</Link> },
            { header: t('adminPacts.slug'), cell: (p) => <code>{p.slug}</code> },
            { header: t('adminPacts.jurisdiction'), cell: (p) => t(jurisdictionKey(p.jurisdiction)) },
            { header: t('adminPacts.municipality'), cell: (p) => p.municipality || '—' },
            { header: t('adminPacts.statusLabel'), cell: (p) => t(pactStatusKey(p.status)) },
            { header: t('adminPacts.organisations'), cell: (p) => String(p.organisations), numeric: true },
            { header: t('adminPacts.members'), cell: (p) => String(p.members), numeric: true },
          ]}
        />
      )}
      <Paragraph><Link href="/admin">{t('adminPacts.backToAdmin')}</Link></Paragraph>
    </>
  );
}

export const newPactLabels: Record<string, MessageKey> = {
  slug: 'adminPacts.slug',
  name: 'adminPacts.name',
  municipality: 'adminPacts.municipality',
  jurisdiction: 'adminPacts.jurisdiction',
  defaultLocale: 'adminPacts.defaultLocale',
  coordinatorEmail: 'adminPacts.coordinatorEmail',
};

export function NewPactPage({ state }: { state: FormState }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('adminPacts.newTitle')}</Heading>
      <Paragraph>{t('adminPacts.newIntro')}</Paragraph>
      <ErrorSummary state={state} labels={newPactLabels} />
      <form method="post" action="/admin/pacts/new" class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <Field name="name" label="adminPacts.name" state={state} maxlength={200} />
        <Field name="slug" label="adminPacts.slug" description="adminPacts.slugHint" state={state} maxlength={40} autocomplete="off" />
        <Field name="municipality" label="adminPacts.municipality" state={state} maxlength={200} optional />
        <Field
          name="jurisdiction"
          label="adminPacts.jurisdiction"
          description="adminPacts.jurisdictionHint"
          state={state}
          value="NL"
          options={[{ value: 'NL', label: 'jurisdiction.NL' }, { value: 'BE-VLG', label: 'jurisdiction.BE-VLG' }]}
        />
        <Field name="defaultLocale" label="adminPacts.defaultLocale" state={state} value="nl" options={localeOptions} />
        <Field
          name="coordinatorEmail"
          label="adminPacts.coordinatorEmail"
          description="adminPacts.coordinatorEmailHint"
          type="email"
          state={state}
          maxlength={254}
          autocomplete="off"
        />
        <div class="sp-actions">
          <Button>{t('adminPacts.create')}</Button>
          <Link href="/admin/pacts">{t('form.cancel')}</Link>
        </div>
      </form>
    </>
  );
}

export const pactStatusLabels: Record<string, MessageKey> = { status: 'adminPacts.statusLabel', reason: 'adminPacts.reason' };

export function PactDetailsPage({
  pact, history, invitations, state,
}: { pact: AdminPactRow; history: StatusChangeRow[]; invitations: OpenCoordinatorInvitationRow[]; state: FormState }) {
  const t = useT();
  const target = pact.status === 'active' ? 'suspended' : 'active';
  return (
    <>
      <Flash />
      <Heading level={1}>{pact.name}</Heading>
      <DataList
        items={[
          [t('adminPacts.slug'), <code>{pact.slug}</code>],
          [t('adminPacts.municipality'), pact.municipality || '—'],
          [t('adminPacts.jurisdiction'), t(jurisdictionKey(pact.jurisdiction))],
          [t('adminPacts.defaultLocale'), pact.default_locale],
          [t('adminPacts.statusLabel'), t(pactStatusKey(pact.status))],
          [t('adminPacts.organisations'), String(pact.organisations)],
          [t('adminPacts.members'), String(pact.members)],
          [t('adminPacts.created.at'), when(pact.created_at)],
        ]}
      />
      <Paragraph>{t('adminPacts.jurisdictionFixed')}</Paragraph>
      {pact.status === 'active' ? <Paragraph><Link href={`/p/${pact.slug}`}>{t('adminPacts.toPact')}</Link></Paragraph> : null}

      <Heading level={2}>{t('adminPacts.invitations')}</Heading>
      {invitations.length === 0 ? (
        <Paragraph>{t('adminPacts.noInvitations')}</Paragraph>
      ) : (
        <Table
          caption={t('adminPacts.invitations')}
          rows={invitations}
          columns={[
            { header: t('adminPacts.coordinatorEmail'), cell: (i) => i.email },
            { header: t('adminPacts.invitedAt'), cell: (i) => when(i.created_at) },
            { header: t('adminPacts.invitationExpires'), cell: (i) => when(i.expires_at) },
          ]}
        />
      )}

      <Heading level={2}>{t(pact.status === 'active' ? 'adminPacts.suspendTitle' : 'adminPacts.reinstateTitle')}</Heading>
      <Paragraph>{t(pact.status === 'active' ? 'adminPacts.suspendIntro' : 'adminPacts.reinstateIntro')}</Paragraph>
      <ErrorSummary state={state} labels={pactStatusLabels} />
      <form method="post" action={`/admin/pacts/${pact.id}/status`} class="utrecht-form sp-form" novalidate>
        <CsrfField />
        <input type="hidden" name="status" value={target} />
        <Field name="reason" label="adminPacts.reason" description="adminPacts.reasonHint" state={state} multiline rows={3} maxlength={1000} />
        <Button kind={target === 'suspended' ? 'secondary' : 'primary'}>{t(target === 'suspended' ? 'adminPacts.suspend' : 'adminPacts.reinstate')}</Button>
      </form>

      <Heading level={2}>{t('adminPacts.history')}</Heading>
      <StatusHistory rows={history} statusKey={pactStatusKey} empty="adminPacts.noHistory" caption={t('adminPacts.history')} />
      <Paragraph><Link href="/admin/pacts">{t('adminPacts.back')}</Link></Paragraph>
    </>
  );
}

/** An append-only status history: newest first, with who changed it and why. */
export function StatusHistory({
  rows, statusKey, empty, caption,
}: { rows: StatusChangeRow[]; statusKey: (s: string) => MessageKey; empty: MessageKey; caption: string }) {
  const t = useT();
  if (rows.length === 0) return <Paragraph>{t(empty)}</Paragraph>;
  return (
    <Table
      caption={caption}
      rows={rows}
      columns={[
        { header: t('adminPacts.when'), cell: (r) => when(r.changed_at) },
        { header: t('adminPacts.change'), cell: (r) => `${t(statusKey(r.from_status))} → ${t(statusKey(r.to_status))}` },
        { header: t('adminPacts.reason'), cell: (r) => r.reason },
        { header: t('adminPacts.by'), cell: (r) => r.changed_by_name },
      ]}
    />
  );
}
