import { and, desc, eq, getTableColumns, inArray, isNotNull, sql } from 'drizzle-orm';
import type { RosterImport } from '../../../common/schemas/roster.ts';
import type { Db } from '../../db/client.ts';
import { rosterImports, users } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canImportRoster, rosterImportAbilities } from '../../policies/roster.ts';
import { invalidateReads } from '../../lib/read-cache.ts';
import { invalidateSessions } from '../../lib/session-cache.ts';
import { recordAudit } from '../audit.ts';
import { applyPlan, planSize } from './apply.ts';
import { parseRosterUpload, RosterFileError, type ParsedRoster, type RosterInputFile } from './parse/index.ts';
import { planImport } from './plan.ts';
import { loadDistrictState } from './state.ts';

/** Every column but the parsed roster, which is megabytes for a large district and read only by apply. */
const { parsed: _parsed, ...summary } = getTableColumns(rosterImports);
type ImportRow = Omit<typeof rosterImports.$inferSelect, 'parsed'>;

/** Progress of imports applying in this process; the row holds the final figures. */
const liveProgress = new Map<string, { done: number; total: number }>();

function present(ctx: Ctx, row: ImportRow): RosterImport {
  const report = row.report as RosterImport['report'];
  const hasErrors = report.issues.some((i) => i.severity === 'error');
  return {
    id: row.id,
    status: row.status as RosterImport['status'],
    format: row.format,
    mode: row.mode as RosterImport['mode'],
    fileNames: row.fileNames,
    report,
    progress: liveProgress.get(row.id) ?? { done: row.progressDone, total: row.progressTotal },
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    abilities: rosterImportAbilities(ctx.actor, { status: row.status, hasErrors }),
  };
}

async function protectedPeople(db: Db, districtId: string) {
  const rows = await db
    .select({ personId: users.personId })
    .from(users)
    .where(and(eq(users.districtId, districtId), isNotNull(users.adminGrant)));
  return new Set(rows.map((r) => r.personId));
}

/** Parses an upload and stores its dry run: nothing in the district changes yet. */
export async function createRosterImport(ctx: Ctx, files: RosterInputFile[]) {
  if (!canImportRoster(ctx.actor)) throw forbidden();
  let parsed: ParsedRoster;
  try {
    parsed = await parseRosterUpload(files);
  } catch (err) {
    if (err instanceof RosterFileError) {
      throw new AppError('validation_failed', err.message, { code: err.code, params: err.params ?? {} });
    }
    throw err;
  }
  const state = await loadDistrictState(ctx.db, ctx.actor.districtId);
  const plan = planImport(parsed, state, await protectedPeople(ctx.db, ctx.actor.districtId));
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(rosterImports)
      .values({
        districtId: ctx.actor.districtId,
        createdBy: ctx.actor.userId,
        status: 'validated',
        format: parsed.format,
        mode: parsed.mode,
        fileNames: files.map((f) => f.name),
        parsed,
        report: plan.report,
        progressTotal: planSize(plan),
      })
      .returning(summary);
    await recordAudit(tx, ctx, { action: 'roster_import.validate', entityType: 'roster_import', entityId: created!.id, after: { fileNames: created!.fileNames, counts: plan.report.counts } });
    return created!;
  });
  return present(ctx, row);
}

async function loadImport(ctx: Ctx, id: string) {
  if (!canImportRoster(ctx.actor)) throw forbidden();
  const [row] = await ctx.db
    .select(summary)
    .from(rosterImports)
    .where(and(eq(rosterImports.id, id), eq(rosterImports.districtId, ctx.actor.districtId)));
  if (!row) throw notFound('Import');
  return row;
}

export async function getRosterImport(ctx: Ctx, id: string) {
  return present(ctx, await loadImport(ctx, id));
}

export async function listRosterImports(ctx: Ctx) {
  if (!canImportRoster(ctx.actor)) throw forbidden();
  const rows = await ctx.db
    .select(summary)
    .from(rosterImports)
    .where(eq(rosterImports.districtId, ctx.actor.districtId))
    .orderBy(desc(rosterImports.createdAt))
    .limit(50);
  return { items: rows.map((r) => { const { report: _r, ...rest } = present(ctx, r); return rest; }) };
}

export async function discardRosterImport(ctx: Ctx, id: string) {
  const row = await loadImport(ctx, id);
  if (row.status !== 'validated') throw invalidState('Only an import that has not been applied can be discarded');
  const [updated] = await ctx.db.transaction(async (tx) => {
    const result = await tx.update(rosterImports).set({ status: 'discarded', parsed: {}, updatedAt: new Date() }).where(eq(rosterImports.id, id)).returning(summary);
    await recordAudit(tx, ctx, { action: 'roster_import.discard', entityType: 'roster_import', entityId: id });
    return result;
  });
  return present(ctx, updated!);
}

