-- The generic import pipeline (src/platform/import/): a job per uploaded file, its rows staged
-- with their row-level errors, and the append-only history of the job's status. All three are
-- pact-scoped and guarded by row-level security exactly like the tables in 0001_platform.sql.

create table import_job (
  id uuid primary key default gen_random_uuid(),
  pact_id uuid not null constraint import_job_pact_fk references pact (id),
  -- Which importer reads the file, e.g. 'neighbourhoods'.
  kind text not null,
  status text not null default 'staging',
  -- Null when the import ran from the command line, on behalf of the installation.
  created_by uuid constraint import_job_created_by_fk references person (id) on delete set null,
  file_name text not null default '',
  total_rows integer not null default 0,
  processed_rows integer not null default 0,
  -- Rows with at least one error.
  error_count integer not null default 0,
  -- An error about the whole file (not CSV, empty, too many rows, a column missing): {key, params, detail?}.
  file_error jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  promoted_at timestamptz,
  constraint import_job_id_pact_key unique (id, pact_id),
  constraint import_job_status_known check (status in ('staging', 'validated', 'failed', 'promoted', 'cancelled')),
  constraint import_job_kind_format check (kind ~ '^[a-z][a-z0-9_-]{0,39}$'),
  constraint import_job_file_name_length check (char_length(file_name) <= 255),
  constraint import_job_counts_valid check (total_rows >= 0 and processed_rows >= 0 and error_count >= 0),
  constraint import_job_promoted_at_set check ((status = 'promoted') = (promoted_at is not null))
);
create index import_job_pact_idx on import_job (pact_id, created_at desc);

create table import_row (
  pact_id uuid not null,
  job_id uuid not null,
  -- The row as a spreadsheet shows it: the header is row 1, blank lines count, a value spanning
  -- several lines stays one row.
  row_number integer not null,
  -- The importer's natural key (e.g. a neighbourhood code) of a valid row, for duplicate checks in SQL.
  natural_key text,
  data jsonb not null,
  -- Row-level errors: [{field, key, params}], empty when the row is fine.
  errors jsonb not null default '[]'::jsonb,
  constraint import_row_pkey primary key (job_id, row_number),
  constraint import_row_job_fk foreign key (job_id, pact_id) references import_job (id, pact_id) on delete cascade,
  constraint import_row_errors_array check (jsonb_typeof(errors) = 'array')
);
create index import_row_key_idx on import_row (job_id, natural_key) where natural_key is not null;
create index import_row_error_idx on import_row (job_id, row_number) where errors <> '[]'::jsonb;

create table import_job_status_change (
  id bigint generated always as identity primary key,
  pact_id uuid not null,
  job_id uuid not null,
  -- Null for the job's creation.
  from_status text,
  to_status text not null,
  changed_at timestamptz not null,
  changed_by uuid,
  constraint import_job_status_change_job_fk foreign key (job_id, pact_id) references import_job (id, pact_id)
);
create index import_job_status_change_job_idx on import_job_status_change (job_id, id);

create or replace function import_job_status_change_append_only() returns trigger
  language plpgsql as $$
begin
  raise exception 'import_job_status_change is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger import_job_status_change_no_change before update or delete on import_job_status_change
  for each row execute function import_job_status_change_append_only();

-- Grants: the least each table needs from a request or an import run.
grant select, insert on import_job to schakelpunt_app;
grant update (status, total_rows, processed_rows, error_count, file_error, updated_at, promoted_at) on import_job to schakelpunt_app;
grant select, insert, delete on import_row to schakelpunt_app;
grant update (errors) on import_row to schakelpunt_app;
grant select, insert on import_job_status_change to schakelpunt_app;

-- Row-level security.
alter table import_job enable row level security;
alter table import_job force row level security;
create policy import_job_pact_isolation on import_job to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());

alter table import_row enable row level security;
alter table import_row force row level security;
create policy import_row_pact_isolation on import_row to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());

alter table import_job_status_change enable row level security;
alter table import_job_status_change force row level security;
create policy import_job_status_change_pact_isolation on import_job_status_change to schakelpunt_app
  using (pact_id = app_pact_id()) with check (pact_id = app_pact_id());
