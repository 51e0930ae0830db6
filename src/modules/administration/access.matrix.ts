// Who may use each route of this module: its rows of the authorization matrix, written by hand
// (src/app/authorization-matrix.db.test.ts sends every route as every kind of person and compares).
// A route of the module without a row here fails the suite. Test material, not shipped code.
import { systemAdministrator, type Matrix } from '../../../tests/support/authorization-matrix.ts';

export const matrix: Matrix = {
  // All mail of the installation (addresses, names, links with tokens): its administrator only.
  'GET /admin/outbox': systemAdministrator,
  'GET /admin/outbox/:id': systemAdministrator,
  // Every pact (suspended ones too) and every person of the installation: its administrator only.
  'GET /admin/pacts': systemAdministrator,
  'GET /admin/pacts/new': systemAdministrator,
  'POST /admin/pacts/new': systemAdministrator,
  'GET /admin/pacts/:pactId': systemAdministrator,
  'POST /admin/pacts/:pactId/status': systemAdministrator,
  'GET /admin/people': systemAdministrator,
  'GET /admin/people/:personId': systemAdministrator,
  'POST /admin/people/:personId/deactivate': systemAdministrator,
  'POST /admin/people/:personId/reactivate': systemAdministrator,
};
