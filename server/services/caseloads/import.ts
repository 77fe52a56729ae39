import type { CsvImportResult, CsvRowError } from '../../../common/schemas/teams.ts';
import type { Ctx } from '../../lib/context.ts';
import { forbidden } from '../../lib/errors.ts';
import { canAssignCoaching, canManageAnyTeams } from '../../policies/teams.ts';
import { districtToday } from '../coaching/refs.ts';
import { dayCell, readCsv, templateCsv } from '../teams/csv.ts';
import { covers, overlaps, type Period } from '../teams/periods.ts';
import { findPeopleByKeys, loadPeopleWithUnits } from '../teams/people.ts';
import { insertAssignments, pairsOf } from './write.ts';

export const CASELOAD_CSV_COLUMNS = ['coach', 'coachee', 'starts_on', 'ends_on'];

/** The downloadable template: one example row. */
export const caseloadCsvTemplate = () => templateCsv(CASELOAD_CSV_COLUMNS, ['coach@example.org', 'teacher@example.org', '2026-08-15', '']);

/** Groups values by a key, in first-seen order (Map.groupBy needs Node 21). */
function groupBy<T>(values: T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const list = groups.get(key(value));
    if (list) list.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

interface PlannedRow extends Period {
  line: number;
  coachId: string;
  personId: string;
}

/**
 * Assigns coachees to coaches from a CSV (people by e-mail, staff number or roster id). Every row is
 * checked first: unknown people (of another district too: they do not exist here), people the
 * caller may not assign, a coach coaching themselves, duplicate rows, the same pair over overlapping
 * dates in the file or with an assignment already held. A dry run, or any error, writes nothing;
 * applying the same file again changes nothing. One coachee with two coaches is fine.
 */
export async function importCaseloadsCsv(ctx: Ctx, input: { csv: string; dryRun: boolean }): Promise<CsvImportResult> {
  if (!canManageAnyTeams(ctx.actor)) throw forbidden('Only HR, admins and school leaders assign caseloads');
  const districtId = ctx.actor.districtId;
  const records = readCsv(input.csv, ['coach', 'coachee']);
  const { today } = await districtToday(ctx.db, districtId);
  const keys = await findPeopleByKeys(
    ctx.db,
    districtId,
    records.flatMap((r) => [r.get('coach'), r.get('coachee')]),
  );
  const people = await loadPeopleWithUnits(ctx.db, districtId, [...keys.values()]);

  const errors: CsvRowError[] = [];
  const planned: PlannedRow[] = [];
  for (const record of records) {
    const line = record.line;
    const before = errors.length;
    const ids: Record<'coach' | 'coachee', string | undefined> = { coach: undefined, coachee: undefined };
    for (const field of ['coach', 'coachee'] as const) {
      const key = record.get(field);
      const id = keys.get(key.toLowerCase());
      if (!id || !people.has(id)) errors.push({ line, code: 'unknown_person', field, value: key });
      ids[field] = id;
    }
    const startsOn = dayCell(record.get('starts_on'), 'starts_on', line, errors) ?? today;
    const endsOn = dayCell(record.get('ends_on'), 'ends_on', line, errors);
    if (endsOn && endsOn <= startsOn) errors.push({ line, code: 'end_before_start', field: 'ends_on', value: endsOn });
    if (errors.length > before || endsOn === undefined) continue;
    const coachId = ids.coach!;
    const personId = ids.coachee!;
    if (coachId === personId) {
      errors.push({ line, code: 'self_coaching', field: 'coachee', value: record.get('coachee') });
      continue;
    }
    if (!canAssignCoaching(ctx.actor, people.get(coachId)!.units, people.get(personId)!.units)) {
      errors.push({ line, code: 'outside_scope', field: 'coachee', value: record.get('coachee') });
      continue;
    }
    const row = { line, coachId, personId, startsOn, endsOn };
    const same = planned.find((p) => p.coachId === coachId && p.personId === personId && overlaps(p, row));
    if (same) {
      const duplicate = same.startsOn === row.startsOn && same.endsOn === row.endsOn;
      errors.push({ line, code: duplicate ? 'duplicate_row' : 'overlapping_dates', field: 'coachee', value: record.get('coachee') });
      continue;
    }
    planned.push(row);
  }

  // Against what is held: the same pair over overlapping dates is an error unless nothing would change.
  let unchanged = 0;
  const toWrite: PlannedRow[] = [];
  const byCoach = groupBy(planned, (p) => p.coachId);
  for (const [coachId, rows] of byCoach) {
    const held = await pairsOf(
      ctx.db,
      districtId,
      coachId,
      rows.map((r) => r.personId),
    );
    for (const row of rows) {
      const clash = held.find((h) => h.personId === row.personId && overlaps(h, row));
      if (!clash) toWrite.push(row);
      else if (covers(clash, row)) unchanged++;
      else errors.push({ line: row.line, code: 'overlaps_existing', field: 'starts_on', value: row.startsOn });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  const result = (applied: boolean): CsvImportResult => ({
    dryRun: input.dryRun,
    applied,
    rows: records.length,
    counts: { create: toWrite.length, unchanged, error: new Set(errors.map((e) => e.line)).size },
    errors: errors.slice(0, 1000),
  });
  if (input.dryRun || errors.length > 0) return result(false);
  await ctx.db.transaction(async (tx) => {
    for (const [coachId, rows] of groupBy(toWrite, (p) => p.coachId)) {
      const byPeriod = groupBy(rows, (r) => `${r.startsOn}|${r.endsOn ?? ''}`);
      for (const group of byPeriod.values()) {
        await insertAssignments(
          ctx,
          tx,
          coachId,
          group.map((r) => r.personId),
          { startsOn: group[0]!.startsOn, endsOn: group[0]!.endsOn },
          'refuse',
        );
      }
    }
  });
  return result(true);
}
