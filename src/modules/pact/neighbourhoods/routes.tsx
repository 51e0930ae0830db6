// Neighbourhood pages (list, add one, CSV import and export) and the pages of an import job
// (progress, report, promote; JSON progress under /api/). Only the pact's coordinators. The pages
// with a form are formPages: their forms post, keep the input on a refusal, and redirect on success.
import { z } from 'zod';
import { done, formPage, refuse } from '../../../access/form-page.ts';
import { HttpError } from '../../../access/http-error.ts';
import type { PactSummary } from '../../../access/policy.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { actingPersonId, useCaseContext } from '../../../access/use-case.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import {
  findImportJob, listImportJobs, listRowErrors, lockImportJob, startImport, storeImportFile, type Importer, type ImportJobRow,
} from '../../../platform/import/index.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { addNeighbourhood } from './add-neighbourhood.ts';
import { neighbourhoodForm } from './neighbourhood.ts';
import { neighbourhoodImporter } from './neighbourhood-import.ts';
import { ImportJobPage, maxUploadBytes, NeighbourhoodsPage } from './neighbourhood-pages.tsx';
import { listNeighbourhoods } from './neighbourhood-queries.ts';
import { saveImport } from './save-import.ts';

const jobParams = z.object({ pact: pactSlugParam, id: z.uuid() });

/** The importers whose jobs these pages show, with what the job page needs to know about each. */
const importKinds: Record<string, { importer: Importer; labels: Record<string, MessageKey>; back: (slug: string) => string; backLabel: MessageKey }> = {
  [neighbourhoodImporter.kind]: {
    importer: neighbourhoodImporter,
    labels: { code: 'neighbourhoods.code', name: 'neighbourhoods.name' },
    back: (slug) => `/p/${slug}/neighbourhoods`,
    backLabel: 'neighbourhoods.back',
  },
};

type ImportKind = (typeof importKinds)[string];

async function loadJob(ctx: Pick<RouteContext<{ id: string }>, 'tx' | 'params'> & { pact: PactSummary }): Promise<{ job: ImportJobRow; kind: ImportKind }> {
  // Bounded by the pact (and by row-level security): a job of another pact is not there.
  const job = await findImportJob(ctx.tx, ctx.params.id, ctx.pact.id);
  const kind = job ? importKinds[job.kind] : undefined;
  if (!job || !kind) throw new HttpError(404);
  return { job, kind };
}

/** The file name without any folder a browser may send along, for display only. */
function displayName(name: string): string {
  return (name.split(/[/\\]/).pop() ?? '').slice(0, 255);
}

/** The upload form: a chosen file (a form sent without one still has the part, with an empty name). */
const uploadForm = z.object({
  file: z.custom<File>((v) => v instanceof File && !(v.name === '' && v.size === 0), 'import.error.noFile'),
});

export const neighbourhoodRoutes: RouteSpec[] = [
  ...formPage({
    path: '/p/:pact/neighbourhoods',
    permission: 'pact:manage',
    params: pactParams,
    data: async (ctx) => ({
      neighbourhoods: await listNeighbourhoods(ctx.tx, ctx.pact.id),
      jobs: await listImportJobs(ctx.tx, ctx.pact.id, neighbourhoodImporter.kind, 5),
    }),
    render: (ctx, { neighbourhoods, jobs }, forms) => ctx.c.render(
      <NeighbourhoodsPage pact={ctx.pact} neighbourhoods={neighbourhoods} jobs={jobs} addState={forms.add ?? {}} uploadState={forms.upload ?? {}} />,
      { title: ctx.c.get('t')('neighbourhoods.title') },
    ),
    forms: {
      add: {
        schema: neighbourhoodForm,
        submit: async (ctx, _page, value) => {
          const added = await addNeighbourhood(useCaseContext(ctx), value);
          if (!added.ok) return refuse(400, { errors: { code: { key: 'neighbourhoods.codeTaken' } } });
          return done(`/p/${ctx.pact.slug}/neighbourhoods`, 'neighbourhoods.added');
        },
      },
      upload: {
        path: '/p/:pact/neighbourhoods/import',
        maxBody: 6 * 1024 * 1024,
        schema: uploadForm,
        submit: async (ctx, _page, { file }) => {
          const { tx, pact, services, audit } = ctx;
          if (file.size > maxUploadBytes) return refuse(400, { errors: { file: { key: 'import.error.fileTooLarge', params: { max: 5 } } } });
          const bytes = new Uint8Array(await file.arrayBuffer());
          const personId = actingPersonId(ctx);
          const pactId = pact.id;
          const jobId = await startImport(
            tx,
            { pactId, kind: neighbourhoodImporter.kind, createdBy: personId, fileName: displayName(file.name), bytes: bytes.byteLength, now: ctx.now },
            audit,
          );
          // The file waits beside the job; a job worker reads it (platform/import/import-queue.ts).
          await storeImportFile(tx, { id: jobId, pactId }, bytes);
          services.runInBackground(`import:${jobId}`, async () => {
            // Once this request's transaction has committed (it holds the job's lock until then).
            await services.db.transaction().execute((lockTx) => lockImportJob(lockTx, jobId));
            await services.jobs.send('imports-run');
          });
          return done(`/p/${pact.slug}/imports/${jobId}`);
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/neighbourhoods.csv',
    permission: 'pact:manage',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const t = c.get('t');
      const neighbourhoods = await listNeighbourhoods(tx, pact.id);
      await audit({ action: 'neighbourhood.export', recordType: 'neighbourhood', purpose: 'pact-administration', details: { rows: neighbourhoods.length } });
      // The headers are ones the importer accepts, so an export can be edited and read back in.
      const csv = toCsv([t('neighbourhoods.code'), t('neighbourhoods.name')], neighbourhoods.map((n) => [n.code, n.name]));
      return csvResponse(`${pact.slug}-neighbourhoods.csv`, csv);
    },
  }),
  ...formPage({
    path: '/p/:pact/imports/:id',
    permission: 'pact:manage',
    params: jobParams,
    data: loadJob,
    render: async (ctx, { job, kind }, forms) => {
      const { c, tx, pact } = ctx;
      const errors = job.error_count > 0 ? await listRowErrors(tx, job.id, 100) : [];
      return c.render(
        <ImportJobPage pact={pact} job={job} errors={errors} labels={kind.labels} backHref={kind.back(pact.slug)} backLabel={kind.backLabel} formError={forms.promote?.formError} />,
        { title: c.get('t')('import.title') },
      );
    },
    forms: {
      promote: {
        path: '/p/:pact/imports/:id/promote',
        // The save button has no fields.
        schema: z.object({}),
        submit: async (ctx, { job, kind }) => {
          const result = await saveImport(useCaseContext(ctx), job, kind.importer);
          if (!result.ok) {
            if (result.reason === 'not-found') throw new HttpError(404);
            return refuse(409, { formError: result.reason === 'conflict' ? 'import.promoteConflict' : 'import.promoteRefused' });
          }
          return done(kind.back(ctx.pact.slug), 'import.promoted');
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/api/p/:pact/imports/:id',
    permission: 'pact:manage',
    params: jobParams,
    handler: async (ctx) => {
      const { job } = await loadJob(ctx);
      return ctx.c.json({
        id: job.id,
        kind: job.kind,
        status: job.status,
        processedRows: job.processed_rows,
        totalRows: job.total_rows,
        errorCount: job.error_count,
        fileError: job.file_error,
        createdAt: job.created_at.toISOString(),
        updatedAt: job.updated_at.toISOString(),
        promotedAt: job.promoted_at ? job.promoted_at.toISOString() : null,
      });
    },
  }),
];
