/**
 * The staff spreadsheet's optional `step_code` column places people on career steps: an unknown code,
 * or a step that takes no placements, is a row error in the dry run; applying the corrected file places
 * people from today, and a second run of the same file changes nothing. (The import routes' permission matrix
 * is in imports.test.ts.)
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { careerPathways, pathwaySteps, people, stepPlacements } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let admin: Client;
let leaderStepId: string;

function multipart(name: string, data: string) {
  const boundary = `----trellis${Date.now()}`;
  const body = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${data}\r\n--${boundary}--\r\n`,
  );
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function dryRun(csv: string) {
  const { body, contentType } = multipart('staff.csv', csv);
  const res = await admin.request('POST', '/api/imports', body, { 'content-type': contentType });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function applyAndWait(id: string) {
  expect((await admin.post(`/api/imports/${id}/apply`)).statusCode).toBe(202);
  for (let i = 0; i < 200; i++) {
    const current = (await admin.get(`/api/imports/${id}`)).json();
    if (current.status !== 'running') return current;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

beforeAll(async () => {
  const db = t.database.db;
  const districtId = (await buildDistrict(db)).id;
  await buildOrgUnit(db, districtId, { name: 'Palm Grove', identifier: 'PG' });
  admin = await signIn(t.app, (await buildUser(db, districtId, 'district_admin')).email);
  const [pathway] = await db.insert(careerPathways).values({ districtId, name: 'Teaching', category: 'instructional' }).returning();
  const [leader] = await db
    .insert(pathwaySteps)
    .values({ districtId, pathwayId: pathway!.id, position: 1, title: 'Teacher leader', code: 'TL1' })
    .returning();
  await db
    .insert(pathwaySteps)
    .values({ districtId, pathwayId: pathway!.id, position: 2, title: 'Old mentor', code: 'OLD', active: false });
  leaderStepId = leader!.id;
});

const header = 'staff_id,given_name,family_name,role,school_code,step_code';

describe('step_code in the staff spreadsheet', () => {
  it('reports unknown and closed steps in the dry run and places the rest on apply, once', async () => {
    const csv = [
      header,
      'S1,Ana,Lopez,team_lead,PG,tl1',
      'S2,Ben,Kim,teacher,PG,NOPE',
      'S3,Cy,Ode,teacher,PG,OLD',
      'S4,Di,Ray,teacher,PG,',
    ].join('\n');
    const dry = await dryRun(csv);
    const stepIssues = dry.report.issues.filter((i: { field?: string }) => i.field === 'step_code');
    expect(stepIssues).toEqual([
      expect.objectContaining({ line: 3, severity: 'error', code: 'unknown_step', params: { step: 'NOPE' } }),
      expect.objectContaining({ line: 4, severity: 'error', code: 'step_closed', params: { step: 'OLD' } }),
    ]);
    expect(dry.report.counts.placements).toMatchObject({ create: 1, error: 2 });
    expect(await t.database.db.select().from(stepPlacements)).toEqual([]);
    // A file with errors is not applied; the corrected one is.
    expect((await admin.post(`/api/imports/${dry.id}/apply`)).statusCode).toBe(409);
    const fixed = await dryRun([header, 'S1,Ana,Lopez,team_lead,PG,tl1', 'S2,Ben,Kim,teacher,PG,', 'S4,Di,Ray,teacher,PG,'].join('\n'));
    expect(fixed.report.counts.placements).toMatchObject({ create: 1, error: 0 });
    const applied = await applyAndWait(fixed.id);
    expect(applied.status).toBe('applied');
    const [ana] = await t.database.db.select().from(people).where(eq(people.sourcedId, 'S1'));
    const placed = await t.database.db.select().from(stepPlacements).where(eq(stepPlacements.personId, ana!.id));
    expect(placed).toEqual([expect.objectContaining({ stepId: leaderStepId, source: 'import', endDate: null })]);
    expect(await t.database.db.select().from(stepPlacements)).toHaveLength(1);

    const again = await dryRun([header, 'S1,Ana,Lopez,team_lead,PG,TL1'].join('\n'));
    expect(again.report.counts.placements).toMatchObject({ create: 0, update: 0, unchanged: 1, error: 0 });
  });
});
