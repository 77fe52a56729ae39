/**
 * Permission matrix tested: signed out -> 401; another district -> 404. Priorities and school goals
 * of Palm Grove: read by its principal, the network's superintendent, HR, admins, its teacher, team
 * lead and coach; Pine Ridge's principal 404. Written by the principal, the superintendent, HR and
 * admins; the teacher 403. Team goals: also the team's lead; check-ins by the same. District goals:
 * everyone reads, HR/admins write, a principal 403. Bad input: a 6th priority, a priority of another
 * school, a team of another school, a parent goal of the wrong level, stale versions 409.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema/index.ts';
import { buildTeamGoalsWorld, type TeamGoalsWorld } from '../test/fixtures/team-goals.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
const YEAR = '2026-27';
let w: TeamGoalsWorld;
const as = {} as Record<keyof TeamGoalsWorld['emails'], Client>;

beforeAll(async () => {
  w = await buildTeamGoalsWorld(t.database.db);
  for (const [who, email] of Object.entries(w.emails)) as[who as keyof typeof as] = await signIn(t.app, email);
}, 180_000);

const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);
const priorities = (schoolId: string) => `/api/schools/${schoolId}/priorities?schoolYear=${YEAR}`;

async function setPalmPriorities(titles: string[]) {
  const current = (await as.principal.get(priorities(w.schools.palm))).json();
  const res = await put(as.principal, `/api/schools/${w.schools.palm}/priorities`, {
    schoolYear: YEAR,
    version: current.version,
    items: titles.map((title, i) => ({ id: current.items[i]?.id, title })),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('school priorities', () => {
  it('reads and writes by the permission matrix', async () => {
    expect((await anonymous(t.app).get(priorities(w.schools.palm))).statusCode).toBe(401);
    const reads: [keyof typeof as, number][] = [
      ['principal', 200],
      ['superintendent', 200],
      ['hr', 200],
      ['admin', 200],
      ['teacher', 200],
      ['lead', 200],
      ['coach', 200],
      ['pinePrincipal', 404],
      ['outsider', 404],
    ];
    for (const [who, status] of reads) expect([who, (await as[who].get(priorities(w.schools.palm))).statusCode]).toEqual([who, status]);
    const writes: [keyof typeof as, number][] = [
      ['teacher', 403],
      ['lead', 403],
      ['coach', 403],
      ['pinePrincipal', 404],
      ['outsider', 404],
      ['principal', 200],
      ['superintendent', 200],
      ['hr', 200],
      ['admin', 200],
    ];
    for (const [who, status] of writes) {
      const { version } = (await as.principal.get(priorities(w.schools.palm))).json();
      const res = await put(as[who], `/api/schools/${w.schools.palm}/priorities`, {
        schoolYear: YEAR,
        version,
        items: [{ title: `By ${who}` }],
      });
      expect([who, res.statusCode]).toEqual([who, status]);
    }
    expect((await as.teacher.get(priorities(w.schools.palm))).json().items.map((i: { title: string }) => i.title)).toEqual(['By admin']);
  });

  it('keeps order, refuses a 6th priority and a stale version, and audits', async () => {
    const list = await setPalmPriorities(['Literacy', 'Math', 'Attendance']);
    expect(list.items.map((i: { title: string }) => i.title)).toEqual(['Literacy', 'Math', 'Attendance']);
    const six = Array.from({ length: 6 }, (_, i) => ({ title: `P${i}` }));
    const tooMany = await put(as.principal, `/api/schools/${w.schools.palm}/priorities`, {
      schoolYear: YEAR,
      version: list.version,
      items: six,
    });
    expect(tooMany.statusCode).toBe(400);
    const stale = await put(as.principal, `/api/schools/${w.schools.palm}/priorities`, {
      schoolYear: YEAR,
      version: list.version - 1,
      items: [],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.items).toHaveLength(3);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.schools.palm), eq(auditLog.action, 'school_priorities.set')));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses an item id of another school', async () => {
    const pine = await put(as.pinePrincipal, `/api/schools/${w.schools.pine}/priorities`, {
      schoolYear: YEAR,
      version: 0,
      items: [{ title: 'Pine first' }],
    });
    const pineId = pine.json().items[0].id;
    const { version } = (await as.principal.get(priorities(w.schools.palm))).json();
    const res = await put(as.principal, `/api/schools/${w.schools.palm}/priorities`, {
      schoolYear: YEAR,
      version,
      items: [{ id: pineId, title: 'Stolen' }],
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('goals', () => {
  let districtGoalId: string;
  let schoolGoalId: string;
  let priorityId: string;

  beforeAll(async () => {
    const list = await setPalmPriorities(['Literacy', 'Math']);
    priorityId = list.items[0].id;
  });

  it('district goals: HR and admins write, a principal 403, everyone reads', async () => {
    const body = { level: 'district', schoolYear: YEAR, title: 'Every child reads by grade 3', target: '80% proficient' };
    expect((await as.principal.post('/api/team-goals', body)).statusCode).toBe(403);
    const res = await as.hr.post('/api/team-goals', body);
    expect(res.statusCode).toBe(200);
    districtGoalId = res.json().id;
    expect((await as.teacher.get(`/api/district-goals?schoolYear=${YEAR}`)).json().items.map((g: { id: string }) => g.id)).toEqual([
      districtGoalId,
    ]);
    expect((await as.outsider.get(`/api/team-goals/${districtGoalId}`)).statusCode).toBe(404);
  });

  it('school goals: tied to a priority of the school, aligned to a district goal', async () => {
    const body = {
      level: 'school',
      schoolYear: YEAR,
      orgUnitId: w.schools.palm,
      priorityId,
      parentGoalId: districtGoalId,
      title: 'Grade 3 reading to 70%',
    };
    expect((await as.teacher.post('/api/team-goals', body)).statusCode).toBe(403);
    expect((await as.pinePrincipal.post('/api/team-goals', body)).statusCode).toBe(404);
    const pinePriority = (await as.pinePrincipal.get(priorities(w.schools.pine))).json().items[0].id;
    expect((await as.principal.post('/api/team-goals', { ...body, priorityId: pinePriority })).statusCode).toBe(400);
    expect((await as.principal.post('/api/team-goals', { ...body, priorityId: null })).statusCode).toBe(400);
    const res = await as.superintendent.post('/api/team-goals', body);
    expect(res.statusCode).toBe(200);
    schoolGoalId = res.json().id;
    const wrongParent = await as.principal.post('/api/team-goals', { ...body, parentGoalId: schoolGoalId });
    expect(wrongParent.statusCode).toBe(400);
  });

  it('team goals: a team of the school, aligned to a school goal of the same school; the team lead writes', async () => {
    const body = {
      level: 'team',
      schoolYear: YEAR,
      orgUnitId: w.schools.palm,
      teamId: w.teams.grade,
      parentGoalId: schoolGoalId,
      title: 'Guided reading daily',
    };
    expect((await as.principal.post('/api/team-goals', { ...body, teamId: w.teams.pineTeam })).statusCode).toBe(400);
    expect((await as.principal.post('/api/team-goals', { ...body, parentGoalId: districtGoalId })).statusCode).toBe(400);
    expect((await as.teacher.post('/api/team-goals', body)).statusCode).toBe(403);
    const res = await as.lead.post('/api/team-goals', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ teamName: 'Grade 3', can: { edit: true } });
    const goalId = res.json().id;
    // The ILT is not the lead's team to write for.
    expect((await as.lead.post('/api/team-goals', { ...body, teamId: w.teams.ilt })).statusCode).toBe(403);

    const checkIn = { status: 'on_track', note: 'Two of three classes daily', checkedOn: '2026-11-15' };
    expect((await as.teacher.post(`/api/team-goals/${goalId}/check-ins`, checkIn)).statusCode).toBe(403);
    expect((await as.outsider.post(`/api/team-goals/${goalId}/check-ins`, checkIn)).statusCode).toBe(404);
    expect((await as.lead.post(`/api/team-goals/${goalId}/check-ins`, { ...checkIn, status: 'sideways' })).statusCode).toBe(400);
    const after = await as.lead.post(`/api/team-goals/${goalId}/check-ins`, checkIn);
    expect(after.json().checkIns).toHaveLength(1);

    const view = (await as.teacher.get(`/api/schools/${w.schools.palm}/goals?schoolYear=${YEAR}`)).json();
    expect(view.priorities.map((p: { title: string }) => p.title)).toEqual(['Literacy', 'Math']);
    const team = view.goals.find((g: { id: string }) => g.id === goalId);
    expect(team).toMatchObject({ parentGoalId: schoolGoalId, latestCheckIn: { status: 'on_track' }, can: { edit: false } });
    expect(view.can).toEqual({ editPriorities: false, editSchoolGoals: false, editTeamGoals: false });
    expect((await as.pinePrincipal.get(`/api/schools/${w.schools.palm}/goals?schoolYear=${YEAR}`)).statusCode).toBe(404);

    const rolled = (await as.hr.get(`/api/district-goals?schoolYear=${YEAR}`)).json().items[0];
    expect(rolled).toMatchObject({ children: 2, childStatuses: { not_started: 1, on_track: 1 } });
  });

  it('updates with a version (409 when stale), and refuses deleting a goal others align to', async () => {
    const goal = (await as.principal.get(`/api/team-goals/${schoolGoalId}`)).json();
    const ok = await as.principal.patch(`/api/team-goals/${schoolGoalId}`, { version: goal.version, target: '75%' });
    expect(ok.json()).toMatchObject({ target: '75%', version: goal.version + 1 });
    const stale = await as.principal.patch(`/api/team-goals/${schoolGoalId}`, { version: goal.version, target: '90%' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.target).toBe('75%');
    expect(
      (await as.principal.patch(`/api/team-goals/${schoolGoalId}`, { version: goal.version + 1, parentGoalId: schoolGoalId })).statusCode,
    ).toBe(400);
    const del = await as.principal.request('DELETE', `/api/team-goals/${schoolGoalId}?version=${goal.version + 1}`);
    expect(del.statusCode).toBe(409);
    // A priority with goals tied to it stays.
    const list = (await as.principal.get(priorities(w.schools.palm))).json();
    const dropFirst = await put(as.principal, `/api/schools/${w.schools.palm}/priorities`, {
      schoolYear: YEAR,
      version: list.version,
      items: list.items.slice(1),
    });
    expect(dropFirst.statusCode).toBe(409);
  });
});
