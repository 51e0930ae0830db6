// Who may use each route of this module: its rows of the authorization matrix, written by hand
// (src/app/authorization-matrix.db.test.ts sends every route as every kind of person and compares).
// A route of the module without a row here fails the suite. Test material, not shipped code.
import { lindewaardCoordinator, systemAdministrator, type Matrix } from '../../../tests/support/authorization-matrix.ts';

export const matrix: Matrix = {
  // The audit log of every pact and of the installation, with names: its administrator only.
  'GET /admin/audit': systemAdministrator,
  'GET /admin/audit.csv': systemAdministrator,
  'GET /p/:pact/audit': lindewaardCoordinator,
  'GET /p/:pact/audit.csv': lindewaardCoordinator,
};
