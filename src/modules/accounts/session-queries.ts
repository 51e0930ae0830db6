import { sql, type RawBuilder } from 'kysely';
import { rolesNeedingSecondFactor } from './second-factor-standing.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { Membership, PactSummary } from '../../access/policy.ts';

// Who has and who needs a second factor, as SQL for the request's one round trip. Plain
// subqueries, not SQL functions: PostgreSQL cannot inline a function holding a subquery, and
// would plan it anew on every request. The roles come from rolesNeedingSecondFactor, the one list.
const neededByRoles = sql.join([...rolesNeedingSecondFactor].map((role) => sql.lit(role)));

function enrolledSql(personId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from second_factor sf where sf.person_id = ${personId} and sf.confirmed_at is not null)`;
}

function requiredSql(personId: RawBuilder<unknown>, isSystemAdmin: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(${isSystemAdmin} or exists (select 1 from membership m
    where m.person_id = ${personId} and m.ended_at is null and m.role in (${neededByRoles})))`;
}

export interface RequestContextRow {
  pact: PactSummary | null;
  session: {
    id: string;
    personId: string;
    createdAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
    displayName: string;
    isSystemAdmin: boolean;
    locale: 'nl' | 'en';
    /** When this session's second factor was given; null while only the password was checked. */
    secondFactorAt: Date | null;
    /** The person has a confirmed second factor (read only while it is still to be given). */
    secondFactorEnrolled: boolean;
    /**
     * The person must use one: a system administrator, or an active role that can see household
     * data (read only while the second factor is still to be given; false once it was).
     */
    secondFactorRequired: boolean;
  } | null;
}

export interface RequestContextOptions {
  pactSlug: string | null;
  sessionHash: string | null;
  now: Date;
  /** A session unused for this long has ended (SESSION_IDLE_MINUTES). */
  idleMinutes: number;
  /**
   * Set the row-level-security context (pact, person, session) and drop to the application role
   * in the same statement. False for routes that run outside row-level security (`system`).
   */
  enterAppRole: boolean;
}

export interface RequestContext extends RequestContextRow {
  /** The person's active memberships in the pact of the path (empty without a live session or pact). */
  memberships: Membership[];
}

/**
 * The first statement of every request, in one round trip: the pact named in the path, the session
 * named by the cookie (by its token's hash, so only the caller's own session), the person's
 * memberships in that pact, and — unless the route runs outside row-level security — the
 * transaction's context (`app.pact_id`, `app.person_id`, `app.session_id`) and the application
 * role. The context names the person only when the session is alive (not expired, not idle too
 * long, person not deactivated), the same rule as `isSessionAlive`.
 *
 * The statement reads as the connecting role: the role changes with the statement's last columns,
 * after PostgreSQL has checked its tables, so it sees the session before row-level security
 * applies. Every later statement of the transaction runs as `schakelpunt_app`.
 */
export async function loadRequestContext(tx: Executor, o: RequestContextOptions): Promise<RequestContext> {
  const context = o.enterAppRole
    ? sql`,
           set_config('app.pact_id', coalesce(p.id::text, ''), true) as set_pact,
           set_config('app.person_id', case when live.alive then s.person_id::text else '' end, true) as set_person,
           set_config('app.session_id', case when live.alive then s.id else '' end, true) as set_session,
           set_config('role', 'schakelpunt_app', true) as set_role`
    : sql``;
  const r = await sql<{
    pact_id: string | null; slug: string; name: string; municipality: string; jurisdiction: 'NL' | 'BE-VLG';
    status: 'active' | 'suspended'; default_locale: 'nl' | 'en';
    session_id: string | null; person_id: string; created_at: Date; last_seen_at: Date; expires_at: Date;
    display_name: string; is_system_admin: boolean; locale: 'nl' | 'en'; deactivated_at: Date | null;
    second_factor_at: Date | null; second_factor_enrolled: boolean; second_factor_required: boolean;
    memberships: Array<{ role: Membership['role']; organisation_id: string | null; team_id: string | null }> | null;
  }>`
    select p.id as pact_id, p.slug, p.name, p.municipality, p.jurisdiction, p.status, p.default_locale,
           s.id as session_id, s.person_id, s.created_at, s.last_seen_at, s.expires_at, s.second_factor_at,
           per.display_name, per.is_system_admin, per.locale, per.deactivated_at,
           -- Asked only while the second factor is still to come: most requests skip both lookups.
           case when s.second_factor_at is null then ${enrolledSql(sql.ref('per.id'))} else true end as second_factor_enrolled,
           case when s.second_factor_at is null then ${requiredSql(sql.ref('per.id'), sql.ref('per.is_system_admin'))} end as second_factor_required,
           case when live.alive and p.id is not null then
             (select json_agg(json_build_object('role', m.role, 'organisation_id', m.organisation_id, 'team_id', m.team_id)
                              order by m.role, m.organisation_id)
                from membership m
               where m.person_id = s.person_id and m.pact_id = p.id and m.ended_at is null)
           end as memberships${context}
      from (select 1) as one
      left join pact p on p.slug = ${o.pactSlug}
      left join session s on s.id = ${o.sessionHash}
      left join person per on per.id = s.person_id
      cross join lateral (
        select coalesce(s.expires_at > ${o.now}::timestamptz
                        and s.last_seen_at > ${o.now}::timestamptz - make_interval(mins => ${o.idleMinutes}::int)
                        and per.deactivated_at is null, false) as alive
      ) as live`.execute(tx);
  const row = r.rows[0];
  if (!row) return { pact: null, session: null, memberships: [] };
  return {
    pact: row.pact_id
      ? {
          id: row.pact_id, slug: row.slug, name: row.name, municipality: row.municipality,
          jurisdiction: row.jurisdiction, status: row.status, defaultLocale: row.default_locale,
        }
      : null,
    session:
      row.session_id && !row.deactivated_at
        ? {
            id: row.session_id, personId: row.person_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at,
            expiresAt: row.expires_at, displayName: row.display_name, isSystemAdmin: row.is_system_admin,
            locale: row.locale, secondFactorAt: row.second_factor_at,
            secondFactorEnrolled: row.second_factor_enrolled === true,
            secondFactorRequired: row.second_factor_required === true,
          }
        : null,
    memberships: (row.memberships ?? []).map((m) => ({ role: m.role, organisationId: m.organisation_id, teamId: m.team_id })),
  };
}

