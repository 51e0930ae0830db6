// The pact profile, the covenant and its versions, a partner's representatives, signatures and
// partnership, and the public partner list and pages. The pages with a form are formPages: their
// forms post, keep the input on a refusal, and redirect on success.
import { z } from 'zod';
import { done, formPage, refuse } from '../../../access/form-page.ts';
import { can } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { organisationKinds, type OrganisationKind } from '../organisation.ts';
import { adoptCovenantVersion } from './adopt-covenant-version.ts';
import { changePactProfile } from './change-pact-profile.ts';
import { changePartnership } from './change-partnership.ts';
import { addRepresentative, endRepresentative } from './change-representatives.ts';
import {
  CovenantNewPage, CovenantPage, CovenantSignPage, CovenantVersionPage, PactProfilePage, PartnerPage, PartnershipPage, PartnersPage,
  RepresentativesPage,
} from './partner-pages.tsx';
import { partnerHasLeft } from './partner-status.ts';
import { covenantVersionForm, pactProfileForm, partnershipForm, representativesPageForm, signatureForm, versionNumber } from './partners-forms.ts';
import {
  findCovenantVersion, findPactProfile, findPartner, listCovenantVersions, listPartners, listPartnerStatusChanges, listPublishedActivities,
  listRepresentatives, listSignatures, type PartnerRow,
} from './partners-queries.ts';
import { signCovenant } from './sign-covenant.ts';

const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const versionParams = z.object({ pact: pactSlugParam, version: versionNumber });

async function loadPartner(ctx: RouteContext<{ pact: string; org: string }, `/p/:pact${string}`>): Promise<PartnerRow> {
  // Bounded by the pact (and by row-level security): an organisation of another pact is not there.
  const partner = await findPartner(ctx.tx, ctx.pact.id, ctx.params.org);
  if (!partner) throw new HttpError(404);
  return partner;
}

const partnershipRefusals: Record<string, MessageKey> = {
  'already-left': 'partnership.error.alreadyLeft',
  'not-left': 'partnership.error.notLeft',
  'before-joined': 'partnership.error.beforeJoined',
  'rejoin-forbidden': 'partnership.error.rejoinForbidden',
};

