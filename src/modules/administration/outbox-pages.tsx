// The outbox pages: every mail the installation queued, and one message with its text, so that a
// developer without a mail server can follow an invitation link. Views only; data comes from the routes.
import type { Child } from 'hono/jsx';
import type { MailListRow, MailRow, MailStatus, MailStatusChangeRow } from '../../platform/mail/index.ts';
import { DataList, Heading, Link, Paragraph, Table } from '../../ui/components.tsx';
import { useT } from '../../ui/i18n.ts';
import type { MessageKey } from '../../ui/messages/index.ts';

function when(date: Date | null): string {
  return date ? `${date.toISOString().replace('T', ' ').slice(0, 19)} UTC` : '—';
}

function statusKey(status: MailStatus): MessageKey {
  return `outbox.status.${status}`;
}

export function OutboxPage({ rows, limit }: { rows: MailListRow[]; limit: number }) {
  const t = useT();
  return (
    <>
      <Heading level={1}>{t('outbox.title')}</Heading>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      {rows.length === 0 ? (
        <Paragraph>{t('outbox.none')}</Paragraph>
      ) : (
        <>
          <Table
            caption={t('outbox.title')}
            rows={rows}
            columns={[
              { header: t('outbox.created'), cell: (r) => when(r.created_at) },
              { header: t('outbox.status'), cell: (r) => t(statusKey(r.status)) },
              { header: t('outbox.purpose'), cell: (r) => <code>{r.purpose}</code> },
              { header: t('outbox.recipient'), cell: (r) => r.to_address },
              { header: t('outbox.subject'), cell: (r) => <Link href={`/admin/outbox/${r.id}`}>{r.subject}</Link> },
            ]}
          />
          {rows.length >= limit ? <Paragraph>{t('outbox.newest', { count: limit })}</Paragraph> : null}
        </>
      )}
    </>
  );
}

const urlPattern = /https?:\/\/[^\s<>"]+/g;

/** A line of mail text with its web addresses as links (the text itself is escaped by JSX). */
function withLinks(line: string): Child[] {
  const parts: Child[] = [];
  let at = 0;
  for (const match of line.matchAll(urlPattern)) {
    // A sentence's closing punctuation is not part of the address.
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    parts.push(line.slice(at, match.index), <Link href={url}>{url}</Link>);
    at = match.index + url.length;
  }
  parts.push(line.slice(at));
  return parts;
}

function MailText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((block) => block.trim() !== '')
        .map((block) => (
          <p class="utrecht-paragraph">
            {block.split('\n').map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {withLinks(line)}
              </>
            ))}
          </p>
        ))}
    </>
  );
}

export function OutboxMessagePage({ message, history }: { message: MailRow; history: MailStatusChangeRow[] }) {
  const t = useT();
  const items: Array<[string, Child]> = [
    [t('outbox.subject'), message.subject],
    [t('outbox.recipient'), message.to_address],
    [t('outbox.purpose'), <code>{message.purpose}</code>],
    [t('outbox.status'), t(statusKey(message.status))],
    [t('outbox.created'), when(message.created_at)],
    [t('outbox.attempts'), String(message.attempts)],
  ];
  if (message.sent_at) items.push([t('outbox.sentAt'), when(message.sent_at)]);
  if (message.status === 'queued') items.push([t('outbox.nextAttempt'), when(message.next_attempt_at)]);
  if (message.last_error) items.push([t('outbox.lastError'), <code>{message.last_error}</code>]);
  return (
    <>
      <Heading level={1}>{t('outbox.message')}</Heading>
      <DataList items={items} />
      <Heading level={2}>{t('outbox.text')}</Heading>
      {message.text_body === null ? (
        <Paragraph>{t('outbox.bodyRemoved', { date: when(message.body_removed_at) })}</Paragraph>
      ) : (
        <div class="sp-mail-text">
          <MailText text={message.text_body} />
        </div>
      )}
      <Table
        caption={t('outbox.history')}
        rows={history}
        columns={[
          { header: t('outbox.when'), cell: (h) => when(h.changed_at) },
          { header: t('outbox.status'), cell: (h) => t(statusKey(h.to_status)) },
        ]}
      />
      <Paragraph>
        <Link href="/admin/outbox">{t('outbox.back')}</Link>
      </Paragraph>
    </>
  );
}
