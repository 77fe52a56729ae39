/**
 * The demo's assessments: installed once however often the seed runs, and readable through the API
 * as a trend with movement (the school team's drivers reviews), a capacity review and a practice
 * self-review at "getting started".
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AdministrationDetail, Trend } from '../../common/schemas/assessments.ts';
import { assessmentAdministrations } from '../db/schema/index.ts';
import { buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { signIn, useTestApp } from '../test/harness.ts';
import { installAssessmentDemo, type AssessmentDemoInput } from './seed-assessments.ts';

const t = useTestApp();
let w: AssessmentWorld;
let input: AssessmentDemoInput;

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  input = {
    schoolTeam: { id: w.schoolTeam.id, orgUnitId: w.schoolA.id },
    districtTeam: { id: w.districtTeam.id, orgUnitId: w.districtUnit.id },
    facilitatorPersonId: w.facilitatorA.personId,
    noteTakerPersonId: w.noteTakerA.personId,
    votingPersonIds: [w.memberA.personId],
    administratorPersonId: w.leaderA.personId,
    soloPersonId: w.leaderA.personId,
    soloOrgUnitId: w.schoolA.id,
    fallOn: '2025-10-15',
    springOn: '2026-03-16',
  };
}, 90_000);

describe('installAssessmentDemo', () => {
  it('writes the demo administrations once, readable as a trend with movement', async () => {
    const first = await installAssessmentDemo(t.database.db, w.districtId, input);
    const again = await installAssessmentDemo(t.database.db, w.districtId, input);
    expect(again.administrationIds).toEqual(first.administrationIds);
    const [n] = await t.database.db
      .select({ n: count() })
      .from(assessmentAdministrations)
      .where(eq(assessmentAdministrations.districtId, w.districtId));
    expect(n!.n).toBe(1 + 4); // the fixture's open administration and the demo's four

    const leader = await signIn(t.app, w.leaderA.email);
    const trend = (
      await leader.get(`/api/assessments/results/trend?instrumentId=${w.drivers.instrumentId}&orgUnitId=${w.schoolA.id}`)
    ).json() as Trend;
    const closed = trend.points.filter((p) => p.status === 'closed');
    expect(closed.map((p) => p.heldOn)).toEqual(['2025-10-15', '2026-03-16']);
    expect(closed[1]!.totalPct!).toBeGreaterThan(closed[0]!.totalPct!);
    expect(trend.moved.length).toBeGreaterThan(0);

    const practice = (await leader.get(`/api/assessments/administrations/${first.administrationIds[3]}`)).json() as AdministrationDetail;
    expect(practice.soloPerson?.id).toBe(w.leaderA.personId);
    const label = (v: number) => practice.content.scale.find((p) => p.value === v)?.label;
    expect(new Set(practice.scores.map((s) => label(s.value)))).toEqual(new Set(['Getting started']));
  });
});
