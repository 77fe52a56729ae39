import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { RecordReadPage, RecordReadQuery } from '../../../common/schemas/record-reads.ts';
import { people, recordReads } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';

/** `at` as PostgreSQL prints it (microseconds kept), so a page boundary never drops a row. */
const atText = sql<string>`${sql.identifier('record_reads')}.${sql.identifier('at')}::text`;

/** A timestamptz as PostgreSQL prints it: `2026-01-01 10:00:00.000001+00`. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

const encode = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decode(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof at === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) && TIMESTAMP.test(at)) {
      return { at, id };
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not valid', [{ path: 'cursor', message: 'invalid' }]);
}

/**
 * Who read records about the caller (their person page, observations, coaching records...), newest
 * first; only the caller's own list, so there is nothing to authorize beyond being signed in.
 */
export async function listMyRecordReads(ctx: Ctx, q: z.infer<typeof RecordReadQuery>): Promise<RecordReadPage> {
  const where = [eq(recordReads.districtId, ctx.actor.districtId), eq(recordReads.subjectPersonId, ctx.actor.personId)];
  if (q.cursor) {
    const c = decode(q.cursor);
    where.push(
      or(
        sql`${sql.identifier('record_reads')}.${sql.identifier('at')} < ${c.at}::timestamptz`,
        and(sql`${sql.identifier('record_reads')}.${sql.identifier('at')} = ${c.at}::timestamptz`, sql`${sql.identifier('record_reads')}.${sql.identifier('id')} < ${c.id}::uuid`),
      )!,
    );
  }
  const rows = await ctx.db
    .select({
      id: recordReads.id,
      at: recordReads.at,
      atText,
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
  return { items, nextCursor: rows.length > q.limit && last ? encode(last.atText, last.id) : null };
}
