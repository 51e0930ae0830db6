// Revoking an API token: from that moment every request with it is refused (401). A revoked token
// is kept, so the audit log's entries made with it still name a token that can be looked up.
import { actingPersonId, type UseCaseContext } from '../../access/use-case.ts';
import { markApiTokenRevoked } from './api-token-queries.ts';

export async function revokeApiToken(ctx: UseCaseContext, a: { organisationId: string; tokenId: string }): Promise<{ revoked: boolean }> {
  const revoked = await markApiTokenRevoked(ctx.tx, { pactId: ctx.pact.id, id: a.tokenId, by: actingPersonId(ctx), now: ctx.now });
  if (revoked) {
    await ctx.audit({
      action: 'api-token.revoke', recordType: 'api-token', recordId: a.tokenId, purpose: 'security',
      details: { organisation: a.organisationId },
    });
  }
  return { revoked };
}
