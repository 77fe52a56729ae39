/**
 * Permission matrix: signed out -> 401; another district's type, library step or competency -> 404;
 * reading -> everyone in the district; writing -> HR and district admins, teachers and principals 403.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { OBSERVATION_LIMITS } from '../../common/observation.ts';
import type { Db } from '../db/client.ts';
import { frameworkItems, frameworkVersions, frameworks } from '../db/schema/index.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let hr: Client;
let admin: Client;
let teacher: Client;
let principal: Client;
let outsider: Client;
let framework: { id: string; itemId: string };
let draftOnly: string;
let otherItemId: string;

/** A framework with one version (published or draft) holding one competency. */
async function buildFramework(db: Db, districtId: string, status: 'published' | 'draft', title = 'Teaching framework') {
  const [fw] = await db.insert(frameworks).values({ districtId, title }).returning();
  const [version] = await db
    .insert(frameworkVersions)
    .values({ districtId, frameworkId: fw!.id, versionNumber: 1, status, caseIdentifier: randomUUID(), title, creator: 'HR' })
    .returning();
  const [item] = await db
    .insert(frameworkItems)
    .values({
      districtId,
      versionId: version!.id,
      caseIdentifier: randomUUID(),
      humanCode: '2a',
      fullStatement: 'Creating an environment of respect',
    })
    .returning();
  return { id: fw!.id, itemId: item!.id };
}

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  hr = await signIn(t.app, (await buildUser(db, districtId, 'hr')).email);
  admin = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
  teacher = await signIn(t.app, (await buildUser(db, districtId, 'staff')).email);
  principal = await signIn(t.app, (await buildUser(db, districtId, 'school_leader')).email);
  framework = await buildFramework(db, districtId, 'published');
  draftOnly = (await buildFramework(db, districtId, 'draft', 'Draft only')).id;
  const other = (await buildDistrict(db, 'Other')).id;
  outsider = await signIn(t.app, (await buildUser(db, other, 'district_admin')).email);
  otherItemId = (await buildFramework(db, other, 'published')).itemId;
});

