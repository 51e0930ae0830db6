// Routes of the open umbrella. Public: the proposal form, the confirmation link, the proposer's
// private status page (the link is the key: no account), the list and page of published
// initiatives. Pact coordinators (pact:manage): moderation, the CSV export.
//
// Every form is a formPage. The proposal form and the confirmation link answer a successful POST
// with a page of their own (200), not a redirect; the proposal form screens its honeypot before
// the schema.
//
// Bot protection of the public form: a honeypot field and a rate limit. A filled-in honeypot stores
// nothing and gets the very same "check your e-mail" page as a real proposal, so a bot learns
// nothing from the answer (a person never sees the field). Over the rate limit: 429 with a clear
// message and the input kept.
import { z } from 'zod';
import { done, formPage, refuse, respond } from '../../../access/form-page.ts';
import { HttpError } from '../../../access/http-error.ts';
import { can } from '../../../access/policy.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam, pactParams } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import { clientAddress } from '../../../platform/http/client-address.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { resubmitInitiative, withdrawInitiative } from './answer-as-proposer.ts';
import { confirmationState, confirmInitiative } from './confirm-initiative.ts';
import { honeypotFilled, keptInput, moderationForm, parseSearch, proposalForm, proposerForm } from './initiative-forms.ts';
import { hashLinkToken, linkOrigin, looksLikeLinkToken } from './initiative-links.ts';
import {
  CheckMailPage, ConfirmPage, DetailPage, ListPage, MinePage, ModeratePage, ModerationPage, ProposePage, type Choices,
} from './initiative-pages.tsx';
import { findByStatusToken, findInitiative, listAll, listChoices, listStatusChanges, searchPublished, type InitiativeRow } from './initiative-queries.ts';
import { moderateInitiative } from './moderate-initiative.ts';
import { proposeInitiative } from './propose-initiative.ts';

const initiativeParams = z.object({ pact: pactSlugParam, initiative: z.uuid() });
/** Any string: a malformed token is answered like an unknown one (410), without a query. */
const tokenParams = z.object({ pact: pactSlugParam, initiativeToken: z.string().max(100) });

type InPact<P> = RouteContext<P, `/p/:pact${string}`>;

const origin = (ctx: RouteContext<unknown>) => linkOrigin(ctx.c.req.url, ctx.services.publicUrl);
const canManage = (ctx: RouteContext<unknown>) => can(ctx.actor, 'pact:manage', { pact: ctx.pact });

function renderCheckMail(ctx: InPact<{ pact: string }>) {
  const { c, pact } = ctx;
  return c.render(<CheckMailPage pact={pact} />, { title: c.get('t')('initiatives.checkMail.title') });
}

interface ConfirmationLink {
  /** The hash of a well-formed token; null for a malformed one (answered like an unknown link). */
  hash: string | null;
  state: 'open' | 'confirmed' | 'already-confirmed' | 'gone';
  title?: string | undefined;
}

function renderLink(ctx: InPact<{ pact: string; initiativeToken: string }>, state: ConfirmationLink['state'], title?: string) {
  const { c, pact } = ctx;
  // 410 Gone for unknown, withdrawn and expired links alike: the link will not work again. Otherwise
  // the status stays as set (200, or 403 for a refused CSRF token).
  if (state === 'gone') c.status(410);
  const key: MessageKey = state === 'gone' ? 'initiatives.link.goneTitle' : 'initiatives.confirm.title';
  return c.render(<ConfirmPage pact={pact} state={state} title={title} token={ctx.params.initiativeToken} />, { title: c.get('t')(key) });
}

/** The initiative of a private status link, or null when the link is malformed, unknown or replaced. */
async function loadMine(ctx: InPact<{ pact: string; initiativeToken: string }>): Promise<InitiativeRow | null> {
  const token = ctx.params.initiativeToken;
  if (!looksLikeLinkToken(token)) return null;
  return (await findByStatusToken(ctx.tx, ctx.pact.id, hashLinkToken(token))) ?? null;
}

async function loadForModeration(ctx: InPact<{ pact: string; initiative: string }>): Promise<InitiativeRow> {
  const initiative = await findInitiative(ctx.tx, ctx.pact.id, ctx.params.initiative);
  if (!initiative) throw new HttpError(404);
  return initiative;
}

