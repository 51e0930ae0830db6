// The pact profile, the covenant and its versions, a partner's representatives, signatures and
// partnership, and the public partner list and pages.
import { z } from 'zod';
import { can, type Actor } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import { parseForm } from '../../../platform/forms.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { organisationKinds, type OrganisationKind } from '../organisation.ts';
import { adoptCovenantVersion } from './adopt-covenant-version.ts';
import { changePartnership } from './change-partnership.ts';
import {
  CovenantNewPage, CovenantPage, CovenantSignPage, CovenantVersionPage, PactProfilePage, PartnerPage, PartnershipPage, PartnersPage,
  RepresentativesPage,
} from './partner-pages.tsx';
import { partnerHasLeft } from './partner-status.ts';
import {
  covenantVersionForm, endRepresentativeForm, pactProfileForm, partnershipForm, representativeForm, signatureForm, versionNumber,
} from './partners-forms.ts';
import {
  endRepresentative, findCovenantVersion, findPactProfile, findPartner, insertRepresentative, listCovenantVersions,
  listPartners, listPartnerStatusChanges, listPublishedActivities, listRepresentatives, listSignatures, updatePactProfile,
  type PartnerRow,
} from './partners-queries.ts';
import { signCovenant } from './sign-covenant.ts';

const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const versionParams = z.object({ pact: pactSlugParam, version: versionNumber });

function personIdOf(actor: Actor): string | null {
  return actor.kind === 'person' ? actor.personId : null;
}

async function loadPartner(ctx: RouteContext<{ pact: string; org: string }>): Promise<PartnerRow> {
  // Bounded by the pact (and by row-level security): an organisation of another pact is not there.
  const partner = await findPartner(ctx.tx, ctx.pact!.id, ctx.params.org);
  if (!partner) throw new HttpError(404);
  return partner;
}

async function renderProfile(ctx: RouteContext<{ pact: string }>, status: 200 | 400 | 403, state: FormState) {
  const { c, tx, pact } = ctx;
  const profile = await findPactProfile(tx, pact!.id);
  c.status(status);
  return c.render(<PactProfilePage pact={pact!} profile={profile} state={state} />, { title: c.get('t')('pactProfile.title') });
}

async function renderCovenantNew(ctx: RouteContext<{ pact: string }>, status: 200 | 400 | 403 | 409, state: FormState) {
  const { c, tx, pact } = ctx;
  const latest = await findCovenantVersion(tx, pact!.id, null);
  const nextVersion = (latest?.version ?? 0) + 1;
  c.status(status);
  return c.render(<CovenantNewPage pact={pact!} nextVersion={nextVersion} state={state} />, {
    title: c.get('t')('covenant.newTitle', { version: nextVersion }),
  });
}

async function renderRepresentatives(
  ctx: RouteContext<{ pact: string; org: string }>,
  partner: PartnerRow,
  status: 200 | 400 | 403 | 404,
  state: FormState,
  endError?: MessageKey,
) {
  const { c, tx, pact, audit } = ctx;
  const representatives = await listRepresentatives(tx, pact!.id, partner.id, true);
  // Names of people: the read is logged.
  await audit({
    action: 'partner-representative.list', recordType: 'organisation', recordId: partner.id, purpose: 'pact-administration',
    details: { rows: representatives.length },
  });
  c.status(status);
  return c.render(
    <RepresentativesPage pact={pact!} organisation={partner} representatives={representatives} state={state} endError={endError} />,
    { title: c.get('t')('representatives.title', { name: partner.name }) },
  );
}

async function renderSign(ctx: RouteContext<{ pact: string; org: string }>, partner: PartnerRow, status: 200 | 400 | 403 | 409, state: FormState) {
  const { c, tx, pact, audit } = ctx;
  const [versions, signatures] = [await listCovenantVersions(tx, pact!.id), await listSignatures(tx, pact!.id, partner.id)];
  await audit({
    action: 'covenant-signature.list', recordType: 'organisation', recordId: partner.id, purpose: 'pact-administration',
    details: { rows: signatures.length },
  });
  c.status(status);
  return c.render(<CovenantSignPage pact={pact!} organisation={partner} versions={versions} signatures={signatures} state={state} />, {
    title: c.get('t')('signature.title', { name: partner.name }),
  });
}

async function renderPartnership(ctx: RouteContext<{ pact: string; org: string }>, partner: PartnerRow, status: 200 | 400 | 403 | 409, state: FormState) {
  const { c, tx, pact, actor } = ctx;
  const history = await listPartnerStatusChanges(tx, pact!.id, partner.id);
  const mayRejoin = can(actor, 'pact:manage', { pact });
  c.status(status);
  return c.render(<PartnershipPage pact={pact!} partner={partner} history={history} mayRejoin={mayRejoin} state={state} />, {
    title: c.get('t')('partnership.title', { name: partner.name }),
  });
}

