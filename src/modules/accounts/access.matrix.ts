// Who may use each route of this module: its rows of the authorization matrix, written by hand
// (src/app/authorization-matrix.db.test.ts sends every route as every kind of person and compares).
// A route of the module without a row here fails the suite. Test material, not shipped code.
import { everyone, invitee, signedIn, systemAdministrator, welzijnEditors, type Matrix } from '../../../tests/support/authorization-matrix.ts';

export const matrix: Matrix = {
  'GET /login': everyone,
  'POST /login': everyone,
  // Log-out is public: signing out without a session just clears the cookie.
  'POST /logout': everyone,
  // Password reset by e-mail link: for anyone, signed in or not (the link is the proof). The sample
  // link is unknown, so the reset routes answer 410 "this link no longer works": the policy let it through.
  'GET /password/forgot': everyone,
  'POST /password/forgot': everyone,
  'GET /password/reset/:token': everyone,
  'POST /password/reset/:token': everyone,
  'GET /account': signedIn,
  'POST /account': signedIn,
  // The second-factor step and my sessions: any signed-in person, for their own account only (the
  // empty POSTs are refused with 400 for a missing code or scope, so nothing changes).
  'GET /account/second-factor': signedIn,
  'POST /account/second-factor': signedIn,
  'GET /account/sessions': signedIn,
  'POST /account/sessions/end': signedIn,
  // Resetting someone's lost second factor: the installation's administrator only (the empty POST
  // lacks the confirmation and is refused with 400, so the sample person keeps theirs).
  'GET /admin/people/:personId/second-factor/reset': systemAdministrator,
  'POST /admin/people/:personId/second-factor/reset': systemAdministrator,
  // Inviting into Welzijn Lindewaard: the coordinator and Welzijn's own partner admin. Withdrawing
  // the sample invitation (of Welzijn) likewise; other members are refused once it is read.
  'GET /p/:pact/organisations/:org/invitations': welzijnEditors,
  'POST /p/:pact/organisations/:org/invitations': welzijnEditors,
  'POST /p/:pact/invitations/:id/revoke': welzijnEditors,
  'GET /invitations/:token': invitee,
  'POST /invitations/:token': invitee,
};