export async function touchSession(tx: Executor, sessionId: string, now: Date): Promise<void> {
  await sql`update session set last_seen_at = ${now} where id = ${sessionId}`.execute(tx);
}

export async function insertSession(
  tx: Executor,
  s: { id: string; personId: string; now: Date; expiresAt: Date; userAgent: string },
): Promise<void> {
  await sql`insert into session (id, person_id, created_at, last_seen_at, expires_at, user_agent)
            values (${s.id}, ${s.personId}, ${s.now}, ${s.now}, ${s.expiresAt}, ${s.userAgent.slice(0, 300)})`.execute(tx);
}

/** Whether a person who just gave their password must now give (or set up) a second factor. */
export async function secondFactorStanding(tx: Executor, personId: string): Promise<{ enrolled: boolean; required: boolean }> {
  const id = sql`${personId}::uuid`;
  const r = await sql<{ enrolled: boolean; required: boolean }>`
    select ${enrolledSql(id)} as enrolled, ${requiredSql(id, sql`p.is_system_admin`)} as required
      from person p where p.id = ${personId}`.execute(tx);
  return { enrolled: r.rows[0]?.enrolled === true, required: r.rows[0]?.required === true };
}

/**
 * Replaces a session by a new one under a new token once the second factor is given (the privilege
 * rises, so the identifier changes: OWASP session management). The absolute end stays the same.
 */
export async function rotateSessionAfterSecondFactor(tx: Executor, oldId: string, newId: string, now: Date): Promise<void> {
  await sql`insert into session (id, person_id, created_at, last_seen_at, expires_at, user_agent, second_factor_at)
            select ${newId}, person_id, created_at, ${now}, expires_at, user_agent, ${now} from session where id = ${oldId}`.execute(tx);
  await sql`delete from session where id = ${oldId}`.execute(tx);
}

export interface OwnSessionRow {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  user_agent: string;
  second_factor_at: Date | null;
}

/** The caller's own sessions (row-level security allows only the person's own rows). */
export async function listOwnSessions(tx: Executor, personId: string): Promise<OwnSessionRow[]> {
  const r = await sql<OwnSessionRow>`
    select id, created_at, last_seen_at, expires_at, user_agent, second_factor_at from session
     where person_id = ${personId} order by last_seen_at desc, id`.execute(tx);
  return r.rows;
}

/** Ends the person's sessions: all, all but one, or the one whose reference (first 16 characters of its id) is given. */
export async function endOwnSessions(
  tx: Executor,
  personId: string,
  which: { all: true } | { allBut: string } | { reference: string },
): Promise<string[]> {
  const r =
    'all' in which
      ? await sql<{ id: string }>`delete from session where person_id = ${personId} returning id`.execute(tx)
      : 'allBut' in which
        ? await sql<{ id: string }>`delete from session where person_id = ${personId} and id <> ${which.allBut} returning id`.execute(tx)
        : await sql<{ id: string }>`delete from session where person_id = ${personId} and left(id, 16) = ${which.reference} returning id`.execute(tx);
  return r.rows.map((row) => row.id);
}

/**
 * Ends every session of a person, wherever they are signed in: after a password reset, a
 * deactivation, or a reset of their second factor. Outside row-level security only.
 */
export async function deleteSessionsOfPerson(tx: Executor, personId: string): Promise<number> {
  const r = await sql`delete from session where person_id = ${personId}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

export async function deleteSession(tx: Executor, sessionId: string): Promise<void> {
  await sql`delete from session where id = ${sessionId}`.execute(tx);
}

/** Removes sessions past their end; run by a job. */
export async function deleteExpiredSessions(tx: Executor, now: Date, idleMinutes: number): Promise<number> {
  const r = await sql`delete from session
     where expires_at <= ${now} or last_seen_at <= ${new Date(now.getTime() - idleMinutes * 60_000)}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
