import type { UseCaseContext } from '../../../access/use-case.ts';
import { mayApplyTemplate, templateRows } from './pillar.ts';
import { insertPillar, listPillars, setPillarLabel } from './pillar-queries.ts';
import { pillarTemplate } from './templates.ts';

export type ApplyTemplateOutcome = { ok: true; added: number } | { ok: false; reason: 'has-pillars' | 'unknown-template' };

/** Fills a pact without pillars from a template and sets whether it speaks of pillars or paths. */
export async function applyPillarTemplate(ctx: UseCaseContext, templateKey: string): Promise<ApplyTemplateOutcome> {
  const { tx, pact, now } = ctx;
  const template = pillarTemplate(templateKey);
  if (!template) return { ok: false, reason: 'unknown-template' };
  if (!mayApplyTemplate((await listPillars(tx, pact.id)).length)) return { ok: false, reason: 'has-pillars' };
  let added = 0;
  for (const row of templateRows(template)) {
    if (await insertPillar(tx, pact.id, row, now)) added += 1;
  }
  await setPillarLabel(tx, pact.id, template.label, now);
  await ctx.audit({
    action: 'pillar.apply-template', recordType: 'pact', recordId: pact.id, purpose: 'pact-administration',
    details: { template: template.key, added },
  });
  return { ok: true, added };
}
