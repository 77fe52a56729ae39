/**
 * The outcome CSV import: a dry run lists each bad row with a clear error (unknown measure or
 * school, duplicate rows, negative or non-numeric counts, non-numeric values, per-teacher values the
 * district does not keep), flags rows under the minimum count as never shown without echoing them,
 * and writes nothing; applying a file with errors answers 400; re-importing a period replaces its
 * values and the same file twice changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outcomePeriods, outcomeValues } from '../db/schema/index.ts';
import { buildOutcomesWorld, csvOf, HEADER, type OutcomesWorld } from '../test/fixtures/outcomes.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: OutcomesWorld;
let hr: Client;

const run = (rows: string[][], dryRun = true) => hr.post('/api/outcomes/import', { dryRun, csv: csvOf([HEADER, ...rows]) });
const valuesOf = (periodId: string) =>
  t.database.db
    .select()
    .from(outcomeValues)
    .where(and(eq(outcomeValues.districtId, w.districtId), eq(outcomeValues.periodId, periodId)));
const auditCount = async () => (await t.database.db.select().from(auditLog).where(eq(auditLog.districtId, w.districtId))).length;
const ok = (school: string, value = '50', count = '40', period = '2025-26 Spring', teacher = '') => [
  'reading_benchmark',
  period,
  period === '2025-26 Spring' ? '2026-04-01' : '',
  period === '2025-26 Spring' ? '2026-06-12' : '',
  school,
  teacher,
  value,
  count,
];

beforeAll(async () => {
  w = await buildOutcomesWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
}, 60_000);

describe('outcome import: bad input', () => {
  it('names each bad row and its field, and writes nothing', async () => {
    const before = await auditCount();
    const res = await run([
      ok('Alder Elementary'),
      ['reading_benchmark', '2025-26 Spring', '', '', 'Nowhere High', '', '50', '40'],
      ['reading_benchmark', '2025-26 Spring', '', '', 'Alder Elementary', '', '51', '40'],
      ['reading_benchmark', '2025-26 Spring', '', '', 'Birch Elementary', '', '50', '-3'],
      ['reading_benchmark', '2025-26 Spring', '', '', 'Cedar Middle', '', 'n/a', '40'],
      ['math_growth', '2025-26 Spring', '', '', 'Cedar Middle', '', '12', '40'],
      ['reading_benchmark', '2025-26 Winter', '', '', 'Cedar Middle', '', '12', 'twelve'],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.applied).toBe(false);
    expect(body.errors).toEqual([
      { line: 3, code: 'unknown_school', field: 'school', value: 'Nowhere High' },
      { line: 4, code: 'duplicate_row', field: 'school', value: 'Alder Elementary' },
      { line: 5, code: 'negative_count', field: 'count', value: '-3' },
      { line: 6, code: 'bad_value', field: 'value', value: 'n/a' },
      { line: 7, code: 'unknown_measure', field: 'measure', value: 'math_growth' },
      { line: 8, code: 'bad_count', field: 'count', value: 'twelve' },
    ]);
    expect(body.counts).toMatchObject({ create: 1, error: 6 });
    const applied = await run(
      [ok('Alder Elementary'), ['reading_benchmark', '2025-26 Spring', '', '', 'Nowhere High', '', '50', '40']],
      false,
    );
    expect(applied.statusCode).toBe(400);
    expect(applied.json().error.details[0].errors[0]).toMatchObject({ line: 3, code: 'unknown_school' });
    const spring = await t.database.db.select().from(outcomePeriods).where(eq(outcomePeriods.label, '2025-26 Spring'));
    expect(spring).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('a new period needs its dates; an existing one keeps its own', async () => {
    const body = (
      await run([
        ['reading_benchmark', '2026-27 Fall', '', '', 'Alder Elementary', '', '50', '40'],
        ['reading_benchmark', '2025-26 Fall', '2025-09-01', '', 'Birch Elementary', '', '50', '40'],
      ])
    ).json();
    expect(body.errors.map((e: { code: string }) => e.code)).toEqual(['missing_period_dates', 'period_dates_differ']);
  });

  it('a count under the minimum is accepted, flagged as never shown, and its figures are not echoed', async () => {
    const body = (await run([ok('Alder Elementary', '33.125', '4'), ok('Birch Elementary', '70', '25')])).json();
    expect(body.errors).toEqual([]);
    expect(body.counts).toMatchObject({ create: 2, neverShown: 1 });
    expect(body.preview[0]).toMatchObject({ neverShown: true, value: null, count: null });
    expect(body.preview[1]).toMatchObject({ neverShown: false, value: 70, count: 25 });
    expect(JSON.stringify(body)).not.toContain('33.125');
  });

  it('a per-teacher value is refused while the district does not keep them (400 on apply), accepted once it does', async () => {
    const row = ok('Alder Elementary', '64', '22', '2025-26 Spring', w.teacher.email);
    const dry = (await run([row])).json();
    expect(dry.errors).toEqual([{ line: 2, code: 'per_teacher_not_allowed', field: 'teacher', value: w.teacher.email }]);
    const applied = await run([row], false);
    expect(applied.statusCode).toBe(400);
    expect(applied.json().error.details[0].errors[0].code).toBe('per_teacher_not_allowed');

    const settings = (await hr.get('/api/outcomes/settings')).json();
    expect(settings).toMatchObject({ minCount: 10, perTeacherAllowed: false });
    const tooLow = await hr.request('PUT', '/api/outcomes/settings', { version: settings.version, minCount: 4, perTeacherAllowed: true });
    expect(tooLow.statusCode).toBe(400);
    expect(tooLow.body).toContain('minCount');
    const saved = await hr.request('PUT', '/api/outcomes/settings', { version: settings.version, minCount: 10, perTeacherAllowed: true });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await hr.request('PUT', '/api/outcomes/settings', { version: settings.version, minCount: 12, perTeacherAllowed: true });
    expect(stale.statusCode).toBe(409);
    const unknown = (await run([ok('Alder Elementary', '64', '22', '2025-26 Spring', 'nobody@example.test')])).json();
    expect(unknown.errors[0]).toMatchObject({ code: 'unknown_teacher', field: 'teacher' });
    const accepted = await run([ok('Alder Elementary', '64', '22', '2025-26 Spring', w.teacher.email)], false);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().counts).toMatchObject({ create: 1 });
    await hr.request('PUT', '/api/outcomes/settings', { version: saved.json().version, minCount: 10, perTeacherAllowed: false });
  });
});

describe('outcome import: apply', () => {
  it('re-importing a period replaces its values; the same file twice changes nothing', async () => {
    const file = [
      ['reading_benchmark', '2025-26 Winter', '', '', 'ALDER ELEMENTARY', '', '55', '41'],
      ['reading_benchmark', '2025-26 Winter', '', '', 'Cedar Middle', '', '48', '35'],
    ];
    const first = await run(file, false);
    expect(first.statusCode, first.body).toBe(200);
    // A's value changed, C's is new, B's (not in the file) is replaced away.
    expect(first.json().counts).toMatchObject({ create: 1, update: 1, unchanged: 0, remove: 1, error: 0 });
    const rows = await valuesOf(w.winter.id);
    expect(rows.map((r) => [r.orgUnitId, r.value, r.count]).sort()).toEqual(
      [
        [w.schoolA.id, 55, 41],
        [w.schoolC.id, 48, 35],
      ].sort(),
    );
    const audits = await auditCount();
    const again = await run(file, false);
    expect(again.json().counts).toMatchObject({ create: 0, update: 0, unchanged: 2, remove: 0 });
    expect(await auditCount()).toBe(audits);
    expect((await valuesOf(w.winter.id)).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    // The fall period, not in the file, is untouched.
    expect(await valuesOf(w.fall.id)).toHaveLength(2);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, w.districtId), eq(auditLog.action, 'outcome_values.import')));
    expect(audit).toBeDefined();
  });
});
