import { sql } from 'drizzle-orm';
import type { ReadEntityType } from '../../../common/schemas/record-reads.ts';
import { recordReads } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';

/** Reads of one record by one reader within this window count once. */
export const READ_WINDOW_MINUTES = 10;

let enabled = true;
/** Benchmarks only (bench/run.ts): measure a page with and without its read log in one run. */
export function setReadLogForBenchmark(on: boolean) {
  enabled = on;
}

/**
 * Notes that the caller read a record about these people (who, what, when; never the content).
 * The caller's own reads of records about themselves are not logged. One statement, no read
 * before it: a repeated read in the same ten-minute window is dropped by the unique key.
 * @example await logRead(ctx, 'observation', observation.id, [observation.teacher.id])
 */
export async function logRead(ctx: Ctx, entityType: ReadEntityType, entityId: string, subjectPersonIds: string[]): Promise<void> {
  const subjects = [...new Set(subjectPersonIds)].filter((id) => id !== ctx.actor.personId);
  if (subjects.length === 0 || !enabled) return;
  const window = sql`date_bin(${sql.raw(`'${READ_WINDOW_MINUTES} minutes'`)}::interval, now(), timestamptz '2000-01-01')`;
  await ctx.db
    .insert(recordReads)
    .values(
      subjects.map((subjectPersonId) => ({
        districtId: ctx.actor.districtId,
        subjectPersonId,
        readerUserId: ctx.actor.userId,
        readerPersonId: ctx.actor.personId,
        entityType,
        entityId,
        window,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Runs a read and logs it as a read of the records it returns about people (`subjectsOf`).
 * @example readLogged(ctx, 'person', id, () => personView(ctx, id), (p) => [p.id])
 */
export async function readLogged<T>(
  ctx: Ctx,
  entityType: ReadEntityType,
  entityId: string,
  read: () => Promise<T>,
  subjectsOf: (view: T) => string[],
): Promise<T> {
  const view = await read();
  await logRead(ctx, entityType, entityId, subjectsOf(view));
  return view;
}
