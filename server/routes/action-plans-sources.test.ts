/**
 * Planning an action from data: a scored item of the team's assessment administration, and a
 * school's outcome value (the survey-style aggregates) that is shown. Each names its record by more
 * than one id, every id is checked against the district, the caller's reading rights and the plan's
 * team, and an outcome value under the minimum count is refused without its figures ever echoed.
 */
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentItemFacts, DataSourcePlans, SurveyResultFacts } from '../../common/schemas/action-plans.ts';
import { actionPlanItems, actionPlans } from '../db/schema/index.ts';
import {
  addDataSources,
  buildActionPlansWorld,
  buildPlan,
  HIDDEN_COUNT,
  HIDDEN_VALUE,
  itemBody,
  type ActionPlansWorld,
  type DataSources,
} from '../test/fixtures/action-plans.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ActionPlansWorld;
let d: DataSources;
let member: Client;
let districtMember: Client;
let planId: string;
let districtPlanId: string;

beforeAll(async () => {
  w = await buildActionPlansWorld(t.database.db);
  d = await addDataSources(t.database.db, w);
  [member, districtMember] = await Promise.all([signIn(t.app, w.member.email), signIn(t.app, w.districtMember.email)]);
  planId = (await buildPlan(t.database.db, w)).id;
  const [districtPlan] = await t.database.db
    .insert(actionPlans)
    .values({ districtId: w.districtId, teamId: w.districtTeam.id, initiativeId: w.initiative.id, title: 'District plan' })
    .returning();
  districtPlanId = districtPlan!.id;
}, 90_000);

const assessmentSource = (extra: Record<string, unknown> = {}) => ({
  kind: 'assessment_item',
  id: d.lowItem.id,
  administrationId: d.administration.id,
  ...extra,
});
const surveySource = (extra: Record<string, unknown> = {}) => ({
  kind: 'survey_result',
  id: d.measure.id,
  orgUnitId: w.schoolA.id,
  periodId: d.fall.id,
  ...extra,
});

async function add(c: Client, plan: string, source: Record<string, unknown>) {
  return c.post(`/api/action-plans/${plan}/items`, itemBody(w, { source }));
}
async function refusedField(c: Client, plan: string, source: Record<string, unknown>) {
  const res = await add(c, plan, source);
  expect(res.statusCode, res.body).toBe(400);
  return res.json().error.details[0].path as string;
}
const query = (source: Record<string, unknown>) =>
  `/api/action-plans/from-source?${new URLSearchParams(Object.entries(source).map(([k, v]) => [k, String(v)])).toString()}`;

describe('an assessment item as the source', () => {
  it("a member plans from a low item of the team's administration: the source keeps the administration and reads as the item", async () => {
    const res = await add(member, planId, assessmentSource());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().source).toEqual({
      kind: 'assessment_item',
      id: d.lowItem.id,
      administrationId: d.administration.id,
      label: d.lowItem.text,
    });
    const [row] = await t.database.db.select().from(actionPlanItems).where(eq(actionPlanItems.id, res.json().id));
    expect(row!.sourceRef).toEqual({ administrationId: d.administration.id });
    const plan = (await member.get(`/api/action-plans/${planId}`)).json();
    expect(plan.items.find((i: { id: string }) => i.id === res.json().id).source.label).toBe(d.lowItem.text);
  });

  it('the link answers what the problem is written from, and the plans the member writes', async () => {
    const res = await member.get(query(assessmentSource()));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as DataSourcePlans;
    const facts = body.source as AssessmentItemFacts;
    expect(facts).toMatchObject({
      kind: 'assessment_item',
      item: { text: d.lowItem.text },
      score: { value: 0, label: 'Not in place', note: 'No selection criteria written down' },
      scaleMax: 2,
      targetPct: 80,
      low: true,
      administration: { id: d.administration.id, team: { id: w.schoolTeam.id }, orgUnit: { id: w.schoolA.id } },
    });
    expect(body.plans.map((p) => p.id)).toContain(planId);
    expect(body.plans.map((p) => p.id)).not.toContain(districtPlanId);
    expect(body.teams).toEqual([{ id: w.schoolTeam.id, name: w.schoolTeam.name }]);
    const high = (await member.get(query(assessmentSource({ id: d.highItem.id })))).json() as DataSourcePlans;
    expect((high.source as AssessmentItemFacts).low).toBe(false);
  });

  it('an administration of another district, of another team elsewhere, or unnamed is a 400 naming source.administrationId', async () => {
    expect(await refusedField(member, planId, assessmentSource({ administrationId: d.otherAdministration.id }))).toBe(
      'source.administrationId',
    );
    expect(await refusedField(member, planId, assessmentSource({ administrationId: randomUUID() }))).toBe('source.administrationId');
    expect(await refusedField(member, planId, assessmentSource({ administrationId: null }))).toBe('source.administrationId');
    // The district team's review (read by its member) is not the school team's plan's.
    expect(await refusedField(districtMember, districtPlanId, assessmentSource())).toBe('source.administrationId');
    expect(await refusedField(member, planId, assessmentSource({ administrationId: d.districtAdministration.id }))).toBe(
      'source.administrationId',
    );
  });

  it('an item of another version, or one with no consensus score, is a 400 naming source.id', async () => {
    expect(await refusedField(member, planId, assessmentSource({ id: d.otherVersionItem.id }))).toBe('source.id');
    expect(await refusedField(member, planId, assessmentSource({ id: d.unscoredItem.id }))).toBe('source.id');
    expect(await refusedField(member, planId, assessmentSource({ id: randomUUID() }))).toBe('source.id');
  });

  it('an id a kind does not name is a 400 naming it', async () => {
    expect(await refusedField(member, planId, assessmentSource({ orgUnitId: w.schoolA.id }))).toBe('source.orgUnitId');
    expect(await refusedField(member, planId, { kind: 'pdsa_cycle', id: w.cycle.id, administrationId: d.administration.id })).toBe(
      'source.administrationId',
    );
  });

  it('from-source names the query field: an administration the caller may not read, an item of another version', async () => {
    const teacher = await signIn(t.app, w.staff.email);
    const unread = await teacher.get(query(assessmentSource()));
    expect(unread.statusCode).toBe(400);
    expect(unread.json().error.details[0].path).toBe('administrationId');
    const version = await member.get(query(assessmentSource({ id: d.otherVersionItem.id })));
    expect(version.statusCode).toBe(400);
    expect(version.json().error.details[0].path).toBe('id');
  });
});

