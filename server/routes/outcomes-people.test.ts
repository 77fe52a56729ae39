/**
 * A teacher's own outcome values: measure by measure, period by period, a figure under the
 * district's minimum count never sent; nothing at all once the district stops keeping per-teacher
 * values; the evaluator HR assigns reads them instead of the computed one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatorAssignments } from '../db/schema/index.ts';
import { schoolYearOf } from '../../common/schemas/settings.ts';
import { todayIn } from '../../common/clock.ts';
import { buildPersonOutcomesWorld, PERSON_SECRET, type PersonOutcomesWorld } from '../test/fixtures/person-outcomes.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: PersonOutcomesWorld;
const as: Record<string, Client> = {};
const url = () => `/api/outcomes/people/${w.teacher.personId}`;

beforeAll(async () => {
  w = await buildPersonOutcomesWorld(t.database.db);
  for (const role of ['teacher', 'hr', 'leaderA', 'leaderB'] as const) as[role] = await signIn(t.app, w[role].email);
}, 60_000);

describe('a teacher’s own outcome values', () => {
  it('the teacher reads each period at their school; the small group reads as suppressed, its number nowhere', async () => {
    const res = await as.teacher!.get(url());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ person: { id: w.teacher.personId }, perTeacherAllowed: true, minCount: 10 });
    expect(body.measures).toHaveLength(1);
    expect(body.measures[0]).toMatchObject({ key: 'reading_benchmark', unit: '%' });
    expect(
      body.measures[0].points.map(
        (p: { period: { label: string }; school: { name: string }; value: number | null; count: number | null; suppressed: boolean }) => [
          p.period.label,
          p.school.name,
          p.value,
          p.count,
          p.suppressed,
        ],
      ),
    ).toEqual([
      ['2025-26 Fall', 'Alder Elementary', 48.5, 28, false],
      ['2025-26 Winter', 'Alder Elementary', null, null, true],
    ]);
    expect(res.body).not.toContain(String(PERSON_SECRET));
    // School figures are not a teacher's: school B's small cell and the school values stay out.
    expect(res.body).not.toContain('Birch');
  });

  it('the evaluator HR assigns reads them, and the computed one no longer does', async () => {
    expect((await as.leaderA!.get(url())).statusCode).toBe(200);
    await t.database.db.insert(evaluatorAssignments).values({
      districtId: w.districtId,
      personId: w.teacher.personId,
      schoolYear: schoolYearOf(todayIn('America/New_York')),
      evaluatorPersonId: w.leaderB.personId,
    });
    expect((await as.leaderB!.get(url())).statusCode).toBe(200);
    expect((await as.leaderA!.get(url())).statusCode).toBe(403);
  });

  it('once the district stops keeping per-teacher values, none is sent', async () => {
    const settings = (await as.hr!.get('/api/outcomes/settings')).json();
    const saved = await as.hr!.request('PUT', '/api/outcomes/settings', {
      version: settings.version,
      minCount: 10,
      perTeacherAllowed: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await as.teacher!.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ perTeacherAllowed: false, measures: [] });
    expect(res.body).not.toContain('48.5');
  });
});