const partnershipRefusals: Record<string, MessageKey> = {
  'already-left': 'partnership.error.alreadyLeft',
  'not-left': 'partnership.error.notLeft',
  'before-joined': 'partnership.error.beforeJoined',
  'rejoin-forbidden': 'partnership.error.rejoinForbidden',
};

export const partnerProfileRoutes: RouteSpec[] = [
  // ── Pact profile ──
  defineRoute({
    method: 'GET',
    path: '/p/:pact/profile',
    permission: 'pact:manage',
    params: pactParams,
    handler: (ctx) => renderProfile(ctx, 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/profile',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const parsed = parseForm(pactProfileForm, form!);
      if (ctx.csrfRejected) return renderProfile(ctx, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return renderProfile(ctx, 400, parsed);
      await updatePactProfile(tx, pact!.id, parsed.value, services.clock.now());
      await audit({
        action: 'pact.update-profile', recordType: 'pact', recordId: pact!.id, purpose: 'pact-administration',
        details: { horizonYear: parsed.value.horizonYear, pillarLabel: parsed.value.pillarLabel },
      });
      flash('form.saved');
      return c.redirect(`/p/${pact!.slug}/profile`, 303);
    },
  }),
  // ── Covenant ──
  defineRoute({
    method: 'GET',
    path: '/p/:pact/covenant',
    permission: 'public',
    params: pactParams,
    handler: async ({ c, tx, pact, actor }) => {
      const [current, versions, signatures] = [await findCovenantVersion(tx, pact!.id, null), await listCovenantVersions(tx, pact!.id), await listSignatures(tx, pact!.id, null)];
      const canManage = can(actor, 'pact:manage', { pact });
      return c.render(<CovenantPage pact={pact!} current={current} versions={versions} signatures={signatures} canManage={canManage} />, {
        title: c.get('t')('covenant.title'),
      });
    },
  }),
  // Before /covenant/:version: 'new' is not a version number (that route would answer 404).
  defineRoute({
    method: 'GET',
    path: '/p/:pact/covenant/new',
    permission: 'pact:manage',
    params: pactParams,
    handler: (ctx) => renderCovenantNew(ctx, 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/covenant/new',
    permission: 'pact:manage',
    params: pactParams,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, audit, flash } = ctx;
      const parsed = parseForm(covenantVersionForm, form!);
      if (ctx.csrfRejected) return renderCovenantNew(ctx, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return renderCovenantNew(ctx, 400, parsed);
      const outcome = await adoptCovenantVersion(tx, { pactId: pact!.id, values: parsed.value, personId: personIdOf(actor), now: services.clock.now() }, audit);
      if (!outcome.ok) return renderCovenantNew(ctx, 409, { values: parsed.values, formError: 'covenant.error.concurrent' });
      flash('covenant.adopted');
      return c.redirect(`/p/${pact!.slug}/covenant/${outcome.version}`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/covenant/:version',
    permission: 'public',
    params: versionParams,
    handler: async ({ c, tx, pact, params }) => {
      const number = Number(params.version);
      const version = await findCovenantVersion(tx, pact!.id, number);
      if (!version || version.version !== number) throw new HttpError(404);
      const signatures = (await listSignatures(tx, pact!.id, null)).filter((s) => s.version === number);
      return c.render(<CovenantVersionPage pact={pact!} version={version} signatures={signatures} />, { title: version.title });
    },
  }),
  // ── A partner's representatives, signatures and partnership ──
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/representatives',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderRepresentatives(ctx, await loadPartner(ctx), 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/representatives',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const partner = await loadPartner(ctx);
      if (form!.get('action') === 'end') {
        if (ctx.csrfRejected) return renderRepresentatives(ctx, partner, 403, {}, 'form.error.csrf');
        const parsed = parseForm(endRepresentativeForm, form!);
        if (!parsed.ok) return renderRepresentatives(ctx, partner, 400, {}, 'representatives.error.unknown');
        const ended = await endRepresentative(tx, pact!.id, partner.id, parsed.value.representative, services.clock.now());
        if (!ended) return renderRepresentatives(ctx, partner, 404, {}, 'representatives.error.unknown');
        await audit({
          action: 'partner-representative.end', recordType: 'partner_representative', recordId: parsed.value.representative,
          purpose: 'pact-administration', details: { organisation: partner.id },
        });
        flash('representatives.ended');
        return c.redirect(`/p/${pact!.slug}/organisations/${partner.id}/representatives`, 303);
      }
      const parsed = parseForm(representativeForm, form!);
      if (ctx.csrfRejected) return renderRepresentatives(ctx, partner, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return renderRepresentatives(ctx, partner, 400, parsed);
      const id = await insertRepresentative(tx, pact!.id, partner.id, parsed.value, services.clock.now());
      await audit({
        action: 'partner-representative.create', recordType: 'partner_representative', recordId: id, purpose: 'pact-administration',
        details: { organisation: partner.id },
      });
      flash('representatives.added');
      return c.redirect(`/p/${pact!.slug}/organisations/${partner.id}/representatives`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/covenant',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderSign(ctx, await loadPartner(ctx), 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/covenant',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, audit, flash } = ctx;
      const partner = await loadPartner(ctx);
      const parsed = parseForm(signatureForm, form!);
      if (ctx.csrfRejected) return renderSign(ctx, partner, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return renderSign(ctx, partner, 400, parsed);
      const outcome = await signCovenant(
        tx, { pactId: pact!.id, organisationId: partner.id, values: parsed.value, personId: personIdOf(actor), now: services.clock.now() }, audit,
      );
      if (!outcome.ok) {
        return outcome.reason === 'unknown-version'
          ? renderSign(ctx, partner, 400, { values: parsed.values, errors: { version: { key: 'form.error.choice' } } })
          : renderSign(ctx, partner, 409, { values: parsed.values, formError: 'signature.error.alreadySigned', formErrorParams: { version: parsed.value.version } });
      }
      flash('signature.recorded');
      return c.redirect(`/p/${pact!.slug}/organisations/${partner.id}/covenant`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/partnership',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderPartnership(ctx, await loadPartner(ctx), 200, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/partnership',
    permission: 'organisation:edit',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, audit, flash } = ctx;
      const partner = await loadPartner(ctx);
      const parsed = parseForm(partnershipForm, form!);
      if (ctx.csrfRejected) return renderPartnership(ctx, partner, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return renderPartnership(ctx, partner, 400, parsed);
      const mayRejoin = can(actor, 'pact:manage', { pact });
      // Rejoining is the coordinators' decision: a partner admin may only leave.
      if (parsed.value.action === 'rejoin' && !mayRejoin) throw new HttpError(403);
      const outcome = await changePartnership(
        tx, { pactId: pact!.id, partner, values: parsed.value, mayRejoin, personId: personIdOf(actor), now: services.clock.now() }, audit,
      );
      if (!outcome.ok) return renderPartnership(ctx, partner, 409, { values: parsed.values, formError: partnershipRefusals[outcome.reason] });
      flash(parsed.value.action === 'leave' ? 'partnership.left' : 'partnership.rejoined');
      return c.redirect(`/p/${pact!.slug}/organisations/${partner.id}/partnership`, 303);
    },
  }),
  // ── Public partner list and pages ──
  defineRoute({
    method: 'GET',
    path: '/p/:pact/partners',
    permission: 'public',
    params: pactParams,
    handler: async ({ c, tx, pact, services }) => {
      const requested = c.req.query('kind') ?? '';
      const kind = (organisationKinds as readonly string[]).includes(requested) ? (requested as OrganisationKind) : null;
      const today = localDate(pact!.jurisdiction, services.clock.now());
      const partners = await listPartners(tx, pact!.id);
      const current = partners.filter((p) => !partnerHasLeft(p.left_on, today) && (kind === null || p.kind === kind));
      const former = partners.filter((p) => partnerHasLeft(p.left_on, today));
      return c.render(<PartnersPage pact={pact!} current={current} former={former} kind={kind} />, { title: c.get('t')('partners.title') });
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
      const rows = await listPartners(tx, pact!.id);
      const csv = toCsv(
        [t('organisations.name'), t('organisations.kind'), t('organisation.website'), t('partners.joinedOn'), t('partners.leftOn')],
        rows.map((o) => [o.name, t(`orgKind.${o.kind}` as MessageKey), o.website, o.joined_on ?? '', o.left_on ?? '']),
      );
      return csvResponse(`${pact!.slug}-partners.csv`, csv);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/partners/:org',
    permission: 'public',
    params: organisationParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor, services } = ctx;
      const partner = await loadPartner(ctx);
      const [representatives, signatures, activities] = [
        await listRepresentatives(tx, pact!.id, partner.id, false), await listSignatures(tx, pact!.id, partner.id),
        await listPublishedActivities(tx, pact!.id, partner.id),
      ];
      const today = localDate(pact!.jurisdiction, services.clock.now());
      const canEdit = can(actor, 'organisation:edit', { pact, organisationId: partner.id });
      return c.render(
        <PartnerPage
          pact={pact!} partner={partner} representatives={representatives} signatures={signatures} activities={activities}
          hasLeft={partnerHasLeft(partner.left_on, today)} canEdit={canEdit}
        />,
        { title: partner.name },
      );
    },
  }),
];

