import type { PactSummary } from '../../../access/policy.ts';
import type { ImportJobRow, RowErrorReport } from '../../../platform/import/index.ts';
import {
  Alert, Button, CsrfField, DataList, ErrorSummary, Field, fieldId, Flash, Heading, Link, Paragraph, Table, type FormState,
} from '../../../ui/components.tsx';
import { formatDateTime } from '../../../ui/format.ts';
import { useLocale, useT } from '../../../ui/i18n.ts';
import { isMessageKey, type MessageKey } from '../../../ui/messages/index.ts';
import type { NeighbourhoodRow } from './neighbourhood-queries.ts';

/** Largest upload accepted, in bytes; the route's body limit leaves room for the form around it. */
export const maxUploadBytes = 5 * 1024 * 1024;

const addLabels: Record<string, MessageKey> = { code: 'neighbourhoods.code', name: 'neighbourhoods.name' };
const uploadLabels: Record<string, MessageKey> = { file: 'neighbourhoods.file' };

function translate(t: (key: MessageKey, params?: Record<string, string | number>) => string, key: string, params?: Record<string, string | number>): string {
  return t(isMessageKey(key) ? key : 'form.error.format', params);
}

function When({ at }: { at: Date }) {
  const locale = useLocale();
  return <time datetime={at.toISOString()}>{formatDateTime(at, locale)}</time>;
}

/** A file input with the same label, hint and error wiring as Field (which has no file type). */
function FileField({ name, label, description, state, accept }: { name: string; label: MessageKey; description: MessageKey; state: FormState; accept: string }) {
  const t = useT();
  const id = fieldId(name);
  const error = state.errors?.[name];
  const descriptionId = `${id}-description`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>{t(label)}</label>
      </div>
      <div class="utrecht-form-field-description" id={descriptionId}>{t(description)}</div>
      {error ? <div class="utrecht-form-field-error-message" id={errorId}>{translate(t, error.key, error.params)}</div> : null}
      <div class="utrecht-form-field__input">
        <input
          type="file"
          id={id}
          name={name}
          accept={accept}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={[descriptionId, errorId].filter(Boolean).join(' ')}
          class="sp-file-input"
        />
      </div>
    </div>
  );
}

