// The pact's shell pages: public home and member dashboard, organisations and their profiles, settings.
import { z } from 'zod';
import { authorize, can, type Actor } from '../../access/policy.ts';
import { HttpError } from '../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../access/route.ts';
import { csvResponse, toCsv } from '../../platform/csv/export.ts';
import { parseForm, type FormResult } from '../../platform/forms.ts';
import type { MessageKey } from '../../ui/messages/index.ts';
import { addOrganisation } from './add-organisation.ts';
import { findHomeProfile } from './partners/partners-queries.ts';
import { newOrganisationForm, organisationProfileForm } from './organisation.ts';
import {
  findOrganisation, listOrganisationMembers, listOrganisationNames, listOrganisations, listOrganisationSummaries, listTeams,
  organisationNameTaken, pactFigures, updateOrganisationProfile, updatePactSettings,
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

async function loadOrganisation(ctx: RouteContext<{ pact: string; org: string }>) {
  const organisation = await findOrganisation(ctx.tx, ctx.pact!.id, ctx.params.org);
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
      const organisations = await listOrganisationSummaries(tx, pact!.id);
      // One query for the mission, horizon year and current pillars (this page is benchmarked).
      const profile = await findHomeProfile(tx, pact!.id);
      const canManage = can(actor, 'pact:manage', { pact });
      const isMember = can(actor, 'pact:read', { pact });
      const dashboard =
        isMember && actor.kind === 'person'
          ? {
              memberships: actor.memberships,
              figures: await pactFigures(tx, pact!.id),
              ownOrganisations: await listOrganisationNames(tx, pact!.id, organisationIds(actor)),
            }
          : null;
      return c.render(<PactHomePage pact={pact!} organisations={organisations} dashboard={dashboard} profile={profile} canManage={canManage} />, {
        title: pact!.name,
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations',
    permission: 'organisation:read',
    params: pactParams,
    handler: async ({ c, tx, pact, actor }) => {
      const organisations = await listOrganisations(tx, pact!.id);
      const canCreate = can(actor, 'pact:manage', { pact });
      return c.render(<OrganisationsPage pact={pact!} organisations={organisations} canCreate={canCreate} />, { title: c.get('t')('organisations.title') });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations.csv',
    permission: 'organisation:read',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const t = c.get('t');
      const organisations = await listOrganisations(tx, pact!.id);
      await audit({ action: 'organisation.export', recordType: 'organisation', purpose: 'pact-administration', details: { rows: organisations.length } });
      const csv = toCsv(
        [t('organisations.name'), t('organisations.kind'), t('organisations.members')],
        organisations.map((o) => [o.name, t(`orgKind.${o.kind}` as MessageKey), o.members]),
      );
      return csvResponse(`${pact!.slug}-organisations.csv`, csv);
    },
  }),
  // Before /organisations/:org: 'new' is not an organisation id (that route would answer 404).
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/new',
    permission: 'pact:manage',
    params: pactParams,
    handler: async ({ c, pact }) => c.render(<OrganisationNewPage pact={pact!} state={{}} />, { title: c.get('t')('organisationNew.title') }),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/new',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async ({ c, tx, pact, form, services, audit, flash, csrfRejected }) => {
      const parsed = parseForm(newOrganisationForm, form!);
      const rerender = (status: 400 | 403, state: Parameters<typeof OrganisationNewPage>[0]['state']) => {
        c.status(status);
        return c.render(<OrganisationNewPage pact={pact!} state={state} />, { title: c.get('t')('organisationNew.title') });
      };
      if (csrfRejected) return rerender(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return rerender(400, parsed);
      const outcome = await addOrganisation(tx, { pactId: pact!.id, organisation: parsed.value, now: services.clock.now() }, audit);
      if (!outcome.ok) return rerender(400, { values: parsed.values, errors: { name: { key: 'organisation.nameTaken' } } });
      flash('organisationNew.added');
      return c.redirect(`/p/${pact!.slug}/organisations/${outcome.organisationId}`, 303);
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
      const teams = await listTeams(tx, pact!.id, organisation.id);
      const membersGrant = authorize(actor, 'organisation:read-members', { pact, organisationId: organisation.id });
      const members = membersGrant ? await listOrganisationMembers(tx, pact!.id, organisation.id) : null;
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
          pact={pact!} organisation={organisation} teams={teams} members={members} canEdit={canEdit} canInvite={canInvite} canManageMembers={canManageMembers}
        />,
        { title: organisation.name },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/edit',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const organisation = await loadOrganisation(ctx);
      return ctx.c.render(<OrganisationEditPage pact={ctx.pact!} organisation={organisation} state={{}} />, {
        title: ctx.c.get('t')('organisation.editTitle', { name: organisation.name }),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/edit',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const organisation = await loadOrganisation(ctx);
      const parsed: FormResult<z.output<typeof organisationProfileForm>> = parseForm(organisationProfileForm, form!);
      const rerender = (status: 400 | 403 | 409, state: Parameters<typeof OrganisationEditPage>[0]['state']) => {
        c.status(status);
        return c.render(<OrganisationEditPage pact={pact!} organisation={organisation} state={state} />, {
          title: c.get('t')('organisation.editTitle', { name: organisation.name }),
        });
      };
      if (ctx.csrfRejected) return rerender(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return rerender(400, parsed);
      if (await organisationNameTaken(tx, pact!.id, parsed.value.name, organisation.id)) {
        return rerender(400, { values: parsed.values, errors: { name: { key: 'organisation.nameTaken' } } });
      }
      // The version goes to PostgreSQL as an ISO instant made here: whatever Date.parse accepts
      // ('2026', '1 2') is not always valid SQL input. A version that cannot be one of ours is stale.
      const versionMs = parsed.value.version ? Date.parse(parsed.value.version) : null;
      const versionUsable = versionMs === null || (versionMs >= 0 && versionMs < Date.UTC(10000, 0, 1));
      const version = versionMs === null || !versionUsable ? null : new Date(versionMs).toISOString();
      const saved = versionUsable && (await updateOrganisationProfile(tx, pact!.id, organisation.id, parsed.value, version, services.clock.now()));
      if (!saved) {
        const fresh = (await findOrganisation(tx, pact!.id, organisation.id))!;
        c.status(409);
        return c.render(
          <OrganisationEditPage
            pact={pact!}
            organisation={fresh}
            state={{ values: { ...parsed.values, version: fresh.updated_at.toISOString() }, formError: 'organisation.stale' }}
          />,
          { title: c.get('t')('organisation.editTitle', { name: fresh.name }) },
        );
      }
      await audit({
        action: 'organisation.update', recordType: 'organisation', recordId: organisation.id, purpose: 'pact-administration',
        details: { fields: Object.keys(parsed.value).filter((k) => k !== 'version') },
      });
      flash('form.saved');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/settings',
    permission: 'pact:manage',
    params: pactParams,
    handler: async ({ c, pact }) =>
      c.render(<PactSettingsPage pact={pact!} state={{}} />, { title: c.get('t')('settings.title') }),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/settings',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async ({ c, tx, pact, form, services, audit, flash, csrfRejected }) => {
      const parsed = parseForm(settingsForm, form!);
      if (csrfRejected || !parsed.ok) {
        c.status(csrfRejected ? 403 : 400);
        const state = csrfRejected ? { values: parsed.values, formError: 'form.error.csrf' as const } : parsed;
        return c.render(<PactSettingsPage pact={pact!} state={state} />, { title: c.get('t')('settings.title') });
      }
      await updatePactSettings(tx, pact!.id, parsed.value, services.clock.now());
      await audit({ action: 'pact.update-settings', recordType: 'pact', recordId: pact!.id, purpose: 'pact-administration' });
      flash('form.saved');
      return c.redirect(`/p/${pact!.slug}/settings`, 303);
    },
  }),
];
