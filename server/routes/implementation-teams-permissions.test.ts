/**
 * Permission matrix, table-driven: HR, an admin, the school's leader, another school's leader, the
 * team's facilitator, a member, a staff member on no team, an admin of another district and signed
 * out, each x (read a team, create a school team, edit the team, add members, import members, read a
 * meeting, create a meeting, edit a meeting, record a decision). Readers without the ability get 403;
 * another district 404; signed out 401.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildImplementationTeamsWorld,
  meetingVersion,
  teamVersion,
  type ImplementationTeamsWorld,
} from '../test/fixtures/implementation-teams.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let w: ImplementationTeamsWorld;
const as: Record<string, Client> = {};
const ROLES = ['hr', 'admin', 'leaderA', 'leaderB', 'facilitator', 'member', 'staff', 'outsider', 'anon'] as const;
type Role = (typeof ROLES)[number];
type Action = 'read' | 'create' | 'edit' | 'addMembers' | 'import' | 'readMeeting' | 'meet' | 'editMeeting' | 'decide';

const base = () => `/api/implementation-teams/${w.schoolTeam.id}`;
const ACTIONS: Record<Action, (c: Client) => Promise<{ statusCode: number; body: string }>> = {
  read: (c) => c.get(base()),
  create: (c) => c.post('/api/implementation-teams', { kind: 'school', name: 'New school team', orgUnitId: w.schoolA.id }),
  edit: async (c) => c.patch(base(), { version: await teamVersion(t.database.db, w.schoolTeam.id), termsOfReference: 'Meets monthly' }),
  addMembers: (c) => c.post(`${base()}/members`, { personIds: [w.coach.personId], role: 'coach_representative' }),
  import: (c) =>
    c.post('/api/implementation-teams/import', {
      csv: `team,person,role\r\nSchool A literacy team,${w.staff.email},member\r\n`,
      dryRun: true,
    }),
  readMeeting: (c) => c.get(`${base()}/meetings/${w.meeting.id}`),
  meet: (c) => c.post(`${base()}/meetings`, { meetsAt: new Date().toISOString(), agenda: 'Plan' }),
  editMeeting: async (c) =>
    c.patch(`${base()}/meetings/${w.meeting.id}`, { version: await meetingVersion(t.database.db, w.meeting.id), notes: 'Notes' }),
  decide: (c) => c.post(`${base()}/meetings/${w.meeting.id}/decisions`, { text: 'Add coaching on phonics', driver: 'coaching' }),
};

// prettier-ignore
const MATRIX: [Role, Record<Action, number>][] = [
  ['hr',          { read: 200, create: 201, edit: 200, addMembers: 200, import: 200, readMeeting: 200, meet: 403, editMeeting: 403, decide: 403 }],
  ['admin',       { read: 200, create: 201, edit: 200, addMembers: 200, import: 200, readMeeting: 200, meet: 403, editMeeting: 403, decide: 403 }],
  ['leaderA',     { read: 200, create: 201, edit: 200, addMembers: 200, import: 200, readMeeting: 200, meet: 403, editMeeting: 403, decide: 403 }],
  ['leaderB',     { read: 200, create: 403, edit: 403, addMembers: 403, import: 403, readMeeting: 200, meet: 403, editMeeting: 403, decide: 403 }],
  ['facilitator', { read: 200, create: 403, edit: 403, addMembers: 200, import: 200, readMeeting: 200, meet: 201, editMeeting: 200, decide: 201 }],
  ['member',      { read: 200, create: 403, edit: 403, addMembers: 403, import: 403, readMeeting: 200, meet: 201, editMeeting: 200, decide: 201 }],
  ['staff',       { read: 200, create: 403, edit: 403, addMembers: 403, import: 403, readMeeting: 200, meet: 403, editMeeting: 403, decide: 403 }],
  // Another district's admin: the team and meeting are not theirs to know (404); a school of another
  // district named in a body is a bad field (400); their import finds no team of that name (200 with a row error).
  ['outsider',    { read: 404, create: 400, edit: 404, addMembers: 404, import: 200, readMeeting: 404, meet: 404, editMeeting: 404, decide: 404 }],
  ['anon',        { read: 401, create: 401, edit: 401, addMembers: 401, import: 401, readMeeting: 401, meet: 401, editMeeting: 401, decide: 401 }],
];

beforeAll(async () => {
  w = await buildImplementationTeamsWorld(t.database.db);
  for (const role of ROLES) as[role] = role === 'anon' ? anonymous(t.app) : await signIn(t.app, w[role].email);
}, 60_000);

describe('implementation team permissions', () => {
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

  it('the team carries what each reader may do', async () => {
    const abilities = async (role: Role) => (await as[role]!.get(base())).json().abilities;
    expect(await abilities('facilitator')).toEqual({ edit: false, manageMembers: true, editRecords: true });
    expect(await abilities('member')).toEqual({ edit: false, manageMembers: false, editRecords: true });
    expect(await abilities('leaderA')).toEqual({ edit: true, manageMembers: true, editRecords: false });
    expect(await abilities('staff')).toEqual({ edit: false, manageMembers: false, editRecords: false });
    expect((await as.member!.get(`${base()}/meetings/${w.meeting.id}`)).json().abilities).toEqual({ edit: true });
    expect((await as.hr!.get(`${base()}/meetings/${w.meeting.id}`)).json().abilities).toEqual({ edit: false });
  });

  it('a school leader creates school teams of their school only, and no district teams', async () => {
    const res = await as.leaderA!.post('/api/implementation-teams', { kind: 'district', name: 'Mine', orgUnitId: w.districtUnit.id });
    expect(res.statusCode, res.body).toBe(403);
    const other = await as.leaderA!.post('/api/implementation-teams', { kind: 'school', name: 'Theirs', orgUnitId: w.schoolB.id });
    expect(other.statusCode, other.body).toBe(403);
    // Nor moves their team out of their school.
    const moved = await as.leaderA!.patch(base(), { version: await teamVersion(t.database.db, w.schoolTeam.id), orgUnitId: w.schoolB.id });
    expect(moved.statusCode, moved.body).toBe(403);
  });

  it('everyone in the district lists the teams; another district sees none of them', async () => {
    const names = (await as.staff!.get('/api/implementation-teams')).json().items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['District literacy team', 'School A literacy team']));
    const theirs = (await as.outsider!.get('/api/implementation-teams')).json().items.map((i: { name: string }) => i.name);
    expect(theirs).toEqual(['Other district team']);
    expect((await as.anon!.get('/api/implementation-teams')).statusCode).toBe(401);
    expect((await as.outsider!.get(`/api/implementation-teams/action-items?initiativeId=${w.initiative.id}`)).statusCode).toBe(404);
    expect((await as.staff!.get(`/api/implementation-teams/action-items?initiativeId=${w.initiative.id}`)).statusCode).toBe(200);
    const imported = await as.outsider!.post('/api/implementation-teams/import', {
      csv: 'team,person\r\nSchool A literacy team,x@y.z\r\n',
    });
    expect(imported.json().errors[0]).toMatchObject({ code: 'unknown_team', field: 'team' });
  });

  it('a meeting of one team is not reachable through another team', async () => {
    const res = await as.hr!.get(`/api/implementation-teams/${w.districtTeam.id}/meetings/${w.meeting.id}`);
    expect(res.statusCode).toBe(404);
  });
});