export const partnerProfileRoutes: RouteSpec[] = [
  // ── Pact profile ──
  ...formPage({
    path: '/p/:pact/profile',
    permission: 'pact:manage',
    params: pactParams,
    data: (ctx) => findPactProfile(ctx.tx, ctx.pact.id),
    render: (ctx, profile, forms) => ctx.c.render(<PactProfilePage pact={ctx.pact} profile={profile} state={forms.profile ?? {}} />, {
      title: ctx.c.get('t')('pactProfile.title'),
    }),
    forms: {
      profile: {
        schema: pactProfileForm,
        submit: async (ctx, _profile, value) => {
          await changePactProfile(useCaseContext(ctx), value);
          return done(`/p/${ctx.pact.slug}/profile`, 'form.saved');
        },
      },
    },
  }),
  // ── Covenant ──
  defineRoute({
    method: 'GET',
    path: '/p/:pact/covenant',
    permission: 'public',
    params: pactParams,
    handler: async ({ c, tx, pact, actor }) => {
      const [current, versions, signatures] = [await findCovenantVersion(tx, pact.id, null), await listCovenantVersions(tx, pact.id), await listSignatures(tx, pact.id, null)];
      const canManage = can(actor, 'pact:manage', { pact });
      return c.render(<CovenantPage pact={pact} current={current} versions={versions} signatures={signatures} canManage={canManage} />, {
        title: c.get('t')('covenant.title'),
      });
    },
  }),
  // Before /covenant/:version: 'new' is not a version number (that route would answer 404).
  ...formPage({
    path: '/p/:pact/covenant/new',
    permission: 'pact:manage',
    params: pactParams,
    data: async (ctx) => ((await findCovenantVersion(ctx.tx, ctx.pact.id, null))?.version ?? 0) + 1,
    render: (ctx, nextVersion, forms) => ctx.c.render(<CovenantNewPage pact={ctx.pact} nextVersion={nextVersion} state={forms.adopt ?? {}} />, {
      title: ctx.c.get('t')('covenant.newTitle', { version: nextVersion }),
    }),
    forms: {
      adopt: {
        schema: covenantVersionForm,
        submit: async (ctx, _next, value) => {
          const outcome = await adoptCovenantVersion(useCaseContext(ctx), value);
          if (!outcome.ok) return refuse(409, { formError: 'covenant.error.concurrent' });
          return done(`/p/${ctx.pact.slug}/covenant/${outcome.version}`, 'covenant.adopted');
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/covenant/:version',
    permission: 'public',
    params: versionParams,
    handler: async ({ c, tx, pact, params }) => {
      const number = Number(params.version);
      const version = await findCovenantVersion(tx, pact.id, number);
      if (!version || version.version !== number) throw new HttpError(404);
      const signatures = (await listSignatures(tx, pact.id, null)).filter((s) => s.version === number);
      return c.render(<CovenantVersionPage pact={pact} version={version} signatures={signatures} />, { title: version.title });
    },
  }),
  // ── A partner's representatives, signatures and partnership ──
  ...formPage({
    path: '/p/:pact/organisations/:org/representatives',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadPartner,
    render: async (ctx, partner, forms) => {
      const { c, tx, pact, audit } = ctx;
      const representatives = await listRepresentatives(tx, pact.id, partner.id, true);
      // Names of people: the read is logged.
      await audit({
        action: 'partner-representative.list', recordType: 'organisation', recordId: partner.id, purpose: 'pact-administration',
        details: { rows: representatives.length },
      });
      // One form on the page posts both ways: an end button's refusal is a message above the list,
      // the add form's its field errors.
      const posted = forms.representatives;
      const ending = posted?.values?.action === 'end';
      const endError: MessageKey | undefined = ending ? (posted.formError ?? 'representatives.error.unknown') : undefined;
      return c.render(
        <RepresentativesPage pact={pact} organisation={partner} representatives={representatives} state={ending ? {} : (posted ?? {})} endError={endError} />,
        { title: c.get('t')('representatives.title', { name: partner.name }) },
      );
    },
    forms: {
      representatives: {
        schema: representativesPageForm,
        submit: async (ctx, partner, value) => {
          const back = `/p/${ctx.pact.slug}/organisations/${partner.id}/representatives`;
          if (value.action === 'end') {
            // No current representative of this partner with that id (ended meanwhile, or another's).
            if (!(await endRepresentative(useCaseContext(ctx), partner.id, value.representative))) throw new HttpError(404);
            return done(back, 'representatives.ended');
          }
          const { action: _add, ...representative } = value;
          await addRepresentative(useCaseContext(ctx), partner.id, representative);
          return done(back, 'representatives.added');
        },
      },
    },
  }),
  ...formPage({
    path: '/p/:pact/organisations/:org/covenant',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadPartner,
    render: async (ctx, partner, forms) => {
      const { c, tx, pact, audit } = ctx;
      const [versions, signatures] = [await listCovenantVersions(tx, pact.id), await listSignatures(tx, pact.id, partner.id)];
      await audit({
        action: 'covenant-signature.list', recordType: 'organisation', recordId: partner.id, purpose: 'pact-administration',
        details: { rows: signatures.length },
      });
      return c.render(<CovenantSignPage pact={pact} organisation={partner} versions={versions} signatures={signatures} state={forms.sign ?? {}} />, {
        title: c.get('t')('signature.title', { name: partner.name }),
      });
    },
    forms: {
      sign: {
        schema: signatureForm,
        submit: async (ctx, partner, value) => {
          const outcome = await signCovenant(useCaseContext(ctx), partner.id, value);
          if (!outcome.ok) {
            return outcome.reason === 'unknown-version'
              ? refuse(400, { errors: { version: { key: 'form.error.choice' } } })
              : refuse(409, { formError: 'signature.error.alreadySigned', formErrorParams: { version: value.version } });
          }
          return done(`/p/${ctx.pact.slug}/organisations/${partner.id}/covenant`, 'signature.recorded');
        },
      },
    },
  }),
  ...formPage({
    path: '/p/:pact/organisations/:org/partnership',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadPartner,
    render: async (ctx, partner, forms) => {
      const { c, tx, pact, actor } = ctx;
      const history = await listPartnerStatusChanges(tx, pact.id, partner.id);
      const mayRejoin = can(actor, 'pact:manage', { pact });
      return c.render(<PartnershipPage pact={pact} partner={partner} history={history} mayRejoin={mayRejoin} state={forms.partnership ?? {}} />, {
        title: c.get('t')('partnership.title', { name: partner.name }),
      });
    },
    forms: {
      partnership: {
        schema: partnershipForm,
        submit: async (ctx, partner, value) => {
          const mayRejoin = can(ctx.actor, 'pact:manage', { pact: ctx.pact });
          // Rejoining is the coordinators' decision: a partner admin may only leave.
          if (value.action === 'rejoin' && !mayRejoin) throw new HttpError(403);
          const outcome = await changePartnership(useCaseContext(ctx), partner, value, mayRejoin);
          if (!outcome.ok) return refuse(409, { formError: partnershipRefusals[outcome.reason] });
          return done(`/p/${ctx.pact.slug}/organisations/${partner.id}/partnership`, value.action === 'leave' ? 'partnership.left' : 'partnership.rejoined');
        },
      },
    },
  }),
  // ── Public partner list and pages ──
  defineRoute({
    method: 'GET',
    path: '/p/:pact/partners',
    permission: 'public',
    params: pactParams,
    handler: async ({ c, tx, pact, now }) => {
      const requested = c.req.query('kind') ?? '';
      const kind = (organisationKinds as readonly string[]).includes(requested) ? (requested as OrganisationKind) : null;
      const today = localDate(pact.jurisdiction, now);
      const partners = await listPartners(tx, pact.id);
      const current = partners.filter((p) => !partnerHasLeft(p.left_on, today) && (kind === null || p.kind === kind));
      const former = partners.filter((p) => partnerHasLeft(p.left_on, today));
      return c.render(<PartnersPage pact={pact} current={current} former={former} kind={kind} />, { title: c.get('t')('partners.title') });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/partners.csv',
    permission: 'public',
    params: pactParams,
    handler: async ({ c, tx, pact }) => {
      const t = c.get('t');
      // Public fields only: the organisation's own name, kind, website and dates.
      const rows = await listPartners(tx, pact.id);
      const csv = toCsv(
        [t('organisations.name'), t('organisations.kind'), t('organisation.website'), t('partners.joinedOn'), t('partners.leftOn')],
        rows.map((o) => [o.name, t(`orgKind.${o.kind}` as MessageKey), o.website, o.joined_on ?? '', o.left_on ?? '']),
      );
      return csvResponse(`${pact.slug}-partners.csv`, csv);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/partners/:org',
    permission: 'public',
    params: organisationParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor, now } = ctx;
      const partner = await loadPartner(ctx);
      const [representatives, signatures, activities] = [
        await listRepresentatives(tx, pact.id, partner.id, false), await listSignatures(tx, pact.id, partner.id),
        await listPublishedActivities(tx, pact.id, partner.id),
      ];
      const today = localDate(pact.jurisdiction, now);
      const canEdit = can(actor, 'organisation:edit', { pact, organisationId: partner.id });
      return c.render(
        <PartnerPage
          pact={pact} partner={partner} representatives={representatives} signatures={signatures} activities={activities}
          hasLeft={partnerHasLeft(partner.left_on, today)} canEdit={canEdit}
        />,
        { title: partner.name },
      );
    },
  }),
];
