import { and, eq, sql } from 'drizzle-orm';
import { isShown, OUTCOME_CSV_REQUIRED, type OutcomeImportError } from '../../../common/outcomes.ts';
import type { OutcomeSettings } from '../../../common/schemas/outcomes.ts';
import type { CsvRowError } from '../../../common/schemas/teams.ts';
import type { Executor } from '../../db/client.ts';
import { orgUnits, outcomeMeasures, outcomePeriods } from '../../db/schema/index.ts';
import { readCsv } from '../teams/csv.ts';
import { findPeopleByKeys } from '../teams/people.ts';

/**
 * Reading an outcome CSV into checked rows, before anything is written: each row names a measure
 * (its key), a period (its label; new periods need their dates), a school (identifier or name),
 * optionally a teacher (e-mail, staff number or roster id; only where the district keeps
 * per-teacher values), a numeric value and a whole, non-negative count of students.
 */

export interface OutcomeRow {
  line: number;
  measureId: string;
  measureKey: string;
  periodLabel: string;
  /** The period's id when it already exists. */
  periodId: string | null;
  orgUnitId: string;
  schoolText: string;
  personId: string | null;
  value: number;
  count: number;
  neverShown: boolean;
}

export interface NewPeriod {
  label: string;
  startsOn: string;
  endsOn: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => ISO_DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const lower = (s: string) => s.trim().toLowerCase();

async function lookups(db: Executor, districtId: string) {
  const measures = await db
    .select({ id: outcomeMeasures.id, key: outcomeMeasures.key })
    .from(outcomeMeasures)
    .where(eq(outcomeMeasures.districtId, districtId));
  const schools = await db
    .select({ id: orgUnits.id, name: orgUnits.name, identifier: orgUnits.identifier })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.type, 'school'), eq(orgUnits.active, true)));
  const periods = await db
    .select({ id: outcomePeriods.id, label: outcomePeriods.label, startsOn: outcomePeriods.startsOn, endsOn: outcomePeriods.endsOn })
    .from(outcomePeriods)
    .where(eq(outcomePeriods.districtId, districtId));
  const schoolBy = new Map<string, string | null>();
  // An identifier wins; a name shared by two schools matches neither.
  for (const s of schools) {
    const name = lower(s.name);
    schoolBy.set(`n:${name}`, schoolBy.has(`n:${name}`) ? null : s.id);
    if (s.identifier) schoolBy.set(`i:${lower(s.identifier)}`, s.id);
  }
  return {
    measureBy: new Map(measures.map((m) => [lower(m.key), m])),
    schoolOf: (text: string) => schoolBy.get(`i:${lower(text)}`) ?? schoolBy.get(`n:${lower(text)}`) ?? null,
    periodBy: new Map(periods.map((p) => [lower(p.label), p])),
  };
}

