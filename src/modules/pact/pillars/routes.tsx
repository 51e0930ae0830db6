// The coordinator's pillar pages: list and add, apply a template, edit, archive and restore.
import { z } from 'zod';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { parseForm } from '../../../platform/forms.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { applyPillarTemplate } from './apply-pillar-template.ts';
import { addPillar, archivePillar, editPillar } from './change-pillar.ts';
import { newPillarForm, orderPillars, pillarActionForm, pillarForm, pillarTemplateForm } from './pillar.ts';
import { PillarEditPage, PillarsPage } from './pillar-pages.tsx';
import { findPillar, listPillars, type PillarRow } from './pillar-queries.ts';

const pillarParams = z.object({ pact: pactSlugParam, pillar: z.uuid() });

async function renderPillars(
  ctx: RouteContext<{ pact: string }>,
  status: 200 | 400 | 403 | 409,
  states: { addState?: FormState; templateState?: FormState; templateError?: MessageKey } = {},
) {
  const { c, tx, pact } = ctx;
  const pillars = orderPillars(await listPillars(tx, pact!.id));
  c.status(status);
  return c.render(
    <PillarsPage pact={pact!} pillars={pillars} addState={states.addState ?? {}} templateState={states.templateState ?? {}} templateError={states.templateError} />,
    { title: c.get('t')('pillars.title') },
  );
}

async function loadPillar(ctx: RouteContext<{ pact: string; pillar: string }>): Promise<PillarRow> {
  const pillar = await findPillar(ctx.tx, ctx.pact!.id, ctx.params.pillar);
  if (!pillar) throw new HttpError(404);
  return pillar;
}

function renderPillar(ctx: RouteContext<{ pact: string; pillar: string }>, pillar: PillarRow, status: 200 | 400 | 403, state: FormState) {
  ctx.c.status(status);
  return ctx.c.render(<PillarEditPage pact={ctx.pact!} pillar={pillar} state={state} />, {
    title: ctx.c.get('t')('pillars.editTitle', { title: pillar.title }),
  });
}

export const pillarRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/pillars',
    permission: 'pact:manage',
    params: pactParams,
    handler: (ctx) => renderPillars(ctx, 200),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/pillars',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const parsed = parseForm(newPillarForm, form!);
      if (ctx.csrfRejected) return renderPillars(ctx, 403, { addState: { values: parsed.values, formError: 'form.error.csrf' } });
      if (!parsed.ok) return renderPillars(ctx, 400, { addState: parsed });
      const outcome = await addPillar(tx, { pactId: pact!.id, pillar: parsed.value, now: services.clock.now() }, audit);
      if (!outcome.ok) return renderPillars(ctx, 400, { addState: { values: parsed.values, errors: { title: { key: 'pillars.error.titleTaken' } } } });
      flash('pillars.added');
      return c.redirect(`/p/${pact!.slug}/pillars`, 303);
    },
  }),
  // Before /pillars/:pillar: 'template' is not a pillar id.
  defineRoute({
    method: 'POST',
    path: '/p/:pact/pillars/template',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const parsed = parseForm(pillarTemplateForm, form!);
      if (ctx.csrfRejected) return renderPillars(ctx, 403, { templateState: { values: parsed.values, formError: 'form.error.csrf' } });
      if (!parsed.ok) return renderPillars(ctx, 400, { templateState: parsed, templateError: 'pillars.error.chooseTemplate' });
      const outcome = await applyPillarTemplate(tx, { pactId: pact!.id, templateKey: parsed.value.template, now: services.clock.now() }, audit);
      if (!outcome.ok) return renderPillars(ctx, 409, { templateError: 'pillars.error.hasPillars' });
      flash('pillars.templateApplied');
      return c.redirect(`/p/${pact!.slug}/pillars`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/pillars/:pillar',
    permission: 'pact:manage',
    params: pillarParams,
    handler: async (ctx) => renderPillar(ctx, await loadPillar(ctx), 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/pillars/:pillar',
    permission: 'pact:manage',
    params: pillarParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const pillar = await loadPillar(ctx);
      const action = parseForm(pillarActionForm, form!);
      if (ctx.csrfRejected) return renderPillar(ctx, pillar, 403, { values: action.values, formError: 'form.error.csrf' });
      if (!action.ok) return renderPillar(ctx, pillar, 400, { values: action.values, formError: 'form.error.choice' });
      const back = `/p/${pact!.slug}/pillars/${pillar.id}`;
      if (action.value.action !== 'save') {
        await archivePillar(tx, { pactId: pact!.id, pillar, archive: action.value.action === 'archive', now: services.clock.now() }, audit);
        flash(action.value.action === 'archive' ? 'pillars.archivedFlash' : 'pillars.restoredFlash');
        return c.redirect(back, 303);
      }
      const parsed = parseForm(pillarForm, form!);
      if (!parsed.ok) return renderPillar(ctx, pillar, 400, parsed);
      const outcome = await editPillar(tx, { pactId: pact!.id, pillar, values: parsed.value, now: services.clock.now() }, audit);
      if (!outcome.ok) return renderPillar(ctx, pillar, 400, { values: parsed.values, errors: { title: { key: 'pillars.error.titleTaken' } } });
      flash('form.saved');
      return c.redirect(back, 303);
    },
  }),
];