describe('an outcome value as the source', () => {
  it("a member plans from a shown value of the team's school; it reads as the measure, school and period", async () => {
    const res = await add(member, planId, surveySource());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().source).toEqual({
      kind: 'survey_result',
      id: d.measure.id,
      orgUnitId: w.schoolA.id,
      periodId: d.fall.id,
      label: `Students at reading benchmark · ${w.schoolA.name} · 2025-26 Fall`,
    });
    const facts = (await member.get(query(surveySource()))).json().source as SurveyResultFacts;
    expect(facts).toMatchObject({
      value: 41.5,
      count: 40,
      measure: { unit: '%' },
      school: { id: w.schoolA.id },
      period: { label: '2025-26 Fall' },
    });
  });

  it('a value under the minimum count is a 400 naming source.periodId that echoes neither its value nor its count', async () => {
    for (const res of [
      await add(member, planId, surveySource({ periodId: d.winter.id })),
      await member.get(query(surveySource({ periodId: d.winter.id }))),
    ]) {
      expect(res.statusCode, res.body).toBe(400);
      expect([...res.json().error.details].map((x: { path: string }) => x.path)[0]).toMatch(/^(source\.)?periodId$/);
      expect(res.body).not.toContain(String(HIDDEN_VALUE));
      expect(res.body).not.toMatch(new RegExp(`\\b${HIDDEN_COUNT} students`));
    }
    const kept = await t.database.db.select().from(actionPlanItems).where(eq(actionPlanItems.sourceKind, 'survey_result'));
    expect(kept.filter((row) => row.sourceRef?.periodId === d.winter.id)).toEqual([]);
  });

  it('a measure or period of another district, a school the member may not read, a missing period: 400 naming the field', async () => {
    expect(await refusedField(member, planId, surveySource({ id: d.otherMeasure.id }))).toBe('source.id');
    expect(await refusedField(member, planId, surveySource({ periodId: d.otherPeriod.id }))).toBe('source.periodId');
    expect(await refusedField(member, planId, surveySource({ periodId: null }))).toBe('source.periodId');
    expect(await refusedField(member, planId, surveySource({ orgUnitId: w.schoolB.id }))).toBe('source.orgUnitId');
    expect(await refusedField(member, planId, surveySource({ orgUnitId: w.districtUnit.id }))).toBe('source.orgUnitId');
  });

  it("a district team plans from any school's value; the link lists its plan, not the school team's", async () => {
    const res = await add(districtMember, districtPlanId, surveySource({ orgUnitId: w.schoolB.id }));
    expect(res.statusCode, res.body).toBe(201);
    const body = (await districtMember.get(query(surveySource()))).json() as DataSourcePlans;
    expect(body.plans.map((p) => p.id)).toEqual([districtPlanId]);
    expect(body.teams.map((team) => team.id)).toEqual([w.districtTeam.id]);
  });

  it("a school's values say who may plan from them", async () => {
    const hr = await signIn(t.app, w.hr.email);
    const all = (await hr.get(`/api/outcomes/measures/${d.measure.id}/values`)).json();
    expect(all.schools.every((s: { planActions: boolean }) => s.planActions)).toBe(true);
    const mine = (await member.get(`/api/outcomes/measures/${d.measure.id}/values?orgUnitId=${w.schoolA.id}`)).json();
    expect(mine.schools).toEqual([expect.objectContaining({ orgUnitId: w.schoolA.id, planActions: true })]);
    const leader = await signIn(t.app, w.leaderA.email);
    const led = (await leader.get(`/api/outcomes/measures/${d.measure.id}/values?orgUnitId=${w.schoolA.id}`)).json();
    expect(led.schools).toEqual([expect.objectContaining({ planActions: false })]);
  });
});
