/**
 * Permission matrix: signed out -> 401; a pathway or step of another district -> 404; reading ->
 * everyone in the district; create, update, deactivate, steps, reorder, equivalences -> HR and
 * district admins only, others (teacher, principal) 403.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let admin: Client;
let teacher: Client;
let principal: Client;
let outsider: Client;

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  admin = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
  teacher = await signIn(t.app, (await buildUser(db, districtId, 'staff')).email);
  principal = await signIn(t.app, (await buildUser(db, districtId, 'school_leader')).email);
  const other = (await buildDistrict(db, 'Other')).id;
  outsider = await signIn(t.app, (await buildUser(db, other, 'district_admin')).email);
});

const teacherLadder = {
  name: 'Instructional',
  category: 'instructional',
  description: 'Grow without leaving the classroom',
};

async function ladder(client: Client, name = 'Instructional') {
  const pathway = (await client.post('/api/pathways', { ...teacherLadder, name })).json();
  const steps = [];
  for (const [i, title] of ['Instructional assistant', 'Apprentice teacher', 'Teacher', 'Teacher leader'].entries()) {
    const res = await client.post(`/api/pathways/${pathway.id}/steps`, {
      title,
      staffRole: ['instructional_assistant', 'apprentice_teacher', 'teacher', 'team_lead'][i],
      responsibilityLevel: i + 1,
      responsibilities: [`Duty ${i}`],
      prerequisites: { minYearsExperience: i, credentials: i > 1 ? ['State teaching credential'] : [], evidence: [] },
      payBandMinUsd: 30000 + i * 10000,
      payBandMaxUsd: 40000 + i * 10000,
    });
    expect(res.statusCode).toBe(201);
    steps.push(res.json());
  }
  return { pathway: (await client.get(`/api/pathways/${pathway.id}`)).json(), steps };
}

describe('pathways permission matrix', () => {
  it('401 signed out, 404 for another district, 403 for readers who write', async () => {
    const { pathway, steps } = await ladder(hr);
    expect((await anonymous(t.app).get('/api/pathways')).statusCode).toBe(401);
    expect((await anonymous(t.app).get(`/api/pathway-steps/${steps[0].id}`)).statusCode).toBe(401);
    expect((await outsider.get(`/api/pathways/${pathway.id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/pathway-steps/${steps[0].id}`)).statusCode).toBe(404);
    expect((await outsider.patch(`/api/pathways/${pathway.id}`, { version: pathway.version, name: 'x' })).statusCode).toBe(404);
    expect((await outsider.post(`/api/pathways/${pathway.id}/steps`, { title: 'x' })).statusCode).toBe(404);
    expect((await outsider.get('/api/pathways')).json().items.some((p: { id: string }) => p.id === pathway.id)).toBe(false);
    // Readers see everything, change nothing.
    for (const reader of [teacher, principal]) {
      const seen = await reader.get(`/api/pathways/${pathway.id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().abilities).toEqual({ update: false, deactivate: false });
      expect((await reader.post('/api/pathways', teacherLadder)).statusCode).toBe(403);
      expect((await reader.patch(`/api/pathways/${pathway.id}`, { version: pathway.version, name: 'x' })).statusCode).toBe(403);
      expect((await reader.post(`/api/pathways/${pathway.id}/deactivate`, { version: pathway.version })).statusCode).toBe(403);
      expect((await reader.post(`/api/pathways/${pathway.id}/steps`, { title: 'x' })).statusCode).toBe(403);
      expect((await reader.patch(`/api/pathway-steps/${steps[0].id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
      expect(
        (
          await reader.post(`/api/pathways/${pathway.id}/steps/reorder`, {
            version: pathway.version,
            stepIds: steps.map((s: { id: string }) => s.id),
          })
        ).statusCode,
      ).toBe(403);
    }
    // District admins edit as HR does.
    expect(
      (await admin.patch(`/api/pathways/${pathway.id}`, { version: pathway.version, description: 'Edited by an admin' })).statusCode,
    ).toBe(200);
  });
});

describe('pathways', () => {
  it('creates a ladder with ordered steps, reads it back and audits every write', async () => {
    const { pathway, steps } = await ladder(hr, 'Ladder A');
    expect(pathway).toMatchObject({
      name: 'Ladder A',
      category: 'instructional',
      function: null,
      active: true,
      abilities: { update: true },
    });
    expect(pathway.steps.map((s: { title: string }) => s.title)).toEqual([
      'Instructional assistant',
      'Apprentice teacher',
      'Teacher',
      'Teacher leader',
    ]);
    expect(pathway.steps[2]).toMatchObject({
      position: 2,
      staffRole: 'teacher',
      responsibilityLevel: 3,
      payBandMinUsd: 50000,
      payBandMaxUsd: 60000,
      prerequisites: { minYearsExperience: 2, credentials: ['State teaching credential'], evidence: [] },
      pathwayName: 'Ladder A',
    });
    const list = (await teacher.get('/api/pathways')).json();
    const summary = list.items.find((p: { id: string }) => p.id === pathway.id);
    expect(summary.steps).toHaveLength(4);
    const audit = (await admin.get(`/api/audit?entityId=${steps[0].id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'pathway_step.create', entityType: 'pathway_step' });
  });

  it('needs a function for a central-office pathway and drops it for others', async () => {
    const missing = await hr.post('/api/pathways', { name: 'Finance', category: 'central_office' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('function');
    const finance = await hr.post('/api/pathways', { name: 'Finance', category: 'central_office', function: 'finance' });
    expect(finance.json()).toMatchObject({ category: 'central_office', function: 'finance' });
    const leadership = await hr.post('/api/pathways', { name: 'School leadership', category: 'leadership', function: 'finance' });
    expect(leadership.json().function).toBeNull();
  });

  it('inserts a step at a position and reorders the ladder with the pathway version', async () => {
    const { pathway, steps } = await ladder(hr, 'Ladder B');
    const inserted = await hr.post(`/api/pathways/${pathway.id}/steps`, { title: 'Associate teacher', position: 2 });
    expect(inserted.json().position).toBe(2);
    const afterInsert = (await hr.get(`/api/pathways/${pathway.id}`)).json();
    expect(afterInsert.steps.map((s: { title: string }) => s.title)).toEqual([
      'Instructional assistant',
      'Apprentice teacher',
      'Associate teacher',
      'Teacher',
      'Teacher leader',
    ]);
    // The insert changed the order: a reorder made from the old page is stale.
    const stale = await hr.post(`/api/pathways/${pathway.id}/steps/reorder`, {
      version: pathway.version,
      stepIds: steps.map((s: { id: string }) => s.id),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.steps).toHaveLength(5);
    const ids = afterInsert.steps.map((s: { id: string }) => s.id);
    const incomplete = await hr.post(`/api/pathways/${pathway.id}/steps/reorder`, { version: afterInsert.version, stepIds: ids.slice(1) });
    expect(incomplete.statusCode).toBe(400);
    const reversed = await hr.post(`/api/pathways/${pathway.id}/steps/reorder`, {
      version: afterInsert.version,
      stepIds: [...ids].reverse(),
    });
    expect(reversed.statusCode).toBe(200);
    expect(reversed.json().steps.map((s: { title: string }) => s.title)[0]).toBe('Teacher leader');
    expect(reversed.json().steps.map((s: { position: number }) => s.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a pay band whose minimum exceeds its maximum, also when only one end changes', async () => {
    const { pathway, steps } = await ladder(hr, 'Ladder C');
    const bad = await hr.post(`/api/pathways/${pathway.id}/steps`, { title: 'Upside down', payBandMinUsd: 70000, payBandMaxUsd: 60000 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const step = steps[0];
    const onlyMin = await hr.patch(`/api/pathway-steps/${step.id}`, { version: step.version, payBandMinUsd: 99000 });
    expect(onlyMin.statusCode).toBe(400);
    expect(onlyMin.json().error.details[0].path).toBe('payBandMaxUsd');
    const negative = await hr.patch(`/api/pathway-steps/${step.id}`, { version: step.version, payBandMinUsd: -5 });
    expect(negative.statusCode).toBe(400);
    const ok = await hr.patch(`/api/pathway-steps/${step.id}`, {
      version: step.version,
      payBandMinUsd: 35000,
      summary: 'Supports a lead teacher',
    });
    expect(ok.json()).toMatchObject({ payBandMinUsd: 35000, payBandMaxUsd: 40000, summary: 'Supports a lead teacher', version: 2 });
  });

  it('answers 409 with the current step or pathway to a stale edit', async () => {
    const { pathway, steps } = await ladder(hr, 'Ladder D');
    const step = steps[1];
    expect((await hr.patch(`/api/pathway-steps/${step.id}`, { version: 1, title: 'Apprentice teacher I' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/pathway-steps/${step.id}`, { version: 1, title: 'Other title' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.title).toBe('Apprentice teacher I');
    const stalePathway = await admin.patch(`/api/pathways/${pathway.id}`, { version: 1, name: 'Other' });
    expect(stalePathway.statusCode).toBe(409);
    expect(stalePathway.json().error.details.current.name).toBe('Ladder D');
  });

  it('deactivates and reactivates pathways and steps, never deletes them', async () => {
    const { pathway, steps } = await ladder(hr, 'Ladder E');
    const off = await hr.post(`/api/pathways/${pathway.id}/deactivate`, { version: pathway.version });
    expect(off.json().active).toBe(false);
    const active = (await hr.get('/api/pathways')).json().items.map((p: { id: string }) => p.id);
    const all = (await hr.get('/api/pathways?active=all')).json().items.map((p: { id: string }) => p.id);
    expect(active).not.toContain(pathway.id);
    expect(all).toContain(pathway.id);
    expect((await hr.post(`/api/pathways/${pathway.id}/reactivate`, { version: off.json().version })).json().active).toBe(true);
    const stepOff = await hr.post(`/api/pathway-steps/${steps[3].id}/deactivate`, { version: steps[3].version });
    expect(stepOff.json().active).toBe(false);
    expect((await hr.get(`/api/pathways/${pathway.id}`)).json().steps).toHaveLength(4);
  });

  it('declares equivalences across pathways once per pair, seen from both steps', async () => {
    const { steps: teaching } = await ladder(hr, 'Teaching');
    const leadership = (await hr.post('/api/pathways', { name: 'School leadership', category: 'leadership' })).json();
    const ap = (
      await hr.post(`/api/pathways/${leadership.id}/steps`, {
        title: 'Assistant principal',
        staffRole: 'assistant_principal',
        responsibilityLevel: 4,
      })
    ).json();
    const teacherLeader = teaching[3];
    const created = await hr.post(`/api/pathway-steps/${teacherLeader.id}/equivalences`, {
      equivalentStepId: ap.id,
      dimensions: ['skills', 'responsibility', 'pay'],
      notes: 'Same pay band and scope of responsibility',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().equivalences).toEqual([
      expect.objectContaining({
        dimensions: ['skills', 'responsibility', 'pay'],
        step: expect.objectContaining({ id: ap.id, pathwayName: 'School leadership', title: 'Assistant principal' }),
      }),
    ]);
    const fromOtherSide = (await teacher.get(`/api/pathway-steps/${ap.id}`)).json();
    expect(fromOtherSide.equivalences[0].step).toMatchObject({ id: teacherLeader.id, pathwayName: 'Teaching' });
    // The same pair again, from either side, is refused.
    const again = await hr.post(`/api/pathway-steps/${ap.id}/equivalences`, { equivalentStepId: teacherLeader.id, dimensions: ['pay'] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');
    // Steps of one pathway are not "equivalent": they are the ladder.
    const same = await hr.post(`/api/pathway-steps/${teaching[0].id}/equivalences`, {
      equivalentStepId: teaching[1].id,
      dimensions: ['pay'],
    });
    expect(same.statusCode).toBe(400);
    const equivalenceId = created.json().equivalences[0].id;
    expect((await teacher.patch(`/api/pathway-steps/${ap.id}/equivalences/${equivalenceId}`, { dimensions: ['pay'] })).statusCode).toBe(
      403,
    );
    const edited = await hr.patch(`/api/pathway-steps/${ap.id}/equivalences/${equivalenceId}`, { dimensions: ['pay', 'pay'] });
    expect(edited.json().equivalences[0].dimensions).toEqual(['pay']);
    const removed = await hr.request('DELETE', `/api/pathway-steps/${ap.id}/equivalences/${equivalenceId}`);
    expect(removed.statusCode).toBe(204);
    expect((await hr.get(`/api/pathway-steps/${teacherLeader.id}`)).json().equivalences).toEqual([]);
    const audit = (await admin.get(`/api/audit?entityId=${equivalenceId}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action).sort()).toEqual([
      'step_equivalence.create',
      'step_equivalence.delete',
      'step_equivalence.update',
    ]);
  });
});
