import { Button, CsrfField, ErrorSummary, Flash, Heading, Paragraph, Table, type FormState } from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import type { OwnSessionRow } from '../session-queries.ts';
import { describeDevice, sessionReference } from './device.ts';

function EndForm({ scope, label, kind = 'secondary' }: { scope: string; label: string; kind?: 'primary' | 'secondary' }) {
  return (
    <form method="post" action="/account/sessions/end" class="sp-inline-form">
      <CsrfField />
      <input type="hidden" name="scope" value={scope} />
      <Button kind={kind}>{label}</Button>
    </form>
  );
}

export function SessionsPage({ sessions, currentId, state }: { sessions: OwnSessionRow[]; currentId: string; state: FormState }) {
  const t = useT();
  const locale = useLocale();
  const others = sessions.filter((s) => s.id !== currentId).length;
  return (
    <>
      <Heading level={1}>{t('sessions.title')}</Heading>
      <Flash />
      <ErrorSummary state={state} labels={{ scope: 'sessions.title' }} />
      <Paragraph>{t('sessions.intro')}</Paragraph>
      <Table
        caption={t('sessions.caption')}
        rows={sessions}
        columns={[
          {
            header: t('sessions.device'),
            cell: (s) => {
              const d = describeDevice(s.user_agent);
              const name = d.browser && d.system ? t('sessions.browserOn', { browser: d.browser, system: d.system }) : (d.browser ?? d.system ?? t('sessions.unknownDevice'));
              return s.id === currentId ? <>{name} <strong>({t('sessions.thisOne')})</strong></> : name;
            },
          },
          { header: t('sessions.started'), cell: (s) => formatDateTime(s.created_at, locale) },
          { header: t('sessions.lastSeen'), cell: (s) => formatDateTime(s.last_seen_at, locale) },
          { header: t('sessions.secondFactor'), cell: (s) => (s.second_factor_at ? t('sessions.yes') : t('sessions.no')) },
          {
            header: t('sessions.actions'),
            cell: (s) => (s.id === currentId ? '—' : <EndForm scope={sessionReference(s.id)} label={t('sessions.endOne')} />),
          },
        ]}
      />
      <Heading level={2}>{t('sessions.everywhere')}</Heading>
      <Paragraph>{t('sessions.everywhereIntro')}</Paragraph>
      {others > 0 ? <EndForm scope="others" label={t('sessions.endOthers')} /> : <Paragraph>{t('sessions.noOthers')}</Paragraph>}
      <EndForm scope="all" label={t('sessions.endAll')} kind="primary" />
    </>
  );
}