export function NeighbourhoodsPage({
  pact,
  neighbourhoods,
  jobs,
  addState,
  uploadState,
}: {
  pact: PactSummary;
  neighbourhoods: NeighbourhoodRow[];
  jobs: ImportJobRow[];
  addState: FormState;
  uploadState: FormState;
}) {
  const t = useT();
  const base = `/p/${pact.slug}`;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('neighbourhoods.title')}</Heading>
      <Paragraph>{t('neighbourhoods.intro')}</Paragraph>
      {neighbourhoods.length === 0 ? (
        <Paragraph>{t('neighbourhoods.none')}</Paragraph>
      ) : (
        <>
          <Table
            caption={t('neighbourhoods.title')}
            rows={neighbourhoods}
            columns={[
              { header: t('neighbourhoods.code'), cell: (n) => n.code },
              { header: t('neighbourhoods.name'), cell: (n) => n.name },
            ]}
          />
          <Paragraph>
            <Link href={`${base}/neighbourhoods.csv`}>{t('neighbourhoods.export')}</Link>
          </Paragraph>
        </>
      )}

      <section aria-labelledby="add-heading">
        <Heading level={2} id="add-heading">{t('neighbourhoods.add')}</Heading>
        <ErrorSummary state={addState} labels={addLabels} />
        <form method="post" action={`${base}/neighbourhoods`} class="utrecht-form sp-form" novalidate>
          <CsrfField />
          <Field name="code" label="neighbourhoods.code" description="neighbourhoods.codeHint" state={addState} maxlength={20} autocomplete="off" />
          <Field name="name" label="neighbourhoods.name" state={addState} maxlength={120} autocomplete="off" />
          <Button>{t('neighbourhoods.add')}</Button>
        </form>
      </section>

      <section aria-labelledby="import-heading">
        <Heading level={2} id="import-heading">{t('neighbourhoods.import')}</Heading>
        <ErrorSummary state={uploadState} labels={uploadLabels} />
        <form method="post" action={`${base}/neighbourhoods/import`} enctype="multipart/form-data" class="utrecht-form sp-form" novalidate>
          <CsrfField />
          <FileField name="file" label="neighbourhoods.file" description="neighbourhoods.fileHint" state={uploadState} accept=".csv,.txt,text/csv" />
          <Button>{t('neighbourhoods.importButton')}</Button>
        </form>
      </section>

      {jobs.length > 0 ? (
        <section aria-labelledby="imports-heading">
          <Heading level={2} id="imports-heading">{t('import.recent')}</Heading>
          <Table
            caption={t('import.recent')}
            rows={jobs}
            columns={[
              { header: t('import.fileName'), cell: (j) => <Link href={`${base}/imports/${j.id}`}>{j.file_name || '—'}</Link> },
              { header: t('import.startedAt'), cell: (j) => <When at={j.created_at} /> },
              { header: t('import.statusLabel'), cell: (j) => t(`import.status.${j.status}` as MessageKey) },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}

interface ErrorLine {
  row: number;
  field: string;
  message: string;
  value: string;
}

export function ImportJobPage({
  pact,
  job,
  errors,
  labels,
  backHref,
  backLabel,
  formError,
}: {
  pact: PactSummary;
  job: ImportJobRow;
  errors: RowErrorReport[];
  labels: Record<string, MessageKey>;
  backHref: string;
  backLabel: MessageKey;
  formError?: MessageKey | undefined;
}) {
  const t = useT();
  const self = `/p/${pact.slug}/imports/${job.id}`;
  const lines: ErrorLine[] = errors.flatMap((r) =>
    r.errors.map((e) => ({
      row: r.row_number,
      field: labels[e.field] ? t(labels[e.field]!) : e.field,
      message: translate(t, e.key, e.params),
      value: typeof r.data[e.field] === 'string' ? (r.data[e.field] as string) : '',
    })),
  );
  const moreRows = job.error_count - errors.length;
  const fileError = job.file_error;
  return (
    <>
      <Flash />
      <Heading level={1}>{t('import.title')}</Heading>
      {formError ? <Alert kind="error"><p class="utrecht-paragraph">{t(formError)}</p></Alert> : null}
      <DataList
        items={[
          [t('import.fileName'), job.file_name || '—'],
          [t('import.startedAt'), <When at={job.created_at} />],
          [t('import.statusLabel'), <strong>{t(`import.status.${job.status}` as MessageKey)}</strong>],
        ]}
      />

      {job.status === 'staging' ? (
        <>
          {/* With JavaScript the progress updates itself (app.ts polls the JSON endpoint); without it
              the refresh link below does the same. No automatic page refresh: it would take control
              of timing away from the user (WCAG 2.2.1). */}
          <Paragraph>{t('import.waiting')}</Paragraph>
          <div
            data-import-poll={`/api/p/${pact.slug}/imports/${job.id}`}
            data-progress-template={t('import.progress', { done: '{done}', total: '{total}' })}
            data-queued-text={t('import.queued')}
          >
            <Paragraph>
              {/* Until the job worker has counted the rows there is no amount to show: the bar
                  has no value (an indeterminate bar) and the text says the file waits its turn. */}
              {job.total_rows > 0 ? (
                <progress max={job.total_rows} value={job.processed_rows} aria-labelledby="import-progress" />
              ) : (
                <progress aria-labelledby="import-progress" />
              )}{' '}
              <span id="import-progress" role="status">
                {job.total_rows > 0 ? t('import.progress', { done: job.processed_rows, total: job.total_rows }) : t('import.queued')}
              </span>
            </Paragraph>
          </div>
          <Paragraph>
            <Link href={self}>{t('import.refresh')}</Link>
          </Paragraph>
        </>
      ) : null}

      {job.status === 'failed' ? (
        <Alert kind="error" title={t('import.status.failed')}>
          {fileError ? (
            <p class="utrecht-paragraph">
              {translate(t, fileError.key, {
                ...fileError.params,
                detail: fileError.detail ? translate(t, fileError.detail.key, fileError.detail.params) : '',
              })}
            </p>
          ) : (
            <p class="utrecht-paragraph">{t('import.rowsOk', { count: job.total_rows - job.error_count })}</p>
          )}
          <p class="utrecht-paragraph">{t('import.nothingSaved')}</p>
        </Alert>
      ) : null}

      {lines.length > 0 ? (
        <section aria-labelledby="row-errors-heading">
          <Heading level={2} id="row-errors-heading">{t('import.rowErrors')}</Heading>
          <Table
            caption={t('import.rowErrors')}
            rows={lines}
            columns={[
              { header: t('import.row'), cell: (l) => String(l.row), numeric: true },
              { header: t('import.field'), cell: (l) => l.field },
              { header: t('import.problem'), cell: (l) => l.message },
              { header: t('import.value'), cell: (l) => l.value },
            ]}
          />
          {moreRows > 0 ? <Paragraph>{t('import.moreErrors', { count: moreRows })}</Paragraph> : null}
        </section>
      ) : null}

      {job.status === 'validated' ? (
        <>
          <Paragraph>{t('import.rowsOk', { count: job.total_rows })}</Paragraph>
          {job.error_count === 0 ? (
            <form method="post" action={`${self}/promote`} class="utrecht-form sp-form">
              <CsrfField />
              <Button>{t('import.promote')}</Button>
            </form>
          ) : null}
        </>
      ) : null}

      {job.status === 'promoted' ? (
        <Alert kind="ok">
          <p class="utrecht-paragraph">{t('import.saved', { count: job.total_rows })}</p>
        </Alert>
      ) : null}

      <Paragraph>
        <Link href={backHref}>{t(backLabel)}</Link>
      </Paragraph>
    </>
  );
}
