-- The organisation's edit form uses the one optimistic-concurrency scheme (src/platform/concurrency.ts):
-- the form carries the revision it was shown with, a save updates only that revision and raises it
-- by one, and a save based on an older revision is refused (409) with the person's input kept.
-- Until now the form carried updated_at, which other changes of the row (leaving the pact) moved
-- as well. Existing rows start at revision 1.
alter table organisation add column revision integer not null default 1;
alter table organisation add constraint organisation_revision_positive check (revision >= 1);
