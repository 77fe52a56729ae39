/**
 * Permission matrix, table-driven: HR, an admin, the leader of school A, the leader of school B, a
 * current member of A's implementation team, a former member, a member of the initiative's
 * district team, a teacher, another district and signed out, each x (read definitions, edit a
 * definition, list stages, read A's stage, tick A's checklist, move A, move the district's row).
 * A vendor guest is refused by the policy (policies/implementation-stages.test.ts).
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initiativeStageDefinitions, initiativeStages } from '../db/schema/index.ts';
import { buildStagesWorld, type StagesWorld } from '../test/fixtures/implementation-stages.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: StagesWorld;
const as: Record<string, Client> = {};
const ROLES = [
  'hr',
  'admin',
  'leaderA',
  'leaderB',
  'teamMemberA',
  'formerMemberA',
  'districtMember',
  'teacher',
  'outsider',
  'anon',
] as const;
type Role = (typeof ROLES)[number];
type Action = 'readDefs' | 'editDef' | 'list' | 'read' | 'tick' | 'move' | 'moveDistrict';

/** Puts a unit's row back at exploration with nothing ticked (creating it through a read first); returns its version. */
async function resetRow(orgUnitId: string): Promise<number> {
  await as.hr!.get(`/api/initiatives/${w.initiative.id}/stages`);
  const [row] = await t.database.db
    .update(initiativeStages)
    .set({ stage: 'exploration', done: {} })
    .where(and(eq(initiativeStages.initiativeId, w.initiative.id), eq(initiativeStages.orgUnitId, orgUnitId)))
    .returning();
  return row!.version;
}

const base = () => `/api/initiatives/${w.initiative.id}`;
const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  readDefs: (c) => c.get(`${base()}/stage-definitions`),
  editDef: async (c) => {
    await t.database.db.delete(initiativeStageDefinitions).where(eq(initiativeStageDefinitions.initiativeId, w.initiative.id));
    return c.request('PUT', `${base()}/stage-definitions/installation`, {
      activities: [{ id: 'a', text: 'Order books' }],
      exitCriteria: [],
      version: null,
    });
  },
  list: (c) => c.get(`${base()}/stages`),
  read: (c) => c.get(`${base()}/stages/${w.schoolA.id}`),
  tick: async (c) =>
    c.post(`${base()}/stages/${w.schoolA.id}/checklist`, { itemId: 'need', done: true, version: await resetRow(w.schoolA.id) }),
  move: async (c) =>
    c.post(`${base()}/stages/${w.schoolA.id}/move`, {
      toStage: 'installation',
      evidence: 'Decision minutes',
      version: await resetRow(w.schoolA.id),
    }),
  moveDistrict: async (c) =>
    c.post(`${base()}/stages/${w.districtUnit.id}/move`, {
      toStage: 'installation',
      evidence: 'Plan adopted',
      version: await resetRow(w.districtUnit.id),
    }),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',             { readDefs: 200, editDef: 200, list: 200, read: 200, tick: 200, move: 200, moveDistrict: 200 }],
  ['admin',          { readDefs: 200, editDef: 200, list: 200, read: 200, tick: 200, move: 200, moveDistrict: 200 }],
  ['leaderA',        { readDefs: 200, editDef: 403, list: 200, read: 200, tick: 200, move: 200, moveDistrict: 403 }],
  ['leaderB',        { readDefs: 200, editDef: 403, list: 200, read: 200, tick: 403, move: 403, moveDistrict: 403 }],
  ['teamMemberA',    { readDefs: 200, editDef: 403, list: 200, read: 200, tick: 200, move: 200, moveDistrict: 403 }],
  ['formerMemberA',  { readDefs: 200, editDef: 403, list: 200, read: 200, tick: 403, move: 403, moveDistrict: 403 }],
  ['districtMember', { readDefs: 200, editDef: 403, list: 200, read: 200, tick: 200, move: 200, moveDistrict: 200 }],
  ['teacher',        { readDefs: 200, editDef: 403, list: 200, read: 200, tick: 403, move: 403, moveDistrict: 403 }],
  ['outsider',       { readDefs: 404, editDef: 404, list: 404, read: 404, tick: 404, move: 404, moveDistrict: 404 }],
  ['anon',           { readDefs: 401, editDef: 401, list: 401, read: 401, tick: 401, move: 401, moveDistrict: 401 }],
];

beforeAll(async () => {
  w = await buildStagesWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
}, 60_000);

describe('stage permissions', () => {
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

  it('each row carries what the reader may do', async () => {
    const act = async (role: Role) =>
      Object.fromEntries(
        ((await as[role]!.get(`${base()}/stages`)).json().items as { orgUnitId: string; abilities: { act: boolean } }[]).map((i) => [
          i.orgUnitId,
          i.abilities.act,
        ]),
      );
    expect(await act('leaderA')).toEqual({ [w.districtUnit.id]: false, [w.schoolA.id]: true, [w.schoolB.id]: false });
    expect(await act('districtMember')).toEqual({ [w.districtUnit.id]: true, [w.schoolA.id]: true, [w.schoolB.id]: true });
    expect(await act('teacher')).toEqual({ [w.districtUnit.id]: false, [w.schoolA.id]: false, [w.schoolB.id]: false });
    expect((await as.leaderA!.get(`${base()}/stage-definitions`)).json().abilities.edit).toBe(false);
  });
});
