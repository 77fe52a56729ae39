/**
 * Permission matrix: signed out -> 401 (template and import); the CSV template -> anyone signed
 * in; the import (dry run and apply) -> HR and district admins, others (teacher, principal) 403.
 * People of another district are unknown rows, never found. Then: row errors in a dry run (unknown
 * people, another district, self, bad year, duplicate rows, two evaluators for one person), nothing
 * written while any row fails, a clean file applied once (audited) and again unchanged.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evaluatorAssignments } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildPerson, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
const YEAR = '2026-27';
let districtId: string;
const as: Record<string, Client> = {};
const p: Record<string, { id: string; email: string | null }> = {};

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  const other = (await buildDistrict(db, 'Other')).id;
  const palm = await buildOrgUnit(db, districtId, { name: 'Palm Grove' });
  const principal = await buildUser(db, districtId, 'school_leader', { orgUnitId: palm.id });
  const teacher = await buildUser(db, districtId, 'staff', { orgUnitId: palm.id });
  const hr = await buildUser(db, districtId, 'hr');
  const admin = await buildUser(db, districtId, 'district_admin');
  p.principal = principal.person;
  p.ap = await buildPerson(db, districtId, { orgUnitId: palm.id, role: 'assistant_principal', email: 'ap@palm.test' });
  p.t1 = await buildPerson(db, districtId, { orgUnitId: palm.id, email: 't1@palm.test', identifier: 'E-1' });
  p.t2 = await buildPerson(db, districtId, { orgUnitId: palm.id, email: 't2@palm.test' });
  p.stranger = await buildPerson(db, other, { email: 'stranger@other.test' });
  for (const [k, u] of Object.entries({ principal, teacher, hr, admin })) as[k] = await signIn(t.app, u.email);
});

const importCsv = (client: Client, csv: string, dryRun = true) => client.post('/api/evaluators/import', { csv, dryRun });
const assignments = () => t.database.db.select().from(evaluatorAssignments).where(eq(evaluatorAssignments.districtId, districtId));

describe('evaluators CSV permission matrix', () => {
  it('401 signed out; the template for anyone signed in; the import for HR and admins only', async () => {
    expect((await anonymous(t.app).get('/api/evaluators/template.csv')).statusCode).toBe(401);
    expect((await anonymous(t.app).post('/api/evaluators/import', { csv: 'person,evaluator\n' })).statusCode).toBe(401);
    const template = await as.teacher!.get('/api/evaluators/template.csv');
    expect(template.statusCode).toBe(200);
    expect(template.body.split('\r\n')[0]).toBe('person,evaluator,school_year');
    for (const who of [as.teacher!, as.principal!]) expect((await importCsv(who, 'person,evaluator\n')).statusCode).toBe(403);
    expect((await importCsv(as.hr!, 'person,evaluator\n')).statusCode).toBe(200);
    expect((await importCsv(as.admin!, 'person,evaluator\n')).statusCode).toBe(200);
  });

  it('a file without the columns is refused as a whole', async () => {
    const res = await importCsv(as.hr!, 'who,by\nx,y\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ code: 'missing_columns', columns: ['person', 'evaluator'] });
  });
});

describe('evaluators CSV import', () => {
  it('dry run lists unknown people, other districts, self, bad years, duplicates and conflicts; nothing is written', async () => {
    const csv = [
      'person,evaluator,school_year',
      `t1@palm.test,${p.principal!.email},${YEAR}`,
      `nobody@palm.test,${p.principal!.email},`,
      `stranger@other.test,${p.principal!.email},`,
      `t2@palm.test,stranger@other.test,`,
      `E-1,${p.principal!.email},${YEAR}`,
      `t1@palm.test,ap@palm.test,${YEAR}`,
      `t2@palm.test,t2@palm.test,`,
      `t2@palm.test,ap@palm.test,2026-28`,
      `ap@palm.test,${p.principal!.email},`,
    ].join('\n');
    const res = await importCsv(as.hr!, csv);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.errors.map((e: { line: number; code: string; field: string }) => `${e.line}:${e.code}:${e.field}`)).toEqual([
      '3:unknown_person:person',
      '4:unknown_person:person',
      '5:unknown_person:evaluator',
      '6:duplicate_row:person',
      '7:conflicting_evaluator:person',
      '8:self_evaluation:evaluator',
      '9:bad_school_year:school_year',
    ]);
    // Nothing tells the other district's person apart from nobody.
    expect(JSON.stringify(body)).not.toContain(p.stranger!.id);
    expect(body.counts).toEqual({ create: 2, unchanged: 0, error: 7 });
    expect((await importCsv(as.hr!, csv, false)).json().applied).toBe(false);
    expect(await assignments()).toEqual([]);
  });

  it('a clean file applies once (audited); again, nothing changes; a new evaluator bumps the version', async () => {
    const csv = `person,evaluator,school_year\nt1@palm.test,ap@palm.test,${YEAR}\nE-1,ap@palm.test,2027-28\nt2@palm.test,ap@palm.test,${YEAR}\n`;
    expect((await importCsv(as.hr!, csv, false)).json()).toMatchObject({ applied: true, counts: { create: 3, unchanged: 0, error: 0 } });
    expect((await importCsv(as.hr!, csv, false)).json()).toMatchObject({ applied: true, counts: { create: 0, unchanged: 3, error: 0 } });
    const evaluator = await as.hr!.get(`/api/people/${p.t1!.id}/evaluator?schoolYear=${YEAR}`);
    expect(evaluator.json()).toMatchObject({ source: 'assigned', evaluator: { id: p.ap!.id }, assignment: { version: 1 } });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.districtId, districtId), eq(auditLog.action, 'evaluator.import_set')));
    expect(audits).toHaveLength(3);

    const change = `person,evaluator,school_year\nt1@palm.test,${p.principal!.email},${YEAR}\n`;
    expect((await importCsv(as.hr!, change, false)).json()).toMatchObject({ counts: { create: 1, unchanged: 0 } });
    const after = (await as.hr!.get(`/api/people/${p.t1!.id}/evaluator?schoolYear=${YEAR}`)).json();
    expect(after).toMatchObject({ evaluator: { id: p.principal!.id }, assignment: { version: 2 } });
    expect(await assignments()).toHaveLength(3);
  });
});
