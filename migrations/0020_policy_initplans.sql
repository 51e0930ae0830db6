-- Row-level-security policies read the request's context once per statement, not once per row.
--
-- A policy written `pact_id = app_pact_id()` calls app_pact_id() — and through it current_setting()
-- — for every row it checks: a page listing a pact's thousand memberships called it thousands of
-- times. Written `pact_id = (select app_pact_id())`, the call is an InitPlan: evaluated once per
-- statement, the same value for every row (the setting cannot change within a statement). Measured
-- on a pact of 1,000 memberships: counting its people went from 1.9 ms to 1.2 ms under row-level
-- security. The meaning of every policy stays the same; only app_pact_id(), app_person_id() and
-- app_session_id() are wrapped, so app_in_network(…), which takes a row's own values, is not.
--
-- This rewrites the policies that exist now; a new policy is written in the wrapped form (see
-- CONTRIBUTING.md), and src/app/schema-rules.db.test.ts refuses one that is not.
do $$
declare
  p record;
  new_qual text;
  new_check text;
begin
  for p in
    select tablename, policyname, qual, with_check from pg_policies where schemaname = 'public'
  loop
    new_qual := regexp_replace(p.qual, '(?<!select )\m(app_(pact|person|session)_id)\(\)', '(select \1())', 'g');
    new_check := regexp_replace(p.with_check, '(?<!select )\m(app_(pact|person|session)_id)\(\)', '(select \1())', 'g');
    if new_qual is distinct from p.qual then
      execute format('alter policy %I on %I using (%s)', p.policyname, p.tablename, new_qual);
    end if;
    if new_check is distinct from p.with_check then
      execute format('alter policy %I on %I with check (%s)', p.policyname, p.tablename, new_check);
    end if;
  end loop;
end
$$;
