/**
 * Permission matrix of a teacher's own outcome values, table-driven: the teacher, their evaluator
 * (the principal of school A, the computed default), a caseload coach, an initiative coaching pair,
 * HR, an admin, the leader of school B, a member of A's implementation team, a member of the
 * district team, a colleague at A, HR of another district, the initiative's vendor guest and signed
 * out, each asking for the teacher's values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { buildGuest } from '../test/fixtures/initiatives.ts';
import { buildPersonOutcomesWorld, type PersonOutcomesWorld } from '../test/fixtures/person-outcomes.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: PersonOutcomesWorld;
const as: Record<string, Client> = {};
const ROLES = [
  'teacher',
  'leaderA',
  'caseloadCoach',
  'pairCoach',
  'hr',
  'admin',
  'leaderB',
  'teamMemberA',
  'districtMember',
  'colleague',
  'outsider',
  'guest',
  'anon',
] as const;
type Role = (typeof ROLES)[number];

// prettier-ignore
const MATRIX: [Role, number][] = [
  ['teacher',        200],
  ['leaderA',        200], // the teacher's evaluator
  ['caseloadCoach',  200],
  ['pairCoach',      200],
  ['hr',             200],
  ['admin',          200],
  ['leaderB',        403],
  ['teamMemberA',    403],
  ['districtMember', 403],
  ['colleague',      403],
  ['outsider',       404], // the person is of another district
  ['guest',          404],
  ['anon',           401],
];

beforeAll(async () => {
  w = await buildPersonOutcomesWorld(t.database.db);
  for (const role of ROLES) {
    if (role === 'anon') as[role] = anonymous(t.app);
    else if (role === 'guest') {
      const built = await buildGuest(t.database.db, as.hr!, w.initiative.id, addDays(todayIn('America/New_York'), 30));
      as[role] = await signIn(t.app, built.email);
    } else as[role] = await signIn(t.app, w[role].email);
  }
}, 60_000);

describe('a teacher’s own outcome values', () => {
  for (const [role, status] of MATRIX) {
    it(`${role}: ${status}`, async () => {
      const res = await as[role]!.get(`/api/outcomes/people/${w.teacher.personId}`);
      expect(res.statusCode, `${role}: ${res.body}`).toBe(status);
      if (status === 200) expect(res.json().measures).toHaveLength(1);
    });
  }

  it('a person of another district, or none, is a 404', async () => {
    expect((await as.hr!.get(`/api/outcomes/people/${w.outsider.personId}`)).statusCode).toBe(404);
    expect((await as.hr!.get(`/api/outcomes/people/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await as.hr!.get('/api/outcomes/people/not-a-uuid')).statusCode).toBe(400);
  });
});
