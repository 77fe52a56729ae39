/**
 * Permission matrix, table-driven: HR, an admin, the leader of school A, the leader of school B, a
 * current member of A's implementation team, a former member, a member of the initiative's district
 * team, a teacher, HR of another district, the initiative's vendor guest and signed out, each x
 * every outcome and dashboard route (ids of the first district).
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../common/clock.ts';
import { outcomeMeasures, outcomeSettings } from '../db/schema/index.ts';
import { buildGuest } from '../test/fixtures/initiatives.ts';
import { buildOutcomesWorld, csvOf, HEADER, type OutcomesWorld } from '../test/fixtures/outcomes.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: OutcomesWorld;
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
  'guest',
  'anon',
] as const;
type Role = (typeof ROLES)[number];
type Action =
  | 'measures'
  | 'create'
  | 'update'
  | 'valuesAll'
  | 'valuesA'
  | 'settings'
  | 'saveSettings'
  | 'template'
  | 'import'
  | 'district'
  | 'schoolA'
  | 'schoolB';

let n = 0;
const measureVersion = async () =>
  (await t.database.db.select().from(outcomeMeasures).where(eq(outcomeMeasures.id, w.measure.id)))[0]!.version;
const settingsVersion = async (districtId: string) =>
  (await t.database.db.select().from(outcomeSettings).where(eq(outcomeSettings.districtId, districtId)))[0]?.version ?? 1;

const ACTIONS: Record<Action, (c: Client, role: Role) => Promise<{ statusCode: number; body: string }>> = {
  measures: (c) => c.get('/api/outcomes/measures'),
  create: (c) => c.post('/api/outcomes/measures', { key: `m${++n}`, name: 'Attendance rate', unit: '%' }),
  update: async (c) =>
    c.patch(`/api/outcomes/measures/${w.measure.id}`, {
      version: await measureVersion(),
      key: 'reading_benchmark',
      name: 'Reading at benchmark',
    }),
  valuesAll: (c) => c.get(`/api/outcomes/measures/${w.measure.id}/values`),
  valuesA: (c) => c.get(`/api/outcomes/measures/${w.measure.id}/values?orgUnitId=${w.schoolA.id}`),
  settings: (c) => c.get('/api/outcomes/settings'),
  saveSettings: async (c, role) =>
    c.request('PUT', '/api/outcomes/settings', {
      version: await settingsVersion(role === 'outsider' ? w.outsider.districtId : w.districtId),
      minCount: 10,
      perTeacherAllowed: false,
    }),
  template: (c) => c.get('/api/outcomes/import/template'),
  import: (c) =>
    c.post('/api/outcomes/import', {
      dryRun: true,
      csv: csvOf([HEADER, ['reading_benchmark', '2025-26 Fall', '', '', 'Alder Elementary', '', '50', '40']]),
    }),
  district: (c) => c.get('/api/dashboards/district'),
  schoolA: (c) => c.get(`/api/dashboards/schools/${w.schoolA.id}`),
  schoolB: (c) => c.get(`/api/dashboards/schools/${w.schoolB.id}`),
};

const none = {
  create: 403,
  update: 403,
  valuesAll: 403,
  valuesA: 403,
  settings: 403,
  saveSettings: 403,
  template: 403,
  import: 403,
  district: 403,
  schoolA: 403,
  schoolB: 403,
};
const manager = {
  measures: 200,
  create: 201,
  update: 200,
  valuesAll: 200,
  valuesA: 200,
  settings: 200,
  saveSettings: 200,
  template: 200,
  import: 200,
  district: 200,
  schoolA: 200,
  schoolB: 200,
};
const all = (status: number) => Object.fromEntries(Object.keys(ACTIONS).map((a) => [a, status])) as Record<Action, number>;

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',             manager],
  ['admin',          manager],
  ['leaderA',        { ...none, measures: 200, valuesA: 200, schoolA: 200 }],
  ['leaderB',        { ...none, measures: 200, schoolB: 200 }],
  ['teamMemberA',    { ...none, measures: 200, valuesA: 200, schoolA: 200 }],
  ['formerMemberA',  { ...none, measures: 200 }],
  ['districtMember', { ...none, measures: 200, valuesAll: 200, valuesA: 200, district: 200, schoolA: 200, schoolB: 200 }],
  ['teacher',        { ...none, measures: 200 }],
  // Another district's HR: its own district's lists and settings; this district's ids are 404.
  ['outsider',       { ...manager, update: 404, valuesAll: 404, valuesA: 404, schoolA: 404, schoolB: 404 }],
  ['guest',          all(404)],
  ['anon',           all(401)],
];

beforeAll(async () => {
  w = await buildOutcomesWorld(t.database.db);
  for (const role of ROLES) {
    if (role === 'anon') as[role] = anonymous(t.app);
    else if (role === 'guest') {
      const built = await buildGuest(t.database.db, as.hr!, w.initiative.id, addDays(todayIn('America/New_York'), 30));
      as[role] = await signIn(t.app, built.email);
    } else as[role] = await signIn(t.app, w[role].email);
  }
}, 60_000);

describe('outcome and dashboard permissions', () => {
  for (const [role, expected] of MATRIX) {
    it(`${role}: ${Object.entries(expected)
      .map(([a, s]) => `${a} ${s}`)
      .join(', ')}`, async () => {
      for (const [action, status] of Object.entries(expected) as [Action, number][]) {
        const res = await ACTIONS[action](as[role]!, role);
        expect(res.statusCode, `${role} ${action}: ${res.body}`).toBe(status);
      }
    });
  }

  it('a unit that is not a school of the district is a 404', async () => {
    expect((await as.hr!.get(`/api/dashboards/schools/${w.districtUnit.id}`)).statusCode).toBe(404);
    expect((await as.hr!.get(`/api/dashboards/schools/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await as.hr!.get(`/api/outcomes/measures/${w.measure.id}/values?orgUnitId=${w.districtUnit.id}`)).statusCode).toBe(404);
  });
});
