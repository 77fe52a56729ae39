/**
 * Permission matrix (POST /api/teams/by-grade): signed out 401; a school of another district 404;
 * staff and coaches 403; a school leader their own school only (another school 404); HR and
 * district admins any school. Then: the staff spreadsheet's grades column is kept on each person
 * (a file without it leaves grades alone), a dry run shows who joins each grade's team and writes
 * nothing, applying creates the missing teams and fills existing ones, again adds nobody twice.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, people, teams } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let districtId: string;
let palmId: string;
let oakId: string;
let foreignSchoolId: string;
const c: Record<string, Client> = {};

function multipart(name: string, data: string) {
  const boundary = `----trellis${Date.now()}`;
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${data}\r\n--${boundary}--\r\n`,
  );
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a staff sheet, applies it and waits for it to finish. */
async function importStaff(csv: string) {
  const { body, contentType } = multipart('staff.csv', csv);
  const dry = await c.admin!.request('POST', '/api/imports', body, { 'content-type': contentType });
  expect(dry.statusCode, dry.body).toBe(201);
  const id = dry.json().id;
  expect((await c.admin!.post(`/api/imports/${id}/apply`)).statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const current = (await c.admin!.get(`/api/imports/${id}`)).json();
    if (current.status !== 'running') return { dry: dry.json(), done: current };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const gradesOf = async (sourcedId: string) =>
  (
    await t.database.db
      .select({ grades: people.grades })
      .from(people)
      .where(and(eq(people.districtId, districtId), eq(people.sourcedId, sourcedId)))
  )[0]?.grades;

const GRADES = [
  { grade: '03', name: 'Grade 3' },
  { grade: '04', name: 'Grade 4' },
];
const byGrade = (client: Client, body: Record<string, unknown> = {}) =>
  client.post('/api/teams/by-grade', { schoolId: palmId, teams: GRADES, ...body });

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  palmId = (await buildOrgUnit(db, districtId, { name: 'Palm Grove', identifier: 'PG' })).id;
  oakId = (await buildOrgUnit(db, districtId, { name: 'Oak Hill', identifier: 'OH' })).id;
  const other = (await buildDistrict(db, 'Other')).id;
  foreignSchoolId = (await buildOrgUnit(db, other)).id;
  const users = {
    admin: await buildUser(db, districtId, 'district_admin'),
    hr: await buildUser(db, districtId, 'hr'),
    principal: await buildUser(db, districtId, 'school_leader', { orgUnitId: palmId }),
    oakPrincipal: await buildUser(db, districtId, 'school_leader', { orgUnitId: oakId }),
    teacher: await buildUser(db, districtId, 'staff', { orgUnitId: palmId }),
    coach: await buildUser(db, districtId, 'coach', { orgUnitId: palmId }),
  };
  for (const [k, u] of Object.entries(users)) c[k] = await signIn(t.app, u.email);
});

describe('grades from the roster', () => {
  it("keeps each person's grades from the staff sheet; a file without the column leaves them", async () => {
    const header = 'staff_id,given_name,family_name,role,school_code,grades';
    const { dry, done } = await importStaff(
      [
        header,
        'S1,Ana,Lopez,teacher,PG,3',
        'S2,Ben,Kim,teacher,PG,"3,4"',
        'S3,Cy,Ode,teacher,PG,4',
        'S4,Di,Ray,counselor,PG,3',
        'S5,Ed,Fox,teacher,OH,3',
        'S6,Flo,Gil,teacher,PG,Art',
      ].join('\n'),
    );
    expect(dry.report.issues).toEqual([expect.objectContaining({ line: 7, severity: 'warning', code: 'invalid_grade', field: 'grades' })]);
    expect(done.status).toBe('applied');
    expect(await gradesOf('S2')).toEqual(['03', '04']);
    expect(await gradesOf('S6')).toEqual([]);
    // The same file again: unchanged; a file without the column: grades stay.
    const again = await importStaff([header, 'S2,Ben,Kim,teacher,PG,"4,3"'].join('\n'));
    expect(again.dry.report.counts.people).toMatchObject({ update: 0, unchanged: 1 });
    const without = await importStaff(['staff_id,given_name,family_name,role,school_code', 'S2,Ben,Kim,teacher,PG'].join('\n'));
    expect(without.dry.report.counts.people).toMatchObject({ update: 0, unchanged: 1 });
    expect(await gradesOf('S2')).toEqual(['03', '04']);
  });
});

describe('grade-level teams by role and grade', () => {
  it('401 signed out, 404 another district or school, 403 staff and coaches', async () => {
    expect((await byGrade(anonymous(t.app))).statusCode).toBe(401);
    expect((await byGrade(c.hr!, { schoolId: foreignSchoolId })).statusCode).toBe(404);
    expect((await byGrade(c.oakPrincipal!)).statusCode).toBe(404);
    expect((await byGrade(c.teacher!)).statusCode).toBe(403);
    expect((await byGrade(c.coach!)).statusCode).toBe(403);
    expect((await byGrade(c.hr!)).statusCode).toBe(200);
    expect((await byGrade(c.principal!, { teams: [GRADES[0], { grade: '03', name: 'Other' }] })).statusCode).toBe(400);
  });

  it('a dry run shows who joins each team; applying creates and fills them once', async () => {
    const names = (list: { givenName: string }[]) => list.map((p) => p.givenName);
    const dry = await byGrade(c.principal!);
    expect(dry.statusCode).toBe(200);
    const preview = dry.json();
    // Teachers of Palm Grove only: the counselor (another role) and Oak Hill's teacher stay out.
    expect(
      preview.teams.map((x: { name: string; teamId: string | null; add: { givenName: string }[] }) => [x.name, x.teamId, names(x.add)]),
    ).toEqual([
      ['Grade 3', null, ['Ben', 'Ana']],
      ['Grade 4', null, ['Ben', 'Cy']],
    ]);
    expect(preview.counts).toEqual({ newTeams: 2, added: 4, unchanged: 0 });
    expect(await t.database.db.select().from(teams).where(eq(teams.districtId, districtId))).toEqual([]);

    // Grade 4 exists already with Cy on it: it is filled, not made again.
    const existing = (await c.principal!.post('/api/teams', { schoolId: palmId, kind: 'grade_level', name: 'grade 4' })).json();
    const cy = (await t.database.db.select().from(people).where(eq(people.sourcedId, 'S3')))[0]!;
    await c.principal!.post(`/api/teams/${existing.id}/members`, { personId: cy.id });
    const applied = (await byGrade(c.principal!, { dryRun: false, roles: ['teacher', 'counselor'] })).json();
    expect(applied.applied).toBe(true);
    expect(
      applied.teams.map((x: { teamId: string; add: { givenName: string }[]; unchanged: number }) => [names(x.add), x.unchanged]),
    ).toEqual([
      [['Ben', 'Ana', 'Di'], 0],
      [['Ben'], 1],
    ]);
    expect(applied.teams[1].teamId).toBe(existing.id);
    const grade3 = (await c.principal!.get(`/api/teams/${applied.teams[0].teamId}`)).json();
    expect(grade3).toMatchObject({ kind: 'grade_level', name: 'Grade 3', memberCount: 3 });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, districtId), eq(auditLog.action, 'team_member.add')));
    expect(audit.length).toBeGreaterThanOrEqual(5);

    const again = (await byGrade(c.principal!, { dryRun: false, roles: ['teacher', 'counselor'] })).json();
    expect(again.counts).toEqual({ newTeams: 0, added: 0, unchanged: 5 });
    expect(await t.database.db.select().from(teams).where(eq(teams.districtId, districtId))).toHaveLength(2);
  });
});
