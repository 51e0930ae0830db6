// The administrator's pact pages: list, create (with the first coordinator's invitation), details,
// suspend and reinstate. Every route is `system: true`: pacts other than the request's own, their
// organisation and member counts, their invitations and status history are all outside the one
// pact that row-level security would show (here there is no pact in the path at all), and making a
// pact writes rows the application role may not write (pact, audit_chain_head, invitation for
// another pact). The policy admits system administrators only.
import { z } from 'zod';
import { HttpError } from '../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec } from '../../access/route.ts';
import { parseForm } from '../../platform/forms.ts';
import type { FormState } from '../../ui/components.tsx';
import { newPactForm, pactStatusForm } from './administration-forms.ts';
import { changePactStatus } from './change-pact-status.ts';
import { createPact } from './create-pact.ts';
import { NewPactPage, PactDetailsPage, PactListPage } from './pact-admin-pages.tsx';
import { findPactForAdmin, listAllPacts, listOpenPactInvitations, listPactStatusChanges } from './pact-admin-queries.ts';

// Not `:id`: the route tables' sample for `:id` is an import job, and a pact needs its own sample.
const pactIdParams = z.object({ pactId: z.uuid() });
type PactCtx = RouteContext<z.output<typeof pactIdParams>>;

async function renderPactDetails(ctx: PactCtx, state: FormState, status: 200 | 400 | 403 | 409 = 200): Promise<Response> {
  const { c, tx, params, services, audit } = ctx;
  const pact = await findPactForAdmin(tx, params.pactId);
  if (!pact) throw new HttpError(404);
  const history = await listPactStatusChanges(tx, pact.id);
  const invitations = await listOpenPactInvitations(tx, pact.id, services.clock.now());
  // The open invitations show e-mail addresses of people without an account yet: the read is logged (ids only).
  await audit({
    pactId: pact.id, action: 'pact.read', recordType: 'pact', recordId: pact.id, purpose: 'installation',
    details: { invitations: invitations.map((i) => i.id) },
  });
  c.status(status);
  return c.render(<PactDetailsPage pact={pact} history={history} invitations={invitations} state={state} />, { title: pact.name });
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
  defineRoute({
    method: 'GET',
    path: '/admin/pacts/new',
    permission: 'system:admin',
    // The form only; system like the other pact administration routes (no pact context exists yet).
    system: true,
    handler: async ({ c }) => c.render(<NewPactPage state={{}} />, { title: c.get('t')('adminPacts.newTitle') }),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/pacts/new',
    permission: 'system:admin',
    // Inserts the pact, its audit chain head and an invitation into it: the application role may
    // insert none of these (a request has no pact context for a pact that does not exist yet).
    system: true,
    csrf: 'rerender',
    handler: async ({ c, tx, actor, form, services, csrfRejected, audit, flash }) => {
      if (actor.kind !== 'person') throw new Error('system:admin admits only people');
      const title = c.get('t')('adminPacts.newTitle');
      const rerender = (status: 400 | 403, state: FormState) => {
        c.status(status);
        return c.render(<NewPactPage state={state} />, { title });
      };
      const parsed = parseForm(newPactForm, form!);
      if (csrfRejected) return rerender(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) {
        // The slug's format has its own explanation (the generic "does not look right" says too little).
        const errors = parsed.errors.slug?.key === 'form.error.format' ? { ...parsed.errors, slug: { key: 'adminPacts.slugFormat' } } : parsed.errors;
        return rerender(400, { values: parsed.values, errors });
      }
      const outcome = await createPact(
        tx,
        {
          ...parsed.value, admin: { personId: actor.personId, displayName: actor.displayName },
          origin: services.publicUrl ?? new URL(c.req.url).origin, now: services.clock.now(),
        },
        audit,
      );
      if (!outcome.ok) return rerender(400, { values: parsed.values, errors: { slug: { key: 'adminPacts.slugTaken' } } });
      flash('adminPacts.created');
      return c.redirect(`/admin/pacts/${outcome.pactId}`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/pacts/:pactId',
    permission: 'system:admin',
    params: pactIdParams,
    // Any pact, suspended too, with its history and open coordinator invitations: outside row-level security.
    system: true,
    handler: async (ctx) => renderPactDetails(ctx, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/admin/pacts/:pactId/status',
    permission: 'system:admin',
    params: pactIdParams,
    // Changes another pact's status and appends to its history; the application role may do neither.
    system: true,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, actor, form, params, services, audit, flash } = ctx;
      if (actor.kind !== 'person') throw new Error('system:admin admits only people');
      const parsed = parseForm(pactStatusForm, form!);
      if (ctx.csrfRejected) return renderPactDetails(ctx, { values: parsed.values, formError: 'form.error.csrf' }, 403);
      if (!parsed.ok) return renderPactDetails(ctx, parsed, 400);
      const outcome = await changePactStatus(
        tx,
        { pactId: params.pactId, to: parsed.value.status, reason: parsed.value.reason, by: actor.personId, now: services.clock.now() },
        audit,
      );
      if (!outcome.ok) {
        if (outcome.reason === 'not-found') throw new HttpError(404);
        // Someone else changed it first (or a stale page): show the pact as it is now.
        return renderPactDetails(ctx, { values: parsed.values, formError: 'adminPacts.statusStale' }, 409);
      }
      flash(parsed.value.status === 'suspended' ? 'adminPacts.suspended' : 'adminPacts.reinstated');
      return c.redirect(`/admin/pacts/${params.pactId}`, 303);
    },
  }),
];
