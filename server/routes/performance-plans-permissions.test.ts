/**
 * Permission matrix, table-driven: the person, their evaluator, a leader of the person's school, a
 * leader of another school, HR, an admin, a caseload coach, another district and signed out, each
 * x (read, self-assess, edit a goal, approve, sign, reopen). Expected: readers 200 where they hold
 * the ability and 403 where they do not; non-readers (other school's leader, coach, another
 * district) 404; signed out 401. And the coach's shared view: only shared goals and focus areas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlanPeople, resetPlan } from '../test/fixtures/performance-plans.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: Awaited<ReturnType<typeof buildPlanPeople>>;
const as: Record<string, Client> = {};
const ROLES = ['person', 'evaluator', 'leader', 'leaderB', 'hr', 'admin', 'coach', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'read' | 'selfAssess' | 'editGoal' | 'approve' | 'sign' | 'reopen';

const nameOf = (role: Role) => {
  if (role === 'anon') return 'Nobody';
  const p = w[role].person;
  return `${p.givenName.toUpperCase()} ${p.familyName.toLowerCase()}`; // any case
};

/** Each action: the plan's status before it, and the request. */
const ACTIONS: Record<Action, { status: string; run: (c: Client, role: Role, version: number) => ReturnType<Client['get']> }> = {
  read: { status: 'goal_setting', run: (c) => c.get(`/api/performance/plans/${w.plan.id}`) },
  selfAssess: {
    status: 'self_assessment',
    run: (c, _r, version) =>
      c.request('PUT', `/api/performance/plans/${w.plan.id}/self-ratings`, {
        version,
        ratings: [
          {
            itemId: w.criteria[0]!.itemId,
            scaleLevelId: w.criteria[0]!.levels[1]!.scaleLevelId,
            comment: 'Routines hold',
            evidenceRefs: [],
          },
        ],
      }),
  },
  editGoal: {
    status: 'goal_setting',
    run: (c, _r, version) => c.post(`/api/performance/plans/${w.plan.id}/goals`, { version, goal: { title: 'Raise reading growth' } }),
  },
  approve: { status: 'submitted', run: (c, _r, version) => c.post(`/api/performance/plans/${w.plan.id}/approve`, { version }) },
  sign: {
    status: 'approved',
    run: (c, role, version) => c.post(`/api/performance/plans/${w.plan.id}/sign`, { version, typedName: nameOf(role) }),
  },
  reopen: {
    status: 'signed',
    run: (c, _r, version) => c.post(`/api/performance/plans/${w.plan.id}/reopen`, { version, reason: 'New role' }),
  },
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['person',    { read: 200, selfAssess: 200, editGoal: 200, approve: 403, sign: 200, reopen: 403 }],
  ['evaluator', { read: 200, selfAssess: 403, editGoal: 200, approve: 200, sign: 200, reopen: 200 }],
  ['leader',    { read: 200, selfAssess: 403, editGoal: 200, approve: 200, sign: 403, reopen: 200 }], // no signature block of theirs
  ['leaderB',   { read: 404, selfAssess: 404, editGoal: 404, approve: 404, sign: 404, reopen: 404 }],
  ['hr',        { read: 200, selfAssess: 403, editGoal: 200, approve: 200, sign: 403, reopen: 200 }],
  ['admin',     { read: 200, selfAssess: 403, editGoal: 200, approve: 200, sign: 403, reopen: 200 }],
  ['coach',     { read: 404, selfAssess: 404, editGoal: 404, approve: 404, sign: 404, reopen: 404 }],
  ['outsider',  { read: 404, selfAssess: 404, editGoal: 404, approve: 404, sign: 404, reopen: 404 }],
  ['anon',      { read: 401, selfAssess: 401, editGoal: 401, approve: 401, sign: 401, reopen: 401 }],
];

beforeAll(async () => {
  w = await buildPlanPeople(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
}, 60_000);

describe('plan permissions', () => {
  for (const [role, expected] of MATRIX) {
    it(`${role}: ${Object.entries(expected)
      .map(([a, s]) => `${a} ${s}`)
      .join(', ')}`, async () => {
      for (const [action, status] of Object.entries(expected) as [Action, number][]) {
        const version = await resetPlan(t.database.db, w.plan.id, ACTIONS[action].status);
        const res = await ACTIONS[action].run(as[role]!, role, version);
        expect(res.statusCode, `${role} ${action}: ${res.body}`).toBe(status);
      }
    });
  }

  it('the plan carries what each reader may do', async () => {
    await resetPlan(t.database.db, w.plan.id, 'submitted');
    expect((await as.person!.get(`/api/performance/plans/${w.plan.id}`)).json().abilities).toMatchObject({ approve: false, submit: false });
    expect((await as.evaluator!.get(`/api/performance/plans/${w.plan.id}`)).json().abilities).toMatchObject({
      approve: true,
      selfAssess: false,
    });
  });
});

describe('a caseload coach sees only what the person shares', () => {
  it('404 until something is shared, then only the shared goals and focus areas', async () => {
    let version = await resetPlan(t.database.db, w.plan.id, 'goal_setting');
    expect((await as.coach!.get(`/api/performance/plans/${w.plan.id}/shared`)).statusCode).toBe(404);
    let res = await as.person!.post(`/api/performance/plans/${w.plan.id}/goals`, { version, goal: { title: 'Private goal' } });
    version = res.json().version;
    res = await as.person!.post(`/api/performance/plans/${w.plan.id}/goals`, {
      version,
      goal: { title: 'Shared goal', sharedWithCoach: true },
    });
    version = res.json().version;
    res = await as.person!.post(`/api/performance/plans/${w.plan.id}/focus-areas`, {
      version,
      focusArea: { itemId: w.criteria[1]!.itemId, rationale: 'Questioning', sharedWithCoach: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const shared = await as.coach!.get(`/api/performance/plans/${w.plan.id}/shared`);
    expect(shared.statusCode).toBe(200);
    expect(shared.json().goals.map((g: { title: string }) => g.title)).toEqual(['Shared goal']);
    expect(shared.json().focusAreas).toHaveLength(1);
    expect(shared.body).not.toContain('Private goal');
    // Still nothing else.
    expect((await as.coach!.get(`/api/performance/plans/${w.plan.id}`)).statusCode).toBe(404);
    expect((await as.leaderB!.get(`/api/performance/plans/${w.plan.id}/shared`)).statusCode).toBe(404);
    expect((await as.outsider!.get(`/api/performance/plans/${w.plan.id}/shared`)).statusCode).toBe(404);
    expect((await as.anon!.get(`/api/performance/plans/${w.plan.id}/shared`)).statusCode).toBe(401);
  });
});

describe('lists', () => {
  it('mine lists my plans; evaluating lists plans I evaluate or whose school I lead', async () => {
    await resetPlan(t.database.db, w.plan.id, 'submitted');
    const mine = (await as.person!.get('/api/performance/plans?scope=mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([w.plan.id]);
    for (const role of ['evaluator', 'leader'] as const) {
      const list = (await as[role]!.get('/api/performance/plans?scope=evaluating&status=submitted')).json();
      expect(
        list.items.map((i: { id: string }) => i.id),
        role,
      ).toEqual([w.plan.id]);
      expect(list.items[0].school.name).toBe('School A');
    }
    for (const role of ['leaderB', 'coach', 'outsider'] as const) {
      expect((await as[role]!.get('/api/performance/plans?scope=evaluating')).json().items, role).toEqual([]);
    }
    expect((await as.evaluator!.get('/api/performance/plans?scope=evaluating&status=signed')).json().items).toEqual([]);
  });
});
