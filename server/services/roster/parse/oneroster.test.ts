import { describe, expect, it } from 'vitest';
import { parseRosterUpload, type ParsedRoster, type RosterInputFile } from './index.ts';

const csv = (name: string, ...lines: string[]): RosterInputFile => ({ name, data: Buffer.from(`${lines.join('\n')}\n`, 'utf8') });
const summary = (r: ParsedRoster) =>
  r.issues.map((i) => `${i.severity} ${i.code} ${i.file}:${i.line ?? '-'}${i.field ? ` ${i.field}` : ''}`);

const ORGS = csv(
  'orgs.csv',
  'sourcedId,status,name,type,identifier,parentSourcedId',
  'd1,,District,district,D,',
  's1,,Lincoln High,school,LHS,d1',
);
const USERS11 = 'sourcedId,status,givenName,familyName,email,role,orgSourcedIds,password';

describe('OneRoster header tolerance', () => {
  it('reads BOM, CRLF, any column order and case, metadata.*, vendor columns, typos and a last line without newline', async () => {
    const users = [
      '\uFEFFSourceId,GIVENNAME, familyName ,metadata.district.ext,prefferedGivenName,vendorThing,primaryOrg,role,dataLastModified,,',
      'u1,Ana,García,x,Annie,y,s1,teacher,not-a-date,,',
      'u2,Bo,Li,x,,y,s1,Aide,1/05/2023',
    ].join('\r\n');
    const result = await parseRosterUpload([{ name: 'Users.CSV', data: Buffer.from(users) }, ORGS]);
    expect(result.issues).toEqual([]);
    expect(result.format).toBe('oneroster-1.1');
    expect(result.people.map((p) => [p.sourcedId, p.givenName, p.familyName, p.preferredName, p.line])).toEqual([
      ['u1', 'Ana', 'García', 'Annie', 2],
      ['u2', 'Bo', 'Li', null, 3],
    ]);
    expect(result.roles.map((r) => [r.sourcedId, r.role, r.isPrimary])).toEqual([
      ['u1:s1:teacher', 'teacher', true],
      ['u2:s1:instructional_assistant', 'instructional_assistant', true],
    ]);
  });

  it('flags a row whose cells run past the header (shifted by an unquoted comma)', async () => {
    const result = await parseRosterUpload([csv('users.csv', USERS11, 'u1,,Ann,Smith, Jr.,a@b.org,teacher,s1,pw'), ORGS]);
    expect(summary(result)).toEqual([
      'warning column_count_mismatch users.csv:2',
      'error unknown_role users.csv:2 role',
      'warning invalid_email users.csv:2 email',
    ]);
  });
});

describe('OneRoster 1.1 users.csv', () => {
  it('makes one role per org, the first primary, and never outputs passwords', async () => {
    const result = await parseRosterUpload([csv('users.csv', USERS11, 'u1,,Ann,Lee,ann@x.org,teacher,"s1,d1",S3cret!'), ORGS]);
    expect(result.roles.map((r) => [r.sourcedId, r.isPrimary])).toEqual([
      ['u1:s1:teacher', true],
      ['u1:d1:teacher', false],
    ]);
    expect(JSON.stringify(result)).not.toContain('S3cret!');
  });

  it('reports a missing required column once, with no line, and reads none of the file', async () => {
    const result = await parseRosterUpload([csv('users.csv', 'sourcedId,givenName,role,orgSourcedIds', 'u1,Ann,teacher,s1'), ORGS]);
    expect(result.issues).toEqual([
      { file: 'users.csv', line: null, severity: 'error', code: 'missing_column', params: { column: 'familyName' } },
    ]);
    expect(result.people).toEqual([]);
    expect(result.roles).toEqual([]);
  });

  it('keeps the first of two rows with the same sourcedId', async () => {
    const result = await parseRosterUpload([csv('users.csv', USERS11, 'u1,,Ann,Lee,,teacher,s1,', 'u1,,Other,Lee,,teacher,s1,'), ORGS]);
    expect(summary(result)).toEqual(['error duplicate_sourced_id users.csv:3 sourcedId']);
    expect(result.people.map((p) => p.givenName)).toEqual(['Ann']);
  });

  it('rejects unknown roles, skips non-staff silently (even incomplete rows) and counts them', async () => {
    const result = await parseRosterUpload([
      csv(
        'users.csv',
        USERS11,
        'u1,,Ann,Lee,,wizard,s1,',
        's1x,,,,,student,"s1,d1",',
        'g1,,Gus,Lee,,guardian,s1,',
        't1,,Tia,Ray,,Teacher,s1,',
      ),
      ORGS,
    ]);
    expect(result.issues).toEqual([
      { file: 'users.csv', line: 2, severity: 'error', code: 'unknown_role', params: { value: 'wizard' }, field: 'role' },
    ]);
    expect(result.people.map((p) => p.sourcedId)).toEqual(['t1']);
    expect(result.ignored).toEqual({ nonStaffUsers: 2, nonStaffRoles: 3, files: [] });
  });

  it('checks cells: empty names, bad e-mail, statuses', async () => {
    const result = await parseRosterUpload([
      csv(
        'users.csv',
        USERS11,
        'u1,active,,Lee,,teacher,s1,',
        'u2,inactive,Bo,Li,not-an-email,teacher,s1,',
        'u3,gone,Cy,Mo,,teacher,s1,',
        'u4,tobedeleted,Di,Na,,teacher,s1,',
      ),
      ORGS,
    ]);
    expect(summary(result)).toEqual([
      'error missing_value users.csv:2 givenName',
      'warning inactive_status users.csv:3 status',
      'warning invalid_email users.csv:3 email',
      'error invalid_status users.csv:4 status',
    ]);
    expect(result.people.map((p) => [p.sourcedId, p.status, p.email])).toEqual([
      ['u2', 'tobedeleted', null],
      ['u4', 'tobedeleted', null],
    ]);
    expect(result.roles.map((r) => r.status)).toEqual(['tobedeleted', 'tobedeleted']);
  });
});

