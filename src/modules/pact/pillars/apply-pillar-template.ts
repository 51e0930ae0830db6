import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { mayApplyTemplate, templateRows } from './pillar.ts';
import { insertPillar, listPillars, setPillarLabel } from './pillar-queries.ts';
import { pillarTemplate } from './templates.ts';

export type ApplyTemplateOutcome = { ok: true; added: number } | { ok: false; reason: 'has-pillars' | 'unknown-template' };

/** Fills a pact without pillars from a template and sets whether it speaks of pillars or paths. */
export async function applyPillarTemplate(
  tx: Executor,
  input: { pactId: string; templateKey: string; now: Date },
  audit: RouteContext['audit'],
): Promise<ApplyTemplateOutcome> {
  const template = pillarTemplate(input.templateKey);
  if (!template) return { ok: false, reason: 'unknown-template' };
  if (!mayApplyTemplate((await listPillars(tx, input.pactId)).length)) return { ok: false, reason: 'has-pillars' };
  let added = 0;
  for (const row of templateRows(template)) {
    if (await insertPillar(tx, input.pactId, row, input.now)) added += 1;
  }
  await setPillarLabel(tx, input.pactId, template.label, input.now);
  await audit({
    action: 'pillar.apply-template', recordType: 'pact', recordId: input.pactId, purpose: 'pact-administration',
    details: { template: template.key, added },
  });
  return { ok: true, added };
}
