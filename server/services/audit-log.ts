import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditQuery } from '../../common/schemas/audit.ts';
import { auditLog, people, roleAssignments, users } from '../db/schema/index.ts';
import type { Ctx } from '../lib/context.ts';
import { forbidden } from '../lib/errors.ts';
import { canReadAuditLog, canReadPersonHistory } from '../policies/audit.ts';
import { recordAudit } from './audit.ts';
import { loadReadablePerson } from './people/load.ts';
import { decodeCursor, encodeCursor, exactTime, olderThan } from '../lib/cursor.ts';

async function page(ctx: Ctx, where: SQL[], limit: number, cursor?: string) {
  if (cursor) {
    where.push(olderThan(decodeCursor(cursor), auditLog.at, auditLog.id));
  }
  const rows = await ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      atExact: exactTime(auditLog.at),
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      requestId: auditLog.requestId,
      actorId: auditLog.actorUserId,
      actorName: sql<string | null>`${people.givenName} || ' ' || ${people.familyName}`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(people, eq(people.id, users.personId))
    .where(and(eq(auditLog.districtId, ctx.actor.districtId), ...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
  }));
  const last = rows[limit - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.atExact, last.id) : null };
}

/** The district's audit log, newest first, filtered; district admins only. */
export async function listAudit(ctx: Ctx, q: z.infer<typeof AuditQuery>) {
  if (!canReadAuditLog(ctx.actor)) throw forbidden();
  const where: SQL[] = [];
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actorUserId) where.push(eq(auditLog.actorUserId, q.actorUserId));
  if (q.from) where.push(gte(auditLog.at, new Date(q.from)));
  // The log shows milliseconds and PostgreSQL keeps microseconds: `to` includes its whole millisecond.
  if (q.to) where.push(lt(auditLog.at, new Date(new Date(q.to).getTime() + 1)));
  const result = await page(ctx, where, q.limit, q.cursor);
  // Reading the audit log is itself audited (after the read, so the page does not show its own row).
  // An id the filters name is kept only when it matched rows of this district: the audit log never
  // holds an id of another district (nor one made up), only that an unmatched id was asked for.
  const { limit: _limit, cursor: _cursor, ...filters } = q;
  const matched = result.items.length > 0;
  const recorded = {
    ...filters,
    ...(filters.entityId && !matched ? { entityId: 'unmatched' } : {}),
    ...(filters.actorUserId && !matched ? { actorUserId: 'unmatched' } : {}),
  };
  await recordAudit(ctx.db, ctx, {
    action: 'audit.read',
    entityType: 'audit_log',
    entityId: null,
    after: { filters: recorded, page: q.cursor ? 'next' : 'first' },
  });
  return result;
}

/** Changes to one person and their role assignments. */
export async function personHistory(ctx: Ctx, personId: string, q: { limit: number; cursor?: string }) {
  await loadReadablePerson(ctx, personId);
  if (!canReadPersonHistory(ctx.actor)) throw forbidden();
  const roleIds = await ctx.db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.districtId, ctx.actor.districtId)));
  const ids = [personId, ...roleIds.map((r) => r.id)];
  const result = await page(ctx, [inArray(auditLog.entityId, ids)], q.limit, q.cursor);
  await recordAudit(ctx.db, ctx, {
    action: 'audit.read_person_history',
    entityType: 'person',
    entityId: personId,
    after: { page: q.cursor ? 'next' : 'first' },
  });
  return result;
}
