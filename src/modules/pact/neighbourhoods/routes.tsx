// Neighbourhood pages (list, add one, CSV import and export) and the pages of an import job
// (progress, report, promote; JSON progress under /api/). Only the pact's coordinators.
import { z } from 'zod';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import type { FormState } from '../../../ui/components.tsx';
import {
  bytesSource, findImportJob, listImportJobs, listRowErrors, promoteImport, runImport, startImport,
  type Importer, type ImportJobRow,
} from '../../../platform/import/index.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { addNeighbourhood } from './add-neighbourhood.ts';
import { parseNeighbourhoodForm } from './neighbourhood.ts';
import { neighbourhoodImporter } from './neighbourhood-import.ts';
import { ImportJobPage, maxUploadBytes, NeighbourhoodsPage } from './neighbourhood-pages.tsx';
import { listNeighbourhoods } from './neighbourhood-queries.ts';

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

async function renderNeighbourhoods(
  ctx: RouteContext<{ pact: string }>,
  status: 200 | 400 | 403,
  states: { addState?: FormState; uploadState?: FormState } = {},
) {
  const { c, tx, pact } = ctx;
  const [neighbourhoods, jobs] = [await listNeighbourhoods(tx, pact!.id), await listImportJobs(tx, pact!.id, neighbourhoodImporter.kind, 5)];
  c.status(status);
  return c.render(
    <NeighbourhoodsPage pact={pact!} neighbourhoods={neighbourhoods} jobs={jobs} addState={states.addState ?? {}} uploadState={states.uploadState ?? {}} />,
    { title: c.get('t')('neighbourhoods.title') },
  );
}

async function loadJob(ctx: RouteContext<{ pact: string; id: string }>): Promise<{ job: ImportJobRow; kind: (typeof importKinds)[string] }> {
  // Bounded by the pact (and by row-level security): a job of another pact is not there.
  const job = await findImportJob(ctx.tx, ctx.params.id, ctx.pact!.id);
  const kind = job ? importKinds[job.kind] : undefined;
  if (!job || !kind) throw new HttpError(404);
  return { job, kind };
}

async function renderJob(ctx: RouteContext<{ pact: string; id: string }>, status: 200 | 403 | 409, formError?: MessageKey) {
  const { c, tx, pact } = ctx;
  const { job, kind } = await loadJob(ctx);
  const errors = job.error_count > 0 ? await listRowErrors(tx, job.id, 100) : [];
  c.status(status);
  return c.render(
    <ImportJobPage pact={pact!} job={job} errors={errors} labels={kind.labels} backHref={kind.back(pact!.slug)} backLabel={kind.backLabel} formError={formError} />,
    { title: c.get('t')('import.title') },
  );
}

/** The file name without any folder a browser may send along, for display only. */
function displayName(name: string): string {
  return (name.split(/[/\\]/).pop() ?? '').slice(0, 255);
}

export const neighbourhoodRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/neighbourhoods',
    permission: 'pact:manage',
    params: pactParams,
    handler: (ctx) => renderNeighbourhoods(ctx, 200),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/neighbourhoods',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, audit, flash } = ctx;
      const parsed = parseNeighbourhoodForm(form!);
      if (ctx.csrfRejected) return renderNeighbourhoods(ctx, 403, { addState: { values: parsed.values, formError: 'form.error.csrf' } });
      if (!parsed.ok) return renderNeighbourhoods(ctx, 400, { addState: parsed });
      const added = await addNeighbourhood(tx, pact!.id, parsed.value, audit);
      if (!added.ok) {
        return renderNeighbourhoods(ctx, 400, { addState: { values: parsed.values, errors: { code: { key: 'neighbourhoods.codeTaken' } } } });
      }
      flash('neighbourhoods.added');
      return c.redirect(`/p/${pact!.slug}/neighbourhoods`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/neighbourhoods/import',
    permission: 'pact:manage',
    params: pactParams,
    maxBody: 6 * 1024 * 1024,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, audit } = ctx;
      if (ctx.csrfRejected) return renderNeighbourhoods(ctx, 403, { uploadState: { formError: 'form.error.csrf' } });
      const file = form!.get('file');
      // A form sent without a chosen file still has the part, with an empty name.
      if (!(file instanceof File) || (file.name === '' && file.size === 0)) {
        return renderNeighbourhoods(ctx, 400, { uploadState: { errors: { file: { key: 'import.error.noFile' } } } });
      }
      if (file.size > maxUploadBytes) {
        return renderNeighbourhoods(ctx, 400, { uploadState: { errors: { file: { key: 'import.error.fileTooLarge', params: { max: 5 } } } } });
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const personId = actor.kind === 'person' ? actor.personId : null;
      const pactId = pact!.id;
      const jobId = await startImport(
        tx,
        { pactId, kind: neighbourhoodImporter.kind, createdBy: personId, fileName: displayName(file.name), bytes: bytes.byteLength, now: services.clock.now() },
        audit,
      );
      // Runs after this request's transaction has committed (runImport waits for it).
      services.runInBackground(`import:${jobId}`, async () => {
        await runImport(
          { db: services.db, clock: services.clock, log: services.log },
          { job: { id: jobId, pactId }, personId, importer: neighbourhoodImporter, source: bytesSource(bytes) },
        );
      });
      return c.redirect(`/p/${pact!.slug}/imports/${jobId}`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/neighbourhoods.csv',
    permission: 'pact:manage',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const t = c.get('t');
      const neighbourhoods = await listNeighbourhoods(tx, pact!.id);
      await audit({ action: 'neighbourhood.export', recordType: 'neighbourhood', purpose: 'pact-administration', details: { rows: neighbourhoods.length } });
      // The headers are ones the importer accepts, so an export can be edited and read back in.
      const csv = toCsv([t('neighbourhoods.code'), t('neighbourhoods.name')], neighbourhoods.map((n) => [n.code, n.name]));
      return csvResponse(`${pact!.slug}-neighbourhoods.csv`, csv);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/imports/:id',
    permission: 'pact:manage',
    params: jobParams,
    handler: (ctx) => renderJob(ctx, 200),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/imports/:id/promote',
    permission: 'pact:manage',
    params: jobParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, services, audit, flash } = ctx;
      const { job, kind } = await loadJob(ctx);
      if (ctx.csrfRejected) return renderJob(ctx, 403, 'form.error.csrf');
      const result = await promoteImport(tx, kind.importer, { id: job.id, pactId: pact!.id }, {
        now: services.clock.now(), personId: actor.kind === 'person' ? actor.personId : null,
      });
      if (!result.ok) {
        if (result.reason === 'not-found') throw new HttpError(404);
        return renderJob(ctx, 409, result.reason === 'conflict' ? 'import.promoteConflict' : 'import.promoteRefused');
      }
      await audit({
        action: 'import.promote', recordType: 'import_job', recordId: job.id, purpose: 'pact-administration',
        details: { kind: job.kind, rows: result.rows },
      });
      flash('import.promoted');
      return c.redirect(kind.back(pact!.slug), 303);
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
