// The pact's shell pages: public home and member dashboard, organisations and their profiles, settings.
// The pages with a form are formPages: their forms post, keep the input on a refusal, and redirect
// on success.
import { z } from 'zod';
import { done, formPage, refuse } from '../../access/form-page.ts';
import { authorize, can, type Actor } from '../../access/policy.ts';
import { HttpError } from '../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../access/route.ts';
import { useCaseContext } from '../../access/use-case.ts';
import { csvResponse, toCsv } from '../../platform/csv/export.ts';
import type { MessageKey } from '../../ui/messages/index.ts';
import { addOrganisation } from './add-organisation.ts';
import { changePactSettings } from './change-pact-settings.ts';
import { editOrganisation } from './edit-organisation.ts';
import { newOrganisationForm, organisationProfileForm } from './organisation.ts';
import {
  findOrganisation, listOrganisationMembers, listOrganisations, listTeams, loadPactHome,
  type OrganisationRow,
} from './pact-queries.ts';
import { OrganisationEditPage, OrganisationNewPage, OrganisationPage, OrganisationsPage, PactHomePage, PactSettingsPage } from './pact-pages.tsx';

const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });

function organisationIds(actor: Actor): string[] {
  return actor.kind === 'person' ? [...new Set(actor.memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))] : [];
}

export const settingsForm = z.object({
  name: z.string().trim().min(1).max(200),
  municipality: z.string().trim().max(200).default(''),
  defaultLocale: z.enum(['nl', 'en']),
});

async function loadOrganisation(ctx: RouteContext<{ pact: string; org: string }, `/p/:pact${string}`>): Promise<OrganisationRow> {
  const organisation = await findOrganisation(ctx.tx, ctx.pact.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return organisation;
}

export const pactRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact',
    permission: 'public',
    params: pactParams,
    handler: async ({ c, tx, pact, actor }) => {
      const canManage = can(actor, 'pact:manage', { pact });
      const isMember = can(actor, 'pact:read', { pact }) && actor.kind === 'person';
      // One statement for the whole page (it is the page members open first, and benchmarked).
      const home = await loadPactHome(tx, pact.id, isMember ? { organisationIds: organisationIds(actor) } : null);
      const { organisations, profile } = home;
      const dashboard =
        isMember && actor.kind === 'person' && home.figures
          ? { memberships: actor.memberships, figures: home.figures, ownOrganisations: home.ownOrganisations }
          : null;
      return c.render(<PactHomePage pact={pact} organisations={organisations} dashboard={dashboard} profile={profile} canManage={canManage} />, {
        title: pact.name,
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations',
    permission: 'organisation:read',
    params: pactParams,
    handler: async ({ c, tx, pact, actor }) => {
      const organisations = await listOrganisations(tx, pact.id);
      const canCreate = can(actor, 'pact:manage', { pact });
      return c.render(<OrganisationsPage pact={pact} organisations={organisations} canCreate={canCreate} />, { title: c.get('t')('organisations.title') });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations.csv',
    permission: 'organisation:read',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const t = c.get('t');
      const organisations = await listOrganisations(tx, pact.id);
      await audit({ action: 'organisation.export', recordType: 'organisation', purpose: 'pact-administration', details: { rows: organisations.length } });
      const csv = toCsv(
        [t('organisations.name'), t('organisations.kind'), t('organisations.members')],
        organisations.map((o) => [o.name, t(`orgKind.${o.kind}` as MessageKey), o.members]),
      );
      return csvResponse(`${pact.slug}-organisations.csv`, csv);
    },
  }),
  // Before /organisations/:org: 'new' is not an organisation id (that route would answer 404).
  ...formPage({
    path: '/p/:pact/organisations/new',
    permission: 'pact:manage',
    params: pactParams,
    data: async () => null,
    render: (ctx, _none, forms) => ctx.c.render(<OrganisationNewPage pact={ctx.pact} state={forms.add ?? {}} />, {
      title: ctx.c.get('t')('organisationNew.title'),
    }),
    forms: {
      add: {
        schema: newOrganisationForm,
        submit: async (ctx, _none, value) => {
          const outcome = await addOrganisation(useCaseContext(ctx), value);
          if (!outcome.ok) return refuse(400, { errors: { name: { key: 'organisation.nameTaken' } } });
          return done(`/p/${ctx.pact.slug}/organisations/${outcome.organisationId}`, 'organisationNew.added');
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org',
    permission: 'organisation:read',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const { c, tx, pact, actor, params, audit } = ctx;
      const organisation = await loadOrganisation(ctx);
      const teams = await listTeams(tx, pact.id, organisation.id);
      const membersGrant = authorize(actor, 'organisation:read-members', { pact, organisationId: organisation.id });
      const members = membersGrant ? await listOrganisationMembers(tx, pact.id, organisation.id) : null;
      if (members) {
        // Names and roles of colleagues are personal data: the read is logged, under the
        // membership that allows it.
        await audit({
          grant: membersGrant ?? undefined,
          action: 'membership.list', recordType: 'organisation', recordId: organisation.id,
          purpose: 'pact-administration', details: { people: members.map((m) => m.person_id) },
        });
      }
      const canEdit = can(actor, 'organisation:edit', { pact, organisationId: params.org });
      const canInvite = can(actor, 'membership:invite', { pact, organisationId: params.org });
      const canManageMembers = can(actor, 'organisation:manage-members', { pact, organisationId: params.org });
      return c.render(
        <OrganisationPage
          pact={pact} organisation={organisation} teams={teams} members={members} canEdit={canEdit} canInvite={canInvite} canManageMembers={canManageMembers}
        />,
        { title: organisation.name },
      );
    },
  }),
  ...formPage({
    path: '/p/:pact/organisations/:org/edit',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadOrganisation,
    render: (ctx, organisation, forms) => ctx.c.render(<OrganisationEditPage pact={ctx.pact} organisation={organisation} state={forms.edit ?? {}} />, {
      title: ctx.c.get('t')('organisation.editTitle', { name: organisation.name }),
    }),
    forms: {
      edit: {
        schema: organisationProfileForm,
        submit: async (ctx, organisation, value, values) => {
          const outcome = await editOrganisation(useCaseContext(ctx), organisation, value);
          if (!outcome.ok) {
            if (outcome.reason === 'name-taken') return refuse(400, { errors: { name: { key: 'organisation.nameTaken' } } });
            // Someone saved first: the person's input stays, on the stored revision, so saving again is a choice.
            return refuse(409, { formError: 'organisation.stale', values: { ...values, version: String(outcome.revision) } });
          }
          return done(`/p/${ctx.pact.slug}/organisations/${organisation.id}`, 'form.saved');
        },
      },
    },
  }),
  ...formPage({
    path: '/p/:pact/settings',
    permission: 'pact:manage',
    params: pactParams,
    data: async () => null,
    render: (ctx, _none, forms) => ctx.c.render(<PactSettingsPage pact={ctx.pact} state={forms.settings ?? {}} />, { title: ctx.c.get('t')('settings.title') }),
    forms: {
      settings: {
        schema: settingsForm,
        submit: async (ctx, _none, value) => {
          await changePactSettings(useCaseContext(ctx), value);
          return done(`/p/${ctx.pact.slug}/settings`, 'form.saved');
        },
      },
    },
  }),
];