export const initiativeRoutes: RouteSpec[] = [
  // Fixed paths first: `/p/:pact/initiatives/:initiative` would otherwise take "new" and "moderation".
  defineRoute({
    method: 'GET',
    path: '/p/:pact/initiatives',
    permission: 'public',
    params: pactParams,
    handler: async (ctx) => {
      const { c, tx, pact } = ctx;
      const search = parseSearch(new URL(c.req.url).searchParams);
      const [initiatives, choices] = [await searchPublished(tx, pact.id, search), await listChoices(tx, pact.id)];
      return c.render(<ListPage pact={pact} initiatives={initiatives} choices={choices} search={search} canManage={canManage(ctx)} />, {
        title: c.get('t')('initiatives.list.title'),
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/initiatives.csv',
    permission: 'pact:manage',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const t = c.get('t');
      const rows = await listAll(tx, pact.id);
      await audit({ action: 'initiative.export', recordType: 'initiative', purpose: 'initiative-handling', details: { rows: rows.length, contact: true } });
      const csv = toCsv(
        [
          t('initiatives.field.title'), t('initiatives.history.status'), t('initiatives.field.description'), t('initiatives.field.targetGroup'),
          t('initiatives.field.neighbourhood'), t('initiatives.field.pillar'), t('initiatives.field.support'), t('initiatives.field.supportNotes'),
          t('initiatives.field.name'), t('initiatives.field.email'), t('initiatives.field.group'), t('initiatives.proposedAt'),
          t('initiatives.publishedAt'), t('initiatives.moderate.message'),
        ],
        rows.map((i) => [
          i.title, t(`initiatives.status.${i.status}` as MessageKey), i.description, i.target_group, i.neighbourhood_name ?? '', i.pillar_title ?? '',
          i.support_needed.map((k) => t(`initiatives.support.${k}` as MessageKey)).join(', '), i.support_notes,
          i.proposer_name, i.proposer_email, i.proposer_group, i.created_at.toISOString(), i.published_at ? i.published_at.toISOString() : '',
          i.moderation_message,
        ]),
      );
      return csvResponse(`${pact.slug}-initiatives.csv`, csv);
    },
  }),
  // The proposal form. A filled-in honeypot is screened out before the schema and gets the same
  // "check your e-mail" page as a real proposal (200, no redirect: there is no page to go back to).
  ...formPage({
    path: '/p/:pact/initiatives/new',
    permission: 'public',
    params: pactParams,
    data: (ctx) => listChoices(ctx.tx, ctx.pact.id),
    render: (ctx, choices, forms) => {
      const { c, pact } = ctx;
      const posted = forms.propose ?? {};
      // The chosen support checkboxes are shown again as they were ticked.
      const state: FormState = posted.values && ctx.form ? { ...posted, values: keptInput(posted.values, ctx.form) } : posted;
      return c.render(<ProposePage pact={pact} choices={choices} state={state} />, { title: c.get('t')('initiatives.propose.title') });
    },
    forms: {
      propose: {
        schema: proposalForm,
        // Nothing is stored, and the answer is the same as for a real proposal.
        screen: async (ctx, _choices, form) => (honeypotFilled(form) ? respond(await renderCheckMail(ctx)) : null),
        submit: async (ctx, _choices, value) => {
          const outcome = await proposeInitiative(useCaseContext(ctx), {
            value, origin: origin(ctx), clientAddress: clientAddress(ctx.c, ctx.services.signIn.trustProxy), secret: ctx.services.secret,
          });
          if (!outcome.ok) {
            if (outcome.reason === 'rate-limited') return refuse(429, { formError: 'initiatives.error.rateLimited' });
            return refuse(400, { errors: { [outcome.field]: { key: 'form.error.choice' } } });
          }
          return respond(await renderCheckMail(ctx));
        },
      },
    },
  }),
  // The confirmation link. Opening it changes nothing (mail scanners open links): the page has a
  // button, and its POST answers with the page in its new state (200), or 410 for a dead link.
  ...formPage({
    path: '/p/:pact/initiatives/confirm/:initiativeToken',
    permission: 'public',
    params: tokenParams,
    data: async (ctx): Promise<ConfirmationLink> => {
      const token = ctx.params.initiativeToken;
      if (!looksLikeLinkToken(token)) return { hash: null, state: 'gone' };
      const hash = hashLinkToken(token);
      return { hash, ...(await confirmationState(ctx.tx, ctx.pact.id, hash, ctx.now)) };
    },
    render: (ctx, link) => renderLink(ctx, link.state, link.title),
    forms: {
      confirm: {
        schema: z.object({}),
        submit: async (ctx, link) => {
          if (!link.hash) return respond(await renderLink(ctx, 'gone'));
          const outcome = await confirmInitiative(useCaseContext(ctx), link.hash);
          return respond(await renderLink(ctx, outcome, link.title));
        },
      },
    },
  }),
  // The proposer's private status page: resubmit after a request for changes, or withdraw. An
  // unknown, malformed or replaced link is 410 whatever is posted.
  ...formPage({
    path: '/p/:pact/initiatives/mine/:initiativeToken',
    permission: 'public',
    params: tokenParams,
    data: loadMine,
    render: async (ctx, initiative, forms) => {
      if (!initiative) return renderLink(ctx, 'gone');
      const { c, tx, pact } = ctx;
      const [history, choices] = [await listStatusChanges(tx, pact.id, initiative.id), await listChoices(tx, pact.id)];
      const posted = forms.mine ?? {};
      // After a refused resubmit the chosen support checkboxes are shown again, not the stored ones.
      const state: FormState = posted.values?.action === 'resubmit' && ctx.form ? { ...posted, values: keptInput(posted.values, ctx.form) } : posted;
      return c.render(
        <MinePage pact={pact} initiative={initiative} history={history} state={state} token={ctx.params.initiativeToken} choices={choices} />,
        { title: c.get('t')('initiatives.mine.title', { title: initiative.title }) },
      );
    },
    forms: {
      mine: {
        schema: proposerForm,
        submit: async (ctx, initiative, value) => {
          // The page answers 410 for a link that leads nowhere, whatever the status asked for here.
          if (!initiative) return refuse(409, {});
          const back = `/p/${ctx.pact.slug}/initiatives/mine/${ctx.params.initiativeToken}`;
          if (value.action === 'none') return refuse(400, { formError: 'initiatives.error.noAction', values: {} });
          if (value.action === 'withdraw') {
            const outcome = await withdrawInitiative(useCaseContext(ctx), initiative);
            if (!outcome.ok) return refuse(409, { formError: 'initiatives.error.notAllowed', values: {} });
            return done(back, 'initiatives.flash.withdrawn');
          }
          const { action: _resubmit, ...changes } = value;
          const outcome = await resubmitInitiative(useCaseContext(ctx), initiative, changes);
          if (!outcome.ok) {
            if (outcome.reason === 'unknown-choice') return refuse(400, { errors: { [outcome.field]: { key: 'form.error.choice' } } });
            return refuse(409, { formError: 'initiatives.error.notAllowed' });
          }
          return done(back, 'initiatives.flash.resubmitted');
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/initiatives/moderation',
    permission: 'pact:manage',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const initiatives = await listAll(tx, pact.id);
      // The queue shows the proposers' names and e-mail addresses.
      await audit({ action: 'initiative.list', recordType: 'initiative', purpose: 'initiative-handling', details: { rows: initiatives.length, contact: true } });
      return c.render(<ModerationPage pact={pact} initiatives={initiatives} />, { title: c.get('t')('initiatives.moderation.title') });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/initiatives/:initiative',
    permission: 'public',
    params: initiativeParams,
    handler: async (ctx) => {
      const { c, tx, pact, audit } = ctx;
      const initiative = await findInitiative(tx, pact.id, ctx.params.initiative);
      const coordinator = canManage(ctx);
      // Only published initiatives are public; coordinators see the others too.
      if (!initiative || (initiative.status !== 'published' && !coordinator)) throw new HttpError(404);
      const history = coordinator ? await listStatusChanges(tx, pact.id, initiative.id) : [];
      if (coordinator) {
        await audit({ action: 'initiative.read', recordType: 'initiative', recordId: initiative.id, purpose: 'initiative-handling', details: { contact: true } });
      }
      return c.render(<DetailPage pact={pact} initiative={initiative} history={history} coordinator={coordinator} />, { title: initiative.title });
    },
  }),
  // A coordinator's decision: publish, ask for changes, or decline. The page shows the proposer's
  // name and e-mail address, so every time it is shown is logged (not a save that goes through).
  ...formPage({
    path: '/p/:pact/initiatives/:initiative/moderate',
    permission: 'pact:manage',
    params: initiativeParams,
    data: loadForModeration,
    render: async (ctx, initiative, forms) => {
      const { c, tx, pact, audit } = ctx;
      const history = await listStatusChanges(tx, pact.id, initiative.id);
      await audit({
        action: 'initiative.read', recordType: 'initiative', recordId: initiative.id, purpose: 'initiative-handling', details: { contact: true },
      });
      return c.render(<ModeratePage pact={pact} initiative={initiative} history={history} state={forms.moderate ?? {}} />, {
        title: c.get('t')('initiatives.moderate.title', { title: initiative.title }),
      });
    },
    forms: {
      moderate: {
        schema: moderationForm,
        submit: async (ctx, initiative, value) => {
          const outcome = await moderateInitiative(useCaseContext(ctx), initiative, { action: value.action, message: value.message, origin: origin(ctx) });
          if (!outcome.ok) return refuse(409, { formError: 'initiatives.error.notAllowed' });
          return done(`/p/${ctx.pact.slug}/initiatives/moderation`, `initiatives.flash.${value.action}` as MessageKey);
        },
      },
    },
  }),
];