const ROLES = 'sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId';
const USERS12 = csv('users.csv', 'sourcedId,status,givenName,familyName,primaryOrgSourcedId', 'u1,,Ann,Lee,s1', 'u2,,Bo,Li,s1');

describe('OneRoster 1.2 roles.csv', () => {
  it('reads dates: ISO, ISO datetime, unambiguous d/m (warned), ambiguous and invalid (errors)', async () => {
    const roles = csv(
      'roles.csv',
      ROLES,
      'r1,,,u1,primary,teacher,2024-08-01T00:00:00Z,15/06/2025,s1,',
      'r2,,1/05/2023,u2,secondary,principal,1/05/2024,2023-02-30,s1,',
      'r3,,,u2,,coach,2025-01-01,2024-01-01,d1,',
    );
    const result = await parseRosterUpload([USERS12, roles, ORGS]);
    expect(result.issues).toEqual([
      {
        file: 'roles.csv',
        line: 2,
        severity: 'warning',
        code: 'date_format_assumed',
        params: { value: '15/06/2025', date: '2025-06-15' },
        field: 'endDate',
      },
      { file: 'roles.csv', line: 3, severity: 'error', code: 'ambiguous_date', params: { value: '1/05/2024' }, field: 'beginDate' },
      { file: 'roles.csv', line: 3, severity: 'error', code: 'invalid_date', params: { value: '2023-02-30' }, field: 'endDate' },
      {
        file: 'roles.csv',
        line: 4,
        severity: 'error',
        code: 'end_before_begin',
        params: { beginDate: '2025-01-01', endDate: '2024-01-01' },
        field: 'endDate',
      },
    ]);
    expect(result.roles.map((r) => [r.sourcedId, r.role, r.isPrimary, r.beginDate, r.endDate])).toEqual([
      ['r1', 'teacher', true, '2024-08-01', '2025-06-15'],
      ['r2', 'principal', false, null, null],
      ['r3', 'coach', false, '2025-01-01', '2024-01-01'],
    ]);
  });

  it('reports a role whose org is not in orgs.csv, but only in a bulk set that has orgs.csv', async () => {
    const roles = csv('roles.csv', ROLES, 'r1,,,u1,primary,teacher,,,nowhere,', 'r2,,,u2,primary,teacher,,,s1,');
    const bulk = await parseRosterUpload([USERS12, roles, ORGS]);
    expect(bulk.issues).toEqual([
      { file: 'roles.csv', line: 2, severity: 'error', code: 'unknown_org', params: { org: 'nowhere' }, field: 'orgSourcedId' },
    ]);
    expect(bulk.roles.map((r) => r.sourcedId)).toEqual(['r2']);
    const withoutOrgs = await parseRosterUpload([USERS12, roles]);
    expect(withoutOrgs.issues).toEqual([]);
    expect(withoutOrgs.roles.map((r) => r.orgSourcedId)).toEqual(['nowhere', 's1']);
  });

  it('reports a role for a user missing from a bulk users.csv, and warns about staff-less users', async () => {
    const roles = csv('roles.csv', ROLES, 'r1,,,ghost,primary,teacher,,,s1,', 'r2,,,u1,primary,teacher,,,s1,');
    const result = await parseRosterUpload([USERS12, roles, ORGS]);
    expect(summary(result)).toEqual(['warning user_without_role users.csv:3', 'error unknown_person roles.csv:2 userSourcedId']);
    expect(result.people.map((p) => p.sourcedId)).toEqual(['u1']);
    expect(result.ignored.nonStaffUsers).toBe(1);
  });

  it('reports a missing column of roles.csv and imports no people', async () => {
    const roles = csv('roles.csv', 'sourcedId,userSourcedId,role', 'r1,u1,teacher');
    const result = await parseRosterUpload([USERS12, roles, ORGS]);
    expect(summary(result)).toEqual(['error missing_column roles.csv:-']);
    expect(result.issues[0]?.params).toEqual({ column: 'orgSourcedId' });
    expect(result.people).toEqual([]);
  });

  it('without roles.csv: uses a role column on users.csv, else reports each user', async () => {
    const manifest = csv('manifest.csv', 'propertyName,value', 'oneroster.version,1.2', 'file.users,bulk', 'file.roles,bulk');
    const withRole = csv('users.csv', 'sourcedId,givenName,familyName,role,primaryOrgSourcedId', 'u1,Ann,Lee,administrator,s1');
    const ok = await parseRosterUpload([manifest, withRole, ORGS]);
    expect(ok.format).toBe('oneroster-1.2');
    expect(summary(ok)).toEqual(['warning manifest_file_missing manifest.csv:4']);
    expect(ok.roles.map((r) => [r.sourcedId, r.role])).toEqual([['u1:s1:school_administrator', 'school_administrator']]);
    const noRole = await parseRosterUpload([manifest, USERS12, ORGS]);
    expect(summary(noRole)).toEqual([
      'warning manifest_file_missing manifest.csv:4',
      'error no_roles_file users.csv:2',
      'error no_roles_file users.csv:3',
    ]);
    expect(noRole.people).toEqual([]);
  });
});