/**
 * Starts applying a validated import in the background and answers at once; 409 `conflict` when
 * another import of the district is running, `invalid_state` when this one has errors.
 * Returns the promise of the job so tests and the CLI can wait for it. `ownerDb` (the owner's
 * executor) only refreshes the search index and statistics afterwards: maintenance is the tables'
 * owner's to do, and the import itself runs on `ctx.db`, bound to the district.
 */
export async function startRosterImport(ctx: Ctx, id: string, ownerDb: Db) {
  const row = await loadImport(ctx, id);
  const hasErrors = (row.report as RosterImport['report']).issues.some((i) => i.severity === 'error');
  if (row.status !== 'validated') throw invalidState('This import is not waiting to be applied');
  if (hasErrors) throw invalidState('Fix the errors in the files and upload them again; an import with errors is not applied');
  let started: ImportRow | undefined;
  try {
    [started] = await ctx.db
      .update(rosterImports)
      .set({ status: 'running', startedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(rosterImports.id, id), eq(rosterImports.status, 'validated')))
      .returning(summary);
  } catch (err) {
    if (isUniqueViolation(err)) {
      const [running] = await ctx.db.select(summary).from(rosterImports).where(and(eq(rosterImports.districtId, ctx.actor.districtId), eq(rosterImports.status, 'running')));
      throw conflict(running ? present(ctx, running) : null);
    }
    throw err;
  }
  if (!started) throw invalidState('This import is not waiting to be applied');
  const job = runImport(ctx, started, ownerDb);
  return { import: present(ctx, started), job };
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

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

async function runImport(ctx: Ctx, row: ImportRow, ownerDb: Db) {
  const progress = { done: 0, total: row.progressTotal };
  liveProgress.set(row.id, progress);
  const audit = { requestId: row.id, actor: { userId: ctx.actor.userId, districtId: ctx.actor.districtId } };
  let counts: RosterImport['report']['counts'] | undefined;
  try {
    const protectedIds = await protectedPeople(ctx.db, ctx.actor.districtId);
    const [stored] = await ctx.db.select({ parsed: rosterImports.parsed }).from(rosterImports).where(eq(rosterImports.id, row.id));
    await ctx.db.transaction(async (tx) => {
      // Re-plan inside the transaction: the district may have changed since the dry run.
      const plan = planImport(stored!.parsed as ParsedRoster, await loadDistrictState(tx, ctx.actor.districtId), protectedIds);
      progress.total = planSize(plan);
      counts = plan.report.counts;
      await applyPlan(tx, audit, plan, (done) => (progress.done = done));
      await tx
        .update(rosterImports)
        .set({ status: 'applied', parsed: {}, report: plan.report, progressDone: progress.done, progressTotal: progress.total, finishedAt: new Date(), updatedAt: new Date() })
        .where(eq(rosterImports.id, row.id));
      await recordAudit(tx, audit, { action: 'roster_import.apply', entityType: 'roster_import', entityId: row.id, after: { counts: plan.report.counts } });
    });
  } catch (err) {
    // Counts and ids only: the error of a failed batch insert carries the whole batch (names,
    // e-mails) as its parameters, which made one log line of 125 MB.
    ctx.log.error({ importId: row.id, districtId: ctx.actor.districtId, counts, progress, failure: failureOf(err) }, 'roster import failed');
    await ctx.db
      .update(rosterImports)
      .set({ status: 'failed', parsed: {}, error: 'write_failed', finishedAt: new Date(), updatedAt: new Date() })
      .where(eq(rosterImports.id, row.id));
  } finally {
    liveProgress.delete(row.id);
    invalidateSessions();
    invalidateReads();
  }
  await refreshSearchStatistics(ownerDb).catch((err) => ctx.log.warn({ err }, 'could not refresh search statistics'));
}

/**
 * After a bulk write: merge the trigram index's pending list and refresh planner statistics, so
 * search uses the index at once (PGlite has no autovacuum to do it later). Needs the owner's executor.
 */
export async function refreshSearchStatistics(db: Db) {
  await db.execute(sql`select gin_clean_pending_list('people_search_trgm_idx'::regclass)`);
  await db.execute(sql`analyze people, role_assignments, org_units`);
}

/** After a restart, imports that were running were rolled back by the database: say so. */
export async function failInterruptedRosterImports(db: Db) {
  await db
    .update(rosterImports)
    .set({ status: 'failed', parsed: {}, error: 'interrupted', finishedAt: new Date() })
    .where(inArray(rosterImports.status, ['running']));
}
