import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { RosterImport } from '../../../common/schemas/roster.ts';
import type { Database, Db } from '../../db/client.ts';
import { rosterImports, users } from '../../db/schema/index.ts';
import { PermanentJobError } from '../../jobs/definitions.ts';
import type { JobRun } from '../../jobs/queue.ts';
import { invalidateReads } from '../../lib/read-cache.ts';
import { invalidateSessions } from '../../lib/session-cache.ts';
import { recordAudit } from '../audit.ts';
import { applyPlan, planSize } from './apply.ts';
import type { ParsedRoster } from './parse/index.ts';
import { planImport } from './plan.ts';
import { loadDistrictState } from './state.ts';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** How often a running import writes its progress to its row (read by every app process). */
const PROGRESS_EVERY_MS = 1_000;

/** People holding an admin grant: an import never deactivates or rewrites them. */
export async function protectedPeople(db: Db, districtId: string) {
  const rows = await db
    .select({ personId: users.personId })
    .from(users)
    .where(and(eq(users.districtId, districtId), isNotNull(users.adminGrant)));
  return new Set(rows.map((r) => r.personId));
}

/**
 * What a log may say about a failed write: the database error's code, constraint, table and column
 * and its own short message (never its detail, which quotes the failing row), else the error's name.
 */
export function failureOf(err: unknown) {
  for (let e = err as Record<string, unknown> | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) continue;
    const { code, constraint, table, column } = e as Record<string, string | undefined>;
    return { code, constraint, table, column, message: String(e.message ?? '').slice(0, 200) };
  }
  return { name: err instanceof Error ? err.name : typeof err };
}

/** A write the database refuses for what it is (data, constraints, a trigger), not for a passing cause. */
const refusedWrite = (code: string | undefined) => !!code && /^(22|23|42|P0)/.test(code);

/**
 * The `roster-import` job: applies an import left `running` by startImport, in one transaction of
 * the district (re-planned there, since the district may have changed since the dry run), writing
 * its progress to the row as it goes. A passing failure (connection lost, process stopped) rolls
 * back and the job is retried; a write the database refuses, or the last attempt, marks the import
 * failed. An import no longer running (finished by an earlier attempt) is left alone.
 */
export async function applyImportJob(
  deps: { database: Database; log: Log },
  payload: { districtId: string; importId: string; userId: string },
  run: JobRun,
): Promise<void> {
  const db = deps.database.forDistrict(payload.districtId);
  const [row] = await db
    .select({ parsed: rosterImports.parsed, progressTotal: rosterImports.progressTotal })
    .from(rosterImports)
    .where(
      and(eq(rosterImports.id, payload.importId), eq(rosterImports.districtId, payload.districtId), eq(rosterImports.status, 'running')),
    );
  if (!row) return;
  const audit = { requestId: payload.importId, actor: { userId: payload.userId, districtId: payload.districtId } };
  const progress = { done: 0, total: row.progressTotal, writtenAt: 0 };
  const stillRunning = and(eq(rosterImports.id, payload.importId), eq(rosterImports.status, 'running'));
  const reportProgress = (done: number) => {
    progress.done = done;
    if (Date.now() - progress.writtenAt < PROGRESS_EVERY_MS) return;
    progress.writtenAt = Date.now();
    // Outside the import's transaction, so other processes see it (on the embedded database it
    // waits for the transaction, and then finds the import no longer running).
    void db
      .update(rosterImports)
      .set({ progressDone: done, progressTotal: progress.total })
      .where(stillRunning)
      .catch(() => undefined);
  };
  let counts: RosterImport['report']['counts'] | undefined;
  try {
    const protectedIds = await protectedPeople(db, payload.districtId);
    await db.transaction(async (tx) => {
      const plan = planImport(row.parsed as ParsedRoster, await loadDistrictState(tx, payload.districtId), protectedIds);
      progress.total = planSize(plan);
      counts = plan.report.counts;
      await applyPlan(tx, audit, plan, reportProgress);
      await tx
        .update(rosterImports)
        .set({
          status: 'applied',
          parsed: {},
          report: plan.report,
          progressDone: progress.done,
          progressTotal: progress.total,
          finishedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(stillRunning);
      await recordAudit(tx, audit, {
        action: 'roster_import.apply',
        entityType: 'roster_import',
        entityId: payload.importId,
        after: { counts: plan.report.counts },
      });
    });
  } catch (err) {
    const failure = failureOf(err);
    // Counts and ids only: the error of a failed batch insert carries the whole batch (names,
    // e-mails) as its parameters, which made one log line of 125 MB.
    deps.log.error(
      { importId: payload.importId, districtId: payload.districtId, counts, progress, failure, retryCount: run.retryCount },
      'roster import failed',
    );
    const permanent = refusedWrite('code' in failure ? failure.code : undefined);
    if (!permanent && run.retryCount < run.retryLimit) throw err;
    await db
      .update(rosterImports)
      .set({ status: 'failed', parsed: {}, error: 'write_failed', finishedAt: new Date(), updatedAt: new Date() })
      .where(stillRunning);
    throw new PermanentJobError(`The import was not applied (${'code' in failure ? `database error ${failure.code}` : failure.name})`);
  } finally {
    invalidateSessions();
    invalidateReads();
  }
  await refreshSearchStatistics(deps.database.db).catch((err: unknown) => deps.log.warn({ err }, 'could not refresh search statistics'));
}

/**
 * After a bulk write: merge the trigram index's pending list and refresh planner statistics, so
 * search uses the index at once (PGlite has no autovacuum to do it later). Needs the owner's executor.
 */
export async function refreshSearchStatistics(db: Db) {
  await db.execute(sql`select gin_clean_pending_list('people_search_trgm_idx'::regclass)`);
  await db.execute(sql`analyze people, role_assignments, org_units`);
}
