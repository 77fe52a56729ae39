/**
 * Permission matrix: signed out -> 401 (template and import); the CSV template -> anyone signed in;
 * the import (dry run and apply) -> HR and district admins, a teacher or principal 403; a cycle of
 * another district -> 404; the cycles to import into -> HR and admins of the district. Then: each bad row with its row number and column, a dry run that writes
 * nothing, an apply that is all-or-nothing and audited, a file with a BOM and CRLF, an XLSX file,
 * and the same file applied twice without duplicating anything.
 */
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, planFocusAreas, planGoals } from '../db/schema/index.ts';
import { buildPerformanceWorld, buildPlan, type PerformanceWorld } from '../test/fixtures/performance.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let world: PerformanceWorld;
const as: Record<string, Client> = {};
const plans: Record<string, string> = {};
const HEADER = 'person,kind,title,metric,baseline,baseline_date,target,due_date,competency,development_actions';

function upload(name: string, data: Buffer | string, contentType = 'text/csv') {
  const boundary = `----trellis${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

const runImport = (client: Client, csv: string | Buffer, dryRun = true, name = 'goals.csv', cycleId = world.cycleId) => {
  const { body, contentType } = upload(name, csv);
  return client.request('POST', `/api/performance/cycles/${cycleId}/import?dryRun=${dryRun}`, body, { 'content-type': contentType });
};

const goalsOf = (planId: string) => t.database.db.select().from(planGoals).where(eq(planGoals.planId, planId));
const focusOf = (planId: string) => t.database.db.select().from(planFocusAreas).where(eq(planFocusAreas.planId, planId));

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  world = await buildPerformanceWorld(db, districtId);
  const palm = await buildOrgUnit(db, districtId, { name: 'Palm Grove' });
  const person = async (email: string, status?: 'signed') => {
    const p = await buildPerson(db, districtId, { orgUnitId: palm.id, email });
    plans[email] = (await buildPlan(db, world, { personId: p.id, evaluatorPersonId: null, orgUnitId: palm.id, status })).id;
  };
  await person('ana@palm.test');
  await person('ben@palm.test');
  await person('cy@palm.test');
  await person('signed@palm.test', 'signed');
  await buildPerson(db, districtId, { orgUnitId: palm.id, email: 'nocycle@palm.test' });
  const users = {
    teacher: await buildUser(db, districtId, 'staff', { orgUnitId: palm.id }),
    principal: await buildUser(db, districtId, 'school_leader', { orgUnitId: palm.id }),
    hr: await buildUser(db, districtId, 'hr'),
    admin: await buildUser(db, districtId, 'district_admin'),
    outsider: await buildUser(db, (await buildDistrict(db, 'Other')).id, 'district_admin'),
  };
  for (const [k, u] of Object.entries(users)) as[k] = await signIn(t.app, u.email);
});

const [c1, c2, c3] = ['1a', '1b', '1c'];

describe('performance import permission matrix', () => {
  it('401 signed out, the template for anyone signed in, the import for HR and admins only, 404 for another district', async () => {
    expect((await anonymous(t.app).get('/api/performance/import-template.csv')).statusCode).toBe(401);
    expect((await runImport(anonymous(t.app) as Client, `${HEADER}\r\n`)).statusCode).toBe(401);
    const template = await as.teacher!.get('/api/performance/import-template.csv');
    expect(template.statusCode).toBe(200);
    expect(template.body.split('\r\n')[0]).toBe(HEADER);
    expect((await runImport(as.teacher!, `${HEADER}\r\n`)).statusCode).toBe(403);
    expect((await runImport(as.principal!, `${HEADER}\r\n`)).statusCode).toBe(403);
    expect((await runImport(as.outsider!, `${HEADER}\r\n`)).statusCode).toBe(404);
    expect((await runImport(as.admin!, `${HEADER}\r\n`)).statusCode).toBe(200);
    expect((await anonymous(t.app).get('/api/performance/import-cycles')).statusCode).toBe(401);
    expect((await as.teacher!.get('/api/performance/import-cycles')).statusCode).toBe(403);
    expect((await as.outsider!.get('/api/performance/import-cycles')).json()).toEqual([]);
    expect((await as.hr!.get('/api/performance/import-cycles')).json()).toEqual([
      { id: world.cycleId, title: 'Staff performance 2026-27', schoolYear: '2026-27', status: 'open' },
    ]);
  });
});

describe('bad rows', () => {
  it('reports each bad row with its row number and column, and writes nothing even when applying', async () => {
    const csv = [
      HEADER,
      'nocycle@palm.test,goal,Reading,,,,,,,',
      'stranger@nowhere.test,goal,Reading,,,,,,,',
      'ana@palm.test,focus_area,,,,,,,1,',
      'ana@palm.test,focus_area,,,,,,,ZZ9,',
      'ana@palm.test,goal,Attendance,Days present,90%,2026-09-01,95%,2026-08-01,,',
      'ana@palm.test,goal,Writing,,,2026-13-40,,,,',
      'ana@palm.test,badge,Writing,,,,,,,',
      'signed@palm.test,goal,Reading,,,,,,,',
      'ben@palm.test,goal,,,,,,,,',
      'ben@palm.test,focus_area,,,,,,,,',
      `ben@palm.test,goal,G1,,,,,,,`,
      `ben@palm.test,goal,G2,,,,,,,`,
      `ben@palm.test,goal,G3,,,,,,,`,
      `ben@palm.test,goal,G4,,,,,,,`,
      `ben@palm.test,goal,g1,,,,,,,`,
    ].join('\r\n');
    for (const dryRun of [true, false]) {
      const res = await runImport(as.hr!, csv, dryRun);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ dryRun, applied: false, rows: 15 });
      expect(body.errors).toEqual([
        { line: 2, field: 'person', code: 'not_in_cycle', value: 'nocycle@palm.test' },
        { line: 3, field: 'person', code: 'not_in_cycle', value: 'stranger@nowhere.test' },
        { line: 4, field: 'competency', code: 'outside_rubric', value: '1' },
        { line: 5, field: 'competency', code: 'unknown_competency', value: 'ZZ9' },
        { line: 6, field: 'due_date', code: 'before_baseline', value: '2026-08-01' },
        { line: 7, field: 'baseline_date', code: 'bad_date', value: '2026-13-40' },
        { line: 8, field: 'kind', code: 'bad_kind', value: 'badge' },
        { line: 9, field: 'person', code: 'plan_signed', value: 'signed@palm.test' },
        { line: 10, field: 'title', code: 'required' },
        { line: 11, field: 'competency', code: 'required' },
        { line: 15, field: 'title', code: 'too_many_goals', value: 'G4' },
        { line: 16, field: 'title', code: 'duplicate_row', value: 'g1' },
      ]);
    }
    expect(await goalsOf(plans['ben@palm.test']!)).toEqual([]);
    expect(await goalsOf(plans['ana@palm.test']!)).toEqual([]);
  });
});

describe('a clean file', () => {
  const csv = [
    HEADER,
    'ana@palm.test,goal,Raise reading growth,Students at benchmark,45%,2026-09-01,60%,2027-05-15,,',
    'ANA@palm.test,goal,Attendance,Days present,90%,2026-09-01,95%,2026-09-01,,',
    `ana@palm.test,focus_area,Questioning,,,,,,${c1},coaching: weekly sessions; course: questioning; read a book`,
    `ana@palm.test,focus_area,,,,,,,${c2},`,
  ];

  it('a dry run writes nothing; applying writes it all once, audited; the same file again changes nothing', async () => {
    const text = csv.join('\r\n').replace(c2, world.competencies[1]!.id);
    const dry = (await runImport(as.hr!, text)).json();
    expect(dry).toMatchObject({ dryRun: true, applied: false, counts: { create: 4, update: 0, unchanged: 0, error: 0 }, errors: [] });
    expect(await goalsOf(plans['ana@palm.test']!)).toEqual([]);

    const applied = (await runImport(as.admin!, text, false)).json();
    expect(applied).toMatchObject({ applied: true, counts: { create: 4, update: 0, unchanged: 0, error: 0 } });
    const goals = await goalsOf(plans['ana@palm.test']!);
    expect(goals.map((g) => [g.position, g.title, g.baselineOn, g.dueOn, g.target])).toEqual(
      expect.arrayContaining([
        [0, 'Raise reading growth', '2026-09-01', '2027-05-15', '60%'],
        [1, 'Attendance', '2026-09-01', '2026-09-01', '95%'],
      ]),
    );
    const focus = await focusOf(plans['ana@palm.test']!);
    expect(focus.map((f) => f.itemId).sort()).toEqual([world.competencies[0]!.id, world.competencies[1]!.id].sort());
    expect(focus.find((f) => f.itemId === world.competencies[0]!.id)!.actions).toEqual([
      { kind: 'coaching', description: 'weekly sessions' },
      { kind: 'course', description: 'questioning' },
      { kind: 'practice', description: 'read a book' },
    ]);
    const audited = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.districtId, world.districtId),
          inArray(
            auditLog.entityId,
            [...goals, ...focus].map((r) => r.id),
          ),
        ),
      );
    expect(audited).toHaveLength(4);

    const again = (await runImport(as.hr!, text, false)).json();
    expect(again).toMatchObject({ applied: true, counts: { create: 0, update: 0, unchanged: 4, error: 0 } });
    expect(await goalsOf(plans['ana@palm.test']!)).toHaveLength(2);
    expect(await focusOf(plans['ana@palm.test']!)).toHaveLength(2);

    // A changed target updates the held goal in place.
    const changed = (await runImport(as.hr!, text.replace('60%', '65%'), false)).json();
    expect(changed.counts).toEqual({ create: 0, update: 1, unchanged: 3, error: 0 });
    expect((await goalsOf(plans['ana@palm.test']!)).find((g) => g.title === 'Raise reading growth')!.target).toBe('65%');
  });

  it('counts goals already on the plan against the template maximum', async () => {
    // Ana holds two goals; the template allows three: one more is fine, two more are not.
    const res = (
      await runImport(as.hr!, [HEADER, 'ana@palm.test,goal,Third,,,,,,,', 'ana@palm.test,goal,Fourth,,,,,,,'].join('\n'))
    ).json();
    expect(res.errors).toEqual([{ line: 3, field: 'title', code: 'too_many_goals', value: 'Fourth' }]);
  });

  it('reads a file with a BOM and CRLF line ends', async () => {
    const text = `\uFEFF${HEADER}\r\nben@palm.test,goal,Math fluency,Facts per minute,20,2026-09-01,35,2027-03-01,,\r\n`;
    const res = (await runImport(as.hr!, text, false)).json();
    expect(res).toMatchObject({ applied: true, counts: { create: 1 }, errors: [] });
    expect((await goalsOf(plans['ben@palm.test']!)).map((g) => g.title)).toEqual(['Math fluency']);
  });

  it('reads an XLSX file, dates as real spreadsheet dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Goals');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      'cy@palm.test',
      'goal',
      'Science labs',
      'Labs run',
      '2',
      new Date(Date.UTC(2026, 8, 1)),
      '6',
      new Date(Date.UTC(2027, 4, 1)),
      '',
      '',
    ]);
    sheet.addRow(['cy@palm.test', 'focus_area', '', '', '', '', '', '', c3, 'mentor: pair with Ms. Diaz']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const { body, contentType } = upload('goals.xlsx', data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const res = await as.hr!.request('POST', `/api/performance/cycles/${world.cycleId}/import?dryRun=false`, body, {
      'content-type': contentType,
    });
    expect(res.json()).toMatchObject({ applied: true, counts: { create: 2 }, errors: [] });
    expect((await goalsOf(plans['cy@palm.test']!)).map((g) => [g.title, g.baselineOn, g.dueOn])).toEqual([
      ['Science labs', '2026-09-01', '2027-05-01'],
    ]);
    expect((await focusOf(plans['cy@palm.test']!))[0]!.actions).toEqual([{ kind: 'mentor', description: 'pair with Ms. Diaz' }]);
  });

  it('refuses a file that is neither CSV nor XLSX', async () => {
    const res = await runImport(as.hr!, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), true, 'goals.xlsx');
    expect(res.statusCode).toBe(400);
  });
});
