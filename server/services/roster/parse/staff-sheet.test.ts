import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildStaffTemplateCsv, buildStaffTemplateXlsx, parseRosterUpload, STAFF_TEMPLATE_COLUMNS, type ParsedRoster } from './index.ts';

const staffCsv = (...lines: string[]) => [{ name: 'staff.csv', data: Buffer.from(lines.join('\r\n'), 'utf8') }];
const summary = (r: ParsedRoster) => r.issues.map((i) => `${i.severity} ${i.code} ${i.line ?? '-'}${i.field ? ` ${i.field}` : ''}`);

describe('staff template', () => {
  it('CSV template parses back with no rows and no issues', async () => {
    const csv = buildStaffTemplateCsv();
    expect(csv.toString('utf8')).toBe(`\uFEFF${STAFF_TEMPLATE_COLUMNS.join(',')}\r\n`);
    const result = await parseRosterUpload([{ name: 'trellis-staff-template.csv', data: csv }]);
    expect(result).toEqual({
      format: 'staff-csv',
      mode: 'delta',
      orgs: [],
      people: [],
      roles: [],
      issues: [],
      ignored: { nonStaffUsers: 0, nonStaffRoles: 0, files: [] },
    });
  });

  it('XLSX template parses back with no rows and no issues', async () => {
    const result = await parseRosterUpload([{ name: 'template.xlsx', data: await buildStaffTemplateXlsx() }]);
    expect(result).toMatchObject({ format: 'staff-xlsx', people: [], roles: [], issues: [] });
  });
});

describe('staff CSV', () => {
  it('reads one row per person and role, in any column order and spelling', async () => {
    const result = await parseRosterUpload(
      staffCsv(
        'School Code,Staff ID,Given Name,family_name,ROLE,email,phone,begin_date,end_date,primary,status,notes',
        'LHS,1001,Ana,García,Instructional Assistant,ana@d.org,555-0100,2024-08-01,,,,',
        'WMS,1001,Ana,García,aide,,,6/15/2024,,no,,',
        'DO,1001,Ana,García,coach,,,,,,inactive,',
        'LHS,1002,Bo,Li,Site-Administrator,,,,,,,',
        'LHS,2001,Kid,Student,student,,,,,,,',
      ),
    );
    expect(summary(result)).toEqual(['warning date_format_assumed 3 begin_date']);
    expect(result.format).toBe('staff-csv');
    expect(result.orgs).toEqual([]);
    expect(result.people).toEqual([
      {
        sourcedId: '1001',
        status: 'active',
        givenName: 'Ana',
        familyName: 'García',
        middleName: null,
        preferredName: null,
        email: 'ana@d.org',
        phone: '555-0100',
        identifier: '1001',
        username: null,
        file: 'staff.csv',
        line: 2,
      },
      {
        sourcedId: '1002',
        status: 'active',
        givenName: 'Bo',
        familyName: 'Li',
        middleName: null,
        preferredName: null,
        email: null,
        phone: null,
        identifier: '1002',
        username: null,
        file: 'staff.csv',
        line: 5,
      },
    ]);
    expect(result.roles.map((r) => [r.sourcedId, r.orgSourcedId, r.role, r.isPrimary, r.beginDate, r.status, r.line])).toEqual([
      ['1001:lhs:instructional_assistant', 'LHS', 'instructional_assistant', true, '2024-08-01', 'active', 2],
      ['1001:wms:instructional_assistant', 'WMS', 'instructional_assistant', false, '2024-06-15', 'active', 3],
      ['1001:do:coach', 'DO', 'coach', false, null, 'tobedeleted', 4],
      ['1002:lhs:school_administrator', 'LHS', 'school_administrator', true, null, 'active', 5],
    ]);
    expect(result.ignored).toEqual({ nonStaffUsers: 1, nonStaffRoles: 1, files: [] });
  });

  it('reports row problems and disagreeing person values (first wins)', async () => {
    const result = await parseRosterUpload(
      staffCsv(
        'staff_id,given_name,family_name,email,role,school_code,begin_date,end_date,primary,status',
        '1,Ann,Lee,ann@d.org,teacher,LHS,1/05/2024,,maybe,',
        '1,Anne,Lee,ANN@d.org,coach,WMS,,,yes,',
        '1,Ann,Lee,,teacher,LHS,,,,',
        '2,Bo,,bad@,wizard,LHS,,,,',
        '3,Cy,,bad@,teacher,,2024-02-30,,,gone',
        ',Di,Na,,teacher,LHS,,,,',
      ),
    );
    expect(summary(result)).toEqual([
      'error ambiguous_date 2 begin_date',
      'warning invalid_value 2 primary',
      'warning conflicting_value 3 given_name',
      'error duplicate_sourced_id 4 staff_id',
      'error unknown_role 5 role',
      'error missing_value 6 family_name',
      'error missing_value 6 school_code',
      'error invalid_status 6 status',
      'error missing_value 7 staff_id',
      'warning multiple_primary_roles 3 primary',
    ]);
    expect(result.issues[2]?.params).toEqual({ staffId: '1', kept: 'Ann', ignored: 'Anne' });
    expect(result.people.map((p) => [p.sourcedId, p.givenName, p.email])).toEqual([['1', 'Ann', 'ann@d.org']]);
    expect(result.roles.map((r) => [r.role, r.isPrimary])).toEqual([
      ['teacher', true],
      ['coach', true],
    ]);
  });

  it('reports missing template columns and reads no rows', async () => {
    const result = await parseRosterUpload(staffCsv('given_name,family_name,role', 'Ann,Lee,teacher'));
    expect(result.issues.map((i) => [i.code, i.params])).toEqual([
      ['missing_column', { column: 'staff_id' }],
      ['missing_column', { column: 'school_code' }],
    ]);
    expect(result.people).toEqual([]);
  });

  it('refuses a lone file that is neither ours nor OneRoster', async () => {
    await expect(parseRosterUpload(staffCsv('foo,bar', '1,2'))).rejects.toMatchObject({
      code: 'unsupported_file',
      params: { file: 'staff.csv' },
    });
    await expect(parseRosterUpload([{ name: 'staff.xls', data: Buffer.from('x') }])).rejects.toMatchObject({ code: 'unsupported_file' });
  });
});

