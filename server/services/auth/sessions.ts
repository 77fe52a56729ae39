import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { caseloadMembers, districts, people, roleAssignments, sessions, users } from '../../db/schema/index.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { currentAssignment } from './current-assignment.ts';
import { hashToken, newToken } from './tokens.ts';

/** Refresh a session's expiry at most this often, to keep reads from writing on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Creates a session; returns the cookie token (only its hash is stored) and the CSRF token.
 * `authMethod` records how the person proved who they are ('password' unless given).
 */
export async function createSession(
  db: Db,
  input: { userId: string; districtId: string; ttlHours: number; userAgent?: string; authMethod?: 'password' | 'sso' },
) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    districtId: input.districtId,
    csrfToken,
    expiresAt: new Date(Date.now() + input.ttlHours * 3600_000),
    userAgent: input.userAgent?.slice(0, 300),
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
      user: {
        id: users.id,
        districtId: users.districtId,
        personId: users.personId,
        email: users.email,
        adminGrant: users.adminGrant,
        locale: users.locale,
      },
      person: { id: people.id, givenName: people.givenName, familyName: people.familyName },
      district: { id: districts.id, name: districts.name },
      // The actor's scopes in the same statement: one query authenticates a request.
      roles: sql<{ role: string; orgUnitId: string }[]>`(select coalesce(json_agg(json_build_object('role', ${roleAssignments.role}, 'orgUnitId', ${roleAssignments.orgUnitId})), '[]'::json)
        from ${roleAssignments} where ${roleAssignments.personId} = ${users.personId} and ${currentAssignment()})`,
      caseload: sql<string[]>`(select coalesce(json_agg(${caseloadMembers.personId}), '[]'::json) from ${caseloadMembers}
        where ${caseloadMembers.coachPersonId} = ${users.personId} and ${caseloadMembers.active})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(people, eq(people.id, users.personId))
    .innerJoin(districts, eq(districts.id, users.districtId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`), eq(users.active, true), eq(people.active, true)))
    .prepare('find_session');
}

/** The live session for a cookie token with its user, person, district and scopes, or null. */
export async function findSession(db: Db, token: string, ttlHours: number) {
  const id = hashToken(token);
  const [row] = await preparedOnce(db, 'find_session', () => sessionQuery(db)).execute({ id });
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + ttlHours * 3600_000) })
      .where(eq(sessions.id, id));
  }
  return row;
}

export async function deleteSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of a user (after a password change or reset). */
export async function deleteUserSessions(db: Db | Parameters<Parameters<Db['transaction']>[0]>[0], userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
