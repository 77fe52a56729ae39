import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { districts, people, roleAssignments, sessions, users } from '../../db/schema/index.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { coachingScopeJson } from './coaching-scope.ts';
import { currentAssignment } from './current-assignment.ts';
import { guestEnded, guestScopeJson } from './guest-scope.ts';
import { hashToken, newToken } from './tokens.ts';
import { qualified } from '../../db/qualified.ts';

/** Refresh a session's expiry at most this often, to keep reads from writing on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/**
 * How long sessions live: `ttlHours` idle (each use slides it) but never past `maxHours` after
 * sign-in, when the person signs in again (SESSION_TTL_HOURS, SESSION_MAX_HOURS).
 */
export interface SessionLifetime {
  ttlHours: number;
  maxHours: number;
}

/**
 * Creates a session; returns the cookie token (only its hash is stored) and the CSRF token.
 * `mfaVerified`: the sign-in passed a second factor (services/auth/mfa); `authMethod` records how
 * the person proved who they are ('password' unless given).
 */
export async function createSession(
  db: Executor,
  input: SessionLifetime & {
    userId: string;
    districtId: string;
    userAgent?: string;
    mfaVerified?: boolean;
    authMethod?: 'password' | 'sso';
  },
) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    districtId: input.districtId,
    csrfToken,
    expiresAt: new Date(Date.now() + Math.min(input.ttlHours, input.maxHours) * 3600_000),
    userAgent: input.userAgent?.slice(0, 300),
    mfaVerifiedAt: input.mfaVerified ? new Date() : null,
    authMethod: input.authMethod ?? 'password',
  });
  return { token, csrfToken };
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** The session query (prepared once per database: db/prepared.ts). */
function sessionQuery(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      authMethod: sessions.authMethod,
      mfaVerifiedAt: sessions.mfaVerifiedAt,
      user: {
        id: users.id,
        districtId: users.districtId,
        personId: users.personId,
        email: users.email,
        adminGrant: users.adminGrant,
        locale: users.locale,
      },
      person: { id: people.id, givenName: people.givenName, familyName: people.familyName },
      district: { id: districts.id, name: districts.name, timeZone: districts.timeZone },
      // The actor's scopes in the same statement: one query authenticates a request.
      // A network's active schools ride along with a role held in the network (policies/networks.ts).
      roles: sql<
        { role: string; orgUnitId: string; networkSchoolIds: string[] }[]
      >`(select coalesce(json_agg(json_build_object('role', ${qualified(roleAssignments.role)}, 'orgUnitId', ${qualified(roleAssignments.orgUnitId)},
          'networkSchoolIds', (select coalesce(json_agg(school.id), '[]'::json) from org_units school join org_units network on network.id = school.parent_id
            where network.id = ${qualified(roleAssignments.orgUnitId)} and network.type = 'network' and school.active))), '[]'::json)
        from ${roleAssignments} where ${qualified(roleAssignments.personId)} = ${qualified(users.personId)} and ${currentAssignment()})`,
      // Current caseload rows and the members of teams the person leads (coaching-scope.ts).
      caseload: sql<
        string[]
      >`${coachingScopeJson(qualified(users.personId), sql`(now() at time zone ${qualified(districts.timeZone)})::date`)}`,
      // A vendor guest's one initiative (the guest gate, lib/route-auth.ts); null for staff.
      guest: guestScopeJson(qualified(users.id)),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.createdAt, sql`now() - ${sql.placeholder('maxHours')}::float8 * interval '1 hour'`),
        eq(users.active, true),
        eq(people.active, true),
        // A guest whose account was revoked or ran past its last day has no session at all.
        sql`not ${guestEnded(qualified(users.id))}`,
      ),
    )
    .prepare('find_session');
}

/**
 * The live session for a cookie token with its user, person, district and scopes, or null: idle
 * past its expiry, older than `maxHours`, or of a deactivated person or account.
 */
export async function findSession(db: Db, token: string, lifetime: SessionLifetime) {
  const id = hashToken(token);
  const [row] = await preparedOnce(db, 'find_session', () => sessionQuery(db)).execute({ id, maxHours: lifetime.maxHours });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // Slide the idle expiry, never past the absolute one.
    await db
      .update(sessions)
      .set({
        lastSeenAt: new Date(),
        expiresAt: sql`least(now() + ${lifetime.ttlHours}::float8 * interval '1 hour', ${sessions.createdAt} + ${lifetime.maxHours}::float8 * interval '1 hour')`,
      })
      .where(eq(sessions.id, id));
  }
  return row;
}

/**
 * Whether the cookie token's session is live now, by findSession's checks, without sliding its idle
 * expiry: what an open live stream asks at its heartbeats (a tab left open must not keep a session).
 */
export async function sessionIsLive(db: Db, token: string, lifetime: SessionLifetime): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .where(
      and(
        eq(sessions.id, hashToken(token)),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.createdAt, sql`now() - ${lifetime.maxHours}::float8 * interval '1 hour'`),
        eq(users.active, true),
        eq(people.active, true),
        sql`not ${guestEnded(qualified(users.id))}`,
      ),
    );
  return rows.length > 0;
}

/** Ends the session of a cookie token. */
export async function deleteSession(db: Executor, token: string) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of a user (after a password change or reset). */
export async function deleteUserSessions(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Removes sessions past their expiry (the session query ignores them already). */
export async function deleteExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
