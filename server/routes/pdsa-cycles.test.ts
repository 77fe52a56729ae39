/**
 * PDSA cycles: created in plan for a covered school and a profile component, moved on only when a
 * step is complete, closed only with study and act, and classified as an implementation problem
 * (not done as intended) or an innovation problem (done as intended, prediction not met).
 */
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { buildFidelityAtSchool, buildStagesWorld, type StagesWorld } from '../test/fixtures/implementation-stages.ts';
import { buildFrameworkVersion } from '../test/fixtures/rubrics.ts';
import { isoDay } from '../test/fixtures/tracker.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: StagesWorld;
let member: Client;
let hr: Client;
const base = () => `/api/initiatives/${w.initiative.id}/pdsa`;

beforeAll(async () => {
  w = await buildStagesWorld(t.database.db);
  member = await signIn(t.app, w.teamMemberA.email);
  hr = await signIn(t.app, w.hr.email);
}, 60_000);

const plan = () => ({
  orgUnitId: w.schoolA.id,
  itemId: w.components[0]!.id,
  title: 'Daily phonemic awareness warm-up',
  change: 'Five minutes of oral blending at the start of each lesson',
  prediction: 'Blending scores rise by 10 points in four weeks',
  measures: 'Weekly blending probe; fidelity checks on the warm-up',
});