describe('OneRoster sets', () => {
  it('a delta manifest: mode delta, unknown users, orgs and parents left for the caller', async () => {
    const manifest = csv(
      'manifest.csv',
      'propertyName,value',
      'manifest.version,1.0',
      'oneroster.version,1.2',
      'file.orgs,delta',
      'file.users,delta',
      'file.roles,delta',
    );
    const orgs = csv('orgs.csv', 'sourcedId,name,type,parentSourcedId', 's9,New School,school,d-known-to-db');
    const roles = csv(
      'roles.csv',
      ROLES,
      'r1,,,u-known-to-db,primary,teacher,,,s-known-to-db,',
      'r2,tobedeleted,,u1,primary,teacher,,,s9,',
    );
    const result = await parseRosterUpload([manifest, orgs, USERS12, roles]);
    expect(result.mode).toBe('delta');
    expect(result.issues).toEqual([]);
    expect(result.orgs.map((o) => o.parentSourcedId)).toEqual(['d-known-to-db']);
    expect(result.roles.map((r) => [r.sourcedId, r.status])).toEqual([
      ['r1', 'active'],
      ['r2', 'tobedeleted'],
    ]);
    // u2 has no role row: in a delta set that is normal, so no warning, but not imported as staff.
    expect(result.people.map((p) => p.sourcedId)).toEqual(['u1']);
  });

  it('orgs: types, orphan parents, cycles, duplicates', async () => {
    const orgs = csv(
      'orgs.csv',
      'sourcedId,name,type,parentSourcedId',
      'n1,Nation,national,',
      'x1,Campus,campus,',
      'a,A,department,b',
      'b,B,department,a',
      'c,C,local,missing',
      'c,C again,school,',
    );
    const result = await parseRosterUpload([orgs]);
    expect(summary(result)).toEqual([
      'warning org_type_assumed orgs.csv:2 type',
      'error unknown_org_type orgs.csv:3 type',
      'error duplicate_sourced_id orgs.csv:7 sourcedId',
      'warning orphan_parent_org orgs.csv:6 parentSourcedId',
      'error org_parent_cycle orgs.csv:4 parentSourcedId',
      'error org_parent_cycle orgs.csv:5 parentSourcedId',
    ]);
    expect(result.orgs.map((o) => [o.sourcedId, o.type, o.parentSourcedId])).toEqual([
      ['n1', 'department', null],
      ['a', 'department', 'b'],
      ['b', 'department', 'a'],
      ['c', 'department', null],
    ]);
  });

  it('refuses uploads without staff data', async () => {
    await expect(parseRosterUpload([csv('manifest.csv', 'propertyName,value'), csv('classes.csv', 'sourcedId')])).rejects.toMatchObject({
      code: 'no_roster_files',
    });
    await expect(parseRosterUpload([])).rejects.toMatchObject({ code: 'no_roster_files' });
    await expect(parseRosterUpload([csv('users.csv', USERS11), csv('USERS.csv', USERS11)])).rejects.toMatchObject({
      code: 'duplicate_file',
    });
  });

  it('reads a lone OneRoster file under another name by its header', async () => {
    const result = await parseRosterUpload([csv('export.csv', USERS11, 'u1,,Ann,Lee,,teacher,s1,')]);
    expect(result.format).toBe('oneroster-1.1');
    expect(result.people.map((p) => p.sourcedId)).toEqual(['u1']);
  });
});
