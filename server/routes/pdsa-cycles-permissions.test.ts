/**
 * Permission matrix, table-driven: HR, an admin, the leader of school A, the leader of school B, a
 * current member of A's implementation team, a former member, a member of the initiative's
 * district team, a teacher, another district and signed out, each x (list, options, read, create, save,
 * advance) on a cycle at school A. A vendor guest is refused by the policy (policies/implementation-stages.test.ts).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdsaCycles } from '../db/schema/index.ts';
import { buildStagesWorld, type StagesWorld } from '../test/fixtures/implementation-stages.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: StagesWorld;
let cycleId: string;
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
type Action = 'list' | 'options' | 'read' | 'create' | 'save' | 'advance';

const base = () => `/api/initiatives/${w.initiative.id}/pdsa`;
const plan = () => ({ change: 'Warm-up', prediction: 'Scores rise', measures: 'Weekly probe' });

/** Puts the cycle back in plan with its plan written; returns its version. */
async function resetCycle(): Promise<number> {
  const [row] = await t.database.db
    .update(pdsaCycles)
    .set({ status: 'plan', ...plan() })
    .where(eq(pdsaCycles.id, cycleId))
    .returning();
  return row!.version;
}

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  list: (c) => c.get(base()),
  options: (c) => c.get(`${base()}/options`),
  read: (c) => c.get(`${base()}/${cycleId}`),
  create: (c) => c.post(base(), { orgUnitId: w.schoolA.id, itemId: w.components[0]!.id, title: 'Exit tickets' }),
  save: async (c) => c.patch(`${base()}/${cycleId}`, { version: await resetCycle(), doNotes: 'Went well' }),
  advance: async (c) => c.post(`${base()}/${cycleId}/advance`, { version: await resetCycle() }),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',             { list: 200, options: 200, read: 200, create: 200, save: 200, advance: 200 }],
  ['admin',          { list: 200, options: 200, read: 200, create: 200, save: 200, advance: 200 }],
  ['leaderA',        { list: 200, options: 200, read: 200, create: 200, save: 200, advance: 200 }],
  ['leaderB',        { list: 200, options: 200, read: 200, create: 403, save: 403, advance: 403 }],
  ['teamMemberA',    { list: 200, options: 200, read: 200, create: 200, save: 200, advance: 200 }],
  ['formerMemberA',  { list: 200, options: 200, read: 200, create: 403, save: 403, advance: 403 }],
  ['districtMember', { list: 200, options: 200, read: 200, create: 200, save: 200, advance: 200 }],
  ['teacher',        { list: 200, options: 200, read: 200, create: 403, save: 403, advance: 403 }],
  ['outsider',       { list: 404, options: 404, read: 404, create: 404, save: 404, advance: 404 }],
  ['anon',           { list: 401, options: 401, read: 401, create: 401, save: 401, advance: 401 }],
];

beforeAll(async () => {
  w = await buildStagesWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
  const [cycle] = await t.database.db
    .insert(pdsaCycles)
    .values({
      districtId: w.districtId,
      initiativeId: w.initiative.id,
      orgUnitId: w.schoolA.id,
      itemId: w.components[0]!.id,
      title: 'Warm-up',
    })
    .returning();
  cycleId = cycle!.id;
}, 60_000);

describe('PDSA permissions', () => {
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

  it('a cycle of another initiative or district is a 404 through this initiative', async () => {
    const other = (await as.outsider!.get(`/api/initiatives/${w.initiative.id}/pdsa/${cycleId}`)).statusCode;
    expect(other).toBe(404);
    expect((await as.hr!.get(`/api/initiatives/${crypto.randomUUID()}/pdsa/${cycleId}`)).statusCode).toBe(404);
  });
});
