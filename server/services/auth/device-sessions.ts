import { createHash } from 'node:crypto';
import { and, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canEndOthersSessions } from '../../policies/sessions.ts';
import { recordAudit } from '../audit.ts';
import { loadReadablePerson } from '../people/load.ts';

/**
 * The id a device session is shown under: derived from the stored hash by hashing again, so the
 * list never hands out what finds a session, and the id stays stable while the session lives.
 */
export const publicSessionId = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url').slice(0, 22);

const live = () => gt(sessions.expiresAt, sql`now()`);

/** The caller's live sessions (devices signed in), most recently used first. */
export async function listMySessions(ctx: Ctx, currentSessionId: string) {
  const rows = await ctx.db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(and(eq(sessions.userId, ctx.actor.userId), eq(sessions.districtId, ctx.actor.districtId), live()))
    .orderBy(desc(sessions.lastSeenAt));
  return {
    items: rows.map((r) => ({
      id: publicSessionId(r.id),
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      userAgent: r.userAgent ? r.userAgent.slice(0, 200) : null,
      current: r.id === currentSessionId,
    })),
  };
}

/** Signs one of the caller's other devices out (the current one signs out with sign-out). */
export async function endMySession(ctx: Ctx, publicId: string, currentSessionId: string) {
  const mine = await ctx.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, ctx.actor.userId), eq(sessions.districtId, ctx.actor.districtId)));
  const target = mine.find((s) => publicSessionId(s.id) === publicId);
  if (!target) throw notFound('Session');
  if (target.id === currentSessionId) throw invalidState('This is the device you are using; sign out instead');
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, target.id));
    await recordAudit(tx, ctx, {
      action: 'user.end_session',
      entityType: 'user',
      entityId: ctx.actor.userId,
      after: { session: publicId },
    });
  });
}

/** Signs the caller out on every device but this one. */
export async function endMyOtherSessions(ctx: Ctx, currentSessionId: string) {
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, ctx.actor.userId), eq(sessions.districtId, ctx.actor.districtId), ne(sessions.id, currentSessionId)))
      .returning({ id: sessions.id });
    await recordAudit(tx, ctx, {
      action: 'user.end_other_sessions',
      entityType: 'user',
      entityId: ctx.actor.userId,
      after: { ended: ended.length },
    });
    return { ended: ended.length };
  });
}

/** A district admin signs a person out on every device (a lost laptop, a suspected break-in). */
export async function endPersonSessions(ctx: Ctx, personId: string) {
  await loadReadablePerson(ctx, personId);
  if (!canEndOthersSessions(ctx.actor)) throw forbidden();
  if (personId === ctx.actor.personId) throw invalidState('End your own sessions from your account page');
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.personId, personId), eq(users.districtId, ctx.actor.districtId)));
    const ended = user
      ? await tx
          .delete(sessions)
          .where(and(eq(sessions.userId, user.id), eq(sessions.districtId, ctx.actor.districtId)))
          .returning({ id: sessions.id })
      : [];
    await recordAudit(tx, ctx, { action: 'person.end_sessions', entityType: 'person', entityId: personId, after: { ended: ended.length } });
    return { ended: ended.length };
  });
}

/** A district admin signs everyone in the district out, except their own current session. */
export async function endDistrictSessions(ctx: Ctx, currentSessionId: string) {
  if (!canEndOthersSessions(ctx.actor)) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.districtId, ctx.actor.districtId), ne(sessions.id, currentSessionId)))
      .returning({ id: sessions.id });
    await recordAudit(tx, ctx, {
      action: 'district.end_sessions',
      entityType: 'district',
      entityId: ctx.actor.districtId,
      after: { ended: ended.length },
    });
    return { ended: ended.length };
  });
}
