// The API connections page of an organisation: its tokens, making one (shown once, never stored
// readable) and revoking one. Only the organisation's own partner admins (policy:
// `organisation:manage-api-tokens`). Both forms are formPages: a refusal shows the page again with
// the input kept.
import { z } from 'zod';
import { done, formPage, refuse, respond } from '../../access/form-page.ts';
import { HttpError } from '../../access/http-error.ts';
import type { PactSummary, RecordFacts } from '../../access/policy.ts';
import { pactSlugParam, type RouteContext, type RouteSpec } from '../../access/route.ts';
import type { Tx } from '../../platform/db/database.ts';
import { useCaseContext } from '../../access/use-case.ts';
import { apiTokenForm, type ApiTokenInput } from './api-token.ts';
import { ApiTokenMadePage, ApiTokensPage } from './api-token-pages.tsx';
import { findOrganisation, listApiTokens } from './api-token-queries.ts';
import { createApiToken } from './create-api-token.ts';
import { revokeApiToken } from './revoke-api-token.ts';

const orgParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const tokenParams = z.object({ pact: pactSlugParam, org: z.uuid(), apiToken: z.uuid() });

type Ctx = RouteContext<{ pact: string; org: string }, `/p/:pact${string}`>;

async function pageData(ctx: Ctx) {
  const organisation = await findOrganisation(ctx.tx, ctx.pact.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return { organisation, tokens: await listApiTokens(ctx.tx, ctx.pact.id, organisation.id) };
}

/**
 * The organisation must be one of this pact's before the policy is asked: another pact's
 * organisation under this pact's address is not found (404), not refused (403).
 */
const loadOrganisation = async ({ tx, pact, params }: { tx: Tx; pact: PactSummary | null; params: { org: string } }): Promise<RecordFacts | null> => {
  const organisation = pact ? await findOrganisation(tx, pact.id, params.org) : undefined;
  return organisation ? { type: 'organisation', id: organisation.id, ownerOrganisationId: organisation.id } : null;
};

const base = (ctx: Ctx) => `/p/${ctx.pact.slug}/organisations/${ctx.params.org}/api-tokens`;

export const apiTokenRoutes: RouteSpec[] = [
  ...formPage({
    path: '/p/:pact/organisations/:org/api-tokens',
    permission: 'organisation:manage-api-tokens',
    params: orgParams,
    resource: (p) => ({ organisationId: p.org }),
    load: loadOrganisation,
    data: pageData,
    render: (ctx, { organisation, tokens }, forms) => {
      // The page may show a token's prefix and use; never cache it.
      ctx.c.header('cache-control', 'no-store');
      return ctx.c.render(
        <ApiTokensPage pact={ctx.pact} organisation={organisation} tokens={tokens} now={ctx.now} createState={forms.create ?? {}} revokeState={{}} />,
        { title: ctx.c.get('t')('apiTokens.title', { organisation: organisation.name }) },
      );
    },
    forms: {
      create: {
        schema: apiTokenForm,
        submit: async (ctx, { organisation }, value: ApiTokenInput) => {
          const made = await createApiToken(useCaseContext(ctx), { organisationId: organisation.id, input: value });
          // Shown once, here, with 201 and no-store; the list shows only its prefix from now on.
          ctx.c.status(201);
          ctx.c.header('cache-control', 'no-store');
          return respond(await ctx.c.render(
            <ApiTokenMadePage pact={ctx.pact} organisation={organisation} name={value.name} secret={made.secret} expiresAt={made.expiresAt} />,
            { title: ctx.c.get('t')('apiTokens.made.title') },
          ));
        },
      },
    },
  }),
  ...formPage({
    path: '/p/:pact/organisations/:org/api-tokens/:apiToken/revoke',
    permission: 'organisation:manage-api-tokens',
    params: tokenParams,
    resource: (p) => ({ organisationId: p.org }),
    load: loadOrganisation,
    get: false,
    data: async (ctx) => {
      const data = await pageData(ctx);
      const token = data.tokens.find((k) => k.id === ctx.params.apiToken);
      if (!token) throw new HttpError(404);
      return { ...data, token };
    },
    render: (ctx, { organisation, tokens }, forms) => ctx.c.render(
      <ApiTokensPage pact={ctx.pact} organisation={organisation} tokens={tokens} now={ctx.now} createState={{}} revokeState={forms.revoke ?? {}} />,
      { title: ctx.c.get('t')('apiTokens.title', { organisation: organisation.name }) },
    ),
    forms: {
      revoke: {
        schema: z.object({}),
        submit: async (ctx, { organisation, token }) => {
          const { revoked } = await revokeApiToken(useCaseContext(ctx), { organisationId: organisation.id, tokenId: token.id });
          if (!revoked) return refuse(409, { formError: 'apiTokens.alreadyRevoked' });
          return done(base(ctx), 'apiTokens.revoked');
        },
      },
    },
  }),
];
