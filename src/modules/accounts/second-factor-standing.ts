// Where a session stands with the second factor, without I/O: which roles must use one and what a
// session with only the password may do. The session query of every request (session-queries.ts)
// builds its SQL from `rolesNeedingSecondFactor`, and the second-factor pages (second-factor/) act on
// the state; both read it here, so the one list has one place.
import type { Role } from '../../access/policy.ts';

/** Roles that can (now or in later capabilities) see household data: these need a second factor. */
export const rolesNeedingSecondFactor: ReadonlySet<Role> = new Set(['pact_coordinator', 'partner_admin', 'professional', 'volunteer']);

/**
 * Where a session stands:
 * - `verified`: the second factor was given in this session;
 * - `not-needed`: the person has no role that needs one and did not enrol;
 * - `verify`: enrolled, the code is still to be given;
 * - `enrol`: must enrol before anything else.
 */
export type SecondFactorState = 'verified' | 'not-needed' | 'verify' | 'enrol';

export function secondFactorState(s: { verifiedAt: Date | null; enrolled: boolean; required: boolean }): SecondFactorState {
  if (s.verifiedAt) return 'verified';
  if (s.enrolled) return 'verify';
  return s.required ? 'enrol' : 'not-needed';
}

export function isPending(state: SecondFactorState): boolean {
  return state === 'verify' || state === 'enrol';
}
