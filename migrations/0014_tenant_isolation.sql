-- Tenant isolation: inside a pact's request no read reaches another pact's rows, whatever pacts the
-- person also belongs to; and the rate limit of the public initiative form counts per installation.
--
-- Row-level security policies of one command are OR-ed: a row is visible when any policy allows
-- it. A policy that lets a person see "their own" rows therefore widens every pact's view unless it
-- is itself bounded by the pact. Two policies of 0001 were not:
--
-- * organisation_own_read let a person read every organisation they are a member of, in every
--   pact. Inside pact A, an organisation of pact B in which the person works showed up in A's
--   organisation and partner lists and opened A's pages for it (edit, members, invitations, …)
--   with the rights the person holds in A.
-- * membership_own_read let a person read their own memberships in every pact. Inside pact A it
--   made their memberships in pact B visible; and because a policy's subquery is itself filtered
--   by row-level security, it is what let organisation_own_read find them.
--
-- Both exist for the account page (/account), which runs outside any pact (app.pact_id unset) and
-- lists the person's memberships with their organisations across pacts. They now apply there only.
-- Inside a pact, the *_pact_isolation policies alone decide: rows of the current pact.

drop policy organisation_own_read on organisation;
create policy organisation_own_read on organisation for select to schakelpunt_app
  using (
    app_pact_id() is null
    and exists (select 1 from membership m
                 where m.organisation_id = organisation.id and m.person_id = app_person_id() and m.ended_at is null));

drop policy membership_own_read on membership;
create policy membership_own_read on membership for select to schakelpunt_app
  using (app_pact_id() is null and person_id = app_person_id());

-- The other policies that are not "pact_id = app_pact_id()", checked for reads that leave the pact:
--
-- * pact_public_read (every pact row): pacts are public — their names and slugs are on the
--   installation's home page and every pact has a public home page. Unchanged.
-- * person_self and person_same_pact_read: a person sees their own row and the people with a
--   membership in the current pact (the subquery on membership is filtered by the policies above,
--   so it is bounded by the pact). Outside a pact only their own row. Unchanged.
-- * session_own, session_same_person_read, session_same_person_delete: a person's own sessions
--   (installation-level, no pact data in them): "where am I signed in" lists them. Unchanged.
-- * audit_event_pact_read: pact_id = app_pact_id(); the system chain (pact_id null) is never
--   readable by a request. audit_event_append and audit_chain_head_own let a request append to its
--   own pact's chain or to the system chain, and read that chain's head (its sequence number and
--   hash, no pact data). Unchanged.
-- * Installation-level tables without a policy for the application role (mail, log-in throttling,
--   password reset, second factor, person_status_change) stay unreadable. Unchanged.

-- ── The rate limit of the public initiative form, per installation ────────────────────────────
-- Counting per pact gave a bot a fresh allowance in every pact of the installation. The counters
-- are installation-level now: no pact_id, so a request of any pact counts every attempt of the
-- same key. The rows hold only a key kind, a keyed hash (HMAC with the installation's secret, never
-- the address itself) and a time: nothing of a pact and nothing personal. A request may count and
-- add them (the public form runs inside a pact, hence the check); only the retention job, as the
-- table owner outside row-level security, deletes old ones.
drop policy initiative_submission_attempt_pact_isolation on initiative_submission_attempt;
drop index initiative_submission_attempt_key_idx;
alter table initiative_submission_attempt drop column pact_id;
create index initiative_submission_attempt_key_idx on initiative_submission_attempt (key_kind, key_hash, attempted_at);
revoke delete on initiative_submission_attempt from schakelpunt_app;
create policy initiative_submission_attempt_count on initiative_submission_attempt for select to schakelpunt_app
  using (true);
create policy initiative_submission_attempt_record on initiative_submission_attempt for insert to schakelpunt_app
  with check (app_pact_id() is not null);