describe('non-negotiables', () => {
  it('everyone reads the defaults; HR and admins save; others 403; signed out 401', async () => {
    expect((await anonymous(t.app).get('/api/settings/non-negotiables')).statusCode).toBe(401);
    const read = await teacher.get('/api/settings/non-negotiables');
    expect(read.statusCode).toBe(200);
    const current = read.json();
    expect(current).toMatchObject({
      scoredObservationsPerTerm: 2,
      feedbackWithinSchoolDays: 2,
      observationFrameworkId: null,
      abilities: { update: false },
    });
    expect(current.effectiveFrameworkId).toBe(framework.id);
    expect(current.frameworks.map((f: { id: string }) => f.id)).toEqual([framework.id]);
    const body = {
      scoredObservationsPerTerm: 3,
      feedbackWithinSchoolDays: 5,
      observationFrameworkId: framework.id,
      version: current.version,
    };
    expect((await teacher.request('PUT', '/api/settings/non-negotiables', body)).statusCode).toBe(403);
    expect((await principal.request('PUT', '/api/settings/non-negotiables', body)).statusCode).toBe(403);
    const saved = await hr.request('PUT', '/api/settings/non-negotiables', body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      scoredObservationsPerTerm: 3,
      feedbackWithinSchoolDays: 5,
      observationFrameworkId: framework.id,
      version: current.version + 1,
    });
    // Another district sees its own settings, untouched.
    expect((await outsider.get('/api/settings/non-negotiables')).json()).toMatchObject({ scoredObservationsPerTerm: 2 });
  });

  it('stale version -> 409 with the current settings; bad numbers and frameworks -> 400', async () => {
    const current = (await admin.get('/api/settings/non-negotiables')).json();
    const base = { scoredObservationsPerTerm: 2, feedbackWithinSchoolDays: 2, observationFrameworkId: null, version: current.version };
    const stale = await admin.request('PUT', '/api/settings/non-negotiables', { ...base, version: current.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({
      version: current.version,
      scoredObservationsPerTerm: current.scoredObservationsPerTerm,
    });
    for (const bad of [
      { scoredObservationsPerTerm: -1 },
      { scoredObservationsPerTerm: 21 },
      { feedbackWithinSchoolDays: 31 },
      { feedbackWithinSchoolDays: 1.5 },
    ]) {
      expect((await admin.request('PUT', '/api/settings/non-negotiables', { ...base, ...bad })).statusCode).toBe(400);
    }
    for (const frameworkId of [draftOnly, randomUUID()]) {
      const res = await admin.request('PUT', '/api/settings/non-negotiables', { ...base, observationFrameworkId: frameworkId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('observationFrameworkId');
    }
    expect((await admin.request('PUT', '/api/settings/non-negotiables', base)).statusCode).toBe(200);
  });
});

describe('observation types', () => {
  it('the list creates the defaults; everyone reads; HR edits, deactivates and reactivates', async () => {
    expect((await anonymous(t.app).get('/api/observation-types')).statusCode).toBe(401);
    const list = (await teacher.get('/api/observation-types')).json();
    expect(list.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['scored', 'walkthrough']);
    const walkthrough = list.items.find((i: { kind: string }) => i.kind === 'walkthrough');
    expect(walkthrough.lookFors).toHaveLength(5);
    expect(walkthrough.abilities).toEqual({ update: false, deactivate: false });

    const input = { name: 'Peer visit', kind: 'walkthrough', lookFors: ['Exit ticket used'], defaultDurationMinutes: 20 };
    expect((await teacher.post('/api/observation-types', input)).statusCode).toBe(403);
    const created = await hr.post('/api/observation-types', input);
    expect(created.statusCode).toBe(201);
    const type = created.json();
    expect(type).toMatchObject({
      name: 'Peer visit',
      kind: 'walkthrough',
      lookFors: ['Exit ticket used'],
      active: true,
      abilities: { update: true },
    });

    expect((await principal.patch(`/api/observation-types/${type.id}`, { version: type.version, name: 'x' })).statusCode).toBe(403);
    const edited = (
      await hr.patch(`/api/observation-types/${type.id}`, { version: type.version, lookFors: ['Exit ticket used', 'Turn and talk'] })
    ).json();
    expect(edited).toMatchObject({ lookFors: ['Exit ticket used', 'Turn and talk'], version: type.version + 1 });
    const stale = await hr.patch(`/api/observation-types/${type.id}`, { version: type.version, name: 'Late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ id: type.id, version: edited.version });

    const off = (await admin.post(`/api/observation-types/${type.id}/deactivate`, { version: edited.version })).json();
    expect(off.active).toBe(false);
    const active = (await teacher.get('/api/observation-types?active=true')).json();
    expect(active.items.some((i: { id: string }) => i.id === type.id)).toBe(false);
    expect((await admin.post(`/api/observation-types/${type.id}/reactivate`, { version: off.version })).json().active).toBe(true);

    expect((await outsider.patch(`/api/observation-types/${type.id}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await outsider.post(`/api/observation-types/${type.id}/deactivate`, { version: 1 })).statusCode).toBe(404);
    expect((await outsider.get('/api/observation-types')).json().items.some((i: { id: string }) => i.id === type.id)).toBe(false);
  });

  it('look-for rules: walkthroughs need some, within the limits; scored types have none and may count', async () => {
    const tooMany = Array.from({ length: OBSERVATION_LIMITS.lookFors + 1 }, (_, i) => `Look-for ${i}`);
    const cases = [
      { name: 'W', kind: 'walkthrough', lookFors: [] },
      { name: 'W', kind: 'walkthrough', lookFors: tooMany },
      { name: 'W', kind: 'walkthrough', lookFors: ['x'.repeat(OBSERVATION_LIMITS.lookForChars + 1)] },
      { name: 'W', kind: 'walkthrough', lookFors: ['ok'], countsTowardRequirement: true },
      { name: 'S', kind: 'scored', lookFors: ['no'] },
      { name: 'S', kind: 'scored', defaultDurationMinutes: -5 },
      { name: 'S', kind: 'scored', defaultDurationMinutes: 100_000 },
      { name: '', kind: 'scored' },
      { name: 'S', kind: 'fidelity' },
    ];
    for (const body of cases) expect((await hr.post('/api/observation-types', body)).statusCode, JSON.stringify(body)).toBe(400);
    const scored = await hr.post('/api/observation-types', { name: 'Formal', kind: 'scored', countsTowardRequirement: true });
    expect(scored.json()).toMatchObject({ kind: 'scored', countsTowardRequirement: true, lookFors: [] });
  });
});

describe('action-step library', () => {
  it('HR adds steps tagged with a competency; everyone filters by competency and text', async () => {
    expect((await anonymous(t.app).get('/api/action-step-library')).statusCode).toBe(401);
    const input = {
      title: 'Narrate the positive: name two students following directions',
      practicePrompt: 'Rehearse three narrations',
      itemId: framework.itemId,
    };
    expect((await teacher.post('/api/action-step-library', input)).statusCode).toBe(403);
    const created = await hr.post('/api/action-step-library', input);
    expect(created.statusCode).toBe(201);
    const step = created.json();
    expect(step).toMatchObject({
      title: input.title,
      practicePrompt: input.practicePrompt,
      item: { id: framework.itemId, humanCode: '2a' },
      active: true,
    });
    await hr.post('/api/action-step-library', { title: 'Use a 100% 3-2-1 countdown', itemId: framework.itemId });

    const byItem = (await teacher.get(`/api/action-step-library?itemId=${framework.itemId}`)).json();
    expect(byItem.total).toBe(2);
    const byText = (await teacher.get('/api/action-step-library?q=NARRATE')).json();
    expect(byText.items.map((s: { id: string }) => s.id)).toEqual([step.id]);
    expect((await teacher.get('/api/action-step-library?q=100%25')).json().total).toBe(1);
    const paged = (await teacher.get('/api/action-step-library?limit=1')).json();
    expect([paged.items.length, paged.total]).toEqual([1, 2]);
    expect((await outsider.get('/api/action-step-library')).json().total).toBe(0);
    expect((await outsider.get(`/api/action-step-library/${step.id}`)).statusCode).toBe(404);
  });

  it('competency of another district -> 404; stale version -> 409; deactivate hides it from the default list', async () => {
    expect((await hr.post('/api/action-step-library', { title: 'Cold call', itemId: otherItemId })).statusCode).toBe(404);
    expect((await hr.post('/api/action-step-library', { title: 'Cold call', itemId: randomUUID() })).statusCode).toBe(404);
    expect((await hr.post('/api/action-step-library', { title: '', itemId: framework.itemId })).statusCode).toBe(400);
    expect(
      (await hr.post('/api/action-step-library', { title: 'x'.repeat(OBSERVATION_LIMITS.actionStepChars + 1), itemId: framework.itemId }))
        .statusCode,
    ).toBe(400);
    const step = (await hr.post('/api/action-step-library', { title: 'Cold call after wait time', itemId: framework.itemId })).json();
    expect((await hr.patch(`/api/action-step-library/${step.id}`, { version: step.version, itemId: otherItemId })).statusCode).toBe(404);
    expect((await principal.patch(`/api/action-step-library/${step.id}`, { version: step.version, title: 'x' })).statusCode).toBe(403);
    expect((await outsider.patch(`/api/action-step-library/${step.id}`, { version: step.version, title: 'x' })).statusCode).toBe(404);
    const edited = (
      await hr.patch(`/api/action-step-library/${step.id}`, { version: step.version, practicePrompt: 'Practise with a partner' })
    ).json();
    expect(edited).toMatchObject({ practicePrompt: 'Practise with a partner', version: step.version + 1 });
    const stale = await hr.patch(`/api/action-step-library/${step.id}`, { version: step.version, title: 'Old' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({
      id: step.id,
      version: edited.version,
      practicePrompt: 'Practise with a partner',
    });
    const off = (await admin.post(`/api/action-step-library/${step.id}/deactivate`, { version: edited.version })).json();
    expect(off.active).toBe(false);
    const list = (await teacher.get('/api/action-step-library?q=wait time')).json();
    expect(list.total).toBe(0);
    expect((await teacher.get('/api/action-step-library?q=wait time&active=all')).json().total).toBe(1);
    expect((await admin.post(`/api/action-step-library/${step.id}/reactivate`, { version: off.version })).json().active).toBe(true);
  });
});
