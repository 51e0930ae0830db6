-- The activity edit form's optimistic concurrency moves to the one revision scheme
-- (src/platform/concurrency.ts): the form carries the revision it was shown with, and a save
-- changes the activity only at that revision and raises it by one. Existing activities start at 1.
alter table activity add column revision integer not null default 1;
alter table activity add constraint activity_revision_positive check (revision >= 1);
