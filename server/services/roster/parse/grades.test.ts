import { describe, expect, it } from 'vitest';
import { gradeCode, gradesCell } from '../../../../common/grades.ts';
import { parseRosterUpload, type RosterInputFile } from './index.ts';

const csv = (name: string, ...lines: string[]): RosterInputFile => ({ name, data: Buffer.from(`${lines.join('\n')}\n`, 'utf8') });
const ORGS = csv(
  'orgs.csv',
  'sourcedId,status,name,type,identifier,parentSourcedId',
  'd1,,District,district,D,',
  's1,,Palm Grove,school,PG,d1',
);

describe('grades in roster files', () => {
  it('reads grades as written in the wild into CEDS codes', () => {
    expect(['3', '03', 'Grade 3', 'K', 'kg', 'Kindergarten', '0', 'Pre-K', 'PK', 'other', '13'].map(gradeCode)).toEqual([
      '03',
      '03',
      '03',
      'KG',
      'KG',
      'KG',
      'KG',
      'PK',
      'PK',
      'Other',
      '13',
    ]);
    expect(gradesCell('4, 3; K|3')).toEqual({ grades: ['KG', '03', '04'], invalid: [] });
    expect(gradesCell('3,Science,14')).toEqual({ grades: ['03'], invalid: ['Science', '14'] });
  });

  it("keeps a OneRoster teacher's grades; a part that is no grade is a warning; no column leaves grades out", async () => {
    const users = csv(
      'users.csv',
      'sourcedId,status,givenName,familyName,email,role,orgSourcedIds,grades',
      'u1,,Ana,Lopez,ana@palm.test,teacher,s1,"03,04"',
      'u2,,Ben,Kim,ben@palm.test,teacher,s1,',
      'u3,,Cy,Ode,cy@palm.test,teacher,s1,"K,Art"',
    );
    const result = await parseRosterUpload([users, ORGS]);
    expect(result.people.map((p) => [p.sourcedId, p.grades])).toEqual([
      ['u1', ['03', '04']],
      ['u2', []],
      ['u3', ['KG']],
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'invalid_grade', line: 4, field: 'grades', params: { value: 'Art' } }),
    ]);
    const without = await parseRosterUpload([
      csv('users.csv', 'sourcedId,status,givenName,familyName,role,orgSourcedIds', 'u1,,Ana,Lopez,teacher,s1'),
      ORGS,
    ]);
    expect(without.people[0]).not.toHaveProperty('grades');
  });

  it("adds up a staff sheet person's grades over their rows (a `grade` column is read too)", async () => {
    const sheet = csv(
      'staff.csv',
      'staff_id,given_name,family_name,role,school_code,grade',
      'S1,Ana,Lopez,teacher,PG,3',
      'S1,Ana,Lopez,teacher,OH,"4,3"',
    );
    const result = await parseRosterUpload([sheet]);
    expect(result.people.map((p) => [p.sourcedId, p.grades])).toEqual([['S1', ['03', '04']]]);
  });
});
