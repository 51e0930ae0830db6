// Turns the content of a mail into its two parts: plain text (what every mail program shows,
// and what screen readers read best) and simple HTML rendered with hono/jsx, which escapes every
// value. The words come from the caller's message catalog, so a mail speaks the recipient's
// language; the lines around it (greeting, "the button does not work?", footer) come from the
// catalog too, through `t`.
import { z } from 'zod';

export interface MailContent {
  /** BCP 47 tag of the language the text is in (the html lang attribute). */
  lang: string;
  subject: string;
  /** The recipient's name for the greeting; without it the greeting has no name. */
  recipientName?: string | null;
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare address in text. http(s) only. */
  action?: { label: string; url: string };
  /** Paragraphs after the action, e.g. how long the link works. */
  closing?: string[];
}

/** The catalog keys the mail frame uses. The app passes its translator (`translatorFor(locale)`). */
export type MailFrameKey = 'mail.greeting' | 'mail.greetingWithoutName' | 'mail.linkHint' | 'mail.footer';
export type MailTranslate = (key: MailFrameKey, params?: Record<string, string | number>) => string;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const actionUrl = z.url({ protocol: /^https?$/ });

function MailHtml({ content, t }: { content: MailContent; t: MailTranslate }) {
  const greeting = content.recipientName ? t('mail.greeting', { name: content.recipientName }) : t('mail.greetingWithoutName');
  const p = 'margin:0 0 1em 0;';
  return (
    <html lang={content.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;">
        <div style="max-width:600px;">
          <p style={p}>{greeting}</p>
          {content.paragraphs.map((text) => (
            <p style={p}>{text}</p>
          ))}
          {content.action ? (
            <>
              <p style="margin:1.5em 0;">
                <a href={content.action.url} style="display:inline-block;padding:12px 20px;background:#00437a;color:#ffffff;text-decoration:underline;font-weight:bold;">
                  {content.action.label}
                </a>
              </p>
              <p style={p}>
                {t('mail.linkHint')}
                <br />
                <a href={content.action.url} style="color:#00437a;word-break:break-all;">{content.action.url}</a>
              </p>
            </>
          ) : null}
          {(content.closing ?? []).map((text) => (
            <p style={p}>{text}</p>
          ))}
          <hr style="border:none;border-top:1px solid #cccccc;margin:2em 0 1em 0;" />
          <p style="margin:0;color:#4d4d4d;font-size:14px;">{t('mail.footer')}</p>
        </div>
      </body>
    </html>
  );
}

function textOf(content: MailContent, t: MailTranslate): string {
  const blocks = [content.recipientName ? t('mail.greeting', { name: content.recipientName }) : t('mail.greetingWithoutName'), ...content.paragraphs];
  if (content.action) blocks.push(`${content.action.label}:\n${content.action.url}`);
  blocks.push(...(content.closing ?? []));
  // "-- " on its own line is the signature separator mail programs recognise.
  blocks.push(`-- \n${t('mail.footer')}`);
  return `${blocks.join('\n\n')}\n`;
}

export function renderMail(content: MailContent, t: MailTranslate): RenderedMail {
  if (content.action && !actionUrl.safeParse(content.action.url).success) {
    throw new Error('A mail action must be an http(s) address');
  }
  if (/[\r\n]/.test(content.subject)) throw new Error('A mail subject is one line');
  return {
    subject: content.subject,
    text: textOf(content, t),
    html: `<!DOCTYPE html>${String(<MailHtml content={content} t={t} />)}`,
  };
}
