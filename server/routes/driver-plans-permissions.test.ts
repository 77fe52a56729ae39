/**
 * Permission matrix, table-driven: HR, an admin, a member of the district implementation team, the
 * training plan's owner, a school leader, a teacher, someone of another district and signed out,
 * each x (read the plans, edit any plan, edit the training plan). Readers 200 or 403; another
 * district 404; signed out 401.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDriverWorld, driverPlanVersion, type DriverWorld } from '../test/fixtures/drivers.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: DriverWorld;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'teamMember', 'trainingOwner', 'leader', 'staff', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'read' | 'editAny' | 'editTraining';

const url = (path = '') => `/api/initiatives/${w.initiative.id}/drivers${path}`;
const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  read: (c) => c.get(url()),
  editAny: async (c) =>
    c.request('PUT', url('/leadership'), {
      version: await driverPlanVersion(t.database.db, w.initiative.id, 'leadership'),
      ownerPersonId: w.hr.personId,
      plan: 'Principals protect the literacy block',
      details: { nextStep: 'Walkthrough schedule', nextStepOn: '2026-10-01' },
      dataWindowWeeks: 8,
    }),
  editTraining: async (c) =>
    c.request('PUT', url('/training'), {
      version: await driverPlanVersion(t.database.db, w.initiative.id, 'training'),
      ownerPersonId: w.trainingOwner.personId,
      plan: 'Four sessions, each offered three times',
      details: { overview: 'Summer institute then monthly' },
      dataWindowWeeks: 6,
    }),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',            { read: 200, editAny: 200, editTraining: 200 }],
  ['admin',         { read: 200, editAny: 200, editTraining: 200 }],
  ['teamMember',    { read: 200, editAny: 200, editTraining: 200 }],
  ['trainingOwner', { read: 200, editAny: 403, editTraining: 200 }],
  ['leader',        { read: 200, editAny: 403, editTraining: 403 }],
  ['staff',         { read: 200, editAny: 403, editTraining: 403 }],
  ['outsider',      { read: 404, editAny: 404, editTraining: 404 }],
  ['anon',          { read: 401, editAny: 401, editTraining: 401 }],
];

beforeAll(async () => {
  w = await buildDriverWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email!);
}, 60_000);

describe('driver plan permissions', () => {
  for (const [role, expected] of MATRIX) {
    it(`${role}: ${Object.entries(expected)
      .map(([a, s]) => `${a} ${s}`)
      .join(', ')}`, async () => {
      for (const [action, status] of Object.entries(expected) as [Action, number][]) {
        const res = await ACTIONS[action](as[role]!);
        expect(res.statusCode, `${role} ${action}: ${res.body}`).toBe(status);
      }
    });
  }

  it('each plan carries whether the reader may edit it', async () => {
    const owner = (await as.trainingOwner!.get(url())).json();
    const edit = Object.fromEntries(
      owner.drivers.map((d: { driver: string; abilities: { edit: boolean } }) => [d.driver, d.abilities.edit]),
    );
    expect(edit).toMatchObject({ training: true, selection: false, leadership: false });
    expect(owner.abilities).toMatchObject({ editPlans: false, manageTraining: true, recordAttendance: true, manageCoaching: false });
    const member = (await as.teamMember!.get(url())).json();
    expect(member.abilities).toMatchObject({ editPlans: true, manageTraining: true, manageCoaching: true });
    const leader = (await as.leader!.get(url())).json();
    expect(leader.abilities).toMatchObject({ editPlans: false, recordAttendance: true, manageCoaching: false });
  });
});
