/**
 * Permission matrix, table-driven: HR, an admin, a member of the district implementation team, the
 * coaching plan's owner, the training plan's owner, a school leader, a teacher, someone of another
 * district and signed out, each x (read, assign, change an assignment, record a review, CSV).
 * Readers 200/201 or 403; another district 404; signed out 401.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initiativeCoaching } from '../db/schema/index.ts';
import { buildDriverWorld, type DriverWorld } from '../test/fixtures/drivers.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: DriverWorld;
let assignmentId: string;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'teamMember', 'coachingOwner', 'trainingOwner', 'leader', 'staff', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'read' | 'assign' | 'change' | 'review' | 'csv';

const base = () => `/api/initiatives/${w.initiative.id}/coaching`;
const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  read: (c) => c.get(base()),
  assign: (c) => c.post(base(), { coachPersonId: w.coach.personId, personIds: [w.teachersA[1]!.id], startsOn: '2026-09-01' }),
  change: async (c) => {
    const [row] = await t.database.db.select().from(initiativeCoaching).where(eq(initiativeCoaching.id, assignmentId));
    return c.request('PUT', `${base()}/${assignmentId}`, {
      version: row!.version,
      itemId: w.profile.competencies[1]!.id,
      coachingPlanId: null,
      startsOn: '2026-09-01',
      endsOn: null,
    });
  },
  review: (c) => c.post(`${base()}/reviews`, { reviewedOn: '2026-01-15', fidelityFindings: 'Most at fidelity on 1a', satisfaction: 4 }),
  csv: (c) => c.post(`${base()}/import`, { csv: 'coach,person\nnobody@example.test,nobody@example.test\n', dryRun: true }),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',            { read: 200, assign: 200, change: 200, review: 201, csv: 200 }],
  ['admin',         { read: 200, assign: 200, change: 200, review: 201, csv: 200 }],
  ['teamMember',    { read: 200, assign: 200, change: 200, review: 201, csv: 200 }],
  ['coachingOwner', { read: 200, assign: 200, change: 200, review: 201, csv: 200 }],
  ['trainingOwner', { read: 200, assign: 403, change: 403, review: 403, csv: 403 }],
  ['leader',        { read: 200, assign: 403, change: 403, review: 403, csv: 403 }],
  ['staff',         { read: 200, assign: 403, change: 403, review: 403, csv: 403 }],
  ['outsider',      { read: 404, assign: 404, change: 404, review: 404, csv: 404 }],
  ['anon',          { read: 401, assign: 401, change: 401, review: 401, csv: 401 }],
];

beforeAll(async () => {
  w = await buildDriverWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email!);
  const res = await as.hr!.post(base(), { coachPersonId: w.coach.personId, personIds: [w.teachersA[0]!.id], startsOn: '2026-08-20' });
  expect(res.statusCode, res.body).toBe(200);
  assignmentId = (await as.hr!.get(base())).json().items[0].id;
}, 60_000);

describe('initiative coaching permissions', () => {
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

  it('an assignment of another initiative is not found', async () => {
    const res = await as.hr!.request('PUT', `/api/initiatives/${w.otherInitiative.id}/coaching/${assignmentId}`, {
      version: 1,
      itemId: null,
      coachingPlanId: null,
      startsOn: '2026-09-01',
      endsOn: null,
    });
    expect(res.statusCode).toBe(404);
  });
});