async function create(body: Record<string, unknown> = plan(), client = member) {
  const res = await client.post(base(), body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function advance(cycle: { id: string; version: number }, fields: Record<string, unknown> = {}, client = member) {
  return client.post(`${base()}/${cycle.id}/advance`, { version: cycle.version, ...fields });
}

/** Runs a cycle from plan to closed with the given do and study answers. */
async function runToClose(doneAsIntended: boolean, predictionMet: boolean) {
  let c = await create();
  for (const fields of [{}, { doneAsIntended, doNotes: 'Notes' }, { study: 'Probe went from 40 to 44', predictionMet }, { act: 'adapt' }]) {
    const res = await advance(c, fields);
    expect(res.statusCode, res.body).toBe(200);
    c = res.json();
  }
  return c;
}

describe('creating', () => {
  it('starts in plan for a covered school and a profile component', async () => {
    const c = await create();
    expect(c).toMatchObject({
      status: 'plan',
      school: { name: 'Alder Elementary' },
      component: { id: w.components[0]!.id },
      problem: null,
      version: 1,
    });
    expect(c.abilities.edit).toBe(true);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit!.action).toBe('pdsa_cycle.create');
  });

  it('a school the initiative does not cover, or a component outside the profile, is a 400 naming the field', async () => {
    let res = await hr.post(base(), { ...plan(), orgUnitId: w.schoolC.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('orgUnitId');
    const otherFramework = await buildFrameworkVersion(t.database.db, w.districtId, { domains: 1, perDomain: 1 });
    for (const itemId of [randomUUID(), otherFramework.competencies[0]!.id]) {
      res = await hr.post(base(), { ...plan(), itemId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('itemId');
    }
    res = await hr.post(base(), { ...plan(), title: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('title');
  });
});

describe('steps', () => {
  it('leaving plan needs the change, a prediction and measures', async () => {
    const c = await create({ orgUnitId: w.schoolA.id, itemId: w.components[1]!.id, title: 'Exit tickets' });
    let res = await advance(c);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('change');
    res = await advance(c, { change: 'Exit ticket every lesson', prediction: 'More students at mastery' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('measures');
    // Nothing was written by the refused step.
    expect((await member.get(`${base()}/${c.id}`)).json()).toMatchObject({ change: '', version: 1 });
    res = await member.patch(`${base()}/${c.id}`, { version: 1, change: 'Exit ticket every lesson', prediction: 'More at mastery' });
    expect(res.statusCode, res.body).toBe(200);
    res = await advance(res.json(), { measures: 'Share at mastery on exit tickets' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('do');
    res = await advance(res.json());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('doneAsIntended');
  });

  it('a cycle cannot close without study and act', async () => {
    let c = await create();
    for (const fields of [{}, { doneAsIntended: true }, { study: 'Scores rose', predictionMet: true }])
      c = (await advance(c, fields)).json();
    expect(c.status).toBe('act');
    let res = await advance(c);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ path: 'act', message: 'a cycle cannot close without study and act' });
    res = await advance(c, { act: 'adopt', study: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toEqual({ path: 'study', message: 'a cycle cannot close without study and act' });
    res = await advance(c, { act: 'adopt', predictionMet: null });
    expect(res.json().error.details[0].path).toBe('predictionMet');
    expect((await member.get(`${base()}/${c.id}`)).json()).toMatchObject({ status: 'act', act: null, version: c.version });
    res = await advance(c, { act: 'adopt' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', problem: 'none', abilities: { edit: false } });
    res = await member.patch(`${base()}/${c.id}`, { version: res.json().version, actNotes: 'Later' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('invalid_state');
  });

  it('classifies not done as intended as an implementation problem', async () => {
    expect((await runToClose(false, false)).problem).toBe('implementation_problem');
    expect((await runToClose(false, true)).problem).toBe('implementation_problem');
  });

  it('classifies done as intended without the predicted result as an innovation problem', async () => {
    const c = await runToClose(true, false);
    expect(c.problem).toBe('innovation_problem');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'pdsa_cycle.advance',
      'pdsa_cycle.advance',
      'pdsa_cycle.advance',
      'pdsa_cycle.close',
      'pdsa_cycle.create',
    ]);
  });

  it('a stale version is a 409 with the current cycle', async () => {
    const c = await create();
    const first = await member.patch(`${base()}/${c.id}`, { version: 1, doNotes: 'First' });
    expect(first.statusCode).toBe(200);
    const res = await hr.patch(`${base()}/${c.id}`, { version: 1, doNotes: 'Second' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.current).toMatchObject({ doNotes: 'First', version: 2 });
  });
});

describe('reading', () => {
  it('offers the covered schools (saying where the caller may start a cycle) and the profile components', async () => {
    const res = await member.get(`${base()}/options`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.initiative.name).toBe('Structured literacy');
    expect(o.schools.map((s: { name: string; canCreate: boolean }) => [s.name, s.canCreate])).toEqual([
      ['Central office', false],
      ['Alder Elementary', true],
      ['Birch Elementary', false],
    ]);
    expect(o.components.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(w.components.map((c) => c.id)));
  });

  it('lists with filters by school, component and status', async () => {
    const other = await create({ ...plan(), orgUnitId: w.schoolB.id, itemId: w.components[2]!.id, title: 'Birch cycle' }, hr);
    // A member of Alder's team does not act for Birch.
    expect((await member.post(base(), { ...plan(), orgUnitId: w.schoolB.id })).statusCode).toBe(403);
    let list = (await hr.get(`${base()}?orgUnitId=${w.schoolB.id}`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([other.id]);
    expect(list.total).toBe(1);
    list = (await hr.get(`${base()}?itemId=${w.components[2]!.id}&status=plan`)).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([other.id]);
    list = (await hr.get(`${base()}?status=closed`)).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c: { status: string }) => c.status === 'closed')).toBe(true);
    expect((await hr.get(`${base()}?status=finished`)).statusCode).toBe(400);
  });

  it('shows the fidelity checks of the school in the cycle period, without names', async () => {
    await buildFidelityAtSchool(t.database.db, w, w.schoolA.id, { teachers: 2, atFidelity: 1, checkedOn: isoDay(-5) });
    await buildFidelityAtSchool(t.database.db, w, w.schoolA.id, { teachers: 1, atFidelity: 1, checkedOn: isoDay(-40) });
    const c = await create({ ...plan(), startsOn: isoDay(-10), endsOn: isoDay(10) });
    const view = (await member.get(`${base()}/${c.id}`)).json();
    expect(view.fidelity).toMatchObject({ from: isoDay(-10), to: isoDay(10) });
    expect(view.fidelity.checks.map((k: { scorePct: number }) => k.scorePct).sort()).toEqual([40, 90]);
    expect(JSON.stringify(view.fidelity)).not.toContain('personId');
  });
});
