// A week before an API token expires, its organisation's partner admins get a mail, once: a partner
// system whose token simply stops working would otherwise learn it from a 401 in the middle of its
// work. The mail names the token and the day; it holds no token and no link that signs anyone in.
import type { Db } from '../../platform/db/database.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { formatDateTime } from '../../ui/format.ts';
import { queueMail, renderMail } from '../../platform/mail/index.ts';
import { translatorFor } from '../../ui/messages/index.ts';
import { listOrganisationAdmins, listTokensToRemind, markExpiryReminded } from './api-token-queries.ts';

/** How long before the expiry the admins are told. */
export const EXPIRY_REMINDER_DAYS = 7;

export async function remindTokenExpiry(db: Db, a: { now: Date; publicUrl: string | null }): Promise<{ tokens: number; mails: number }> {
  const until = new Date(a.now.getTime() + EXPIRY_REMINDER_DAYS * 86_400_000);
  let mails = 0;
  const tokens = await listTokensToRemind(db, a.now, until);
  for (const token of tokens) {
    // One transaction per token: its mails, its audit entry and its mark go together.
    await db.transaction().execute(async (tx) => {
      const admins = await listOrganisationAdmins(tx, token.pact_id, token.organisation_id);
      const page = `/p/${token.pact_slug}/organisations/${token.organisation_id}/api-tokens`;
      for (const admin of admins) {
        const t = translatorFor(admin.locale);
        const mail = renderMail(
          {
            lang: admin.locale,
            subject: t('apiTokens.mail.expiring.subject', { name: token.name }),
            recipientName: admin.display_name,
            paragraphs: [
              t('apiTokens.mail.expiring.body', { name: token.name, organisation: token.organisation_name, when: formatDateTime(token.expires_at, admin.locale) }),
              t('apiTokens.mail.expiring.what'),
            ],
            ...(a.publicUrl ? { action: { label: t('apiTokens.mail.expiring.action'), url: `${a.publicUrl}${page}` } } : {}),
          },
          t,
        );
        await queueMail(tx, { to: admin.email, ...mail, purpose: 'api-token-expiry' }, a.now);
        mails++;
      }
      await recordAudit(tx, {
        pactId: token.pact_id, actor: { personId: null, organisationId: null, role: 'system' }, action: 'api-token.remind-expiry',
        recordType: 'api-token', recordId: token.id, purpose: 'security', details: { organisation: token.organisation_id, mails: admins.length }, occurredAt: a.now,
      });
      await markExpiryReminded(tx, token.id, a.now);
    });
  }
  return { tokens: tokens.length, mails };
}
