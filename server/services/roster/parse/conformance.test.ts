// Conformance against real OneRoster sets written by another project (GPL, so read in place from
// ../shared/interop-samples and never copied into this repository). Skipped, saying so, where the
// samples are absent (a plain clone); quirks.test.ts covers the same behaviours with our own sets.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasOneRosterSamples, ONEROSTER_SAMPLES as samples, withSamples } from '../../../test/oneroster-samples.ts';
import { parseRosterUpload, type ParsedRoster, type RosterInputFile } from './index.ts';

function separateFiles(set: string): RosterInputFile[] {
  return readdirSync(resolve(samples, set)).map((name) => ({ name, data: readFileSync(resolve(samples, set, name)) }));
}
const zipped = (set: string): RosterInputFile[] => [{ name: `${set}.zip`, data: readFileSync(resolve(samples, `${set}.zip`)) }];

const org = {
  sourcedId: 'org-sch-222-456',
  status: 'active',
  name: 'History Department',
  type: 'department',
  identifier: 'History',
  parentSourcedId: null,
  file: 'orgs.csv',
  line: 2,
};
const orphanWarning = {
  file: 'orgs.csv',
  line: 2,
  severity: 'warning',
  code: 'orphan_parent_org',
  params: { org: 'org-sch-222-456', parent: 'org-sch-222-3456' },
  field: 'parentSourcedId',
};
const john = {
  sourcedId: 'usr-222-123456',
  status: 'active',
  givenName: 'John',
  familyName: 'Doe',
  middleName: 'Michael',
  preferredName: null,
  email: 'john.doe@myschool.com',
  phone: '6032221111',
  identifier: 'john.doe',
  username: 'john.doe',
  grades: ['12'],
  file: 'users.csv',
  line: 2,
};
const jim = {
  sourcedId: 'usr-222-987654',
  status: 'active',
  givenName: 'Jim',
  familyName: 'Smith',
  middleName: 'Ash',
  preferredName: null,
  email: 'jim.smith@myschool.com',
  phone: '6031234567',
  identifier: 'jim.smith',
  username: 'jim.smith',
  grades: ['11'],
  file: 'users.csv',
  line: 5,
};
const thomas = {
  sourcedId: 'usr-222-1234561',
  status: 'active',
  givenName: 'Thomas',
  familyName: 'Jones',
  middleName: 'Paul',
  preferredName: 'Tom',
  email: 'thomas.jones@testemail.com',
  phone: '6039876543',
  identifier: 'thomas.joness',
  username: 'thomas.joness',
  grades: ['10'],
  file: 'users.csv',
  line: 4,
};

const expected11: ParsedRoster = {
  format: 'oneroster-1.1',
  mode: 'bulk',
  orgs: [org as ParsedRoster['orgs'][number]],
  people: [john, jim] as ParsedRoster['people'],
  roles: [
    {
      sourcedId: 'usr-222-123456:org-sch-222-456:teacher',
      status: 'active',
      personSourcedId: 'usr-222-123456',
      orgSourcedId: 'org-sch-222-456',
      role: 'teacher',
      isPrimary: true,
      beginDate: null,
      endDate: null,
      file: 'users.csv',
      line: 2,
    },
    {
      sourcedId: 'usr-222-987654:org-sch-222-456:teacher',
      status: 'active',
      personSourcedId: 'usr-222-987654',
      orgSourcedId: 'org-sch-222-456',
      role: 'teacher',
      isPrimary: true,
      beginDate: null,
      endDate: null,
      file: 'users.csv',
      line: 5,
    },
  ],
  issues: [orphanWarning as ParsedRoster['issues'][number]],
  // Mary, mmichel and Anna are students, Thomas a parent: one role (one org) each.
  ignored: { nonStaffUsers: 4, nonStaffRoles: 4, files: ['academicSessions.csv', 'classes.csv', 'enrollments.csv'] },
};

const dated = {
  beginDate: '2024-03-06',
  endDate: '2025-09-23',
  orgSourcedId: 'org-sch-222-456',
  file: 'roles.csv',
  status: 'active',
} as const;
const expected12: ParsedRoster = {
  format: 'oneroster-1.2',
  mode: 'bulk',
  orgs: [org as ParsedRoster['orgs'][number]],
  // users.csv order; `1/05/2023` and `15/06/2023` are only in dateLastModified, which is not used.
  people: [john, thomas, jim] as ParsedRoster['people'],
  roles: [
    { ...dated, sourcedId: 'rol-123-1234', personSourcedId: 'usr-222-123456', role: 'teacher', isPrimary: true, line: 2 },
    { ...dated, sourcedId: 'rol-654-4564', personSourcedId: 'usr-222-1234561', role: 'school_administrator', isPrimary: false, line: 4 },
    { ...dated, sourcedId: 'rol-345-9876', personSourcedId: 'usr-222-987654', role: 'teacher', isPrimary: true, line: 5 },
  ],
  issues: [orphanWarning as ParsedRoster['issues'][number]],
  // Three student rows and John's guardian row; Mary, mmichel and Anna have no staff role.
  ignored: { nonStaffUsers: 3, nonStaffRoles: 4, files: ['academicSessions.csv', 'classes.csv', 'enrollments.csv', 'userprofiles.csv'] },
};

describe.skipIf(!hasOneRosterSamples).each([
  ['Test_full_data_set', expected11],
  ['v1p2_full_dataset', expected12],
])(withSamples('OneRoster reference set %s'), (set, expected) => {
  it('parses the separate CSV files exactly', async () => {
    expect(await parseRosterUpload(separateFiles(set))).toEqual(expected);
  });

  it('parses the zip exactly as the separate files', async () => {
    expect(await parseRosterUpload(zipped(set))).toEqual(expected);
  });

  it('never lets the plain-text passwords through', async () => {
    for (const upload of [separateFiles(set), zipped(set)]) {
      const json = JSON.stringify(await parseRosterUpload(upload));
      expect(json).not.toContain('Password1-');
      expect(json.toLowerCase()).not.toContain('password');
    }
  });
});
