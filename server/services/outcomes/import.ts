import { and, eq, inArray } from 'drizzle-orm';
import type { OutcomeImportInput, OutcomeImportResult } from '../../../common/schemas/outcomes.ts';
import { outcomePeriods, outcomeValues } from '../../db/schema/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { recordAudit } from '../audit.ts';
import { dashboardScope } from '../dashboards/scope.ts';
import { refreshDistrictOutcomes } from '../dashboards/summary.ts';
import { templateCsv } from '../teams/csv.ts';
import { OUTCOME_CSV_COLUMNS } from '../../../common/outcomes.ts';
import { loadOutcomeSettings, requireManageOutcomes } from './access.ts';
import { heldValues, readOutcomeCsv, type OutcomeRow } from './import-rows.ts';

const PREVIEW_ROWS = 200;
const cellOf = (measureId: string, periodId: string, r: { orgUnitId: string; personId: string | null }) =>
  `${measureId}|${periodId}|${r.orgUnitId}|${r.personId ?? ''}`;

/** GET /api/outcomes/import/template */
export function outcomeCsvTemplate(ctx: Ctx): string {
  requireManageOutcomes(ctx);
  return templateCsv([...OUTCOME_CSV_COLUMNS], ['reading_benchmark', '2025-26 Fall', '2025-08-15', '2025-12-19', 'ALD', '', '62.5', '48']);
}

/**
 * POST /api/outcomes/import: a dry run (the default) reports every row's error, what would be
 * created, updated, left unchanged or replaced, and the rows under the minimum count ("will never
 * be shown": accepted, but their value and count are not echoed). Applying a file with errors
 * answers 400 and writes nothing. Applying replaces the values of each (measure, period) the file
 * names, so the same file applied twice changes nothing the second time. Audited per measure and
 * period (counts of rows only: no figure goes to the audit log).
 */
export async function importOutcomes(ctx: Ctx, input: OutcomeImportInput): Promise<OutcomeImportResult> {
  requireManageOutcomes(ctx);
  const districtId = ctx.actor.districtId;
  const settings = await loadOutcomeSettings(ctx.db, districtId);
  const read = await readOutcomeCsv(ctx.db, districtId, input.csv, settings);
  const pairs = [...new Map(read.rows.filter((r) => r.periodId).map((r) => [`${r.measureId}|${r.periodId}`, r])).values()].map((r) => ({
    measureId: r.measureId,
    periodId: r.periodId!,
  }));
  const held = await heldValues(ctx.db, districtId, pairs);
  const inFile = new Set<string>();
  const changes = read.rows.map((r) => {
    if (!r.periodId) return 'create' as const;
    const key = cellOf(r.measureId, r.periodId, r);
    inFile.add(key);
    const h = held.get(key);
    if (!h) return 'create' as const;
    return h.value === r.value && h.count === r.count ? ('unchanged' as const) : ('update' as const);
  });
  const removed = [...held.entries()].filter(([key]) => !inFile.has(key)).map(([, v]) => v.id);
  const count = (c: string) => changes.filter((x) => x === c).length;
  const errorLines = new Set(read.errors.map((e) => e.line));
  const result = (applied: boolean): OutcomeImportResult => ({
    dryRun: input.dryRun,
    applied,
    rows: read.records,
    minCount: settings.minCount,
    counts: {
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      remove: removed.length,
      neverShown: read.rows.filter((r) => r.neverShown).length,
      error: errorLines.size,
    },
    errors: read.errors.slice(0, 1000),
    preview: read.rows.slice(0, PREVIEW_ROWS).map((r, i) => ({
      line: r.line,
      measure: r.measureKey,
      period: r.periodLabel,
      school: r.schoolText,
      perTeacher: r.personId !== null,
      value: r.neverShown ? null : r.value,
      count: r.neverShown ? null : r.count,
      neverShown: r.neverShown,
      change: changes[i]!,
    })),
  });
  if (input.dryRun) return result(false);
  if (read.errors.length > 0) {
    throw new AppError('validation_failed', `${errorLines.size} rows have errors; nothing was written`, [
      { path: 'csv', message: 'row_errors', code: 'row_errors', errors: read.errors.slice(0, 1000) },
    ]);
  }
  const changed = read.rows.filter((_, i) => changes[i] !== 'unchanged');
  if (changed.length === 0 && removed.length === 0) return result(true);
  await ctx.db.transaction((tx) => applyRows(ctx, tx, read.newPeriods, changed, removed, held));
  return result(true);
}

async function applyRows(
  ctx: Ctx,
  tx: Executor,
  newPeriods: { label: string; startsOn: string; endsOn: string }[],
  changed: OutcomeRow[],
  removed: string[],
  held: Map<string, { id: string }>,
) {
  const districtId = ctx.actor.districtId;
  const created = newPeriods.length
    ? await tx
        .insert(outcomePeriods)
        .values(newPeriods.map((p) => ({ districtId, ...p })))
        .returning({ id: outcomePeriods.id, label: outcomePeriods.label })
    : [];
  const periodOf = new Map(created.map((p) => [p.label.toLowerCase(), p.id]));
  const rows = changed.map((r) => ({ ...r, periodId: r.periodId ?? periodOf.get(r.periodLabel.toLowerCase())! }));
  // An updated cell is replaced: its old row goes with the removed ones.
  const replaced = rows.map((r) => held.get(cellOf(r.measureId, r.periodId, r))?.id).filter((id): id is string => Boolean(id));
  const gone = [...removed, ...replaced];
  for (let i = 0; i < gone.length; i += 1000)
    await tx.delete(outcomeValues).where(and(eq(outcomeValues.districtId, districtId), inArray(outcomeValues.id, gone.slice(i, i + 1000))));
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(outcomeValues).values(
      rows.slice(i, i + 500).map((r) => ({
        districtId,
        measureId: r.measureId,
        periodId: r.periodId,
        orgUnitId: r.orgUnitId,
        personId: r.personId,
        value: r.value,
        count: r.count,
      })),
    );
  }
  const byPair = new Map<string, { measureId: string; periodId: string; written: number }>();
  for (const r of rows) {
    const key = `${r.measureId}|${r.periodId}`;
    const e = byPair.get(key) ?? { measureId: r.measureId, periodId: r.periodId, written: 0 };
    e.written += 1;
    byPair.set(key, e);
  }
  await recordAudit(
    tx,
    ctx,
    [...byPair.values()].map((p) => ({
      action: 'outcome_values.import',
      entityType: 'outcome_period',
      entityId: p.periodId,
      after: { measureId: p.measureId, written: p.written },
    })),
  );
  if (removed.length > 0)
    await recordAudit(tx, ctx, {
      action: 'outcome_values.replace',
      entityType: 'outcome_period',
      entityId: null,
      after: { removed: removed.length },
    });
  // The dashboards' stored outcomes follow the import at once.
  await refreshDistrictOutcomes(tx, await dashboardScope(tx, districtId));
}
