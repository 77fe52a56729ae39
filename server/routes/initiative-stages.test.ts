/**
 * Stages per school: built-in checklists in the reader's language until the district saves its
 * own, rows made at exploration for covered schools, ticking, moving forward and back with
 * evidence (recorded and audited), the bulk move of a wave, and the full-implementation suggestion.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, initiativeSchools, initiativeStageMoves } from '../db/schema/index.ts';
import { buildFidelityAtSchool, buildStagesWorld, type StagesWorld } from '../test/fixtures/implementation-stages.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: StagesWorld;
let hr: Client;
let leaderA: Client;
const base = () => `/api/initiatives/${w.initiative.id}`;

beforeAll(async () => {
  w = await buildStagesWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
  leaderA = await signIn(t.app, w.leaderA.email);
}, 60_000);

async function stageOf(client: Client, orgUnitId: string) {
  const res = await client.get(`${base()}/stages/${orgUnitId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('stage definitions', () => {
  it('shows the built-in checklists in the reader language, then saves them with a version', async () => {
    const en = (await hr.get(`${base()}/stage-definitions`)).json();
    expect(en.items.map((d: { stage: string }) => d.stage)).toEqual([
      'exploration',
      'installation',
      'initial_implementation',
      'full_implementation',
    ]);
    expect(en.items[0]).toMatchObject({ builtIn: true, version: null });
    expect(en.abilities.edit).toBe(true);
    const es = (await hr.request('GET', `${base()}/stage-definitions`, undefined, { 'accept-language': 'es' })).json();
    expect(es.items[0].activities.map((a: { id: string }) => a.id)).toEqual(en.items[0].activities.map((a: { id: string }) => a.id));
    expect(es.items[0].activities[0].text).not.toBe(en.items[0].activities[0].text);

    const explo = en.items[0];
    const activities = [...explo.activities, { id: 'visit', text: 'Visit a school already using the program' }];
    let res = await hr.request('PUT', `${base()}/stage-definitions/exploration`, {
      activities,
      exitCriteria: explo.exitCriteria,
      version: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ builtIn: false, version: 1 });
    // A second first save is stale: 409 with the saved definition.
    res = await hr.request('PUT', `${base()}/stage-definitions/exploration`, {
      activities,
      exitCriteria: explo.exitCriteria,
      version: null,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current.version).toBe(1);
    res = await hr.request('PUT', `${base()}/stage-definitions/exploration`, { activities, exitCriteria: [], version: 1 });
    expect(res.json().version).toBe(2);
    // Restore the exit criteria for the tests below.
    res = await hr.request('PUT', `${base()}/stage-definitions/exploration`, { activities, exitCriteria: explo.exitCriteria, version: 2 });
    expect(res.statusCode).toBe(200);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'initiative_stage_definition.save'));
    expect(audits.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses two items with one id and an empty text, naming the field', async () => {
    const res = await hr.request('PUT', `${base()}/stage-definitions/installation`, {
      activities: [
        { id: 'a', text: 'One' },
        { id: 'a', text: '' },
      ],
      exitCriteria: [],
      version: null,
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['activities.1.id', 'activities.1.text']));
  });
});

describe('school stages', () => {
  it('lists the district and every covered school at exploration, and not an uncovered school', async () => {
    const res = await leaderA.get(`${base()}/stages`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { orgUnitName: string; stage: string; isDistrict: boolean; progress: { total: number } }[];
    expect(items.map((i) => i.orgUnitName)).toEqual(['Central office', 'Alder Elementary', 'Birch Elementary']);
    expect(items.every((i) => i.stage === 'exploration')).toBe(true);
    expect(items[0]!.isDistrict).toBe(true);
    expect(items[1]!.progress.total).toBeGreaterThan(0);
  });

  it('a school the initiative does not cover is a 400 naming the field', async () => {
    expect((await hr.get(`${base()}/stages/${w.schoolC.id}`)).statusCode).toBe(400);
    const res = await hr.post(`${base()}/stages/${w.schoolC.id}/move`, { toStage: 'installation', evidence: 'Ready', version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('orgUnitId');
  });

  it('ticks and unticks an item of the current stage; an item of another stage is a 400', async () => {
    let s = await stageOf(leaderA, w.schoolA.id);
    let res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/checklist`, { itemId: 'decision', done: true, version: s.version });
    expect(res.statusCode, res.body).toBe(200);
    s = res.json();
    expect(s.done.decision.by).toBe(w.leaderA.id);
    expect(s.progress.done).toBe(1);
    res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/checklist`, { itemId: 'trained', done: true, version: s.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('itemId');
    res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/checklist`, { itemId: 'need', done: true, version: s.version - 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current.version).toBe(s.version);
  });

  it('a move without evidence is a 400 naming evidence, and nothing moves', async () => {
    const s = await stageOf(leaderA, w.schoolA.id);
    for (const evidence of ['', '   ']) {
      const res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/move`, { toStage: 'installation', evidence, version: s.version });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('evidence');
    }
    const res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/move`, { toStage: 'installation', version: s.version });
    expect(res.statusCode).toBe(400);
    expect((await stageOf(leaderA, w.schoolA.id)).stage).toBe('exploration');
  });

  it('moves forward with the exit criteria met, moves back, and records both in the history', async () => {
    let s = await stageOf(leaderA, w.schoolA.id);
    let res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/move`, {
      toStage: 'installation',
      evidence: 'Board minutes of 3 March adopt the program',
      version: s.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    s = res.json();
    expect(s).toMatchObject({ stage: 'installation', done: {} });
    expect(s.history[0]).toMatchObject({ fromStage: 'exploration', toStage: 'installation', criteriaMet: ['decision'], back: false });
    expect(s.history[0].movedBy.userId).toBe(w.leaderA.id);
    res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/move`, { toStage: 'installation', evidence: 'Again', version: s.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('toStage');

    res = await leaderA.post(`${base()}/stages/${w.schoolA.id}/move`, {
      toStage: 'exploration',
      evidence: 'Funding withdrawn; revisit the decision',
      version: s.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    s = res.json();
    expect(s.stage).toBe('exploration');
    expect(s.history.map((m: { toStage: string; back: boolean }) => [m.toStage, m.back])).toEqual([
      ['exploration', true],
      ['installation', false],
    ]);
    const moves = await t.database.db
      .select()
      .from(initiativeStageMoves)
      .where(and(eq(initiativeStageMoves.initiativeId, w.initiative.id), eq(initiativeStageMoves.orgUnitId, w.schoolA.id)));
    expect(moves.map((m) => m.evidence).sort()).toEqual([
      'Board minutes of 3 March adopt the program',
      'Funding withdrawn; revisit the decision',
    ]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'initiative_stage.move'));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });

  it('moves a wave of schools at once with one evidence text, all or none', async () => {
    const list = (await hr.get(`${base()}/stages`)).json().items as { orgUnitId: string; version: number }[];
    const a = list.find((i) => i.orgUnitId === w.schoolA.id)!;
    const b = list.find((i) => i.orgUnitId === w.schoolB.id)!;
    let res = await hr.post(`${base()}/stages/bulk-move`, {
      schools: [a, { orgUnitId: w.schoolC.id, version: 1 }].map((s) => ({ orgUnitId: s.orgUnitId, version: s.version })),
      toStage: 'installation',
      evidence: 'Wave 1 approved',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('schools.1.orgUnitId');
    res = await hr.post(`${base()}/stages/bulk-move`, {
      schools: [a, b].map((s) => ({ orgUnitId: s.orgUnitId, version: s.version })),
      toStage: 'installation',
      evidence: '',
    });
    expect(res.statusCode).toBe(400);
    res = await hr.post(`${base()}/stages/bulk-move`, {
      schools: [a, b].map((s) => ({ orgUnitId: s.orgUnitId, version: s.version })),
      toStage: 'initial_implementation',
      evidence: 'Wave 1 approved by the district team',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moved).toBe(2);
    expect(res.json().items.every((i: { stage: string }) => i.stage === 'initial_implementation')).toBe(true);
    // The same versions again are stale.
    res = await hr.post(`${base()}/stages/bulk-move`, {
      schools: [a, b].map((s) => ({ orgUnitId: s.orgUnitId, version: s.version })),
      toStage: 'installation',
      evidence: 'Again',
    });
    expect(res.statusCode).toBe(409);
    // A leader acts only for their own school: 403 for a wave with another school in it.
    const fresh = (await hr.get(`${base()}/stages`)).json().items as { orgUnitId: string; version: number }[];
    res = await leaderA.post(`${base()}/stages/bulk-move`, {
      schools: fresh.filter((i) => i.orgUnitId !== w.districtUnit.id).map((s) => ({ orgUnitId: s.orgUnitId, version: s.version })),
      toStage: 'full_implementation',
      evidence: 'Try',
    });
    expect(res.statusCode).toBe(403);
  });

  it('suggests full implementation by the stated rule at initial implementation, never moving by itself', async () => {
    const before = (await stageOf(hr, w.schoolB.id)) as { stage: string; suggestFull: unknown };
    expect(before.stage).toBe('initial_implementation');
    expect(before.suggestFull).toMatchObject({
      eligible: false,
      covered: 0,
      atFidelity: 0,
      pct: 0,
      rule: { minPct: 50, fidelityThresholdPct: 80 },
    });
    await buildFidelityAtSchool(t.database.db, w, w.schoolB.id, { teachers: 4, atFidelity: 1 });
    expect((await stageOf(hr, w.schoolB.id)).suggestFull).toMatchObject({ eligible: false, covered: 4, atFidelity: 1, pct: 25 });
    await buildFidelityAtSchool(t.database.db, w, w.schoolB.id, { teachers: 2, atFidelity: 2 });
    const after = await stageOf(hr, w.schoolB.id);
    expect(after.suggestFull).toMatchObject({ eligible: true, covered: 6, atFidelity: 3, pct: 50 });
    expect(after.stage).toBe('initial_implementation');
    // Not at initial implementation: no suggestion.
    expect((await stageOf(hr, w.districtUnit.id)).suggestFull).toBeNull();
  });

  it('a school newly covered gets its row at exploration on the next read', async () => {
    await t.database.db
      .insert(initiativeSchools)
      .values({ districtId: w.districtId, initiativeId: w.initiative.id, orgUnitId: w.schoolC.id });
    const s = await stageOf(hr, w.schoolC.id);
    expect(s).toMatchObject({ stage: 'exploration', version: 1 });
    await t.database.db.delete(initiativeSchools).where(eq(initiativeSchools.orgUnitId, w.schoolC.id));
  });
});
