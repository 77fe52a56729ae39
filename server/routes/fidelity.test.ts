/**
 * Fidelity checks end to end through HTTP on a real database: starting a check of covered staff on
 * the initiative's tool, scoring on publish (score, latest, monthly sums, evidence of source
 * fidelity_check), a revision moving the monthly sums, a retired tool version (readable, not
 * editable, not started), the aggregate views (no names) and "fidelity is not evaluation" for
 * principals with the initiative's switch off and on.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  coachingLogAttendees,
  coachingLogs,
  competencyLatest,
  evidence,
  fidelityChecks,
  fidelityLatest,
  fidelityMonthly,
  frameworkVersions,
  initiatives,
  trainingAttendance,
  trainingSessions,
} from '../db/schema/index.ts';
import { buildFidelityWorld, reviseFidelityTool, type FidelityWorld } from '../test/fixtures/fidelity.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: FidelityWorld;
const as: Record<string, Client> = {};
const db = () => t.database.db;

async function start(client: Client, personId: string, observedOn = '2026-10-06') {
  const res = await client.post(`/api/initiatives/${w.initiative.id}/fidelity/checks`, { observedPersonId: personId, observedOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; observationId: string; scorePct: number | null; tool: { retired: boolean } };
}

/** Scores the tool's components at the given levels (0 present, 1 partial, 2 absent) and publishes. */
async function scoreAndPublish(client: Client, observationId: string, levels: number[]) {
  const obs = (await client.get(`/api/observations/${observationId}`)).json();
  const put = await client.request('PUT', `/api/observations/${observationId}/draft`, {
    version: obs.version,
    scores: levels.map((l, i) => ({ criterionId: w.tool.criteria[i]!.id, scaleLevelId: w.tool.levels[l]!.id })),
  });
  expect(put.statusCode, put.body).toBe(200);
  const res = await client.post(`/api/observations/${observationId}/publish`, { version: put.json().version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const monthly = async (orgUnitId: string) =>
  (
    await db()
      .select()
      .from(fidelityMonthly)
      .where(and(eq(fidelityMonthly.initiativeId, w.initiative.id), eq(fidelityMonthly.orgUnitId, orgUnitId)))
  )
    .map((m) => ({ itemId: m.itemId, month: m.month, checks: m.checks, sumPct: Number(m.sumPct), present: m.present }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.itemId.localeCompare(b.itemId));

let first: { id: string; observationId: string };

beforeAll(async () => {
  w = await buildFidelityWorld(db());
  for (const role of ['teacher', 'otherTeacher', 'caseloadCoach', 'initiativeCoach', 'principal', 'schoolTeamMember', 'hr'] as const)
    as[role] = await signIn(t.app, w[role].email);
}, 60_000);

describe('starting a check', () => {
  it('a school team member starts a development observation of kind fidelity on the tool', async () => {
    first = await start(as.schoolTeamMember!, w.teacher.personId);
    const obs = (await as.schoolTeamMember!.get(`/api/observations/${first.observationId}`)).json();
    expect(obs).toMatchObject({ kind: 'fidelity', purpose: 'development', status: 'draft', school: { id: w.schoolA.id } });
    expect(obs.rubric.id).toBe(w.tool.rubricId);
    expect(obs.rubric.criteria).toHaveLength(3);
    expect(obs.type.countsTowardRequirement).toBe(false);
  });

  it('covered staff only: another role at a covered school, or a school not covered -> 400 naming the person', async () => {
    for (const personId of [w.counselor.id, w.teacherC.personId]) {
      const res = await as.hr!.post(`/api/initiatives/${w.initiative.id}/fidelity/checks`, { observedPersonId: personId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details[0].path).toBe('observedPersonId');
    }
  });

  it('the picker lists the covered staff the caller may check, nobody else', async () => {
    const res = await as.schoolTeamMember!.get(`/api/initiatives/${w.initiative.id}/fidelity/people`);
    const ids = res.json().items.map((p: { id: string }) => p.id);
    expect(ids).toContain(w.teacher.personId);
    expect(ids).toContain(w.otherTeacher.personId);
    expect(ids).not.toContain(w.teacherB.personId);
    expect(ids).not.toContain(w.counselor.id);
    const all = (await as.hr!.get(`/api/initiatives/${w.initiative.id}/fidelity/people`)).json().items.map((p: { id: string }) => p.id);
    expect(all).toEqual(expect.arrayContaining([w.teacher.personId, w.teacherB.personId]));
    expect(all).not.toContain(w.teacherC.personId);
  });

  it('a draft check can be discarded, its fidelity row with it', async () => {
    const draft = await start(as.principal!, w.otherTeacher.personId);
    const res = await as.principal!.request('DELETE', `/api/observations/${draft.observationId}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await db().select().from(fidelityChecks).where(eq(fidelityChecks.id, draft.id))).toHaveLength(0);
  });

  it('the fidelity type is not offered as an observation type, and cannot start a plain observation', async () => {
    const types = (await as.principal!.get('/api/observation-types')).json().items;
    expect(types.map((x: { kind: string }) => x.kind)).not.toContain('fidelity');
    const obs = (await as.schoolTeamMember!.get(`/api/observations/${first.observationId}`)).json();
    const res = await as.principal!.post('/api/observations', {
      typeId: obs.type.id,
      observedPersonId: w.teacher.personId,
      observedOn: '2026-10-06',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('publishing scores the check', () => {
  it('every component must be scored', async () => {
    const obs = (await as.schoolTeamMember!.get(`/api/observations/${first.observationId}`)).json();
    const put = await as.schoolTeamMember!.request('PUT', `/api/observations/${first.observationId}/draft`, {
      version: obs.version,
      scores: [{ criterionId: w.tool.criteria[0]!.id, scaleLevelId: w.tool.levels[0]!.id }],
    });
    const res = await as.schoolTeamMember!.post(`/api/observations/${first.observationId}/publish`, { version: put.json().version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('scores');
  });

  it('score, latest, monthly sums and fidelity_check evidence; never competency_latest', async () => {
    await scoreAndPublish(as.schoolTeamMember!, first.observationId, [0, 0, 1]); // 2 + 2 + 1 of 6
    const list = (await as.teacher!.get(`/api/initiatives/${w.initiative.id}/fidelity/checks?personId=${w.teacher.personId}`)).json();
    expect(list.items[0]).toMatchObject({ id: first.id, status: 'published', scorePct: 83.33, atFidelity: true });
    const [latest] = await db().select().from(fidelityLatest).where(eq(fidelityLatest.personId, w.teacher.personId));
    expect(latest).toMatchObject({ checkId: first.id, atFidelity: true, orgUnitId: w.schoolA.id });
    const [a, b, c] = w.tool.criteria.map((x) => x.itemId);
    expect(await monthly(w.schoolA.id)).toEqual(
      [
        { itemId: a, month: '2026-10-01', checks: 1, sumPct: 100, present: 1 },
        { itemId: b, month: '2026-10-01', checks: 1, sumPct: 100, present: 1 },
        { itemId: c, month: '2026-10-01', checks: 1, sumPct: 50, present: 0 },
      ].sort((x, y) => x.itemId!.localeCompare(y.itemId!)),
    );
    const rows = await db().select().from(evidence).where(eq(evidence.sourceId, first.observationId));
    expect(rows.map((r) => r.source)).toEqual(['fidelity_check', 'fidelity_check', 'fidelity_check']);
    expect(await db().select().from(competencyLatest).where(eq(competencyLatest.personId, w.teacher.personId))).toHaveLength(0);
  });

  it('a revision takes the old scores out of their month and puts the new ones in', async () => {
    const obs = (await as.schoolTeamMember!.get(`/api/observations/${first.observationId}`)).json();
    const res = await as.schoolTeamMember!.post(`/api/observations/${first.observationId}/revise`, {
      version: obs.version,
      reason: 'Checked on the wrong day; the third component was absent',
      observedOn: '2026-11-03',
      scores: [0, 0, 2].map((l, i) => ({ criterionId: w.tool.criteria[i]!.id, scaleLevelId: w.tool.levels[l]!.id })),
    });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await monthly(w.schoolA.id);
    expect(rows.filter((r) => r.month === '2026-10-01').every((r) => r.checks === 0 && r.sumPct === 0 && r.present === 0)).toBe(true);
    const nov = rows.filter((r) => r.month === '2026-11-01');
    expect(nov.map((r) => r.checks)).toEqual([1, 1, 1]);
    expect(nov.reduce((s, r) => s + r.sumPct, 0)).toBe(200);
    const [latest] = await db().select().from(fidelityLatest).where(eq(fidelityLatest.personId, w.teacher.personId));
    expect(latest).toMatchObject({ checkedOn: '2026-11-03', scorePct: 66.67, atFidelity: false });
  });

  it('an older check does not replace the latest', async () => {
    const older = await start(as.caseloadCoach!, w.teacher.personId, '2026-09-15');
    await scoreAndPublish(as.caseloadCoach!, older.observationId, [0, 0, 0]);
    const [latest] = await db().select().from(fidelityLatest).where(eq(fidelityLatest.personId, w.teacher.personId));
    expect(latest!.checkId).toBe(first.id);
  });
});

describe('aggregates carry no names', () => {
  it('the summary: per school and component, % at fidelity, trend by month', async () => {
    const res = await as.otherTeacher!.get(`/api/initiatives/${w.initiative.id}/fidelity/summary`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(res.body).not.toContain(w.teacher.person.familyName);
    // One person checked at school A: a colleague reads the count, never that one person's score.
    const a = s.schools.find((x: { orgUnitId: string }) => x.orgUnitId === w.schoolA.id);
    expect(a).toMatchObject({ peopleChecked: 1, atFidelity: 0, atFidelityPct: null, averagePct: null, suppressed: true });
    expect(a.components.every((c: { averagePct: number | null; suppressed: boolean }) => c.averagePct === null && c.suppressed)).toBe(true);
    expect(s.components).toHaveLength(3);
    expect(s.months.map((m: { month: string }) => m.month)).toEqual(['2026-09-01', '2026-11-01']);
    expect(s.months[1]).toMatchObject({ checks: 1, averagePct: null, suppressed: true });
    expect(s.totals).toMatchObject({ peopleChecked: 1, atFidelityPct: null, suppressed: true });
    expect(res.body).not.toContain('66.67');
    expect(s.abilities.startCheck).toBe(false);
    // HR may read every individual's fidelity, so it reads the small group's figures too.
    const hr = (await as.hr!.get(`/api/initiatives/${w.initiative.id}/fidelity/summary`)).json();
    expect(hr.schools.find((x: { orgUnitId: string }) => x.orgUnitId === w.schoolA.id)).toMatchObject({
      peopleChecked: 1,
      atFidelityPct: 0,
      averagePct: 66.67,
      suppressed: false,
    });
    expect(hr.months[1]).toMatchObject({ checks: 1, averagePct: 66.67, suppressed: false });
    // So does the initiative page: the colleague reads no share at fidelity, HR does.
    const overview = (await as.otherTeacher!.get(`/api/initiatives/${w.initiative.id}/overview`)).json();
    expect(overview.fidelity).toMatchObject({ people: 1, atFidelity: 0, suppressed: true });
    expect(
      overview.fidelity.components.flatMap((c: { points: { averagePct: number | null }[] }) => c.points.map((p) => p.averagePct)),
    ).toEqual(expect.arrayContaining([null]));
    expect(JSON.stringify(overview.fidelity)).not.toMatch(/"averagePct":\d/);
    expect((await as.schoolTeamMember!.get(`/api/initiatives/${w.initiative.id}/fidelity/summary`)).json().abilities.startCheck).toBe(true);
  });

  it("a school's trend beside coaching dosage and training attended on each component", async () => {
    const item = w.tool.criteria[0]!.itemId;
    const [log] = await db()
      .insert(coachingLogs)
      .values({
        districtId: w.districtId,
        coachPersonId: w.initiativeCoach.personId,
        startsAt: new Date('2026-11-10T15:00:00Z'),
        durationMinutes: 30,
        activity: 'modeling',
      })
      .returning();
    await db().insert(coachingLogAttendees).values({ districtId: w.districtId, logId: log!.id, personId: w.teacher.personId });
    const [session] = await db()
      .insert(trainingSessions)
      .values({
        districtId: w.districtId,
        initiativeId: w.initiative.id,
        topic: 'Phonemic awareness',
        itemId: item,
        trainerName: 'Vendor',
        startsAt: new Date('2026-11-02T14:00:00Z'),
      })
      .returning();
    await db()
      .insert(trainingAttendance)
      .values([
        { districtId: w.districtId, sessionId: session!.id, personId: w.teacher.personId },
        { districtId: w.districtId, sessionId: session!.id, personId: w.teacherB.personId },
      ]);
    const novFigure = async (client: Client) => {
      const res = await client.get(`/api/initiatives/${w.initiative.id}/fidelity/schools/${w.schoolA.id}`);
      expect(res.statusCode, res.body).toBe(200);
      const nov = res.json().months.find((m: { month: string }) => m.month === '2026-11-01');
      return nov.components.find((c: { itemId: string }) => c.itemId === item);
    };
    const dosage = { checks: 1, coachingSessions: 1, trainingAttended: 1 };
    expect(await novFigure(as.hr!)).toMatchObject({ ...dosage, averagePct: 100, present: 1, suppressed: false });
    // One check: the principal (switch off) reads the dosage beside a withheld average; with the switch on, the figure.
    expect(await novFigure(as.principal!)).toMatchObject({ ...dosage, averagePct: null, present: 0, suppressed: true });
    await db().update(initiatives).set({ principalsSeeIndividualFidelity: true }).where(eq(initiatives.id, w.initiative.id));
    expect(await novFigure(as.principal!)).toMatchObject({ ...dosage, averagePct: 100, present: 1, suppressed: false });
    await db().update(initiatives).set({ principalsSeeIndividualFidelity: false }).where(eq(initiatives.id, w.initiative.id));
    expect((await as.principal!.get(`/api/initiatives/${w.initiative.id}/fidelity/schools/${w.schoolC.id}`)).statusCode).toBe(404);
  });
});

describe('fidelity is not evaluation', () => {
  it('principals: 404 on the check and the person while the switch is off, readable when on', async () => {
    const paths = [
      `/api/observations/${first.observationId}`,
      `/api/people/${w.teacher.personId}/fidelity`,
      `/api/initiatives/${w.initiative.id}/fidelity/checks?personId=${w.teacher.personId}`,
    ];
    for (const path of paths) expect((await as.principal!.get(path)).statusCode, path).toBe(404);
    const list = (await as.principal!.get(`/api/observations?observedPersonId=${w.teacher.personId}`)).json();
    expect(list.items.map((o: { kind: string }) => o.kind)).not.toContain('fidelity');
    await db().update(initiatives).set({ principalsSeeIndividualFidelity: true }).where(eq(initiatives.id, w.initiative.id));
    for (const path of paths) expect((await as.principal!.get(path)).statusCode, path).toBe(200);
    await db().update(initiatives).set({ principalsSeeIndividualFidelity: false }).where(eq(initiatives.id, w.initiative.id));
  });

  it("the teacher and their coaches read the teacher's trend; another teacher does not", async () => {
    const own = (await as.teacher!.get(`/api/people/${w.teacher.personId}/fidelity`)).json();
    expect(own.initiatives[0].checks.map((c: { scorePct: number }) => c.scorePct)).toEqual([66.67, 100]);
    expect(own.initiatives[0].components.find((c: { itemId: string }) => c.itemId === w.tool.criteria[2]!.itemId)).toMatchObject({
      checks: 2,
      latestPct: 0,
      averagePct: 50,
    });
    expect((await as.initiativeCoach!.get(`/api/people/${w.teacher.personId}/fidelity`)).statusCode).toBe(200);
    expect((await as.caseloadCoach!.get(`/api/observations/${first.observationId}`)).statusCode).toBe(200);
    expect((await as.otherTeacher!.get(`/api/people/${w.teacher.personId}/fidelity`)).statusCode).toBe(404);
  });

  it('an observer sees the checks they ran, not the others', async () => {
    const mine = (await as.caseloadCoach!.get(`/api/initiatives/${w.initiative.id}/fidelity/checks?personId=${w.teacher.personId}`)).json();
    expect(mine.items).toHaveLength(2); // a caseload coach reads every check
    const team = (
      await as.schoolTeamMember!.get(`/api/initiatives/${w.initiative.id}/fidelity/checks?personId=${w.teacher.personId}`)
    ).json();
    expect(team.items.map((c: { id: string }) => c.id)).toEqual([first.id]);
  });
});

describe('a retired tool version', () => {
  it('a check made with it stays readable, is no longer edited, and the new tool is used from then on', async () => {
    const draft = await start(as.schoolTeamMember!, w.otherTeacher.personId);
    const next = await reviseFidelityTool(db(), w.districtId, w.initiative.id, w.tool);
    const read = await as.schoolTeamMember!.get(`/api/observations/${draft.observationId}`);
    expect(read.statusCode).toBe(200);
    const put = await as.schoolTeamMember!.request('PUT', `/api/observations/${draft.observationId}/draft`, {
      version: read.json().version,
      glows: 'x',
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('invalid_state');
    expect(put.json().error.message).toContain('retired');
    const revise = await as.schoolTeamMember!.post(`/api/observations/${first.observationId}/revise`, {
      version: (await as.schoolTeamMember!.get(`/api/observations/${first.observationId}`)).json().version,
      reason: 'late edit',
      glows: 'x',
    });
    expect(revise.statusCode).toBe(409);
    const list = (await as.hr!.get(`/api/initiatives/${w.initiative.id}/fidelity/checks?personId=${w.teacher.personId}`)).json();
    expect(list.items.every((c: { tool: { retired: boolean } }) => c.tool.retired)).toBe(true);
    const fresh = await start(as.schoolTeamMember!, w.otherTeacher.personId);
    expect(fresh.tool.retired).toBe(false);
    // The initiative still pointing at a retired version: no new check.
    await db().update(frameworkVersions).set({ status: 'retired' }).where(eq(frameworkVersions.id, next.versionId));
    const res = await as.schoolTeamMember!.post(`/api/initiatives/${w.initiative.id}/fidelity/checks`, {
      observedPersonId: w.otherTeacher.personId,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
    await db().update(frameworkVersions).set({ status: 'published' }).where(eq(frameworkVersions.id, next.versionId));
  });
});
