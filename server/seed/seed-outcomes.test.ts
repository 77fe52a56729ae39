import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outcomeValues } from '../db/schema/index.ts';
import { buildStagesWorld } from '../test/fixtures/implementation-stages.ts';
import { signIn, useTestApp } from '../test/harness.ts';
import { demoPeriods, installDemoOutcomes } from './seed-outcomes.ts';

const t = useTestApp();

describe('installDemoOutcomes', () => {
  it('the last three periods that ended before today', () => {
    expect(demoPeriods('2026-12-07').map((p) => p.label)).toEqual(['2025-26 Fall', '2025-26 Winter', '2025-26 Spring']);
    expect(demoPeriods('2026-02-01').map((p) => p.label)).toEqual(['2024-25 Winter', '2024-25 Spring', '2025-26 Fall']);
  });

  it('gives the initiative two measures over three periods for its schools, one small cell, and changes nothing the second time', async () => {
    const w = await buildStagesWorld(t.database.db);
    const first = await installDemoOutcomes(t.database.db, w.districtId, { initiativeId: w.initiative.id, today: '2026-12-07' });
    expect(first).toEqual({ measures: 2, periods: 3, values: 2 * 3 * 2 });
    const rows = await t.database.db.select().from(outcomeValues).where(eq(outcomeValues.districtId, w.districtId));
    expect(rows.filter((r) => r.count < 10)).toHaveLength(2);
    const again = await installDemoOutcomes(t.database.db, w.districtId, { initiativeId: w.initiative.id, today: '2026-12-07' });
    expect(again).toEqual(first);
    const after = await t.database.db.select().from(outcomeValues).where(eq(outcomeValues.districtId, w.districtId));
    expect(after.map((r) => [r.orgUnitId, r.measureId, r.periodId, r.value, r.count]).sort()).toEqual(
      rows.map((r) => [r.orgUnitId, r.measureId, r.periodId, r.value, r.count]).sort(),
    );
    const hr = await signIn(t.app, w.hr.email);
    const body = (await hr.get('/api/dashboards/district')).json();
    const outcomes = body.initiatives[0].outcomes;
    expect(outcomes.map((o: { key: string }) => o.key).sort()).toEqual(['oral_reading_fluency', 'reading_benchmark']);
    expect(outcomes[0].points).toHaveLength(3);
  });
});
