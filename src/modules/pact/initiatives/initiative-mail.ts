// The mails to a proposer: the first one with the confirmation link, and one after each decision
// of a coordinator. They speak the pact's language (the proposer has no account). Every mail
// carries a fresh private status link; the link of an earlier mail then stops working, because
// only the hash of the latest is stored.
import type { PactSummary } from '../../../access/policy.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { queueMail, renderMail } from '../../../platform/mail/index.ts';
import { translatorFor } from '../../../ui/messages/index.ts';
import { CONFIRM_LINK_DAYS } from './initiative-links.ts';

export async function mailConfirmation(
  tx: Executor,
  input: { pact: PactSummary; to: string; name: string; title: string; origin: string; confirmToken: string; statusToken: string; now: Date },
): Promise<void> {
  const t = translatorFor(input.pact.defaultLocale);
  const base = `${input.origin}/p/${input.pact.slug}/initiatives`;
  const mail = renderMail(
    {
      lang: input.pact.defaultLocale,
      subject: t('initiatives.mail.confirmSubject', { pact: input.pact.name }),
      recipientName: input.name,
      paragraphs: [t('initiatives.mail.confirmBody', { title: input.title, pact: input.pact.name })],
      action: { label: t('initiatives.mail.confirmAction'), url: `${base}/confirm/${input.confirmToken}` },
      closing: [
        t('initiatives.mail.confirmExpires', { days: CONFIRM_LINK_DAYS }),
        t('initiatives.mail.statusLink', { url: `${base}/mine/${input.statusToken}` }),
        t('initiatives.mail.notYou'),
      ],
    },
    t,
  );
  await queueMail(tx, { to: input.to, ...mail, purpose: 'initiative' }, input.now);
}

export async function mailOutcome(
  tx: Executor,
  input: {
    pact: PactSummary; to: string; name: string; title: string; origin: string; statusToken: string; now: Date;
    outcome: 'published' | 'changes_requested' | 'declined'; message: string;
  },
): Promise<void> {
  const t = translatorFor(input.pact.defaultLocale);
  const base = `${input.origin}/p/${input.pact.slug}/initiatives`;
  const body = {
    published: t('initiatives.mail.publishedBody', { title: input.title }),
    changes_requested: t('initiatives.mail.changesBody', { title: input.title }),
    declined: t('initiatives.mail.declinedBody', { title: input.title }),
  }[input.outcome];
  const mail = renderMail(
    {
      lang: input.pact.defaultLocale,
      subject: t('initiatives.mail.outcomeSubject', { pact: input.pact.name }),
      recipientName: input.name,
      paragraphs: input.message ? [body, t('initiatives.mail.message', { message: input.message })] : [body],
      action: { label: t('initiatives.mail.statusAction'), url: `${base}/mine/${input.statusToken}` },
      closing: [t('initiatives.mail.linkReplaces')],
    },
    t,
  );
  await queueMail(tx, { to: input.to, ...mail, purpose: 'initiative' }, input.now);
}
