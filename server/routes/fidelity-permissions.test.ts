/**
 * Permission matrix, table-driven: every fidelity route x every role around a covered teacher in
 * school A (the initiative's principals switch off). Signed out 401, another district 404, a role
 * that runs no checks 403; individual fidelity 404 to whoever policies/fidelity.ts keeps out;
 * aggregates to whoever reads the initiative.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { buildFidelityWorld, type FidelityWorld } from '../test/fixtures/fidelity.ts';
import { buildGuest } from '../test/fixtures/initiatives.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: FidelityWorld;
const as: Record<string, Client> = {};
const ROLES = [
  'teacher',
  'otherTeacher',
  'caseloadCoach',
  'initiativeCoach',
  'principal',
  'principalB',
  'schoolTeamMember',
  'districtTeamMember',
  'hr',
  'admin',
  'outsider',
  'anon',
] as const;
type Role = (typeof ROLES)[number];
type Action = 'start' | 'picker' | 'checks' | 'person' | 'summary' | 'school';

const ACTIONS: Record<Action, (c: Client) => ReturnType<Client['get']>> = {
  start: (c) =>
    c.post(`/api/initiatives/${w.initiative.id}/fidelity/checks`, { observedPersonId: w.teacher.personId, observedOn: '2026-10-06' }),
  picker: (c) => c.get(`/api/initiatives/${w.initiative.id}/fidelity/people`),
  checks: (c) => c.get(`/api/initiatives/${w.initiative.id}/fidelity/checks?personId=${w.teacher.personId}`),
  person: (c) => c.get(`/api/people/${w.teacher.personId}/fidelity`),
  summary: (c) => c.get(`/api/initiatives/${w.initiative.id}/fidelity/summary`),
  school: (c) => c.get(`/api/initiatives/${w.initiative.id}/fidelity/schools/${w.schoolA.id}`),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['teacher',            { start: 403, picker: 403, checks: 200, person: 200, summary: 200, school: 200 }],
  ['otherTeacher',       { start: 403, picker: 403, checks: 404, person: 404, summary: 200, school: 200 }],
  ['caseloadCoach',      { start: 201, picker: 200, checks: 200, person: 200, summary: 200, school: 200 }],
  ['initiativeCoach',    { start: 201, picker: 200, checks: 200, person: 200, summary: 200, school: 200 }],
  ['principal',          { start: 201, picker: 200, checks: 404, person: 404, summary: 200, school: 200 }], // switch off
  ['principalB',         { start: 404, picker: 200, checks: 404, person: 404, summary: 200, school: 200 }],
  ['schoolTeamMember',   { start: 201, picker: 200, checks: 200, person: 200, summary: 200, school: 200 }], // the checks they ran
  ['districtTeamMember', { start: 403, picker: 403, checks: 404, person: 404, summary: 200, school: 200 }],
  ['hr',                 { start: 201, picker: 200, checks: 200, person: 200, summary: 200, school: 200 }],
  ['admin',              { start: 201, picker: 200, checks: 200, person: 200, summary: 200, school: 200 }],
  ['outsider',           { start: 404, picker: 404, checks: 404, person: 404, summary: 404, school: 404 }],
  ['anon',               { start: 401, picker: 401, checks: 401, person: 401, summary: 401, school: 401 }],
];

beforeAll(async () => {
  w = await buildFidelityWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
  // One published check by the school team member, so "the checks they ran" is not empty.
  const started = (await ACTIONS.start(as.schoolTeamMember!)).json();
  const obs = (await as.schoolTeamMember!.get(`/api/observations/${started.observationId}`)).json();
  const put = await as.schoolTeamMember!.request('PUT', `/api/observations/${obs.id}/draft`, {
    version: obs.version,
    scores: w.tool.criteria.map((c) => ({ criterionId: c.id, scaleLevelId: w.tool.levels[0]!.id })),
  });
  expect((await as.schoolTeamMember!.post(`/api/observations/${obs.id}/publish`, { version: put.json().version })).statusCode).toBe(200);
}, 90_000);

describe('fidelity permissions', () => {
  for (const [role, expected] of MATRIX) {
    it(`${role}: ${Object.entries(expected)
      .map(([a, s]) => `${a} ${s}`)
      .join(', ')}`, async () => {
      // Reads first: starting a check makes the caller that check's observer (who reads it).
      for (const action of ['checks', 'person', 'summary', 'school', 'picker', 'start'] as const) {
        const status = expected[action];
        const res = await ACTIONS[action](as[role]!);
        expect(res.statusCode, `${role} ${action}: ${res.body}`).toBe(status);
      }
    });
  }

  it("the initiative's vendor guest: its aggregates only; no person, no check, no other initiative", async () => {
    const other = await as.hr!.post('/api/initiatives', { name: 'Restorative practices' });
    expect(other.statusCode).toBe(201);
    const built = await buildGuest(t.database.db, as.hr!, w.initiative.id, addDays(todayIn(w.district.timeZone), 30));
    const guest = await signIn(t.app, built.email);
    expect((await ACTIONS.summary(guest)).statusCode).toBe(200);
    expect((await ACTIONS.school(guest)).statusCode).toBe(200);
    for (const action of ['checks', 'person', 'picker', 'start'] as const) {
      expect((await ACTIONS[action](guest)).statusCode, action).toBe(404);
    }
    expect((await guest.get(`/api/initiatives/${other.json().id}/fidelity/summary`)).statusCode).toBe(404);
  });

  it('another district: its initiative, school and person ids are 404 for this district', async () => {
    const o = as.outsider!;
    expect((await o.get(`/api/initiatives/${w.initiative.id}/fidelity/schools/${w.schoolA.id}`)).statusCode).toBe(404);
    // A school of another district under this district's initiative.
    expect((await as.hr!.get(`/api/initiatives/${w.initiative.id}/fidelity/schools/${w.outsider.person.orgUnitId}`)).statusCode).toBe(404);
    expect((await as.hr!.get(`/api/people/${w.outsider.personId}/fidelity`)).statusCode).toBe(404);
    const res = await as.hr!.post(`/api/initiatives/${w.initiative.id}/fidelity/checks`, { observedPersonId: w.outsider.personId });
    expect(res.statusCode).toBe(404);
  });
});
