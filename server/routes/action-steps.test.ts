/**
 * Permission matrix: signed out -> 401; another district -> 404; a step of someone the caller does
 * not support -> 404 (teacher, creator, the teacher's school leaders and caseload coaches, HR,
 * admins read); a draft observation's steps are its observers' until published; the teacher moves
 * a step to practicing but may not mark it mastered, reopen it or edit it (403).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionStepLibrary, notifications } from '../db/schema/index.ts';
import { buildObservationWorld } from '../test/fixtures/observations.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildObservationWorld>>;
const as: Record<string, Client> = {};
let libraryId = '';
let observationId = '';
const steps: { id: string; version: number }[] = [];

beforeAll(async () => {
  w = await buildObservationWorld(t.database.db);
  for (const key of ['teacher', 'otherTeacher', 'leader', 'leaderB', 'coach', 'coach2', 'hr', 'outsider'] as const) {
    as[key] = await signIn(t.app, w[key].email);
  }
  const [lib] = await t.database.db
    .insert(actionStepLibrary)
    .values({
      districtId: w.districtId,
      itemId: w.fixture.criteria[0]!.itemId,
      title: 'Cold call after wait time',
      practicePrompt: 'Plan three questions',
    })
    .returning();
  libraryId = lib!.id;
}, 60_000);

async function draft() {
  const res = await as.leader!.post('/api/observations', {
    typeId: w.fixture.scoredTypeId,
    observedPersonId: w.teacher.personId,
    observedOn: '2026-11-10',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function publish(obs: { id: string }, body: Record<string, unknown> = {}) {
  const current = (await as.leader!.get(`/api/observations/${obs.id}`)).json();
  const saved = await as.leader!.request('PUT', `/api/observations/${obs.id}/draft`, {
    version: current.version,
    scores: [{ criterionId: w.fixture.criteria[0]!.id, scaleLevelId: w.fixture.levels[1]!.id }],
    ...body,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await as.leader!.post(`/api/observations/${obs.id}/publish`, { version: saved.json().version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const assigned = async () =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, w.teacher.personId), eq(notifications.kind, 'action_step_assigned')));

describe('action steps from an observation', () => {
  it('agrees steps from the library or fresh; the teacher sees and is told of them at publishing', async () => {
    const obs = await draft();
    observationId = obs.id;
    const fromLibrary = await as.leader!.post(`/api/observations/${obs.id}/action-steps`, {
      libraryStepId: libraryId,
      dueOn: '2026-11-24',
    });
    expect(fromLibrary.statusCode, fromLibrary.body).toBe(201);
    expect(fromLibrary.json()).toMatchObject({
      title: 'Cold call after wait time',
      practicePrompt: 'Plan three questions',
      item: { id: w.fixture.criteria[0]!.itemId },
      status: 'assigned',
      observationPublished: false,
    });
    const fresh = await as.leader!.post(`/api/observations/${obs.id}/action-steps`, {
      title: 'Post the learning target',
      dueOn: '2026-11-20',
    });
    expect(fresh.statusCode).toBe(201);
    steps.push(fromLibrary.json(), fresh.json());
    expect((await as.leader!.post(`/api/observations/${obs.id}/action-steps`, {})).statusCode).toBe(400);
    // Not shared yet.
    expect((await as.teacher!.get('/api/action-steps')).json().total).toBe(0);
    expect((await as.teacher!.get(`/api/action-steps/${steps[0]!.id}`)).statusCode).toBe(404);
    expect(await assigned()).toHaveLength(0);
    const published = await publish(obs);
    expect(published.actionSteps).toHaveLength(2);
    const mine = (await as.teacher!.get('/api/action-steps')).json();
    expect(mine.items.map((s: { title: string }) => s.title)).toEqual(['Post the learning target', 'Cold call after wait time']);
    expect(await assigned()).toHaveLength(2);
    // Added to a published observation: told at once.
    const later = await as.leader!.post(`/api/observations/${obs.id}/action-steps`, { title: 'Use a timer' });
    expect(later.statusCode).toBe(201);
    expect(await assigned()).toHaveLength(3);
  });

  it('status: the teacher practices; only supporters mark mastered or reopen; due date with version', async () => {
    const [step] = steps;
    const patch = (client: Client, body: Record<string, unknown>) => client.patch(`/api/action-steps/${step!.id}`, body);
    let current = (await as.teacher!.get(`/api/action-steps/${step!.id}`)).json();
    expect(current.abilities).toEqual({ changeStatus: true, markMastered: false, edit: false });
    expect((await patch(as.teacher!, { version: current.version, status: 'mastered' })).statusCode).toBe(403);
    expect((await patch(as.teacher!, { version: current.version, dueOn: '2026-12-01' })).statusCode).toBe(403);
    const practicing = await patch(as.teacher!, { version: current.version, status: 'practicing' });
    expect(practicing.statusCode).toBe(200);
    expect(practicing.json().status).toBe('practicing');
    expect((await patch(as.leader!, { version: current.version, dueOn: '2026-12-01' })).statusCode).toBe(409);
    current = practicing.json();
    const moved = await patch(as.leader!, { version: current.version, dueOn: '2026-12-01' });
    expect(moved.json()).toMatchObject({ dueOn: '2026-12-01', version: current.version + 1 });
    const mastered = await patch(as.coach!, { version: moved.json().version, status: 'mastered' });
    expect(mastered.statusCode).toBe(200);
    expect(mastered.json().masteredAt).not.toBeNull();
    expect((await patch(as.teacher!, { version: mastered.json().version, status: 'practicing' })).statusCode).toBe(403);
    const reopened = await patch(as.leader!, { version: mastered.json().version, status: 'practicing' });
    expect(reopened.json()).toMatchObject({ status: 'practicing', masteredAt: null });
  });

  it('who reads a step', async () => {
    const id = steps[1]!.id;
    const expected: [string, number][] = [
      ['teacher', 200],
      ['leader', 200],
      ['coach', 200],
      ['hr', 200],
      ['otherTeacher', 404],
      ['coach2', 404],
      ['leaderB', 404],
      ['outsider', 404],
    ];
    for (const [role, status] of expected) expect((await as[role]!.get(`/api/action-steps/${id}`)).statusCode, role).toBe(status);
    expect((await anonymous(t.app).get(`/api/action-steps/${id}`)).statusCode).toBe(401);
    expect((await as.otherTeacher!.get(`/api/action-steps?personId=${w.teacher.personId}`)).json().total).toBe(0);
    expect((await as.leaderB!.patch(`/api/action-steps/${id}`, { version: 1, status: 'mastered' })).statusCode).toBe(404);
    expect((await as.coach!.get(`/api/action-steps?personId=${w.teacher.personId}&open=true`)).json().total).toBe(3);
  });

  it('the next observation checks open steps; publishing moves them on', async () => {
    const next = await draft();
    const view = (await as.leader!.get(`/api/observations/${next.id}`)).json();
    expect(view.openActionSteps.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([steps[0]!.id, steps[1]!.id]));
    const bad = await as.leader!.request('PUT', `/api/observations/${next.id}/draft`, {
      version: view.version,
      actionStepChecks: [{ actionStepId: crypto.randomUUID(), result: 'mastered' }],
    });
    expect(bad.statusCode).toBe(400);
    await publish(next, {
      actionStepChecks: [
        { actionStepId: steps[0]!.id, result: 'mastered', comment: 'Every question followed by wait time' },
        { actionStepId: steps[1]!.id, result: 'progressing' },
      ],
    });
    const first = (await as.teacher!.get(`/api/action-steps/${steps[0]!.id}`)).json();
    expect(first).toMatchObject({ status: 'mastered', lastCheck: { observationId: next.id, result: 'mastered' } });
    expect((await as.teacher!.get(`/api/action-steps/${steps[1]!.id}`)).json().status).toBe('practicing');
    const published = (await as.teacher!.get(`/api/observations/${next.id}`)).json();
    expect(published.actionStepChecks).toHaveLength(2);
    expect(published.openActionSteps.map((s: { id: string }) => s.id).sort()).toEqual([steps[0]!.id, steps[1]!.id].sort());
    expect(observationId).not.toBe(next.id);
  });
});
