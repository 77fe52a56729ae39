/**
 * Permission matrix, table-driven: HR, an admin, a current member of the school team, the leader of
 * another school, a teacher on no team, a member of the district team, another district, the
 * initiative's vendor guest and signed out, each x (list, create plan, read plan, options, add item,
 * read item, edit item, review, meeting review) on a plan of the school team, and planning from a
 * low item of the school team's assessment (a 400 naming `administrationId` for whoever may not
 * read the administration, another district's admin included: ids in a query are checked like ids
 * in a body).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { actionPlanItems } from '../db/schema/index.ts';
import {
  addDataSources,
  buildActionPlansWorld,
  buildPlan,
  itemBody,
  type ActionPlansWorld,
  type DataSources,
} from '../test/fixtures/action-plans.ts';
import { buildGuest } from '../test/fixtures/initiatives.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ActionPlansWorld;
let d: DataSources;
let planId: string;
let itemId: string;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'member', 'leaderB', 'staff', 'districtMember', 'outsider', 'guest', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action =
  'list' | 'createPlan' | 'readPlan' | 'options' | 'addItem' | 'readItem' | 'editItem' | 'review' | 'meetingReview' | 'fromSource';

async function itemVersion() {
  const [row] = await t.database.db
    .select({ version: actionPlanItems.version })
    .from(actionPlanItems)
    .where(eq(actionPlanItems.id, itemId));
  return row!.version;
}

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  list: (c) => c.get(`/api/implementation-teams/${w.schoolTeam.id}/action-plans`),
  createPlan: (c) => c.post(`/api/implementation-teams/${w.schoolTeam.id}/action-plans`, { title: 'Another plan' }),
  readPlan: (c) => c.get(`/api/action-plans/${planId}`),
  options: (c) => c.get(`/api/action-plans/${planId}/options`),
  addItem: (c) => c.post(`/api/action-plans/${planId}/items`, itemBody(w)),
  readItem: (c) => c.get(`/api/action-plans/${planId}/items/${itemId}`),
  editItem: async (c) => c.patch(`/api/action-plans/${planId}/items/${itemId}`, { version: await itemVersion(), status: 'in_progress' }),
  review: (c) => c.post(`/api/action-plans/${planId}/items/${itemId}/reviews`, { reviewedOn: '2024-01-01', note: 'On track' }),
  meetingReview: (c) => c.get(`/api/implementation-teams/${w.schoolTeam.id}/meetings/${w.meeting.id}/action-plan-review`),
  fromSource: (c) => c.get(`/api/action-plans/from-source?kind=assessment_item&id=${d.lowItem.id}&administrationId=${d.administration.id}`),
};

const R = { list: 200, readPlan: 200, options: 200, readItem: 200, meetingReview: 200, fromSource: 200 };
const UNREAD = { fromSource: 400 };
const W = { createPlan: 201, addItem: 201, editItem: 200, review: 200 };
const FORBID = { createPlan: 403, addItem: 403, editItem: 403, review: 403 };
const all = (status: number) => Object.fromEntries(Object.keys(ACTIONS).map((a) => [a, status])) as Record<Action, number>;

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',             { ...R, ...W }],
  ['admin',          { ...R, ...W }],
  ['member',         { ...R, ...W }],
  ['leaderB',        { ...R, ...FORBID, ...UNREAD }],
  ['staff',          { ...R, ...FORBID, ...UNREAD }],
  ['districtMember', { ...R, ...FORBID }],
  ['outsider',       { ...all(404), ...UNREAD }],
  ['guest',          all(404)],
  ['anon',           all(401)],
];

beforeAll(async () => {
  w = await buildActionPlansWorld(t.database.db);
  d = await addDataSources(t.database.db, w);
  for (const role of ROLES) {
    if (role === 'anon') as[role] = anonymous(t.app);
    else if (role !== 'guest') as[role] = await signIn(t.app, w[role].email);
  }
  const guest = await buildGuest(t.database.db, as.hr!, w.initiative.id, addDays(todayIn('America/New_York'), 30));
  as.guest = await signIn(t.app, guest.email);
  planId = (await buildPlan(t.database.db, w)).id;
  const res = await as.member!.post(`/api/action-plans/${planId}/items`, itemBody(w));
  expect(res.statusCode, res.body).toBe(201);
  itemId = res.json().id;
}, 60_000);

describe('action plan permissions', () => {
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

  it('an item through another plan, and a meeting of another team, are 404', async () => {
    const other = await buildPlan(t.database.db, w, 'Other plan');
    expect((await as.hr!.get(`/api/action-plans/${other.id}/items/${itemId}`)).statusCode).toBe(404);
    expect(
      (await as.hr!.get(`/api/implementation-teams/${w.schoolTeam.id}/meetings/${w.districtMeeting.id}/action-plan-review`)).statusCode,
    ).toBe(404);
    expect((await as.outsider!.get(`/api/implementation-teams/${w.otherTeam.id}/action-plans`)).statusCode).toBe(200);
  });
});
