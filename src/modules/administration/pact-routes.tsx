// The administrator's pact pages: list, create (with the first coordinator's invitation), details,
// suspend and reinstate. Every route is `system: true`: pacts other than the request's own, their
// organisation and member counts, their invitations and status history are all outside the one
// pact that row-level security would show (here there is no pact in the path at all), and making a
// pact writes rows the application role may not write (pact, audit_chain_head, invitation for
// another pact). The policy admits system administrators only.
import { z } from 'zod';
import { done, formPage, refuse } from '../../access/form-page.ts';
import { HttpError } from '../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec } from '../../access/route.ts';
import { newPactForm, pactStatusForm } from './administration-forms.ts';
import { changePactStatus } from './change-pact-status.ts';
import { createPact } from './create-pact.ts';
import { NewPactPage, PactDetailsPage, PactListPage } from './pact-admin-pages.tsx';
import { findPactForAdmin, listAllPacts, listOpenPactInvitations, listPactStatusChanges } from './pact-admin-queries.ts';
import { pactActionTo } from './status.ts';

// Not `:id`: the route tables' sample for `:id` is an import job, and a pact needs its own sample.
const pactIdParams = z.object({ pactId: z.uuid() });

function adminOf(ctx: RouteContext<unknown>) {
  if (ctx.actor.kind !== 'person') throw new Error('system:admin admits only people');
  return ctx.actor;
}

export const pactAdministrationRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/admin/pacts',
    permission: 'system:admin',
    // All pacts, suspended ones too, with counts across pacts: outside any one pact's row-level security.
    system: true,
    handler: async ({ c, tx }) => c.render(<PactListPage pacts={await listAllPacts(tx)} />, { title: c.get('t')('adminPacts.title') }),
  }),
  // The GET is the form only (system like the other pact administration routes: no pact context
  // exists yet); the POST inserts the pact, its audit chain head and an invitation into it, none of
  // which the application role may insert.
  ...formPage({
    system: true,
    path: '/admin/pacts/new',
    permission: 'system:admin',
    data: async () => null,
    render: (ctx, _nothing, forms) => ctx.c.render(<NewPactPage state={forms.pact ?? {}} />, { title: ctx.c.get('t')('adminPacts.newTitle') }),
    forms: {
      pact: {
        schema: newPactForm,
        submit: async (ctx, _nothing, value) => {
          const admin = adminOf(ctx);
          const outcome = await createPact(ctx.tx, {
            ...value, admin: { personId: admin.personId, displayName: admin.displayName },
            origin: ctx.services.publicUrl ?? new URL(ctx.c.req.url).origin, now: ctx.now,
          }, ctx.audit);
          if (!outcome.ok) return refuse(400, { errors: { slug: { key: 'adminPacts.slugTaken' } } });
          return done(`/admin/pacts/${outcome.pactId}`, 'adminPacts.created');
        },
      },
    },
  }),
  // Any pact, suspended too, with its history and open coordinator invitations: outside row-level
  // security. The status form changes another pact's status and appends to its history; the
  // application role may do neither.
  ...formPage({
    system: true,
    path: '/admin/pacts/:pactId',
    permission: 'system:admin',
    params: pactIdParams,
    data: async (ctx) => {
      // Locked for a POST, so that a refused change shows the status it was refused against.
      const pact = await findPactForAdmin(ctx.tx, ctx.params.pactId, ctx.c.req.method === 'POST');
      if (!pact) throw new HttpError(404);
      return { pact, history: await listPactStatusChanges(ctx.tx, pact.id), invitations: await listOpenPactInvitations(ctx.tx, pact.id, ctx.now) };
    },
    render: async (ctx, { pact, history, invitations }, forms) => {
      // The open invitations show e-mail addresses of people without an account yet: each showing is logged (ids only).
      await ctx.audit({
        pactId: pact.id, action: 'pact.read', recordType: 'pact', recordId: pact.id, purpose: 'installation',
        details: { invitations: invitations.map((i) => i.id) },
      });
      return ctx.c.render(<PactDetailsPage pact={pact} history={history} invitations={invitations} state={forms.status ?? {}} />, { title: pact.name });
    },
    forms: {
      status: {
        path: '/admin/pacts/:pactId/status',
        schema: pactStatusForm,
        submit: async (ctx, { pact }, value) => {
          const outcome = await changePactStatus(
            ctx.tx,
            { pactId: pact.id, action: pactActionTo(value.status), reason: value.reason, by: adminOf(ctx).personId, now: ctx.now },
            ctx.audit,
          );
          if (!outcome.ok) {
            if (outcome.reason === 'not-found') throw new HttpError(404);
            if (outcome.reason === 'reason-required') return refuse(400, { errors: { reason: { key: 'form.error.required' } } });
            // Someone else changed it first (or a stale page): show the pact as it is now.
            return refuse(409, { formError: 'adminPacts.statusStale' });
          }
          return done(`/admin/pacts/${pact.id}`, value.status === 'suspended' ? 'adminPacts.suspended' : 'adminPacts.reinstated');
        },
      },
    },
  }),
];
