// Who may use each route of this module: its rows of the authorization matrix (see
// src/modules/pact/access.matrix.ts). Test material, not shipped code.
import { lindewaardCoordinator, type Matrix } from '../../../tests/support/authorization-matrix.ts';

/** An organisation's API tokens: only Welzijn's own partner admin; the pact's coordinator (of no organisation) is refused. */
const welzijnAdminOnly = { ...lindewaardCoordinator, coordinator: 'deny', twoPactMember: 'deny', partnerAdmin: 'allow' } as const;

export const matrix: Matrix = {
  'GET /p/:pact/organisations/:org/api-tokens': welzijnAdminOnly,
  // Empty POSTs: the create form refuses (400); the revoke revokes the sample token (tests/support/route-paths.ts).
  'POST /p/:pact/organisations/:org/api-tokens': welzijnAdminOnly,
  'POST /p/:pact/organisations/:org/api-tokens/:apiToken/revoke': welzijnAdminOnly,
};
