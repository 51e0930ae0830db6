// A partner admin makes an API token for their organisation. The token is returned once, to be
// shown once; the database keeps only its hash.
import { actingPersonId, type UseCaseContext } from '../../access/use-case.ts';
import { newApiToken, type ApiTokenInput } from './api-token.ts';
import { insertApiToken } from './api-token-queries.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createApiToken(
  ctx: UseCaseContext,
  a: { organisationId: string; input: ApiTokenInput },
): Promise<{ id: string; secret: string; expiresAt: Date }> {
  const token = newApiToken();
  const expiresAt = new Date(ctx.now.getTime() + a.input.lifetimeDays * DAY_MS);
  const id = await insertApiToken(ctx.tx, {
    pactId: ctx.pact.id, organisationId: a.organisationId, name: a.input.name, scopes: a.input.scopes,
    hash: token.hash, prefix: token.prefix, by: actingPersonId(ctx), now: ctx.now, expiresAt,
  });
  await ctx.audit({
    action: 'api-token.create', recordType: 'api-token', recordId: id, purpose: 'security',
    details: { organisation: a.organisationId, scopes: a.input.scopes, days: a.input.lifetimeDays },
  });
  return { id, secret: token.secret, expiresAt };
}
