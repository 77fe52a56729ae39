import type { StaffRole } from '../../../../common/roles.ts';
import type { Table } from './csv.ts';
import { dateCell } from './dates.ts';
import { Sheet, type Row } from './headers.ts';
import type { Issues, RosterPerson, RosterRole } from './types.ts';
import { emailCell, fitsLimits, gradesOf, mapRole, MAX_LENGTH, optional, statusCell } from './values.ts';

export interface PeopleInput {
  users?: Table | null;
  roles?: Table | null;
  version: '1.1' | '1.2';
  mode: 'bulk' | 'delta';
  /** sourcedIds of orgs.csv, or null when the set has no usable orgs.csv (then refs are the caller's job). */
  orgIds: Set<string> | null;
}

export interface PeopleOutput {
  people: RosterPerson[];
  roles: RosterRole[];
  nonStaffUsers: number;
  nonStaffRoles: number;
}

/** A role before its person is known to be valid; `orgField` names the column its org came from. */
type Candidate = RosterRole & { orgField: string };

/**
 * The person fields of a users.csv row, or null (after reporting) when a required one is missing.
 * The `password` column is never read: plain-text passwords in roster files must not travel on.
 */
function personOf(row: Row, file: string, issues: Issues, hasGrades: boolean): RosterPerson | null {
  const givenName = row.get('givenName');
  const familyName = row.get('familyName');
  if (!givenName) issues.missing(file, row.line, 'givenName');
  if (!familyName) issues.missing(file, row.line, 'familyName');
  const status = statusCell(row.get('status'), file, row.line, issues, true);
  const fits = fitsLimits(
    [
      ['sourcedId', row.get('sourcedId'), MAX_LENGTH.id],
      ['givenName', givenName, MAX_LENGTH.name],
      ['familyName', familyName, MAX_LENGTH.name],
      ['middleName', row.get('middleName'), MAX_LENGTH.name],
      ['preferredGivenName', row.get('preferredGivenName'), MAX_LENGTH.name],
      ['email', row.get('email'), MAX_LENGTH.email],
      [row.get('phone') ? 'phone' : 'sms', row.get('phone') || row.get('sms'), MAX_LENGTH.phone],
      ['identifier', row.get('identifier'), MAX_LENGTH.identifier],
      ['username', row.get('username'), MAX_LENGTH.username],
      ...orgsOnUserRow(row).map((org): [string, string, number] => [
        row.get('orgSourcedIds') ? 'orgSourcedIds' : 'primaryOrgSourcedId',
        org,
        MAX_LENGTH.id,
      ]),
    ],
    file,
    row.line,
    issues,
  );
  if (!givenName || !familyName || !status || !fits) return null;
  return {
    sourcedId: row.get('sourcedId'),
    status,
    givenName,
    familyName,
    middleName: optional(row.get('middleName')),
    preferredName: optional(row.get('preferredGivenName')),
    email: emailCell(row.get('email'), 'email', file, row.line, issues),
    // `sms` is the only number some SIS fill in.
    phone: optional(row.get('phone') || row.get('sms')),
    identifier: optional(row.get('identifier')),
    username: optional(row.get('username')),
    // Only when the file has the column: a file without it leaves the grades held alone.
    ...(hasGrades ? { grades: gradesOf(row.get('grades'), 'grades', file, row.line, issues) } : {}),
    file,
    line: row.line,
  };
}

/** The orgs a 1.1-style user row belongs to: `primaryOrgSourcedId` (1.2) first, then `orgSourcedIds`. */
function orgsOnUserRow(row: Row): string[] {
  const orgs = [row.get('primaryOrgSourcedId'), ...row.get('orgSourcedIds').split(',')].map((s) => s.trim()).filter(Boolean);
  return [...new Set(orgs)];
}

/**
 * Roles written 1.1-style on the user row: one per org, the first primary, no dates. OneRoster 1.1
 * has no role sourcedId, so one is made from what identifies the assignment, stable across uploads.
 */
