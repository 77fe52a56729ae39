/**
 * Permission matrix, table-driven: HR, an admin, a district team member, school A team's
 * facilitator and two members, school A's leader, school B's leader, a teacher, an admin of another
 * district and signed out, each x (read, create, update, add, edit, recommend, decide, adopt) on a
 * fit review of school A's team. A vendor guest is refused by the route gate (lib/route-auth.ts:
 * no `config.guest`) and by the policy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FitReviewDetail, FitReviewList } from '../../common/schemas/fit-reviews.ts';
import { buildAssessmentWorld, type AssessmentWorld } from '../test/fixtures/assessments.ts';
import { fitBase, fitVersion, makeReview, recommend } from '../test/fixtures/fit-reviews.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: AssessmentWorld;
let versionId: string;
let review: FitReviewDetail;
const as: Record<string, Client> = {};
const ROLES = [
  'hr',
  'admin',
  'districtMember',
  'facilitatorA',
  'noteTakerA',
  'memberA',
  'leaderA',
  'leaderB',
  'teacher',
  'outsider',
  'anon',
] as const;
type Role = (typeof ROLES)[number];
type Action = 'read' | 'create' | 'update' | 'add' | 'edit' | 'recommend' | 'decide' | 'adopt';

const url = () => `${fitBase}/${review.id}`;
const current = async () => (await as.hr!.get(url())).json() as FitReviewDetail;

const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  read: (c) => c.get(url()),
  create: (c) => c.post(fitBase, { title: 'New review', orgUnitId: w.schoolA.id, teamId: w.schoolTeam.id, versionId }),
  update: async (c) => c.patch(url(), { need: 'Updated need', version: (await current()).version }),
  add: (c) => c.post(`${url()}/candidates`, { name: 'Another model' }),
  edit: async (c) => {
    const cand = (await current()).candidates[0]!;
    return c.patch(`${url()}/candidates/${cand.id}`, { notes: 'Edited', version: cand.version });
  },
  recommend: async (c) => {
    const cand = (await current()).candidates[0]!;
    return c.request('PUT', `${url()}/candidates/${cand.id}/recommendation`, { recommendation: 'adapt', version: cand.version });
  },
  // Decide and adopt each take a review of their own (school A's team, one candidate recommended to
  // adopt), so each role's attempt starts alike.
  decide: async (c) => {
    const fresh = await recommend(as.hr!, await makeReview(as.hr!, w, versionId, ['Decide me']), 0, 'adopt');
    return c.post(`${fitBase}/${fresh.id}/status`, { status: 'decided', version: fresh.version });
  },
  adopt: async (c) => {
    const fresh = await recommend(as.hr!, await makeReview(as.hr!, w, versionId, ['Adopt me']), 0, 'adopt');
    const cand = fresh.candidates[0]!;
    return c.post(`${fitBase}/${fresh.id}/candidates/${cand.id}/adopt`, { version: cand.version });
  },
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',             { read: 200, create: 200, update: 200, add: 200, edit: 200, recommend: 200, decide: 200, adopt: 200 }],
  ['admin',          { read: 200, create: 200, update: 200, add: 200, edit: 200, recommend: 200, decide: 200, adopt: 200 }],
  ['districtMember', { read: 200, create: 403, update: 403, add: 403, edit: 403, recommend: 403, decide: 403, adopt: 403 }],
  ['facilitatorA',   { read: 200, create: 200, update: 200, add: 200, edit: 200, recommend: 200, decide: 200, adopt: 403 }],
  ['noteTakerA',     { read: 200, create: 403, update: 403, add: 403, edit: 403, recommend: 403, decide: 403, adopt: 403 }],
  ['memberA',        { read: 200, create: 403, update: 403, add: 403, edit: 403, recommend: 403, decide: 403, adopt: 403 }],
  ['leaderA',        { read: 200, create: 403, update: 403, add: 403, edit: 403, recommend: 403, decide: 403, adopt: 403 }],
  ['leaderB',        { read: 404, create: 403, update: 404, add: 404, edit: 404, recommend: 404, decide: 404, adopt: 404 }],
  ['teacher',        { read: 404, create: 403, update: 404, add: 404, edit: 404, recommend: 404, decide: 404, adopt: 404 }],
  ['outsider',       { read: 404, create: 400, update: 404, add: 404, edit: 404, recommend: 404, decide: 404, adopt: 404 }],
  ['anon',           { read: 401, create: 401, update: 401, add: 401, edit: 401, recommend: 401, decide: 401, adopt: 401 }],
];

beforeAll(async () => {
  w = await buildAssessmentWorld(t.database.db);
  versionId = (await fitVersion(t.database.db, w.districtId)).versionId;
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
  review = await makeReview(as.facilitatorA!, w, versionId, ['Instructional coaching']);
}, 90_000);

describe('fit review permissions', () => {
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

  it('lists show only the reviews the caller may read, and whom the caller may start one for', async () => {
    const listed = async (c: Client) => (await c.get(fitBase)).json() as FitReviewList;
    expect((await listed(as.memberA!)).items.map((i) => i.id)).toContain(review.id);
    expect((await listed(as.leaderB!)).items.map((i) => i.id)).not.toContain(review.id);
    expect((await listed(as.outsider!)).items).toEqual([]);
    expect((await listed(as.facilitatorA!)).abilities).toEqual({
      teams: [{ id: w.schoolTeam.id, name: w.schoolTeam.name, orgUnit: { id: w.schoolA.id, name: w.schoolA.name } }],
      withoutTeam: false,
    });
    expect((await listed(as.hr!)).abilities.teams.map((x) => x.id).sort()).toEqual([w.districtTeam.id, w.schoolTeam.id].sort());
    expect((await listed(as.teacher!)).abilities).toEqual({ teams: [], withoutTeam: false });
    // Only HR and admins start a review without a team.
    const solo = { title: 'Alone', orgUnitId: w.districtUnit.id, teamId: null, versionId };
    expect((await as.facilitatorA!.post(fitBase, solo)).statusCode).toBe(403);
    expect((await as.admin!.post(fitBase, solo)).statusCode).toBe(200);
  });
});
