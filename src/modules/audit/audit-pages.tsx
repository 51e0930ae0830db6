import { Button, ErrorSummary, Field, Heading, Link, Paragraph, Table, type FormState } from '../../ui/components.tsx';
import { useT } from '../../ui/i18n.ts';
import type { MessageKey } from '../../ui/messages/index.ts';
import type { AuditRow } from './audit-queries.ts';

export function PactAuditPage({ slug, rows, state, query }: { slug: string; rows: AuditRow[]; state: FormState; query: string }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('audit.title')}</Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <ErrorSummary state={state} labels={{ from: 'audit.from', to: 'audit.to', action: 'audit.action' }} />
      <form method="get" action={`/p/${slug}/audit`} class="utrecht-form sp-form sp-filter" novalidate>
        <Field name="from" label="audit.from" type="date" state={state} optional />
        <Field name="to" label="audit.to" type="date" state={state} optional />
        <Field name="action" label="audit.action" state={state} optional maxlength={80} description="audit.actionHint" />
        <Button kind="secondary">{t('audit.filter')}</Button>
      </form>
      {rows.length === 0 ? (
        <Paragraph>{t('audit.none')}</Paragraph>
      ) : (
        <Table
          caption={t('audit.title')}
          rows={rows}
          columns={[
            { header: '#', cell: (r) => String(r.seq), numeric: true },
            { header: t('audit.when'), cell: (r) => r.occurred_at.toISOString().replace('T', ' ').slice(0, 19) },
            { header: t('audit.who'), cell: (r) => r.actor_name ?? (r.actor_person_id ? r.actor_person_id.slice(0, 8) : (r.actor_role ?? '—')) },
            { header: t('audit.role'), cell: (r) => (r.actor_role && ['pact_coordinator', 'partner_admin', 'professional', 'volunteer', 'policy_reader', 'system_admin'].includes(r.actor_role) ? t(`role.${r.actor_role}` as MessageKey) : (r.actor_role ?? '—')) },
            { header: t('audit.action'), cell: (r) => <code>{r.action}</code> },
            { header: t('audit.record'), cell: (r) => (r.record_type ? `${r.record_type} ${r.record_id?.slice(0, 8) ?? ''}` : '—') },
            { header: t('audit.purpose'), cell: (r) => r.purpose },
          ]}
        />
      )}
      <Paragraph>
        <Link href={`/p/${slug}/audit.csv${query}`}>{t('organisations.export')}</Link>
      </Paragraph>
    </>
  );
}
