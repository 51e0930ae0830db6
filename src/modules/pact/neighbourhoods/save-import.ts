import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { promoteImport, type Importer, type ImportJobRow, type PromoteResult } from '../../../platform/import/index.ts';

/**
 * Saves the checked rows of an import job into their table, all or nothing (the pipeline's
 * promotion): refused when the file has errors, is not checked yet, was saved already, or when a
 * row with the same key was added meanwhile.
 */
export async function saveImport(ctx: UseCaseContext, job: ImportJobRow, importer: Importer): Promise<PromoteResult> {
  const result = await promoteImport(ctx.tx, importer, { id: job.id, pactId: ctx.pact.id }, { now: ctx.now, personId: actingPersonId(ctx) });
  if (result.ok) {
    await ctx.audit({
      action: 'import.promote', recordType: 'import_job', recordId: job.id, purpose: 'pact-administration',
      details: { kind: job.kind, rows: result.rows },
    });
  }
  return result;
}
