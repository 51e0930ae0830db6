// The life of an outgoing message. Pure: which statuses exist, when a failed attempt is tried
// again, and what of an error may be stored.
//
//   queued ──▶ sent      accepted by the SMTP server
//      │ ╲──▶ outbox    no SMTP_URL: kept in the development outbox, never sent
//      │  ↺              a failed attempt: tried again later (attempts < MAX_ATTEMPTS)
//      ▼
//   failed               the fifth failed attempt, or a permanent refusal of the recipient

export const mailStatuses = ['queued', 'sent', 'outbox', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export function isMailStatus(value: unknown): value is MailStatus {
  return typeof value === 'string' && (mailStatuses as readonly string[]).includes(value);
}

/** Delivery attempts before a message is given up as failed. */
export const MAX_ATTEMPTS = 5;

/**
 * Waiting time after the n-th failed attempt (1-based): one minute, five, half an hour, two
 * hours. Together about two and a half hours: long enough to ride out a mail server restart or a
 * short outage, short enough that an invitation is not days late before someone notices.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120] as const;

export function retryDelayMs(failedAttempts: number): number {
  const index = Math.min(Math.max(failedAttempts, 1), RETRY_DELAYS_MINUTES.length) - 1;
  return RETRY_DELAYS_MINUTES[index]! * 60_000;
}

/** What happens after a failed attempt: try again at `at`, or give up. */
export type AfterFailure = { give: 'retry'; at: Date } | { give: 'up' };

export function afterFailure(attemptsSoFar: number, permanent: boolean, now: Date): AfterFailure {
  if (permanent || attemptsSoFar >= MAX_ATTEMPTS) return { give: 'up' };
  return { give: 'retry', at: new Date(now.getTime() + retryDelayMs(attemptsSoFar)) };
}

/** Anything that looks like an e-mail address, with or without angle brackets. */
const addressPattern = /<?[^\s<>@"']+@[^\s<>@"']+>?/g;

/**
 * The stored form of a delivery error: code, SMTP reply code and message, with e-mail addresses
 * replaced (a server's reply often repeats the recipient), on one line, at most 500 characters.
 * Enough to tell a wrong password from a full mailbox; no personal data.
 */
export function describeMailError(error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [
    typeof e.code === 'string' ? e.code : 'ERROR',
    typeof e.responseCode === 'number' ? String(e.responseCode) : null,
  ].filter(Boolean);
  const message = typeof e.message === 'string' ? e.message : String(error);
  const cleaned = message.replace(addressPattern, '<address>').replace(/\s+/g, ' ').trim();
  return `${parts.join(' ')}: ${cleaned}`.slice(0, 500);
}

/**
 * True when the SMTP server refused this message for good: a permanent (5xx) reply to its
 * recipient or to its content. Trying again would get the same answer. A permanent reply to
 * anything else — the log-in, the sender address — is a matter of configuration that affects
 * every message alike; those are tried again, so mail goes out once the configuration is fixed.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { permanent, responseCode, command, code } = error as { permanent?: unknown; responseCode?: unknown; command?: unknown; code?: unknown };
  const permanentReply =
    typeof permanent === 'boolean'
      ? permanent
      : typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  const aboutThisMessage = (typeof command === 'string' && /^RCPT\b/i.test(command)) || code === 'EMESSAGE';
  return permanentReply && aboutThisMessage;
}
