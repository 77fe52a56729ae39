/**
 * Initiatives as HR records them: details with the practice profile and fidelity tool checked,
 * coverage in bulk, waves that never overlap, funding with its spend-by warning, and the 409 a
 * stale version gets. Each bad input is a 400 naming its field and changes nothing.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { INITIATIVE_LIMITS } from '../../common/implementation.ts';
import { auditLog } from '../db/schema/index.ts';
import { buildInitiativeWorld, type InitiativeWorld } from '../test/fixtures/initiatives.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: InitiativeWorld;
let hr: Client;
let admin: Client;
let today: string;

const fieldOf = (res: Awaited<ReturnType<Client['get']>>) =>
  (res.json() as { error: { details: { path: string | (string | number)[] }[] } }).error.details.map((d) => [d.path].flat().join('.'));

async function newInitiative(body: Record<string, unknown> = {}) {
  const res = await hr.post('/api/initiatives', { name: 'Structured literacy', profileVersionId: w.profile.versionId, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

beforeAll(async () => {
  w = await buildInitiativeWorld(t.database.db);
  hr = await signIn(t.app, w.hr.email);
  admin = await signIn(t.app, w.admin.email);
  today = todayIn(w.district.timeZone);
}, 60_000);

describe('details', () => {
  it('records purpose, need, profile, a tool of a later version, roles, partner and thresholds, and audits it', async () => {
    const res = await hr.post('/api/initiatives', {
      name: 'Structured literacy',
      purpose: 'Every child reads by grade 3',
      need: 'Grade 3 reading proficiency at 41%',
      profileVersionId: w.profile.versionId,
      fidelityRubricId: w.toolV2.id,
      coveredRoles: ['teacher'],
      partnerName: 'Literacy Partners Inc.',
      fidelityThresholdPct: 85,
      fullImplementationPct: 60,
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      purpose: 'Every child reads by grade 3',
      profileVersion: { id: w.profile.versionId, versionNumber: 1 },
      fidelityRubric: { id: w.toolV2.id, versionId: w.draft.versionId },
      coveredRoles: ['teacher'],
      partnerName: 'Literacy Partners Inc.',
      fidelityThresholdPct: 85,
      fullImplementationPct: 60,
      principalsSeeIndividualFidelity: false,
      status: 'active',
      version: 1,
      abilities: { manage: true },
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit.map((a) => a.action)).toEqual(['initiative.create']);
  });

  it('refuses a tool of another framework, of an earlier version, or without a profile, naming fidelityRubricId', async () => {
    const other = await hr.post('/api/initiatives', {
      name: 'X',
      profileVersionId: w.profile.versionId,
      fidelityRubricId: w.otherRubric.id,
    });
    expect(other.statusCode).toBe(400);
    expect(fieldOf(other)).toEqual(['fidelityRubricId']);
    const earlier = await hr.post('/api/initiatives', { name: 'X', profileVersionId: w.draft.versionId, fidelityRubricId: w.toolV1.id });
    expect(fieldOf(earlier)).toEqual(['fidelityRubricId']);
    const none = await hr.post('/api/initiatives', { name: 'X', fidelityRubricId: w.toolV1.id });
    expect(fieldOf(none)).toEqual(['fidelityRubricId']);
  });

  it('refuses a profile of another district, a blank name and a threshold past 100, each naming its field', async () => {
    const foreign = await hr.post('/api/initiatives', { name: 'X', profileVersionId: w.otherDistrict.id });
    expect(fieldOf(foreign)).toEqual(['profileVersionId']);
    const bad = await hr.post('/api/initiatives', { name: '  ', fidelityThresholdPct: 120 });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad).sort()).toEqual(['fidelityThresholdPct', 'name']);
  });

  it('a stale version gets 409 with the current initiative; nothing of the stale edit is kept', async () => {
    const { id } = await newInitiative();
    const first = await hr.patch(`/api/initiatives/${id}`, { name: 'Literacy (renamed)', version: 1 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await admin.patch(`/api/initiatives/${id}`, { name: 'Other name', status: 'archived', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: 'Literacy (renamed)', version: 2, status: 'active' });
    const archived = await admin.patch(`/api/initiatives/${id}`, { name: 'Literacy (renamed)', status: 'archived', version: 2 });
    expect(archived.json().status).toBe('archived');
  });
});

describe('coverage', () => {
  it('covers schools in bulk in a wave, moves one to another wave, and removes one', async () => {
    const { id } = await newInitiative();
    const pilot = (await hr.post(`/api/initiatives/${id}/waves`, { name: 'Pilot', startsOn: '2026-08-01', endsOn: '2027-06-30' })).json();
    const scale = (await hr.post(`/api/initiatives/${id}/waves`, { name: 'Scale', startsOn: '2027-08-01', endsOn: '2028-06-30' })).json();
    let res = await hr.post(`/api/initiatives/${id}/schools`, { orgUnitIds: [w.schoolA.id, w.schoolB.id], waveId: pilot.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().schools.map((s: { name: string; waveId: string }) => [s.name, s.waveId])).toEqual([
      ['Alder Elementary', pilot.id],
      ['Birch Middle', pilot.id],
    ]);
    res = await hr.post(`/api/initiatives/${id}/schools`, { orgUnitIds: [w.schoolB.id], waveId: scale.id });
    expect(res.json().schools.find((s: { name: string }) => s.name === 'Birch Middle').waveId).toBe(scale.id);
    res = await hr.post(`/api/initiatives/${id}/schools/remove`, { orgUnitIds: [w.schoolA.id] });
    expect(res.json().schools.map((s: { name: string }) => s.name)).toEqual(['Birch Middle']);
    expect((await hr.get('/api/initiatives')).json().items.find((i: { id: string }) => i.id === id).schoolCount).toBe(1);
  });

  it('refuses a department, another district school or another initiative wave, naming the field, and keeps nothing', async () => {
    const { id } = await newInitiative();
    const other = await newInitiative({ name: 'Other' });
    const foreignWave = (
      await hr.post(`/api/initiatives/${other.id}/waves`, { name: 'P', startsOn: '2026-08-01', endsOn: '2026-12-31' })
    ).json();
    const dept = await hr.post(`/api/initiatives/${id}/schools`, { orgUnitIds: [w.schoolA.id, w.department.id] });
    expect(dept.statusCode).toBe(400);
    expect(fieldOf(dept)).toEqual(['orgUnitIds.1']);
    const foreign = await hr.post(`/api/initiatives/${id}/schools`, { orgUnitIds: [w.otherSchool.id] });
    expect(fieldOf(foreign)).toEqual(['orgUnitIds.0']);
    const wave = await hr.post(`/api/initiatives/${id}/schools`, { orgUnitIds: [w.schoolA.id], waveId: foreignWave.id });
    expect(fieldOf(wave)).toEqual(['waveId']);
    expect((await hr.get(`/api/initiatives/${id}`)).json().schools).toEqual([]);
  });
});

describe('waves', () => {
  it('orders waves by date, refuses an end before the start and an overlap naming startsOn and the wave', async () => {
    const { id } = await newInitiative();
    const scale = await hr.post(`/api/initiatives/${id}/waves`, { name: 'Scale', startsOn: '2027-08-01', endsOn: '2028-06-30' });
    const pilot = await hr.post(`/api/initiatives/${id}/waves`, { name: 'Pilot', startsOn: '2026-08-01', endsOn: '2027-06-30' });
    expect(
      (await hr.get(`/api/initiatives/${id}`)).json().waves.map((v: { name: string; position: number }) => [v.name, v.position]),
    ).toEqual([
      ['Pilot', 1],
      ['Scale', 2],
    ]);
    const backwards = await hr.post(`/api/initiatives/${id}/waves`, { name: 'X', startsOn: '2029-08-01', endsOn: '2029-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(fieldOf(backwards)).toEqual(['endsOn']);
    const overlap = await hr.post(`/api/initiatives/${id}/waves`, { name: 'Late pilot', startsOn: '2027-06-01', endsOn: '2027-07-31' });
    expect(overlap.statusCode).toBe(400);
    expect(fieldOf(overlap)).toEqual(['startsOn']);
    expect(overlap.json().error.message).toContain('Pilot');
    // Moving a wave onto another is refused too; editing it within its own dates is not.
    const moved = await hr.patch(`/api/initiatives/${id}/waves/${scale.json().id}`, {
      name: 'Scale',
      startsOn: '2027-01-01',
      endsOn: '2028-06-30',
      version: 1,
    });
    expect(fieldOf(moved)).toEqual(['startsOn']);
    const renamed = await hr.patch(`/api/initiatives/${id}/waves/${pilot.json().id}`, {
      name: 'Pilot schools',
      startsOn: '2026-08-01',
      endsOn: '2027-06-30',
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await hr.patch(`/api/initiatives/${id}/waves/${pilot.json().id}`, {
      name: 'Old name',
      startsOn: '2026-08-01',
      endsOn: '2027-06-30',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ name: 'Pilot schools', version: 2 });
  });

  it('deleting a wave keeps its schools covered without a wave; another initiative wave is 404', async () => {
    const { id } = await newInitiative();
    const other = await newInitiative({ name: 'Other' });
    const wave = (await hr.post(`/api/initiatives/${id}/waves`, { name: 'Pilot', startsOn: '2026-08-01', endsOn: '2027-06-30' })).json();
    await hr.post(`/api/initiatives/${id}/schools`, { orgUnitIds: [w.schoolA.id], waveId: wave.id });
    expect((await hr.request('DELETE', `/api/initiatives/${other.id}/waves/${wave.id}`)).statusCode).toBe(404);
    expect((await hr.request('DELETE', `/api/initiatives/${id}/waves/${wave.id}`)).statusCode).toBe(204);
    const after = (await hr.get(`/api/initiatives/${id}`)).json();
    expect(after.waves).toEqual([]);
    expect(after.schools).toMatchObject([{ orgUnitId: w.schoolA.id, waveId: null }]);
  });

  it(`holds at most ${INITIATIVE_LIMITS.waves} waves`, async () => {
    const { id } = await newInitiative();
    for (let i = 0; i < INITIATIVE_LIMITS.waves; i++)
      expect(
        (await hr.post(`/api/initiatives/${id}/waves`, { name: `W${i}`, startsOn: `${2030 + i}-01-01`, endsOn: `${2030 + i}-02-01` }))
          .statusCode,
      ).toBe(201);
    const extra = await hr.post(`/api/initiatives/${id}/waves`, { name: 'More', startsOn: '2050-01-01', endsOn: '2050-02-01' });
    expect(extra.statusCode).toBe(409);
  });
});

describe('funding', () => {
  it('warns past and soon from the district today, and refuses spend-by before the start or a negative amount', async () => {
    const { id } = await newInitiative();
    const add = (source: string, spendBy: string, startsOn: string | null = null) =>
      hr.post(`/api/initiatives/${id}/funding`, { source, amountUsd: 25000.5, startsOn, spendBy });
    expect((await add('Old grant', addDays(today, -1))).json().warning).toBe('past');
    expect((await add('Today', today)).json().warning).toBe('soon');
    expect((await add('Edge', addDays(today, INITIATIVE_LIMITS.fundingWarningDays))).json().warning).toBe('soon');
    expect((await add('Later', addDays(today, INITIATIVE_LIMITS.fundingWarningDays + 1))).json().warning).toBe(null);
    const backwards = await add('Bad', '2027-01-01', '2027-06-01');
    expect(backwards.statusCode).toBe(400);
    expect(fieldOf(backwards)).toEqual(['spendBy']);
    const negative = await hr.post(`/api/initiatives/${id}/funding`, { source: 'Bad', amountUsd: -1, spendBy: '2027-01-01' });
    expect(fieldOf(negative)).toEqual(['amountUsd']);
    const funding = (await hr.get(`/api/initiatives/${id}`)).json().funding;
    expect(funding.map((f: { source: string }) => f.source)).toEqual(['Old grant', 'Today', 'Edge', 'Later']);
    expect(funding[0].amountUsd).toBe(25000.5);
  });

  it('updates with the version last read (409 otherwise) and deletes', async () => {
    const { id } = await newInitiative();
    const row = (await hr.post(`/api/initiatives/${id}/funding`, { source: 'Title II', amountUsd: 10, spendBy: '2030-09-30' })).json();
    const body = { source: 'Title II-A', amountUsd: 12, startsOn: '2029-07-01', spendBy: '2030-09-30' };
    expect((await hr.patch(`/api/initiatives/${id}/funding/${row.id}`, { ...body, version: 1 })).json()).toMatchObject({
      source: 'Title II-A',
      version: 2,
    });
    const stale = await admin.patch(`/api/initiatives/${id}/funding/${row.id}`, { ...body, source: 'Lost', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.source).toBe('Title II-A');
    expect((await hr.request('DELETE', `/api/initiatives/${id}/funding/${row.id}`)).statusCode).toBe(204);
    expect((await hr.get(`/api/initiatives/${id}`)).json().funding).toEqual([]);
  });
});