describe('staff XLSX', () => {
  async function workbook(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Staff');
    wb.addWorksheet('Notes').addRow(['staff_id', 'not read']);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet, turning numbers, dates, rich text, links, formulas and booleans into text', async () => {
    const data = await workbook([
      [],
      ['staff_id', 'given_name', 'family_name', 'email', 'phone', 'role', 'school_code', 'begin_date', 'end_date', 'primary'],
      [
        1001,
        { richText: [{ text: 'Jo' }, { text: 'sé', font: { bold: true } }] },
        'Núñez',
        { text: 'jose@d.org', hyperlink: 'mailto:jose@d.org' },
        5550100,
        'Teacher',
        { formula: 'UPPER("lhs")', result: 'LHS' },
        new Date(Date.UTC(2024, 7, 1)),
        '2025-06-30',
        true,
      ],
    ]);
    const result = await parseRosterUpload([{ name: 'Staff.XLSX', data }]);
    expect(result.issues).toEqual([]);
    expect(result.format).toBe('staff-xlsx');
    expect(result.people.map((p) => [p.sourcedId, p.givenName, p.familyName, p.email, p.phone, p.line])).toEqual([
      ['1001', 'José', 'Núñez', 'jose@d.org', '5550100', 3],
    ]);
    expect(result.roles.map((r) => [r.sourcedId, r.orgSourcedId, r.beginDate, r.endDate, r.isPrimary, r.line])).toEqual([
      ['1001:lhs:teacher', 'LHS', '2024-08-01', '2025-06-30', true, 3],
    ]);
  });

  it('refuses a broken workbook and one that is a zip bomb', async () => {
    await expect(parseRosterUpload([{ name: 'staff.xlsx', data: Buffer.from('not a workbook') }])).rejects.toMatchObject({
      code: 'invalid_xlsx',
    });
    const data = await workbook([['staff_id'], ['1']]);
    await expect(parseRosterUpload([{ name: 'staff.xlsx', data }], { maxUncompressedBytes: 1000 })).rejects.toMatchObject({
      code: 'zip_too_large',
    });
  });
});