function rolesOnUserRow(row: Row, role: StaffRole, person: RosterPerson, file: string): Candidate[] {
  const orgField = row.get('orgSourcedIds') ? 'orgSourcedIds' : 'primaryOrgSourcedId';
  return orgsOnUserRow(row).map((org, i) => ({
    sourcedId: `${person.sourcedId}:${org}:${role}`,
    status: person.status,
    personSourcedId: person.sourcedId,
    orgSourcedId: org,
    role,
    isPrimary: i === 0,
    beginDate: null,
    endDate: null,
    file,
    line: row.line,
    orgField,
  }));
}

/** Reads roles.csv (1.2): staff rows become candidates, non-staff rows are counted per user. */
function readRolesFile(sheet: Sheet, issues: Issues, staffUsers: Set<string>, nonStaffUsers: Set<string>) {
  const file = sheet.file;
  const out: { candidates: Candidate[]; nonStaffRoles: number } = { candidates: [], nonStaffRoles: 0 };
  const seen = new Set<string>();
  for (const row of sheet.rows()) {
    const roleText = row.get('role');
    const userId = row.get('userSourcedId');
    const role = mapRole(roleText);
    if (role === null) {
      out.nonStaffRoles++;
      if (userId) nonStaffUsers.add(userId);
      continue;
    }
    if (userId) staffUsers.add(userId);
    const sourcedId = row.get('sourcedId');
    const orgId = row.get('orgSourcedId');
    const blanks = (['sourcedId', 'userSourcedId', 'role', 'orgSourcedId'] as const).filter((f) => !row.get(f));
    blanks.forEach((f) => issues.missing(file, row.line, f));
    if (role === undefined && roleText) issues.error(file, row.line, 'unknown_role', { value: roleText }, 'role');
    if (blanks.length > 0 || !role) continue;
    const ids: [string, string, number][] = [
      ['sourcedId', sourcedId, MAX_LENGTH.id],
      ['userSourcedId', userId, MAX_LENGTH.id],
      ['orgSourcedId', orgId, MAX_LENGTH.id],
    ];
    if (!fitsLimits(ids, file, row.line, issues)) continue;
    if (seen.has(sourcedId)) {
      issues.error(file, row.line, 'duplicate_sourced_id', { sourcedId }, 'sourcedId');
      continue;
    }
    seen.add(sourcedId);
    const status = statusCell(row.get('status'), file, row.line, issues, true);
    const roleType = row.get('roleType').toLowerCase();
    if (roleType !== '' && roleType !== 'primary' && roleType !== 'secondary') {
      issues.warn(file, row.line, 'invalid_value', { value: row.get('roleType') }, 'roleType');
    }
    const beginDate = dateCell(row.get('beginDate'), 'beginDate', file, row.line, issues);
    const endDate = dateCell(row.get('endDate'), 'endDate', file, row.line, issues);
    if (beginDate && endDate && endDate < beginDate) issues.error(file, row.line, 'end_before_begin', { beginDate, endDate }, 'endDate');
    if (!status) continue;
    out.candidates.push({
      sourcedId,
      status,
      personSourcedId: userId,
      orgSourcedId: orgId,
      role,
      isPrimary: roleType === 'primary',
      beginDate,
      endDate,
      file,
      line: row.line,
      orgField: 'orgSourcedId',
    });
  }
  return out;
}

/**
 * Reads users.csv and, for 1.2, roles.csv into staff people and their role assignments.
 * Staffness is decided first (by role), so problems in student or guardian rows never produce
 * issues: those rows are only counted. A users.csv or roles.csv that lacks a required column makes
 * the whole people side empty, since staff cannot then be told apart from students.
 */
