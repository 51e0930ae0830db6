-- Outgoing mail (src/platform/mail/): a message is queued in the same transaction as the change
-- that causes it (an invitation, a password reset) and sent afterwards by the `mail-send` job.
-- Installation-level: no pact_id. Only system code reads or changes these tables, as the
-- connecting role (which has BYPASSRLS, see the README); the application role has no privilege
-- on them and row-level security is forced without a policy for it, so a request can never read
-- mail, not even by mistake. A request queues mail only through queue_mail() below.
-- docs/decisions/0015-mail.md

create table mail_message (
  id uuid primary key default gen_random_uuid(),
  created_at timestamptz not null,
  to_address text not null,
  subject text not null,
  -- The bodies hold personal data (names, links with tokens): both become null when the
  -- retention job removes them (body_removed_at set); the row stays as a record that mail went out.
  text_body text,
  html_body text,
  -- Why the mail exists, e.g. 'invitation', 'password-reset'.
  purpose text not null,
  status text not null default 'queued',
  -- Delivery attempts made so far (the SMTP server was asked this many times).
  attempts integer not null default 0,
  -- A queued message is not tried before this moment (backoff after a failed attempt).
  next_attempt_at timestamptz not null,
  -- A worker that took the message for sending holds it until claimed_until (a lease, so the
  -- SMTP conversation happens outside any transaction and a crashed worker's mail is retried).
  claim_id uuid,
  claimed_until timestamptz,
  -- The last delivery error: the SMTP code and reply, with e-mail addresses taken out.
  last_error text,
  -- When the message left the queue: accepted by the SMTP server ('sent') or put in the
  -- development outbox ('outbox').
  sent_at timestamptz,
  body_removed_at timestamptz,
  constraint mail_message_status_known check (status in ('queued', 'sent', 'outbox', 'failed')),
  constraint mail_message_purpose_format check (purpose ~ '^[a-z][a-z0-9-]{0,39}$'),
  constraint mail_message_to_address_format check (
    char_length(to_address) between 3 and 320 and to_address ~ '^[^@[:space:]<>]+@[^@[:space:]<>]+$'),
  constraint mail_message_subject_format check (char_length(subject) between 1 and 200 and subject !~ '[\r\n]'),
  constraint mail_message_attempts_valid check (attempts >= 0),
  constraint mail_message_last_error_length check (char_length(last_error) <= 1000),
  constraint mail_message_sent_at_set check ((status in ('sent', 'outbox')) = (sent_at is not null)),
  constraint mail_message_claim_complete check ((claim_id is null) = (claimed_until is null)),
  constraint mail_message_body_present check (
    case when body_removed_at is null then text_body is not null else text_body is null and html_body is null end)
);
create index mail_message_created_idx on mail_message (created_at desc, id);
create index mail_message_due_idx on mail_message (next_attempt_at) where status = 'queued';
create index mail_message_retention_idx on mail_message ((coalesce(sent_at, created_at)))
  where body_removed_at is null and status <> 'queued';

create table mail_message_status_change (
  id bigint generated always as identity primary key,
  message_id uuid not null constraint mail_message_status_change_message_fk references mail_message (id),
  -- Null for the message's creation.
  from_status text,
  to_status text not null,
  changed_at timestamptz not null
);
create index mail_message_status_change_message_idx on mail_message_status_change (message_id, id);

create or replace function mail_message_status_change_append_only() returns trigger
  language plpgsql as $$
begin
  raise exception 'mail_message_status_change is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger mail_message_status_change_no_change before update or delete on mail_message_status_change
  for each row execute function mail_message_status_change_append_only();

-- No grants to schakelpunt_app on either table, and row-level security forced with no policy:
-- for the application role there is nothing to see and nothing to change.
alter table mail_message enable row level security;
alter table mail_message force row level security;
alter table mail_message_status_change enable row level security;
alter table mail_message_status_change force row level security;

-- The one way in for a request (which runs as schakelpunt_app): queue a message and return only
-- its id. SECURITY DEFINER runs it as the owner (the connecting role, with BYPASSRLS), so the
-- insert lands in the caller's transaction — committed or rolled back with the change that
-- caused it — while the application role still cannot read, change or delete any mail.
create or replace function queue_mail(
  p_to_address text, p_subject text, p_text_body text, p_html_body text, p_purpose text, p_now timestamptz
) returns uuid
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  new_id uuid;
begin
  insert into mail_message (created_at, to_address, subject, text_body, html_body, purpose, status, next_attempt_at)
  values (p_now, p_to_address, p_subject, p_text_body, p_html_body, p_purpose, 'queued', p_now)
  returning id into new_id;
  insert into mail_message_status_change (message_id, from_status, to_status, changed_at)
  values (new_id, null, 'queued', p_now);
  return new_id;
end
$$;
revoke all on function queue_mail(text, text, text, text, text, timestamptz) from public;
grant execute on function queue_mail(text, text, text, text, text, timestamptz) to schakelpunt_app;
