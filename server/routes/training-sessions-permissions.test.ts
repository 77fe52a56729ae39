/**
 * Permission matrix, table-driven: HR, an admin, a member of the district implementation team, the
 * training plan's owner, the coaching plan's owner, a school leader, a teacher, someone of another
 * district and signed out, each x (list sessions, create, edit, read attendance, record attendance,
 * CSV attendance). Readers 200/201 or 403; another district 404; signed out 401.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { trainingSessions } from '../db/schema/index.ts';
import { buildDriverWorld, sessionBody, type DriverWorld } from '../test/fixtures/drivers.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: DriverWorld;
let sessionId: string;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'teamMember', 'trainingOwner', 'coachingOwner', 'leader', 'staff', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'list' | 'create' | 'edit' | 'readAttendance' | 'record' | 'csv';

const base = () => `/api/initiatives/${w.initiative.id}/training-sessions`;
const version = async () => (await t.database.db.select().from(trainingSessions).where(eq(trainingSessions.id, sessionId)))[0]!.version;
const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  list: (c) => c.get(base()),
  create: (c) => c.post(base(), sessionBody(['2026-09-10T15:00:00Z'])),
  edit: async (c) =>
    c.request('PUT', `${base()}/${sessionId}`, { ...sessionBody([]), startsAt: '2026-09-03T15:00:00Z', version: await version() }),
  readAttendance: (c) => c.get(`${base()}/${sessionId}/attendance`),
  record: (c) => c.post(`${base()}/${sessionId}/attendance`, { personIds: [w.teachersA[0]!.id], attended: true }),
  csv: (c) => c.post(`${base()}/${sessionId}/attendance/import`, { csv: 'person,attended\nb-teacher@example.test,yes\n', dryRun: true }),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',            { list: 200, create: 201, edit: 200, readAttendance: 200, record: 200, csv: 200 }],
  ['admin',         { list: 200, create: 201, edit: 200, readAttendance: 200, record: 200, csv: 200 }],
  ['teamMember',    { list: 200, create: 201, edit: 200, readAttendance: 200, record: 200, csv: 200 }],
  ['trainingOwner', { list: 200, create: 201, edit: 200, readAttendance: 200, record: 200, csv: 200 }],
  ['coachingOwner', { list: 200, create: 403, edit: 403, readAttendance: 200, record: 403, csv: 403 }],
  ['leader',        { list: 200, create: 403, edit: 403, readAttendance: 200, record: 200, csv: 200 }],
  ['staff',         { list: 200, create: 403, edit: 403, readAttendance: 200, record: 403, csv: 403 }],
  ['outsider',      { list: 404, create: 404, edit: 404, readAttendance: 404, record: 404, csv: 404 }],
  ['anon',          { list: 401, create: 401, edit: 401, readAttendance: 401, record: 401, csv: 401 }],
];

beforeAll(async () => {
  w = await buildDriverWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email!);
  const res = await as.hr!.post(base(), sessionBody(['2026-09-01T15:00:00Z']));
  sessionId = res.json().items[0].id;
}, 60_000);

describe('training session permissions', () => {
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

  it('a session of another initiative, or an unknown one, is not found', async () => {
    const other = `/api/initiatives/${w.otherInitiative.id}/training-sessions/${sessionId}`;
    expect((await as.hr!.get(`${other}/attendance`)).statusCode).toBe(404);
    expect((await as.hr!.post(`${other}/attendance`, { personIds: [w.teachersA[0]!.id] })).statusCode).toBe(404);
    expect((await as.hr!.get(`${base()}/${w.initiative.id}/attendance`)).statusCode).toBe(404);
  });
});