/** Parses and checks every row; rows in error are left out of `rows` and listed in `errors`. */
export async function readOutcomeCsv(db: Executor, districtId: string, csv: string, settings: OutcomeSettings) {
  const records = readCsv(csv, [...OUTCOME_CSV_REQUIRED]);
  const { measureBy, schoolOf, periodBy } = await lookups(db, districtId);
  const teachers = settings.perTeacherAllowed
    ? await findPeopleByKeys(
        db,
        districtId,
        records.map((r) => r.get('teacher')),
      )
    : new Map<string, string>();
  const errors: CsvRowError[] = [];
  const rows: OutcomeRow[] = [];
  const newPeriods = new Map<string, NewPeriod>();
  const seen = new Set<string>();

  for (const r of records) {
    const before = errors.length;
    const fail = (code: OutcomeImportError, field: string, value: string) => errors.push({ line: r.line, code, field, value });
    const measure = measureBy.get(lower(r.get('measure')));
    if (!measure) fail('unknown_measure', 'measure', r.get('measure'));
    const schoolText = r.get('school');
    const orgUnitId = schoolOf(schoolText);
    if (!orgUnitId) fail('unknown_school', 'school', schoolText);
    const teacherText = r.get('teacher');
    let personId: string | null = null;
    if (teacherText && !settings.perTeacherAllowed) fail('per_teacher_not_allowed', 'teacher', teacherText);
    else if (teacherText) {
      personId = teachers.get(lower(teacherText)) ?? null;
      if (!personId) fail('unknown_teacher', 'teacher', teacherText);
    }
    const valueText = r.get('value');
    const value = NUMBER.test(valueText) ? Number(valueText) : Number.NaN;
    if (!Number.isFinite(value)) fail('bad_value', 'value', valueText);
    const countText = r.get('count');
    const count = /^[-+]?\d+$/.test(countText) ? Number(countText) : Number.NaN;
    if (Number.isNaN(count)) fail('bad_count', 'count', countText);
    else if (count < 0) fail('negative_count', 'count', countText);

    const label = r.get('period');
    const starts = r.get('period_start');
    const ends = r.get('period_end');
    const existing = periodBy.get(lower(label));
    const planned = newPeriods.get(lower(label));
    let periodOk = true;
    if (!label) {
      fail('missing_period', 'period', label);
      periodOk = false;
    } else if ((starts && !isDay(starts)) || (ends && !isDay(ends))) {
      fail('bad_date', starts && !isDay(starts) ? 'period_start' : 'period_end', starts && !isDay(starts) ? starts : ends);
      periodOk = false;
    } else if (existing || planned) {
      const p = existing ?? planned!;
      if ((starts && starts !== p.startsOn) || (ends && ends !== p.endsOn)) {
        fail('period_dates_differ', 'period', label);
        periodOk = false;
      }
    } else if (!starts || !ends) {
      fail('missing_period_dates', !starts ? 'period_start' : 'period_end', label);
      periodOk = false;
    } else if (ends < starts) {
      fail('period_ends_before_start', 'period_end', ends);
      periodOk = false;
    } else newPeriods.set(lower(label), { label, startsOn: starts, endsOn: ends });

    if (measure && orgUnitId && periodOk) {
      const cell = `${measure.id}|${lower(label)}|${orgUnitId}|${personId ?? ''}`;
      if (seen.has(cell)) fail('duplicate_row', 'school', schoolText);
      seen.add(cell);
    }
    if (errors.length > before) continue;
    rows.push({
      line: r.line,
      measureId: measure!.id,
      measureKey: measure!.key,
      periodLabel: existing?.label ?? newPeriods.get(lower(label))!.label,
      periodId: existing?.id ?? null,
      orgUnitId: orgUnitId!,
      schoolText,
      personId,
      value,
      count,
      neverShown: !isShown(count, settings.minCount),
    });
  }
  return { records: records.length, rows, errors, newPeriods: [...newPeriods.values()] };
}

/** Values already held for the (measure, period) pairs a file touches, keyed by cell. */
export async function heldValues(db: Executor, districtId: string, pairs: { measureId: string; periodId: string }[]) {
  if (pairs.length === 0) return new Map<string, { id: string; value: number; count: number }>();
  const rows = (
    (await db.execute(sql`
      select v.id, v.measure_id, v.period_id, v.org_unit_id, v.person_id, v.value::float8 as value, v.count
      from outcome_values v
      join (select * from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as x("measureId" uuid, "periodId" uuid)) p
        on p."measureId" = v.measure_id and p."periodId" = v.period_id
      where v.district_id = ${districtId}`)) as unknown as {
      rows: {
        id: string;
        measure_id: string;
        period_id: string;
        org_unit_id: string;
        person_id: string | null;
        value: number;
        count: number;
      }[];
    }
  ).rows;
  return new Map(
    rows.map((r) => [
      `${r.measure_id}|${r.period_id}|${r.org_unit_id}|${r.person_id ?? ''}`,
      { id: r.id, value: Number(r.value), count: Number(r.count) },
    ]),
  );
}
