/**
 * Driver plans: created on first save, 409 on a stale version with the current plan, 400 naming
 * the field for unknown detail fields, bad dates and owners of another district; and driver
 * health climbing by its stated rule (services/implementation/drivers/health.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { coachingLogAttendees, coachingLogs, fidelityChecks, observations } from '../db/schema/index.ts';
import { buildDriverWorld, sessionBody, type DriverWorld } from '../test/fixtures/drivers.ts';
import { buildObservationFixture } from '../test/fixtures/observations.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: DriverWorld;
let hr: Client;
let owner: Client;

const url = (path = '') => `/api/initiatives/${w.initiative.id}/drivers${path}`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const health = async () =>
  Object.fromEntries(
    (await hr.get(url()))
      .json()
      .drivers.map((d: { driver: string; health: { health: string; reasons: string[] } }) => [
        d.driver,
        { health: d.health.health, reasons: d.health.reasons },
      ]),
  );

beforeAll(async () => {
  w = await buildDriverWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email!);
  owner = await signIn(t.app, w.trainingOwner.email!);
}, 60_000);

describe('saving a driver plan', () => {
  it('lists every driver, unwritten ones at version 0, with the initiative’s fidelity threshold', async () => {
    const list = (await hr.get(url())).json();
    expect(list.drivers.map((d: { driver: string }) => d.driver)).toEqual([
      'selection',
      'training',
      'coaching',
      'fidelity',
      'decision_support',
      'facilitative_administration',
      'systems_intervention',
      'leadership',
    ]);
    expect(list.drivers[0]).toMatchObject({
      version: 0,
      plan: '',
      owner: null,
      health: { health: 'not_started', reasons: ['no_owner', 'no_plan'] },
    });
    expect(list.initiative).toMatchObject({ name: 'Structured literacy', fidelityThresholdPct: 85 });
  });

  it('creates on first save (version 0), then a stale version answers 409 with the current plan', async () => {
    const body = {
      ownerPersonId: w.hr.personId,
      plan: 'Hire for the program',
      details: { skills: 'Explicit phonics' },
      dataWindowWeeks: 8,
    };
    const created = await hr.request('PUT', url('/selection'), { ...body, version: 0 });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ version: 1, plan: 'Hire for the program', details: { skills: 'Explicit phonics' } });
    const again = await hr.request('PUT', url('/selection'), { ...body, version: 0, plan: 'Lost?' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.current).toMatchObject({ version: 1, plan: 'Hire for the program' });
    const next = await hr.request('PUT', url('/selection'), { ...body, version: 1, plan: 'Hire for the program, v2' });
    expect(next.json().version).toBe(2);
  });

  it('refuses a field of another driver, a bad date and an owner of another district, naming the field', async () => {
    const body = { version: 0, ownerPersonId: w.hr.personId, plan: 'x', dataWindowWeeks: 8 };
    let res = await hr.request('PUT', url('/leadership'), { ...body, details: { skills: 'not here' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('details.skills');
    res = await hr.request('PUT', url('/leadership'), { ...body, details: { nextStepOn: 'next week' } });
    expect(res.json().error.details[0].path).toBe('details.nextStepOn');
    res = await hr.request('PUT', url('/leadership'), { ...body, ownerPersonId: w.outsiderPerson.id, details: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('ownerPersonId');
    res = await hr.request('PUT', url('/leadership'), { ...body, dataWindowWeeks: 0, details: {} });
    expect(res.statusCode).toBe(400);
    expect((await hr.get(url())).json().drivers.find((d: { driver: string }) => d.driver === 'leadership').version).toBe(0);
  });

  it('the owner edits their own plan; the audit log records it', async () => {
    const current = (await owner.get(url())).json().drivers.find((d: { driver: string }) => d.driver === 'training');
    const res = await owner.request('PUT', url('/training'), {
      version: current.version,
      ownerPersonId: w.trainingOwner.personId,
      plan: 'Four sessions, each at three times',
      details: { overview: 'Summer institute' },
      dataWindowWeeks: 4,
    });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await t.database.db.query.auditLog.findFirst({ where: (a, { eq }) => eq(a.action, 'driver_plan.update') });
    expect(audit?.entityType).toBe('driver_plan');
  });
});

describe('driver health', () => {
  it('climbs from planned to in place to producing data by the stated rule', async () => {
    // Selection: planned until its job-description text and interview questions are filled; in place is its top.
    let h = await health();
    expect(h.selection).toEqual({ health: 'planned', reasons: ['no_job_description', 'no_interview_questions'] });
    const sel = (await hr.get(url())).json().drivers[0];
    await hr.request('PUT', url('/selection'), {
      version: sel.version,
      ownerPersonId: w.hr.personId,
      plan: sel.plan,
      details: { jobDescriptionText: 'Knows the program', interviewQuestions: 'Model a lesson' },
      dataWindowWeeks: 8,
    });
    expect((await health()).selection).toEqual({ health: 'in_place', reasons: ['top_is_in_place'] });

    // Training: a session makes it in place; someone present at a session in the window makes it produce data.
    expect(h.training).toEqual({ health: 'planned', reasons: ['no_session'] });
    const past = await hr.post(`/api/initiatives/${w.initiative.id}/training-sessions`, sessionBody([daysAgo(70).toISOString()]));
    expect((await health()).training).toEqual({ health: 'in_place', reasons: ['no_attendance_in_window'] });
    // Attendance at a session 10 weeks ago is outside the 4-week window the owner set.
    await hr.post(`/api/initiatives/${w.initiative.id}/training-sessions/${past.json().items[0].id}/attendance`, {
      personIds: [w.teachersA[0]!.id],
    });
    expect((await health()).training.health).toBe('in_place');
    const recent = await hr.post(`/api/initiatives/${w.initiative.id}/training-sessions`, sessionBody([daysAgo(3).toISOString()]));
    await hr.post(`/api/initiatives/${w.initiative.id}/training-sessions/${recent.json().items[0].id}/attendance`, {
      personIds: [w.teachersA[0]!.id],
    });
    expect((await health()).training).toEqual({ health: 'producing_data', reasons: [] });

    // Coaching: not started without plan text; an assignment, then a held log by the assigned coach.
    h = await health();
    expect(h.coaching).toEqual({ health: 'not_started', reasons: ['no_plan'] });
    const coaching = (await hr.get(url())).json().drivers[2];
    await hr.request('PUT', url('/coaching'), {
      version: coaching.version,
      ownerPersonId: w.coachingOwner.personId,
      plan: 'One component at a time',
      details: {},
      dataWindowWeeks: 8,
    });
    expect((await health()).coaching).toEqual({ health: 'planned', reasons: ['no_assignment'] });
    await hr.post(`/api/initiatives/${w.initiative.id}/coaching`, {
      coachPersonId: w.coach.personId,
      personIds: [w.teachersA[1]!.id],
      startsOn: '2026-01-05',
    });
    expect((await health()).coaching).toEqual({ health: 'in_place', reasons: ['no_coaching_log_in_window'] });
    const db = t.database.db;
    const [log] = await db
      .insert(coachingLogs)
      .values({
        districtId: w.districtId,
        coachPersonId: w.coach.personId,
        startsAt: daysAgo(5),
        durationMinutes: 30,
        activity: 'modeling',
      })
      .returning();
    await db.insert(coachingLogAttendees).values({ districtId: w.districtId, logId: log!.id, personId: w.teachersA[1]!.id });
    expect((await health()).coaching).toEqual({ health: 'producing_data', reasons: [] });

    // Fidelity: a fidelity check makes it in place; one within the window, producing data.
    const fidelity = (await hr.get(url())).json().drivers[3];
    await hr.request('PUT', url('/fidelity'), {
      version: fidelity.version,
      ownerPersonId: w.hr.personId,
      plan: 'Checks each term',
      details: { whoChecks: 'Coaches', frequency: 'Each term' },
      dataWindowWeeks: 8,
    });
    expect((await health()).fidelity).toEqual({ health: 'planned', reasons: ['no_fidelity_check'] });
    const tool = await buildObservationFixture(db, w.districtId);
    const addCheck = async (checkedOn: string) => {
      const [obs] = await db
        .insert(observations)
        .values({
          districtId: w.districtId,
          typeId: tool.scoredTypeId,
          kind: 'fidelity',
          purpose: 'development',
          observedPersonId: w.teachersA[0]!.id,
          observerPersonId: w.coach.personId,
          observedOn: checkedOn,
        })
        .returning();
      await db.insert(fidelityChecks).values({
        districtId: w.districtId,
        observationId: obs!.id,
        initiativeId: w.initiative.id,
        rubricId: tool.rubricId,
        personId: w.teachersA[0]!.id,
        orgUnitId: w.schoolA.id,
        checkedOn,
        scorePct: 90,
        atFidelity: true,
      });
    };
    await addCheck('2020-01-10');
    expect((await health()).fidelity).toEqual({ health: 'in_place', reasons: ['no_check_in_window'] });
    await addCheck(daysAgo(2).toISOString().slice(0, 10));
    expect((await health()).fidelity).toEqual({ health: 'producing_data', reasons: [] });

    // Leadership: in place once its next step has a date.
    expect((await health()).leadership).toEqual({ health: 'not_started', reasons: ['no_owner', 'no_plan'] });
    await hr.request('PUT', url('/leadership'), {
      version: 0,
      ownerPersonId: w.leader.personId,
      plan: 'Protect the literacy block',
      details: { nextStep: 'Schedule walkthroughs' },
      dataWindowWeeks: 8,
    });
    expect((await health()).leadership).toEqual({ health: 'planned', reasons: ['no_next_step'] });
  });
});
