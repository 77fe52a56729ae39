// Our own OneRoster sets with the quirks of real exports (server/test/roster-fixtures.ts): always
// run, also in a plain clone without the third-party samples that conformance.test.ts reads.
import { describe, expect, it } from 'vitest';
import { QUIRKY_PASSWORD, quirkyOneRoster11, quirkyOneRoster12, zipOf } from '../../../test/roster-fixtures.ts';
import { parseRosterUpload, type ParsedRoster } from './index.ts';

const org = {
  sourcedId: 'org-science',
  status: 'active',
  name: 'Science Department',
  type: 'department',
  identifier: 'Science',
  parentSourcedId: null,
  file: 'orgs.csv',
  line: 2,
} as const;
const orphanWarning = {
  file: 'orgs.csv',
  line: 2,
  severity: 'warning',
  code: 'orphan_parent_org',
  params: { org: 'org-science', parent: 'org-missing-parent' },
  field: 'parentSourcedId',
} as const;
const person = (
  sourcedId: string,
  givenName: string,
  familyName: string,
  middleName: string,
  line: number,
  phone: string,
  preferredName: string | null = null,
) => {
  const login = `${givenName}.${familyName}`.toLowerCase();
  return {
    sourcedId,
    status: 'active',
    givenName,
    familyName,
    middleName,
    preferredName,
    email: `${login}@example.org`,
    phone,
    identifier: login,
    username: login,
    // The files have a grades column, empty for these teachers.
    grades: [] as string[],
    file: 'users.csv',
    line,
  } as const;
};
const rosa = person('u-rosa', 'Rosa', 'Alvarez', 'Maria', 2, '6035550101');
const lena = person('u-lena', 'Lena', 'Park', 'Joy', 5, '6035550106');
// Samuel's `prefferedGivenName` (a typo real exports carry) is read as his preferred name.
const sam = person('u-sam', 'Samuel', 'Okafor', 'Chidi', 4, '6035550104', 'Sam');

const expected11: ParsedRoster = {
  format: 'oneroster-1.1',
  mode: 'bulk',
  orgs: [org],
  people: [rosa, lena],
  roles: [
    {
      sourcedId: 'u-rosa:org-science:teacher',
      status: 'active',
      personSourcedId: 'u-rosa',
      orgSourcedId: 'org-science',
      role: 'teacher',
      isPrimary: true,
      beginDate: null,
      endDate: null,
      file: 'users.csv',
      line: 2,
    },
    {
      sourcedId: 'u-lena:org-science:teacher',
      status: 'active',
      personSourcedId: 'u-lena',
      orgSourcedId: 'org-science',
      role: 'teacher',
      isPrimary: true,
      beginDate: null,
      endDate: null,
      file: 'users.csv',
      line: 5,
    },
  ],
  issues: [orphanWarning],
  // Maya, Leo and Ines are students, Samuel a parent: one role (one org) each.
  ignored: { nonStaffUsers: 4, nonStaffRoles: 4, files: ['academicSessions.csv', 'classes.csv', 'enrollments.csv'] },
};

const dated = { beginDate: '2024-03-06', endDate: '2025-09-23', orgSourcedId: 'org-science', file: 'roles.csv', status: 'active' } as const;
const expected12: ParsedRoster = {
  format: 'oneroster-1.2',
  mode: 'bulk',
  orgs: [org],
  // users.csv order; `1/05/2023` and `15/06/2023` are only in dateLastModified, which is not used.
  people: [{ ...rosa, preferredName: null }, sam, lena],
  roles: [
    { ...dated, sourcedId: 'r-rosa', personSourcedId: 'u-rosa', role: 'teacher', isPrimary: true, line: 2 },
    { ...dated, sourcedId: 'r-sam', personSourcedId: 'u-sam', role: 'school_administrator', isPrimary: false, line: 4 },
    { ...dated, sourcedId: 'r-lena', personSourcedId: 'u-lena', role: 'teacher', isPrimary: true, line: 5 },
  ],
  issues: [orphanWarning],
  // Three student rows and Rosa's guardian row; Maya, Leo and Ines have no staff role.
  ignored: { nonStaffUsers: 3, nonStaffRoles: 4, files: ['academicSessions.csv', 'classes.csv', 'enrollments.csv'] },
};

describe.each([
  ['1.1 (roles on the user row)', quirkyOneRoster11, expected11],
  ['1.2 (roles.csv)', quirkyOneRoster12, expected12],
])("our OneRoster %s set with real exports' quirks", (_name, files, expected) => {
  it('parses the separate CSV files exactly: CRLF, typos in headers, students and guardians left out', async () => {
    expect(await parseRosterUpload(files())).toEqual(expected);
  });

  it('parses the zip exactly as the separate files', async () => {
    expect(await parseRosterUpload([{ name: 'set.zip', data: zipOf(files()) }])).toEqual(expected);
  });

  it('never lets the plain-text passwords through', async () => {
    for (const upload of [files(), [{ name: 'set.zip', data: zipOf(files()) }]]) {
      const json = JSON.stringify(await parseRosterUpload(upload));
      expect(json).not.toContain(QUIRKY_PASSWORD);
      expect(json.toLowerCase()).not.toContain('password');
    }
  });
});

describe('line ends', () => {
  it('reads the same set with LF, CRLF or CR line ends alike', async () => {
    const withEnds = (end: string) =>
      quirkyOneRoster12().map((f) => ({ ...f, data: Buffer.from(f.data.toString().replace(/\r\n/g, end)) }));
    const crlf = await parseRosterUpload(withEnds('\r\n'));
    expect(await parseRosterUpload(withEnds('\n'))).toEqual(crlf);
    expect(await parseRosterUpload(withEnds('\r'))).toEqual(crlf);
  });
});
