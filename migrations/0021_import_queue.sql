-- Imports run as background jobs, not in the process that took the upload.
--
-- The upload request stores the file beside its import job (import_file, in the request's
-- transaction) and queues the run; a job worker (a process with JOBS=true) claims queued jobs one
-- at a time, reads the stored file, stages and checks its rows, and deletes the file when the run
-- has ended: from then on the staged rows are the import. A claim runs out after a while, so a run
-- that stopped with its process is taken up again; a job whose runs kept stopping is failed.

create table import_file (
  job_id uuid primary key,
  pact_id uuid not null,
  content bytea not null,
  constraint import_file_job_fk foreign key (job_id, pact_id) references import_job (id, pact_id) on delete cascade,
  -- The upload form refuses more than 5 MB; this is the database's own limit.
  constraint import_file_size check (octet_length(content) <= 8 * 1024 * 1024)
);

alter table import_job
  -- Until when the worker that took the job may work on it; null while it waits.
  add column claimed_until timestamptz,
  -- How many times a worker took the job (a job whose runs keep stopping is failed, not retried forever).
  add column attempts integer not null default 0,
  add constraint import_job_attempts_valid check (attempts >= 0);

-- A request stores the file; a run (as the application role, for the job's pact) reads and deletes it.
grant select, insert, delete on import_file to schakelpunt_app;

alter table import_file enable row level security;
alter table import_file force row level security;
create policy import_file_pact_isolation on import_file to schakelpunt_app
  using (pact_id = (select app_pact_id())) with check (pact_id = (select app_pact_id()));
