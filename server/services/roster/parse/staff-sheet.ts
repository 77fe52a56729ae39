import { gradesCell } from '../../../../common/grades.ts';
import type { Table } from './csv.ts';
import { dateCell } from './dates.ts';
import { normaliseHeader, Sheet, type Row } from './headers.ts';
import type { Issues, ParsedRoster, RosterPerson, RosterRole } from './types.ts';
import { booleanCell, emailCell, fitsLimits, gradesOf, mapRole, MAX_LENGTH, optional, statusCell } from './values.ts';

/** Columns of our own staff template, in template order (the header is matched by name, any order). */
export const STAFF_TEMPLATE_COLUMNS = [
  'staff_id',
  'given_name',
  'family_name',
  'email',
  'phone',
  'role',
  'school_code',
  'begin_date',
  'end_date',
  'primary',
  'status',
  'step_code',
  'grades',
] as const;

const REQUIRED = ['staff_id', 'given_name', 'family_name', 'role', 'school_code'];

/**
 * Whether a header row is our staff template rather than a OneRoster file: it names `staff_id`
 * or `school_code`, or has names without OneRoster's `sourcedId` (then the missing `staff_id` is
 * reported as such instead of "unsupported file").
 */
export function looksLikeStaffSheet(header: string[]): boolean {
  const keys = new Set(header.map(normaliseHeader));
  if (keys.has('staffid') || keys.has('schoolcode')) return true;
  return !keys.has('sourcedid') && keys.has('givenname') && keys.has('familyname');
}

interface PersonAcc {
  person: RosterPerson;
  active: boolean;
  roles: RosterRole[];
}

/** Later rows of a person must agree with the first; a blank in the first is filled, a difference is reported. */
function mergePerson(acc: PersonAcc, next: RosterPerson, row: Row, file: string, issues: Issues) {
  const fields = [
    ['givenName', 'given_name'],
    ['familyName', 'family_name'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['stepCode', 'step_code'],
  ] as const;
  for (const [key, column] of fields) {
    const had = acc.person[key] ?? null;
    const now = next[key] ?? null;
    if (now === null || now === '') continue;
    if (had === null || had === '') acc.person[key] = now;
    else if (had.toLowerCase() !== now.toLowerCase()) {
      issues.warn(file, row.line, 'conflicting_value', { staffId: acc.person.sourcedId, kept: had, ignored: now }, column);
    }
  }
  // Grades add up over a person's rows (one row per school, each with that school's grades).
  if (next.grades) acc.person.grades = gradesCell([...(acc.person.grades ?? []), ...next.grades].join(',')).grades;
}

/**
 * Reads our staff template (one row per person and role). Orgs are not created by this file:
 * `school_code` is passed through as `orgSourcedId` for the caller to resolve by identifier or
 * sourcedId. The mode is `delta`: people missing from the sheet are left alone.
 */
export function parseStaffTable(table: Table | null, format: 'staff-csv' | 'staff-xlsx', issues: Issues): ParsedRoster {
  const result: ParsedRoster = {
    format,
    mode: 'delta',
    orgs: [],
    people: [],
    roles: [],
    issues: issues.list,
    ignored: { nonStaffUsers: 0, nonStaffRoles: 0, files: [] },
  };
  if (!table) return result;
  const sheet = new Sheet(table, issues);
  if (!sheet.require(REQUIRED)) return result;
  const file = table.file;
  const people = new Map<string, PersonAcc>();
  const roleIds = new Set<string>();
  const nonStaff = new Set<string>();
  // Staff ids with at least one row meant as a staff role, even a rejected one: not "non-staff".
  const staffRows = new Set<string>();

  for (const row of sheet.rows()) {
    const missing = (field: string) => issues.missing(file, row.line, field);
    const staffId = row.get('staff_id');
    if (!staffId) {
      missing('staff_id');
      continue;
    }
    const roleText = row.get('role');
    const role = mapRole(roleText);
    if (role === null) {
      result.ignored.nonStaffRoles++;
      nonStaff.add(staffId);
      continue;
    }
    staffRows.add(staffId);
    if (!roleText) {
      missing('role');
      continue;
    }
    if (role === undefined) {
      issues.error(file, row.line, 'unknown_role', { value: roleText }, 'role');
      continue;
    }
    const required = { given_name: row.get('given_name'), family_name: row.get('family_name'), school_code: row.get('school_code') };
    const blank = Object.entries(required)
      .filter(([, v]) => !v)
      .map(([k]) => k);
    blank.forEach(missing);
    const status = statusCell(row.get('status'), file, row.line, issues, false);
    const fits = fitsLimits(
      [
        ['staff_id', staffId, MAX_LENGTH.identifier],
        ['given_name', required.given_name, MAX_LENGTH.name],
        ['family_name', required.family_name, MAX_LENGTH.name],
        ['email', row.get('email'), MAX_LENGTH.email],
        ['phone', row.get('phone'), MAX_LENGTH.phone],
        ['school_code', required.school_code, MAX_LENGTH.id],
        ['step_code', row.get('step_code'), MAX_LENGTH.id],
      ],
      file,
      row.line,
      issues,
    );
    if (blank.length > 0 || !status || !fits) continue;
    const beginDate = dateCell(row.get('begin_date'), 'begin_date', file, row.line, issues);
    const endDate = dateCell(row.get('end_date'), 'end_date', file, row.line, issues);
    if (beginDate && endDate && endDate < beginDate) issues.error(file, row.line, 'end_before_begin', { beginDate, endDate }, 'end_date');
    const primary = booleanCell(row.get('primary'), 'primary', file, row.line, issues);

    const person: RosterPerson = {
      sourcedId: staffId,
      status,
      givenName: required.given_name,
      familyName: required.family_name,
      middleName: null,
      preferredName: null,
      email: emailCell(row.get('email'), 'email', file, row.line, issues),
      phone: optional(row.get('phone')),
      identifier: staffId,
      username: null,
      file,
      line: row.line,
      // Only when the sheet names a step: a file without the column reads as before.
      ...(row.get('step_code') ? { stepCode: optional(row.get('step_code')) } : {}),
      ...(sheet.has('grades') ? { grades: gradesOf(row.get('grades'), 'grades', file, row.line, issues) } : {}),
    };
    let acc = people.get(staffId);
    if (acc) mergePerson(acc, person, row, file, issues);
    else people.set(staffId, (acc = { person, active: false, roles: [] }));

    const sourcedId = `${staffId}:${required.school_code.toLowerCase()}:${role}`;
    if (roleIds.has(sourcedId)) {
      issues.error(file, row.line, 'duplicate_sourced_id', { sourcedId }, 'staff_id');
      continue;
    }
    roleIds.add(sourcedId);
    acc.active ||= status === 'active';
    acc.roles.push({
      sourcedId,
      status,
      personSourcedId: staffId,
      orgSourcedId: required.school_code,
      role,
      isPrimary: primary ?? acc.roles.length === 0,
      beginDate,
      endDate,
      file,
      line: row.line,
    });
  }

  for (const acc of people.values()) {
    // A person is deactivated only when every one of their rows says inactive.
    acc.person.status = acc.active ? 'active' : 'tobedeleted';
    const primaries = acc.roles.filter((r) => r.isPrimary && r.status === 'active');
    if (primaries.length > 1) issues.warn(file, primaries[1]!.line, 'multiple_primary_roles', { staffId: acc.person.sourcedId }, 'primary');
    result.people.push(acc.person);
    result.roles.push(...acc.roles);
  }
  result.ignored.nonStaffUsers = [...nonStaff].filter((id) => !staffRows.has(id)).length;
  return result;
}
