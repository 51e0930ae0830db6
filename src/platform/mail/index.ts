// Outgoing mail: queued in the transaction of the change that causes it, sent by the `mail-send`
// job over SMTP (or kept in the development outbox without SMTP_URL), bodies removed after
// MAIL_RETENTION_DAYS. How to send a mail: README.md beside this file.
export { queueMail, onMailQueued, type OutgoingMail, type MailQueuedListener } from './queue-mail.ts';
export { renderMail, type MailContent, type MailFrameKey, type MailTranslate, type RenderedMail } from './render-mail.tsx';
export { sendQueuedMail, startMailOnCommit, type MailRunResult, type MailWorkerDeps } from './send-queued-mail.ts';
export { removeOldMailBodies } from './remove-old-mail-bodies.ts';
export { createMailSender, type MailEnvelope, type MailSender } from './smtp-sender.ts';
export { findMail, listMail, listMailStatusChanges, type MailListRow, type MailRow, type MailStatusChangeRow } from './mail-queries.ts';
export { isMailStatus, mailStatuses, MAX_ATTEMPTS, RETRY_DELAYS_MINUTES, type MailStatus } from './mail-status.ts';
