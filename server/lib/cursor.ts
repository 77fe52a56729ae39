import { sql, type Column, type SQL } from 'drizzle-orm';
import { qualified } from '../db/qualified.ts';
import { AppError } from './errors.ts';

/**
 * Keyset paging over (timestamp, id), newest first. The cursor carries the timestamp exactly as
 * the database holds it (microseconds), never a JavaScript `Date` (milliseconds): PostgreSQL keeps
 * microseconds, and rows written in one transaction share `now()`, so a millisecond cursor skipped
 * every row past the page boundary (issue 11: 6 audit rows paged 2 at a time gave 2 on PostgreSQL,
 * 6 on PGlite, whose clock has milliseconds only). Select `exactTime(column)` beside the row, hand
 * it to `encodeCursor`, and filter the next page with `olderThan`, which compares in SQL at full
 * precision. Cursors are opaque to clients (base64url) and checked on the way back, so one the
 * server did not make is a 400, not a query error.
 *
 * @example
 *   const rows = await db.select({ ..., atExact: exactTime(auditLog.at) }).from(auditLog)
 *     .where(and(filter, q.cursor ? olderThan(decodeCursor(q.cursor), auditLog.at, auditLog.id) : undefined))
 *     .orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit + 1);
 *   const nextCursor = more ? encodeCursor(last.atExact, last.id) : null;
 */

/** A timestamp as ISO 8601 in UTC with microseconds, whatever the session's DateStyle or TimeZone. */
export const exactTime = (column: Column) => sql<string>`to_char(${qualified(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const EXACT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Cursor {
  /** ISO 8601 UTC, up to microseconds, as `exactTime` printed it. */
  at: string;
  id: string;
}

/** The cursor after a row: its `exactTime(...)` text and id (a `Date` would lose microseconds). */
export const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): Cursor {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || rest.length > 0 || !EXACT.test(at) || Number.isNaN(Date.parse(at)) || !UUID.test(id)) {
    throw new AppError('validation_failed', 'The cursor is not valid', [{ path: 'cursor', message: 'invalid' }]);
  }
  return { at, id };
}

/** Rows after the cursor in (timestamp, id) descending order, compared by the database at full precision. */
export const olderThan = (cursor: Cursor, atColumn: Column, idColumn: Column): SQL =>
  sql`(${qualified(atColumn)}, ${qualified(idColumn)}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`;

/**
 * Keyset paging over (day, timestamp, id), newest first, for lists ordered by a calendar day and
 * then by when the row was made (observations: observed on, then created). The day is an ISO date
 * (`YYYY-MM-DD`, a `date` column as the driver returns it), the timestamp `exactTime(...)` text.
 *
 * @example
 *   const next = more ? encodeDayCursor(last.observedOn, last.createdExact, last.id) : null;
 *   where(q.cursor ? olderThanOnDay(decodeDayCursor(q.cursor), o.observedOn, o.createdAt, o.id) : undefined)
 */
export interface DayCursor extends Cursor {
  /** ISO calendar day, `YYYY-MM-DD`. */
  day: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const encodeDayCursor = (day: string, at: string, id: string) => Buffer.from(`${day}|${at}|${id}`).toString('base64url');

export function decodeDayCursor(cursor: string): DayCursor {
  const [day, at, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!day || !DAY.test(day) || Number.isNaN(Date.parse(day)) || rest.length > 0) {
    throw new AppError('validation_failed', 'The cursor is not valid', [{ path: 'cursor', message: 'invalid' }]);
  }
  return { day, ...decodeCursor(Buffer.from(`${at ?? ''}|${id ?? ''}`).toString('base64url')) };
}

/** Rows after the cursor in (day, timestamp, id) descending order, compared by the database at full precision. */
export const olderThanOnDay = (cursor: DayCursor, dayColumn: Column, atColumn: Column, idColumn: Column): SQL =>
  sql`(${qualified(dayColumn)}, ${qualified(atColumn)}, ${qualified(idColumn)}) < (${cursor.day}::date, ${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