export function readPeople(input: PeopleInput, issues: Issues): PeopleOutput {
  const out: PeopleOutput = { people: [], roles: [], nonStaffUsers: 0, nonStaffRoles: 0 };
  const usersSheet = input.users ? new Sheet(input.users, issues) : null;
  const rolesSheet = input.roles ? new Sheet(input.roles, issues) : null;
  if (input.users === null || input.roles === null) return out;
  if (rolesSheet && !rolesSheet.require(['sourcedId', 'userSourcedId', 'role', 'orgSourcedId'])) return out;
  if (usersSheet) {
    const required = ['sourcedId', 'givenName', 'familyName'];
    // 1.1 keeps roles on the user row; 1.2 without roles.csv may, and each user is told if not.
    if (!rolesSheet && input.version === '1.1') required.push('role');
    if (!rolesSheet && (usersSheet.has('role') || input.version === '1.1') && !usersSheet.has('primaryOrgSourcedId'))
      required.push('orgSourcedIds');
    if (!usersSheet.require(required)) return out;
  }

  const staffUsers = new Set<string>();
  const nonStaffUsers = new Set<string>();
  let candidates: Candidate[] = [];
  if (rolesSheet) {
    const read = readRolesFile(rolesSheet, issues, staffUsers, nonStaffUsers);
    candidates = read.candidates;
    out.nonStaffRoles += read.nonStaffRoles;
  }

  const accepted = new Map<string, RosterPerson>();
  const listed = new Set<string>();
  if (usersSheet) {
    const file = usersSheet.file;
    for (const row of usersSheet.rows()) {
      const id = row.get('sourcedId');
      // Staffness first: an incomplete student row is none of our business, so it raises nothing.
      let ownRole: StaffRole | undefined;
      let roleRejected = false;
      if (rolesSheet) {
        if (!staffUsers.has(id)) {
          if (id && !listed.has(id)) {
            out.nonStaffUsers++;
            // In a bulk set every user has roles; one with none is worth a look. In a delta set it is normal.
            if (!nonStaffUsers.has(id) && input.mode === 'bulk') issues.warn(file, row.line, 'user_without_role', { user: id });
          }
          listed.add(id);
          continue;
        }
      } else if (!usersSheet.has('role')) {
        issues.error(file, row.line, 'no_roles_file', { user: id });
        continue;
      } else {
        const roleText = row.get('role');
        const role = mapRole(roleText);
        if (role === null) {
          out.nonStaffUsers++;
          out.nonStaffRoles += Math.max(1, orgsOnUserRow(row).length);
          continue;
        }
        if (role === undefined) {
          if (roleText) issues.error(file, row.line, 'unknown_role', { value: roleText }, 'role');
          else issues.missing(file, row.line, 'role');
          roleRejected = true;
        } else ownRole = role;
      }
      if (!id) {
        issues.missing(file, row.line, 'sourcedId');
        continue;
      }
      if (listed.has(id)) {
        issues.error(file, row.line, 'duplicate_sourced_id', { sourcedId: id }, 'sourcedId');
        continue;
      }
      listed.add(id);
      const person = personOf(row, file, issues, usersSheet.has('grades'));
      if (!person || roleRejected) continue;
      if (ownRole) {
        const derived = rolesOnUserRow(row, ownRole, person, file);
        if (derived.length === 0) {
          issues.missing(file, row.line, usersSheet.has('orgSourcedIds') ? 'orgSourcedIds' : 'primaryOrgSourcedId');
          continue;
        }
        candidates.push(...derived);
      }
      accepted.set(id, person);
    }
  }

  const bulk = input.mode === 'bulk';
  for (const role of candidates) {
    const { orgField, ...clean } = role;
    const user = role.personSourcedId;
    // A user rejected above has been reported already: their roles go with them.
    if (listed.has(user) && !accepted.has(user)) continue;
    // A delta set (or a set without users.csv) may refer to people the district already has.
    if (usersSheet && bulk && !listed.has(user)) {
      issues.error(role.file, role.line, 'unknown_person', { person: user }, 'userSourcedId');
      continue;
    }
    if (bulk && input.orgIds && !input.orgIds.has(role.orgSourcedId)) {
      issues.error(role.file, role.line, 'unknown_org', { org: role.orgSourcedId }, orgField);
      continue;
    }
    out.roles.push(clean);
  }
  out.people = [...accepted.values()];
  return out;
}
