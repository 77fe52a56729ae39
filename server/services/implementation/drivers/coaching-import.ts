import type { CsvImportResult, CsvRowError } from '../../../../common/schemas/teams.ts';
import type { Ctx } from '../../../lib/context.ts';
import { dayCell, readCsv, templateCsv } from '../../teams/csv.ts';
import { findPeopleByKeys } from '../../teams/people.ts';
import { loadInitiative } from '../initiative.ts';
import { coachingAccess } from './access.ts';
import { assignmentKey, heldKeys, insertAssignments, type PlannedAssignment } from './coaching.ts';
import { peopleCoverage, profileItemsByCode } from './coverage.ts';

export const COACHING_CSV_COLUMNS = ['coach', 'person', 'component', 'starts_on', 'ends_on'];
/** The coaching CSV template of an initiative the caller may read (404 otherwise, like every initiative route). */
export async function coachingCsvTemplate(ctx: Ctx, initiativeId: string): Promise<string> {
  await loadInitiative(ctx, initiativeId);
  return templateCsv(COACHING_CSV_COLUMNS, ['coach@example.org', 'teacher@example.org', '1a', '2026-09-01', '2026-10-15']);
}

/**
 * POST /api/initiatives/:id/coaching/import: assignments from a CSV (coach and person by e-mail,
 * staff number or roster id; the component by its code in the practice profile, empty for none).
 * Each row is checked as the form checks it: unknown people, a person not on the staff of a covered
 * school, a coach coaching themselves, an unknown component, bad dates, a row repeated. A dry run,
 * or any error, writes nothing; applying the same file again changes nothing.
 */
export async function importInitiativeCoachingCsv(
  ctx: Ctx,
  initiativeId: string,
  input: { csv: string; dryRun: boolean },
): Promise<CsvImportResult> {
  const { initiative, today } = await coachingAccess(ctx, initiativeId);
  const records = readCsv(input.csv, ['coach', 'person']);
  const keys = await findPeopleByKeys(
    ctx.db,
    ctx.actor.districtId,
    records.flatMap((r) => [r.get('coach'), r.get('person')]),
  );
  const found = await peopleCoverage(ctx, initiative, [...keys.values()]);
  const components = await profileItemsByCode(ctx, initiative);
  const errors: CsvRowError[] = [];
  const planned: (PlannedAssignment & { line: number })[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const line = record.line;
    const before = errors.length;
    const coachPersonId = keys.get(record.get('coach').toLowerCase());
    const personId = keys.get(record.get('person').toLowerCase());
    if (!coachPersonId || !found.has(coachPersonId))
      errors.push({ line, code: 'unknown_person', field: 'coach', value: record.get('coach') });
    if (!personId || !found.has(personId)) errors.push({ line, code: 'unknown_person', field: 'person', value: record.get('person') });
    else if (!found.get(personId)!.covered) errors.push({ line, code: 'not_covered', field: 'person', value: record.get('person') });
    const code = record.get('component');
    const itemId = code ? components.get(code.toLowerCase()) : null;
    if (itemId === undefined) errors.push({ line, code: 'unknown_component', field: 'component', value: code });
    const startsOn = dayCell(record.get('starts_on'), 'starts_on', line, errors) ?? today;
    const endsOn = dayCell(record.get('ends_on'), 'ends_on', line, errors);
    if (endsOn && endsOn < startsOn) errors.push({ line, code: 'end_before_start', field: 'ends_on', value: endsOn });
    if (errors.length > before || !coachPersonId || !personId || itemId === undefined || endsOn === undefined) continue;
    if (coachPersonId === personId) {
      errors.push({ line, code: 'self_coaching', field: 'person', value: record.get('person') });
      continue;
    }
    const row = { line, coachPersonId, personId, itemId, coachingPlanId: null, startsOn, endsOn };
    if (seen.has(assignmentKey(row))) {
      errors.push({ line, code: 'duplicate_row', field: 'person', value: record.get('person') });
      continue;
    }
    seen.add(assignmentKey(row));
    planned.push(row);
  }
  errors.sort((a, b) => a.line - b.line);
  const held = await heldKeys(
    ctx,
    initiative,
    planned.map((p) => p.coachPersonId),
  );
  const toWrite = planned.filter((p) => !held.has(assignmentKey(p)));
  const result = (applied: boolean): CsvImportResult => ({
    dryRun: input.dryRun,
    applied,
    rows: records.length,
    counts: { create: toWrite.length, unchanged: planned.length - toWrite.length, error: new Set(errors.map((e) => e.line)).size },
    errors: errors.slice(0, 1000),
  });
  if (input.dryRun || errors.length > 0) return result(false);
  await ctx.db.transaction((tx) =>
    insertAssignments(
      ctx,
      tx,
      initiative,
      toWrite.map(({ line: _line, ...p }) => p),
    ),
  );
  return result(true);
}
