/**
 * Permission matrix, table-driven, on a barrier a teacher of school A raised (routed to A's school
 * team): the teacher who raised it, a member of A's team, a member of the district team (before
 * escalation), the leader of school A, the leader of school B, HR, an admin, another district, the
 * initiative's vendor guest and signed out, each x (raise, options, mine, read, move, notes, team
 * queue, all barriers).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { barriers } from '../db/schema/index.ts';
import { buildActionPlansWorld, type ActionPlansWorld } from '../test/fixtures/action-plans.ts';
import { buildGuest } from '../test/fixtures/initiatives.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ActionPlansWorld;
let barrierId: string;
const as: Record<string, Client> = {};
const ROLES = ['staff', 'member', 'districtMember', 'leaderA', 'leaderB', 'hr', 'admin', 'outsider', 'guest', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'raise' | 'options' | 'mine' | 'read' | 'move' | 'notes' | 'queue' | 'all';

const raiseBody = () => ({
  kind: 'schedule',
  initiativeId: w.initiative.id,
  orgUnitId: w.schoolA.id,
  description: 'No time for coaching in the timetable',
});

/** Puts the barrier back to raised at A's team; returns its version. */
async function reset(): Promise<number> {
  const [row] = await t.database.db
    .update(barriers)
    .set({ status: 'raised', routedTeamId: w.schoolTeam.id })
    .where(eq(barriers.id, barrierId))
    .returning();
  return row!.version;
}

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  raise: (c) => c.post('/api/barriers', raiseBody()),
  options: (c) => c.get('/api/barriers/options'),
  mine: (c) => c.get('/api/barriers/mine'),
  read: (c) => c.get(`/api/barriers/${barrierId}`),
  move: async (c) => c.post(`/api/barriers/${barrierId}/move`, { version: await reset(), to: 'acknowledged' }),
  notes: async (c) => c.patch(`/api/barriers/${barrierId}`, { version: await reset(), internalNotes: 'Ask the principal' }),
  queue: (c) => c.get(`/api/implementation-teams/${w.schoolTeam.id}/barriers`),
  all: (c) => c.get('/api/barriers'),
};

const STAFF = { raise: 201, options: 200, mine: 200 };
// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['staff',          { ...STAFF, read: 200, move: 403, notes: 403, queue: 403, all: 403 }],
  ['member',         { ...STAFF, read: 200, move: 200, notes: 200, queue: 200, all: 403 }],
  ['districtMember', { ...STAFF, read: 404, move: 404, notes: 404, queue: 403, all: 403 }],
  ['leaderA',        { ...STAFF, read: 200, move: 403, notes: 403, queue: 403, all: 403 }],
  ['leaderB',        { ...STAFF, read: 404, move: 404, notes: 404, queue: 403, all: 403 }],
  ['hr',             { ...STAFF, read: 200, move: 200, notes: 200, queue: 200, all: 200 }],
  ['admin',          { ...STAFF, read: 200, move: 200, notes: 200, queue: 200, all: 200 }],
  ['outsider',       { raise: 400, options: 200, mine: 200, read: 404, move: 404, notes: 404, queue: 404, all: 200 }],
  ['guest',          { raise: 404, options: 404, mine: 404, read: 404, move: 404, notes: 404, queue: 404, all: 404 }],
  ['anon',           { raise: 401, options: 401, mine: 401, read: 401, move: 401, notes: 401, queue: 401, all: 401 }],
];

beforeAll(async () => {
  w = await buildActionPlansWorld(t.database.db);
  for (const role of ROLES) {
    if (role === 'anon') as[role] = anonymous(t.app);
    else if (role !== 'guest') as[role] = await signIn(t.app, w[role].email);
  }
  const guest = await buildGuest(t.database.db, as.hr!, w.initiative.id, addDays(todayIn('America/New_York'), 30));
  as.guest = await signIn(t.app, guest.email);
  const res = await as.staff!.post('/api/barriers', raiseBody());
  expect(res.statusCode, res.body).toBe(201);
  barrierId = res.json().id;
}, 60_000);

describe('barrier permissions', () => {
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

  it("another district's admin sees only their own district: the initiative id is not theirs (400), their lists are empty", async () => {
    const res = await as.outsider!.post('/api/barriers', raiseBody());
    expect(res.json().error.details[0].path).toBe('initiativeId');
    expect((await as.outsider!.get('/api/barriers')).json().total).toBe(0);
  });
});
