import { and, eq, inArray, sql } from 'drizzle-orm';
import { SchoolYear, schoolYearOf } from '../../../common/schemas/settings.ts';
import type { CsvImportResult, CsvRowError } from '../../../common/schemas/teams.ts';
import { evaluatorAssignments } from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canAssignEvaluators } from '../../policies/placements.ts';
import { recordAudit } from '../audit.ts';
import { districtToday } from '../coaching/refs.ts';
import { readCsv, templateCsv } from '../teams/csv.ts';
import { findPeopleByKeys, loadPeopleWithUnits } from '../teams/people.ts';

export const EVALUATOR_CSV_COLUMNS = ['person', 'evaluator', 'school_year'];

/** The downloadable template: one example row. */
export const evaluatorCsvTemplate = () => templateCsv(EVALUATOR_CSV_COLUMNS, ['teacher@example.org', 'principal@example.org', '2026-27']);

interface PlannedRow {
  line: number;
  personId: string;
  evaluatorId: string;
  schoolYear: string;
}

/**
 * Sets primary evaluators from a CSV (HR and district admins): person, evaluator (e-mail, staff
 * number or roster id) and an optional school year (empty: the current one). Every row is checked
 * first: unknown people (a person of another district is unknown here), someone evaluating
 * themselves, a bad school year, the same row twice, the same person and year with two evaluators.
 * A dry run, or any error, writes nothing; applying the same file again changes nothing.
 */
export async function importEvaluatorsCsv(ctx: Ctx, input: { csv: string; dryRun: boolean }): Promise<CsvImportResult> {
  if (!canAssignEvaluators(ctx.actor)) throw forbidden('Only HR and district admins assign evaluators');
  const districtId = ctx.actor.districtId;
  const records = readCsv(input.csv, ['person', 'evaluator']);
  const thisYear = schoolYearOf((await districtToday(ctx.db, districtId)).today);
  const keys = await findPeopleByKeys(
    ctx.db,
    districtId,
    records.flatMap((r) => [r.get('person'), r.get('evaluator')]),
  );
  const active = await loadPeopleWithUnits(ctx.db, districtId, [...keys.values()]);

  const errors: CsvRowError[] = [];
  const planned: PlannedRow[] = [];
  for (const record of records) {
    const line = record.line;
    const before = errors.length;
    const ids: Record<'person' | 'evaluator', string | undefined> = { person: undefined, evaluator: undefined };
    for (const field of ['person', 'evaluator'] as const) {
      const key = record.get(field);
      const id = keys.get(key.toLowerCase());
      if (!id || !active.has(id)) errors.push({ line, code: 'unknown_person', field, value: key });
      ids[field] = id;
    }
    const yearCell = record.get('school_year');
    if (yearCell && !SchoolYear.safeParse(yearCell).success)
      errors.push({ line, code: 'bad_school_year', field: 'school_year', value: yearCell });
    if (errors.length > before) continue;
    const row = { line, personId: ids.person!, evaluatorId: ids.evaluator!, schoolYear: yearCell || thisYear };
    if (row.personId === row.evaluatorId) {
      errors.push({ line, code: 'self_evaluation', field: 'evaluator', value: record.get('evaluator') });
      continue;
    }
    const same = planned.find((p) => p.personId === row.personId && p.schoolYear === row.schoolYear);
    if (same) {
      const code = same.evaluatorId === row.evaluatorId ? 'duplicate_row' : 'conflicting_evaluator';
      errors.push({ line, code, field: 'person', value: record.get('person') });
      continue;
    }
    planned.push(row);
  }

  // Against what is held: the same evaluator for the same year is unchanged.
  const years = [...new Set(planned.map((p) => p.schoolYear))];
  const held = planned.length
    ? await ctx.db
        .select()
        .from(evaluatorAssignments)
        .where(
          and(
            eq(evaluatorAssignments.districtId, districtId),
            inArray(evaluatorAssignments.schoolYear, years),
            inArray(evaluatorAssignments.personId, [...new Set(planned.map((p) => p.personId))]),
          ),
        )
    : [];
  const heldBy = new Map(held.map((h) => [`${h.personId}|${h.schoolYear}`, h]));
  const toWrite = planned.filter((p) => heldBy.get(`${p.personId}|${p.schoolYear}`)?.evaluatorPersonId !== p.evaluatorId);
  const result = (applied: boolean): CsvImportResult => ({
    dryRun: input.dryRun,
    applied,
    rows: records.length,
    counts: { create: toWrite.length, unchanged: planned.length - toWrite.length, error: new Set(errors.map((e) => e.line)).size },
    errors: errors.slice(0, 1000),
  });
  if (input.dryRun || errors.length > 0 || toWrite.length === 0) return result(!input.dryRun && errors.length === 0);

  await ctx.db.transaction(async (tx) => {
    const written = await tx
      .insert(evaluatorAssignments)
      .values(toWrite.map((p) => ({ districtId, personId: p.personId, schoolYear: p.schoolYear, evaluatorPersonId: p.evaluatorId })))
      .onConflictDoUpdate({
        target: [evaluatorAssignments.districtId, evaluatorAssignments.personId, evaluatorAssignments.schoolYear],
        set: {
          evaluatorPersonId: sql`excluded.evaluator_person_id`,
          version: sql`${evaluatorAssignments.version} + 1`,
          updatedAt: new Date(),
        },
      })
      .returning();
    await recordAudit(
      tx,
      ctx,
      written.map((after) => ({
        action: 'evaluator.import_set',
        entityType: 'person',
        entityId: after.personId,
        before: heldBy.get(`${after.personId}|${after.schoolYear}`) ?? null,
        after,
      })),
    );
  });
  return result(true);
}
