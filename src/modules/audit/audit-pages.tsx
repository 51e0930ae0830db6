import type { Child } from 'hono/jsx';
import { Button, ErrorSummary, Field, Heading, Link, Paragraph, Table, type FormState } from '../../ui/components.tsx';
import { useT } from '../../ui/i18n.ts';
import type { MessageKey } from '../../ui/messages/index.ts';
import { filterQuery, type AuditCursor, type AuditFilter } from './audit-forms.ts';
import type { AuditPage, AuditRow } from './audit-queries.ts';

const knownRoles = ['pact_coordinator', 'partner_admin', 'professional', 'volunteer', 'policy_reader', 'system_admin'];

const labels: Record<string, MessageKey> = {
  person: 'auditSearch.person',
  recordType: 'auditSearch.recordType',
  recordId: 'auditSearch.recordId',
  organisation: 'auditSearch.organisation',
  pact: 'auditSearch.pact',
  from: 'audit.from',
  to: 'audit.to',
  action: 'audit.action',
  older: 'auditSearch.older',
  newer: 'auditSearch.newer',
};

/** What a search page shows: the form state, and the results once the filter was valid. */
export interface AuditSearchView {
  /** Where the form and the links go: `/admin/audit` or `/p/<slug>/audit`. */
  base: string;
  state: FormState;
  result: { filter: AuditFilter; page: AuditPage; pageSize: number; exportLimit: number } | null;
  /** The administrator's choice of pact (absent on a pact's own page). */
  pacts?: Array<{ id: string; name: string }>;
}

function cursorText(c: AuditCursor): string {
  return `${c.chain}:${c.seq}`;
}

function PersonCell({ base, id, name }: { base: string; id: string | null; name: string | null }) {
  if (!id) return <>—</>;
  return (
    <>
      <Link href={`${base}${filterQuery({ personId: id })}`}>
        <code>{id}</code>
      </Link>
      {name ? <span class="sp-muted"> {name}</span> : null}
    </>
  );
}

function SearchForm({ view }: { view: AuditSearchView }) {
  const t = useT();
  const { state, pacts } = view;
  return (
    <form method="get" action={view.base} class="utrecht-form sp-form sp-filter" novalidate>
      <Field name="person" label="auditSearch.person" state={state} optional maxlength={254} description="auditSearch.personHint" />
      <Field name="recordType" label="auditSearch.recordType" state={state} optional maxlength={40} description="auditSearch.recordTypeHint" />
      <Field name="recordId" label="auditSearch.recordId" state={state} optional maxlength={100} />
      <Field name="organisation" label="auditSearch.organisation" state={state} optional maxlength={36} description="auditSearch.organisationHint" />
      {pacts ? (
        <Field
          name="pact"
          label="auditSearch.pact"
          state={state}
          optional
          options={[
            { value: '', label: 'auditSearch.pactAll' },
            { value: 'system', label: 'auditSearch.pactSystem' },
            ...pacts.map((p) => ({ value: p.id, label: p.name, translate: false })),
          ]}
        />
      ) : null}
      <Field name="from" label="audit.from" type="date" state={state} optional />
      <Field name="to" label="audit.to" type="date" state={state} optional />
      <Field name="action" label="audit.action" state={state} optional maxlength={80} description="audit.actionHint" />
      <Button kind="secondary">{t('audit.filter')}</Button>
    </form>
  );
}

function Results({ view }: { view: AuditSearchView }) {
  const t = useT();
  const result = view.result;
  if (!result) return null;
  const { filter, page } = result;
  const pactNames = new Map((view.pacts ?? []).map((p) => [p.id, p.name]));
  const columns: Array<{ header: string; cell: (r: AuditRow) => Child; numeric?: boolean }> = [
    { header: '#', cell: (r) => String(r.seq), numeric: true },
    { header: t('audit.when'), cell: (r) => r.occurred_at.toISOString().replace('T', ' ').slice(0, 19) },
  ];
  if (view.pacts) {
    columns.push({ header: t('auditSearch.pact'), cell: (r) => (r.chain === 'system' ? t('auditSearch.installation') : (pactNames.get(r.chain) ?? r.chain)) });
  }
  columns.push(
    { header: t('audit.who'), cell: (r) => <PersonCell base={view.base} id={r.actor_person_id} name={r.actor_name} /> },
    { header: t('audit.role'), cell: (r) => (r.actor_role && knownRoles.includes(r.actor_role) ? t(`role.${r.actor_role}` as MessageKey) : (r.actor_role ?? '—')) },
    {
      header: t('auditSearch.actingFor'),
      cell: (r) => (r.actor_organisation_id ? <Link href={`${view.base}${filterQuery({ organisationId: r.actor_organisation_id })}`}><code>{r.actor_organisation_id}</code></Link> : '—'),
    },
    { header: t('audit.action'), cell: (r) => <code>{r.action}</code> },
    {
      header: t('audit.record'),
      cell: (r) =>
        r.record_type || r.record_id ? (
          <Link href={`${view.base}${filterQuery({ recordType: r.record_type ?? undefined, recordId: r.record_id ?? undefined })}`}>
            {r.record_type ?? ''} <code>{r.record_id ?? ''}</code>
          </Link>
        ) : (
          '—'
        ),
    },
    { header: t('auditSearch.subject'), cell: (r) => <PersonCell base={view.base} id={r.subject_person_id} name={r.subject_name} /> },
    { header: t('audit.purpose'), cell: (r) => r.purpose },
  );
  return (
    <>
      {page.rows.length === 0 ? (
        <Paragraph>{t('audit.none')}</Paragraph>
      ) : (
        <Table caption={t('auditSearch.results')} rows={page.rows} columns={columns} />
      )}
      <Paragraph>{t('auditSearch.pageSize', { count: result.pageSize })}</Paragraph>
      {page.newer || page.older ? (
        <nav aria-label={t('auditSearch.paging')} class="sp-paging">
          <ul class="utrecht-unordered-list">
            {page.newer ? (
              <li class="utrecht-unordered-list__item">
                <Link href={`${view.base}${filterQuery(filter, { newer: cursorText(page.newer) })}`}>{t('auditSearch.newer')}</Link>
              </li>
            ) : null}
            {page.older ? (
              <li class="utrecht-unordered-list__item">
                <Link href={`${view.base}${filterQuery(filter, { older: cursorText(page.older) })}`}>{t('auditSearch.older')}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <Paragraph>
        <Link href={`${view.base}.csv${filterQuery(filter)}`}>{t('auditSearch.export')}</Link>{' '}
        <span class="sp-muted">{t('auditSearch.exportCap', { count: result.exportLimit })}</span>
      </Paragraph>
    </>
  );
}

/** The pact coordinator's page: the pact's own log (row-level security), with the search form. */
export function PactAuditPage({ view }: { view: AuditSearchView }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('audit.title')}</Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <ErrorSummary state={view.state} labels={labels} />
      <SearchForm view={view} />
      <Results view={view} />
    </>
  );
}

/** The system administrator's search over the whole installation. */
export function AdminAuditPage({ view }: { view: AuditSearchView }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('auditSearch.title')}</Heading>
      <Paragraph>{t('auditSearch.intro')}</Paragraph>
      <ErrorSummary state={view.state} labels={labels} />
      <SearchForm view={view} />
      <Results view={view} />
    </>
  );
}
