// The coordinator's pillar pages: list and add, apply a template, edit, archive and restore. Each
// page is a formPage: its forms post, keep the input on a refusal, and redirect on success.
import { z } from 'zod';
import { HttpError } from '../../../access/http-error.ts';
import { done, formPage, refuse } from '../../../access/form-page.ts';
import { pactSlugParam, pactParams, type RouteContext, type RouteSpec } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import { applyPillarTemplate } from './apply-pillar-template.ts';
import { addPillar, archivePillar, editPillar } from './change-pillar.ts';
import { newPillarForm, orderPillars, pillarPageForm, pillarTemplateForm } from './pillar.ts';
import { PillarEditPage, PillarsPage } from './pillar-pages.tsx';
import { findPillar, listPillars, type PillarRow } from './pillar-queries.ts';

const pillarParams = z.object({ pact: pactSlugParam, pillar: z.uuid() });

async function loadPillar(ctx: RouteContext<{ pact: string; pillar: string }, '/p/:pact/pillars/:pillar'>): Promise<PillarRow> {
  const pillar = await findPillar(ctx.tx, ctx.pact.id, ctx.params.pillar);
  if (!pillar) throw new HttpError(404);
  return pillar;
}

export const pillarRoutes: RouteSpec[] = [
  ...formPage({
    path: '/p/:pact/pillars',
    permission: 'pact:manage',
    params: pactParams,
    data: async (ctx) => orderPillars(await listPillars(ctx.tx, ctx.pact.id)),
    render: (ctx, pillars, forms) => ctx.c.render(
      <PillarsPage pact={ctx.pact} pillars={pillars} addState={forms.add ?? {}} templateState={forms.template ?? {}}
        templateError={forms.template?.formError} />,
      { title: ctx.c.get('t')('pillars.title') },
    ),
    forms: {
      add: {
        schema: newPillarForm,
        submit: async (ctx, _pillars, value) => {
          const outcome = await addPillar(useCaseContext(ctx), value);
          if (!outcome.ok) return refuse(400, { errors: { title: { key: 'pillars.error.titleTaken' } } });
          return done(`/p/${ctx.pact.slug}/pillars`, 'pillars.added');
        },
      },
      template: {
        // Its own path, before /pillars/:pillar: 'template' is not a pillar id.
        path: '/p/:pact/pillars/template',
        schema: pillarTemplateForm,
        invalid: 'pillars.error.chooseTemplate',
        submit: async (ctx, _pillars, value) => {
          const outcome = await applyPillarTemplate(useCaseContext(ctx), value.template);
          if (!outcome.ok) return refuse(409, { formError: 'pillars.error.hasPillars' });
          return done(`/p/${ctx.pact.slug}/pillars`, 'pillars.templateApplied');
        },
      },
    },
  }),
  ...formPage({
    path: '/p/:pact/pillars/:pillar',
    permission: 'pact:manage',
    params: pillarParams,
    data: loadPillar,
    render: (ctx, pillar, forms) => ctx.c.render(<PillarEditPage pact={ctx.pact} pillar={pillar} state={forms.edit ?? {}} />, {
      title: ctx.c.get('t')('pillars.editTitle', { title: pillar.title }),
    }),
    forms: {
      edit: {
        // One form with two kinds of button: save the fields, or archive / restore the pillar.
        schema: pillarPageForm,
        submit: async (ctx, pillar, value) => {
          const back = `/p/${ctx.pact.slug}/pillars/${pillar.id}`;
          if (value.action !== 'save') {
            await archivePillar(useCaseContext(ctx), pillar, value.action === 'archive');
            return done(back, value.action === 'archive' ? 'pillars.archivedFlash' : 'pillars.restoredFlash');
          }
          const { action: _save, ...fields } = value;
          const outcome = await editPillar(useCaseContext(ctx), pillar, fields);
          if (!outcome.ok) return refuse(400, { errors: { title: { key: 'pillars.error.titleTaken' } } });
          return done(back, 'form.saved');
        },
      },
    },
  }),
];
