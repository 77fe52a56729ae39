import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { RosterImport } from '../../../common/schemas/roster.ts';
import { rosterImports } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError, conflict, forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { canImportRoster, rosterImportAbilities } from '../../policies/roster.ts';
import { recordAudit } from '../audit.ts';
import { planSize } from './apply.ts';
import { protectedPeople } from './apply-import.ts';
import { parseRosterUpload, RosterFileError, type ParsedRoster, type RosterInputFile } from './parse/index.ts';
import { planImport } from './plan.ts';
import { loadDistrictState } from './state.ts';

/** Every column but the parsed roster, which is megabytes for a large district and read only by apply. */
const { parsed: _parsed, ...summary } = getTableColumns(rosterImports);
type ImportRow = Omit<typeof rosterImports.$inferSelect, 'parsed'>;

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
    progress: { done: row.progressDone, total: row.progressTotal },
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    abilities: rosterImportAbilities(ctx.actor, { status: row.status, hasErrors }),
  };
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
    await recordAudit(tx, ctx, {
      action: 'roster_import.validate',
      entityType: 'roster_import',
      entityId: created!.id,
      after: { fileNames: created!.fileNames, counts: plan.report.counts },
    });
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
  return {
    items: rows.map((r) => {
      const { report: _r, ...rest } = present(ctx, r);
      return rest;
    }),
  };
}

export async function discardRosterImport(ctx: Ctx, id: string) {
  const row = await loadImport(ctx, id);
  if (row.status !== 'validated') throw invalidState('Only an import that has not been applied can be discarded');
  const [updated] = await ctx.db.transaction(async (tx) => {
    const result = await tx
      .update(rosterImports)
      .set({ status: 'discarded', parsed: {}, updatedAt: new Date() })
      .where(eq(rosterImports.id, id))
      .returning(summary);
    await recordAudit(tx, ctx, { action: 'roster_import.discard', entityType: 'roster_import', entityId: id });
    return result;
  });
  return present(ctx, updated!);
}

/**
 * Queues a validated import to be applied by the `roster-import` job (services/roster/apply-import.ts)
 * and answers at once; 409 `conflict` when another import of the district is running,
 * `invalid_state` when this one has errors. Its progress is read from its row.
 */
export async function startRosterImport(ctx: Ctx, id: string) {
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
      const [running] = await ctx.db
        .select(summary)
        .from(rosterImports)
        .where(and(eq(rosterImports.districtId, ctx.actor.districtId), eq(rosterImports.status, 'running')));
      throw conflict(running ? present(ctx, running) : null);
    }
    throw err;
  }
  if (!started) throw invalidState('This import is not waiting to be applied');
  try {
    await ctx.jobs.send('roster-import', { districtId: ctx.actor.districtId, importId: id, userId: ctx.actor.userId });
  } catch (err) {
    // Not queued: the import must not stay 'running' with nothing to run it.
    await ctx.db.update(rosterImports).set({ status: 'validated', startedAt: null, updatedAt: new Date() }).where(eq(rosterImports.id, id));
    throw err;
  }
  return { import: present(ctx, started) };
}

function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
