// The administrator's people pages: search over every account of the installation, and one person
// with their memberships across pacts, sessions and status history, and deactivate / reactivate.
import type { MessageKey } from '../../ui/messages/index.ts';
import { Alert, Button, CsrfField, DataList, ErrorSummary, Field, Flash, Heading, Link, Paragraph, Table, type FormState } from '../../ui/components.tsx';
import { useT } from '../../ui/i18n.ts';
import type { StatusChangeRow } from './pact-admin-queries.ts';
import { StatusHistory, when } from './pact-admin-pages.tsx';
import type { AdminMembershipRow, AdminPersonListRow, AdminPersonRow } from './people-admin-queries.ts';

const personStatusKey = (s: string) => `adminPeople.status.${s}` as MessageKey;

function pageLink(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/people?${query}` : '/admin/people';
}

export function PeopleListPage({ q, page, rows, hasMore }: { q: string; page: number; rows: AdminPersonListRow[]; hasMore: boolean }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('adminPeople.title')}</Heading>
      <Paragraph>{t('adminPeople.intro')}</Paragraph>
      <form method="get" action="/admin/people" class="utrecht-form sp-form" role="search">
        <Field name="q" label="adminPeople.search" description="adminPeople.searchHint" type="search" state={{ values: { q } }} optional maxlength={200} autocomplete="off" />
        <Button>{t('adminPeople.searchButton')}</Button>
      </form>
      {rows.length === 0 ? (
        <Paragraph>{t(q ? 'adminPeople.noneFound' : 'adminPeople.none')}</Paragraph>
      ) : (
        <Table
          caption={t('adminPeople.caption', { page })}
          rows={rows}
          columns={[
            { header: t('adminPeople.name'), cell: (p) => <Link href={`/admin/people/${p.id}`}>{p.display_name}</Link> },
            { header: t('adminPeople.email'), cell: (p) => p.email },
            { header: t('adminPeople.statusLabel'), cell: (p) => t(personStatusKey(p.deactivated_at ? 'deactivated' : 'active')) },
            { header: t('adminPeople.systemAdmin'), cell: (p) => t(p.is_system_admin ? 'adminPeople.yes' : 'adminPeople.no') },
            { header: t('adminPeople.memberships'), cell: (p) => String(p.memberships), numeric: true },
          ]}
        />
      )}
      <nav aria-label={t('adminPeople.pages')}>
        <Paragraph>
          {page > 1 ? <Link href={pageLink(q, page - 1)}>{t('adminPeople.previous')}</Link> : null}
          {page > 1 && hasMore ? ' · ' : null}
          {hasMore ? <Link href={pageLink(q, page + 1)}>{t('adminPeople.next')}</Link> : null}
        </Paragraph>
      </nav>
      <Paragraph><Link href="/admin">{t('adminPacts.backToAdmin')}</Link></Paragraph>
    </>
  );
}

export const personStatusLabels: Record<string, MessageKey> = { reason: 'adminPeople.reason' };

export function PersonPage({
  person, memberships, sessions, history, isSelf, state,
}: {
  person: AdminPersonRow;
  memberships: AdminMembershipRow[];
  sessions: number;
  history: StatusChangeRow[];
  isSelf: boolean;
  state: FormState;
}) {
  const t = useT();
  const deactivated = person.deactivated_at !== null;
  const action = deactivated ? 'reactivate' : 'deactivate';
  return (
    <>
      <Flash />
      <Heading level={1}>{person.display_name}</Heading>
      <DataList
        items={[
          [t('adminPeople.email'), person.email],
          [t('adminPeople.statusLabel'), t(personStatusKey(deactivated ? 'deactivated' : 'active'))],
          [t('adminPeople.systemAdmin'), t(person.is_system_admin ? 'adminPeople.yes' : 'adminPeople.no')],
          [t('adminPeople.created'), when(person.created_at)],
          [t('adminPeople.deactivatedAt'), when(person.deactivated_at)],
          [t('adminPeople.sessions'), String(sessions)],
        ]}
      />

      <Heading level={2}>{t('adminPeople.memberships')}</Heading>
      {memberships.length === 0 ? (
        <Paragraph>{t('adminPeople.noMemberships')}</Paragraph>
      ) : (
        <Table
          caption={t('adminPeople.memberships')}
          rows={memberships}
          columns={[
            { header: t('adminPeople.pact'), cell: (m) => <Link href={`/admin/pacts/${m.pact_id}`}>{m.pact_name}</Link> },
            { header: t('adminPeople.role'), cell: (m) => t(`role.${m.role}` as MessageKey) },
            { header: t('adminPeople.organisation'), cell: (m) => m.organisation_name ?? '—' },
            { header: t('adminPeople.since'), cell: (m) => when(m.created_at) },
            { header: t('adminPeople.ended'), cell: (m) => when(m.ended_at) },
          ]}
        />
      )}

      <Heading level={2}>{t('secondFactor.reset.title')}</Heading>
      {isSelf ? (
        <Paragraph>{t('secondFactor.reset.notSelf')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('secondFactor.reset.intro')}</Paragraph>
          <Paragraph>
            <Link href={`/admin/people/${person.id}/second-factor/reset`}>{t('secondFactor.reset.submit')}</Link>
          </Paragraph>
        </>
      )}

      <Heading level={2}>{t(deactivated ? 'adminPeople.reactivateTitle' : 'adminPeople.deactivateTitle')}</Heading>
      <ErrorSummary state={state} labels={personStatusLabels} />
      {isSelf && !deactivated ? (
        <Alert kind="info"><p class="utrecht-paragraph">{t('adminPeople.selfNote')}</p></Alert>
      ) : (
        <>
          <Paragraph>{t(deactivated ? 'adminPeople.reactivateIntro' : 'adminPeople.deactivateIntro')}</Paragraph>
          <form method="post" action={`/admin/people/${person.id}/${action}`} class="utrecht-form sp-form" novalidate>
            <CsrfField />
            <Field name="reason" label="adminPeople.reason" description="adminPeople.reasonHint" state={state} multiline rows={3} maxlength={1000} />
            <Button kind={deactivated ? 'primary' : 'secondary'}>{t(deactivated ? 'adminPeople.reactivate' : 'adminPeople.deactivate')}</Button>
          </form>
        </>
      )}

      <Heading level={2}>{t('adminPeople.history')}</Heading>
      <StatusHistory rows={history} statusKey={personStatusKey} empty="adminPeople.noHistory" caption={t('adminPeople.history')} />
      <Paragraph><Link href="/admin/people">{t('adminPeople.back')}</Link></Paragraph>
    </>
  );
}
