// Hands a message to the SMTP server named by SMTP_URL, with nodemailer. Without SMTP_URL there is
// no sender and the worker puts mail in the development outbox instead.
import { createTransport } from 'nodemailer';
import type { Config } from '../config.ts';

export interface MailEnvelope {
  /** The message's id: also its Message-ID, the same on every attempt, so a receiving server can recognise a repeat. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface MailSender {
  /** Resolves when the SMTP server accepted the message; rejects with nodemailer's error otherwise. */
  send(mail: MailEnvelope): Promise<void>;
  close(): void;
}

/** The domain of the sender address, for Message-IDs. */
export function senderDomain(from: string): string {
  const match = /@([^\s@<>]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'schakelpunt.invalid';
}

export function createMailSender(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): MailSender | null {
  if (!config.SMTP_URL) return null;
  const transport = createTransport(
    {
      url: config.SMTP_URL,
      // A worker waits for each message in turn: a server that does not answer must not hold the
      // batch for nodemailer's default minutes.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      // Our messages never attach files or fetch URLs; refuse both should content ever ask.
      disableFileAccess: true,
      disableUrlAccess: true,
    },
    { from: config.MAIL_FROM },
  );
  const domain = senderDomain(config.MAIL_FROM);
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<${mail.id}@${domain}>`,
        // RFC 3834: sent by a program, so out-of-office replies are not sent back.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close() {
      transport.close();
    },
  };
}
