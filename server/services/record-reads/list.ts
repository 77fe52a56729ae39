import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { RecordReadPage, RecordReadQuery } from '../../../common/schemas/record-reads.ts';
import { people, recordReads } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { decodeCursor, encodeCursor, exactTime, olderThan } from '../../lib/cursor.ts';

/**
 * Who read records about the caller (their person page, observations, coaching records...), newest
 * first; only the caller's own list, so there is nothing to authorize beyond being signed in.
 */
export async function listMyRecordReads(ctx: Ctx, q: z.infer<typeof RecordReadQuery>): Promise<RecordReadPage> {
  const where = [eq(recordReads.districtId, ctx.actor.districtId), eq(recordReads.subjectPersonId, ctx.actor.personId)];
  if (q.cursor) where.push(olderThan(decodeCursor(q.cursor), recordReads.at, recordReads.id));
  const rows = await ctx.db
    .select({
      id: recordReads.id,
      at: recordReads.at,
      atExact: exactTime(recordReads.at),
      entityType: recordReads.entityType,
      entityId: recordReads.entityId,
      readerId: recordReads.readerPersonId,
      givenName: people.givenName,
      familyName: people.familyName,
    })
    .from(recordReads)
    .innerJoin(people, eq(people.id, recordReads.readerPersonId))
    .where(and(...where))
    .orderBy(desc(recordReads.at), desc(recordReads.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    reader: { id: r.readerId, name: `${r.givenName} ${r.familyName}` },
    entityType: r.entityType as RecordReadPage['items'][number]['entityType'],
    entityId: r.entityId,
  }));
  const last = rows[q.limit - 1];
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor(last.atExact, last.id) : null };
}
