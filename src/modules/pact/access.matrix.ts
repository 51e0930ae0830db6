// Who may use each route of this module: its rows of the authorization matrix, written by hand
// (src/app/authorization-matrix.db.test.ts sends every route as every kind of person and compares).
// A route of the module without a row here fails the suite. Test material, not shipped code.
import { everyone, publicWithAnyValidToken, welzijnWriteToken, type TokenMatrix, lindewaardCoordinator, lindewaardMembers, welzijnEditors, type Matrix } from '../../../tests/support/authorization-matrix.ts';

/** Nobody with a session: the route reads no cookie and needs an API token (401 without one). */
const apiTokenOnly = Object.fromEntries(Object.keys(everyone).map((p) => [p, 'login'])) as Matrix[string];

export const matrix: Matrix = {
  'GET /p/:pact': everyone,
  'GET /p/:pact/organisations': lindewaardMembers,
  'GET /p/:pact/organisations.csv': lindewaardMembers,
  'GET /p/:pact/organisations/:org': lindewaardMembers,
  'GET /p/:pact/organisations/:org/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/edit': welzijnEditors,
  // Members and teams of Welzijn Lindewaard: the coordinator and Welzijn's own partner admin; De
  // Linde's partner admin is refused. The empty POST bodies are refused with 400 (no role, no
  // confirmation, no name), so nothing changes.
  'GET /p/:pact/organisations/:org/members': welzijnEditors,
  'GET /p/:pact/organisations/:org/members/:membership': welzijnEditors,
  'POST /p/:pact/organisations/:org/members/:membership': welzijnEditors,
  'POST /p/:pact/organisations/:org/members/:membership/end': welzijnEditors,
  'GET /p/:pact/organisations/:org/teams': welzijnEditors,
  'POST /p/:pact/organisations/:org/teams': welzijnEditors,
  'POST /p/:pact/organisations/:org/teams/:team': welzijnEditors,
  // Adding a partner organisation: the pact's coordinators only.
  'GET /p/:pact/organisations/new': lindewaardCoordinator,
  'POST /p/:pact/organisations/new': lindewaardCoordinator,
  'GET /p/:pact/settings': lindewaardCoordinator,
  'POST /p/:pact/settings': lindewaardCoordinator,
  'GET /p/:pact/neighbourhoods': lindewaardCoordinator,
  'POST /p/:pact/neighbourhoods': lindewaardCoordinator,
  'POST /p/:pact/neighbourhoods/import': lindewaardCoordinator,
  'GET /p/:pact/neighbourhoods.csv': lindewaardCoordinator,
  'GET /p/:pact/imports/:id': lindewaardCoordinator,
  'POST /p/:pact/imports/:id/promote': lindewaardCoordinator,
  'GET /api/p/:pact/imports/:id': lindewaardCoordinator,
  // The public API: the pact's published data, for anyone (no session is read).
  'GET /api/v1/pacts/:pact': everyone,
  'GET /api/v1/pacts/:pact/pillars': everyone,
  // Writes through the API need an organisation's token (src/modules/api-tokens): a session's cookie gives nothing, so everyone gets 401.
  'POST /api/v1/pacts/:pact/organisations/:organisation/activities': apiTokenOnly,
  'GET /api/v1/pacts/:pact/partners': everyone,
  'GET /api/v1/pacts/:pact/agenda-years': everyone,
  // The sample year 2029 is published.
  'GET /api/v1/pacts/:pact/agenda-years/:year/activities': everyone,
  'GET /api/v1/pacts/:pact/initiatives': everyone,
  'GET /api/v1/pacts/:pact/meetings': everyone,
  // ── pact profile, covenant, pillars, partners (src/modules/pact/partners) ──
  // The profile, covenant versions and pillars: the pact's coordinators only (empty POSTs: 400).
  'GET /p/:pact/profile': lindewaardCoordinator,
  'POST /p/:pact/profile': lindewaardCoordinator,
  'GET /p/:pact/covenant/new': lindewaardCoordinator,
  'POST /p/:pact/covenant/new': lindewaardCoordinator,
  'GET /p/:pact/pillars': lindewaardCoordinator,
  'POST /p/:pact/pillars': lindewaardCoordinator,
  'POST /p/:pact/pillars/template': lindewaardCoordinator,
  'GET /p/:pact/pillars/:pillar': lindewaardCoordinator,
  'POST /p/:pact/pillars/:pillar': lindewaardCoordinator,
  // The covenant, its versions and the partners: public pages (the covenant and who signed it are public).
  'GET /p/:pact/covenant': everyone,
  'GET /p/:pact/covenant/:version': everyone,
  'GET /p/:pact/partners': everyone,
  'GET /p/:pact/partners.csv': everyone,
  'GET /p/:pact/partners/:org': everyone,
  // Welzijn Lindewaard's representatives, signatures and partnership: the coordinator and Welzijn's
  // own partner admin (rejoining is the coordinator's only, checked in the handler).
  'GET /p/:pact/organisations/:org/representatives': welzijnEditors,
  'POST /p/:pact/organisations/:org/representatives': welzijnEditors,
  'GET /p/:pact/organisations/:org/covenant': welzijnEditors,
  'POST /p/:pact/organisations/:org/covenant': welzijnEditors,
  'GET /p/:pact/organisations/:org/partnership': welzijnEditors,
  'POST /p/:pact/organisations/:org/partnership': welzijnEditors,
  // ── initiatives (src/modules/pact/initiatives) ──
  // Residents propose without an account; the confirmation and status links are the key (the
  // sample `initiativeToken` was never issued: 410 "this link no longer works" = let through).
  'GET /p/:pact/initiatives': everyone,
  'GET /p/:pact/initiatives.csv': lindewaardCoordinator,
  'GET /p/:pact/initiatives/new': everyone,
  'POST /p/:pact/initiatives/new': everyone,
  'GET /p/:pact/initiatives/confirm/:initiativeToken': everyone,
  'POST /p/:pact/initiatives/confirm/:initiativeToken': everyone,
  'GET /p/:pact/initiatives/mine/:initiativeToken': everyone,
  'POST /p/:pact/initiatives/mine/:initiativeToken': everyone,
  'GET /p/:pact/initiatives/moderation': lindewaardCoordinator,
  // Published: public (the sample is published); the proposer's contact only for coordinators.
  'GET /p/:pact/initiatives/:initiative': everyone,
  'GET /p/:pact/initiatives/:initiative/moderate': lindewaardCoordinator,
  'POST /p/:pact/initiatives/:initiative/moderate': lindewaardCoordinator,
  // ── agenda (src/modules/pact/agenda) ──
  // The agenda years and the compiled agenda are public once published (the sample year is);
  // opening and managing a year is for the pact's coordinators. The empty POSTs lack a year or an
  // action and are refused with 400.
  'GET /p/:pact/agenda': everyone,
  'POST /p/:pact/agenda': lindewaardCoordinator,
  'GET /p/:pact/agenda/:year': everyone,
  'GET /p/:pact/agenda/:year/manage': lindewaardCoordinator,
  'POST /p/:pact/agenda/:year/status': lindewaardCoordinator,
  'GET /p/:pact/agenda/:year/agenda.pdf': everyone,
  'GET /p/:pact/agenda/:year/activities.csv': everyone,
  'GET /p/:pact/agenda/:year/activities/:activity': everyone,
  // Welzijn Lindewaard's activities: the coordinator and Welzijn's own partner admin; the empty
  // POSTs miss every field (or the confirmation) and are refused with 400.
  'GET /p/:pact/organisations/:org/activities': welzijnEditors,
  'GET /p/:pact/organisations/:org/activities/new': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/new': welzijnEditors,
  'GET /p/:pact/organisations/:org/activities/:activity/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/withdraw': welzijnEditors,
  // ── review (src/modules/pact/review) ──
  // Reviewing and carrying over Welzijn's activity: the coordinator and Welzijn's own partner admin
  // (the empty POSTs are refused: 400 for a missing status, 409 as 2030 is not open, so nothing changes).
  'GET /p/:pact/organisations/:org/activities/:activity/review': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/review': welzijnEditors,
  'GET /p/:pact/organisations/:org/activities/:activity/carry-over': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/carry-over': welzijnEditors,
  // The review overview of a year and its CSV: members of the pact.
  'GET /p/:pact/agenda/:year/review': lindewaardMembers,
  'GET /p/:pact/agenda/:year/review.csv': lindewaardMembers,
  // The results of a published year are public (2029 is published); an unpublished one only for members.
  'GET /p/:pact/agenda/:year/results': everyone,
  // ── meetings (src/modules/pact/meetings) ──
  'GET /p/:pact/meetings': everyone,
  'GET /p/:pact/meetings.ics': everyone,
  'GET /p/:pact/meetings.csv': lindewaardMembers,
  'GET /p/:pact/meetings/new': lindewaardCoordinator,
  'POST /p/:pact/meetings/new': lindewaardCoordinator,
  // The sample meeting is public; a members-only one answers 404 to the public.
  'GET /p/:pact/meetings/:meeting': everyone,
  'GET /p/:pact/meetings/:meeting/edit': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/edit': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/attendance': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/decisions': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/actions': lindewaardCoordinator,
  // ── stories (src/modules/pact/stories) ──
  'GET /p/:pact/stories': everyone,
  'GET /p/:pact/stories.csv': lindewaardMembers,
  // The sample story is published and public; an internal one answers 404 to the public.
  'GET /p/:pact/stories/:story': everyone,
  'GET /p/:pact/organisations/:org/stories/new': welzijnEditors,
  'POST /p/:pact/organisations/:org/stories/new': welzijnEditors,
  'GET /p/:pact/organisations/:org/stories/:story/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/stories/:story/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/stories/:story/status': welzijnEditors,
};

// The API routes with each kind of token (tests/support/authorization-matrix.ts, `tokenNames`).
export const tokenMatrix: TokenMatrix = {
  'GET /api/v1/pacts/:pact': publicWithAnyValidToken,
  'GET /api/v1/pacts/:pact/pillars': publicWithAnyValidToken,
  'GET /api/v1/pacts/:pact/partners': publicWithAnyValidToken,
  'GET /api/v1/pacts/:pact/agenda-years': publicWithAnyValidToken,
  'GET /api/v1/pacts/:pact/agenda-years/:year/activities': publicWithAnyValidToken,
  'GET /api/v1/pacts/:pact/initiatives': publicWithAnyValidToken,
  'GET /api/v1/pacts/:pact/meetings': publicWithAnyValidToken,
  // The sample organisation is Welzijn Lindewaard: its own token with pact:write (the empty body is then a 400).
  'POST /api/v1/pacts/:pact/organisations/:organisation/activities': welzijnWriteToken,
};
