import type { Table } from './csv.ts';
import { Sheet } from './headers.ts';
import { readPeople } from './oneroster-people.ts';
import type { Issues, ParsedRoster, RosterOrg } from './types.ts';
import { fitsLimits, MAX_LENGTH, optional, statusCell } from './values.ts';

/** The OneRoster files this parser reads; every other file of a set is listed as ignored. */
export const ONEROSTER_FILES = ['manifest', 'orgs', 'users', 'roles'] as const;
export type OneRosterFile = (typeof ONEROSTER_FILES)[number];

/** Which OneRoster file a path names (case-insensitive, at the top of the set), or null. */
export function oneRosterFileOf(path: string): OneRosterFile | null {
  const name = path.toLowerCase();
  return ONEROSTER_FILES.find((f) => name === `${f}.csv`) ?? null;
}

/**
 * The tables of one set. A key is absent when the file was not uploaded and null when it was
 * but could not be read at all (the reason is already an issue).
 */
export type OneRosterTables = Partial<Record<OneRosterFile, Table | null>>;

interface Manifest {
  version: '1.1' | '1.2' | null;
  delta: boolean;
}

function readManifest(table: Table | null | undefined, tables: OneRosterTables, issues: Issues): Manifest {
  const manifest: Manifest = { version: null, delta: false };
  if (!table) return manifest;
  const sheet = new Sheet(table, issues);
  if (!sheet.require(['propertyName', 'value'])) return manifest;
  for (const row of sheet.rows()) {
    const property = row.get('propertyName').toLowerCase();
    const value = row.get('value');
    if (property === 'oneroster.version') {
      if (/^1\.1(\.|$)/.test(value)) manifest.version = '1.1';
      else if (/^1\.2(\.|$)/.test(value)) manifest.version = '1.2';
      else issues.warn(table.file, row.line, 'unknown_oneroster_version', { value });
      continue;
    }
    const file = /^file\.(orgs|users|roles)$/.exec(property)?.[1] as OneRosterFile | undefined;
    if (!file) continue;
    const mode = value.toLowerCase();
    if (mode === 'delta') manifest.delta = true;
    // Uploading the files one by one, it is easy to leave one out; the manifest knows.
    if ((mode === 'bulk' || mode === 'delta') && !(file in tables)) {
      issues.warn(table.file, row.line, 'manifest_file_missing', { name: `${file}.csv` });
    }
  }
  return manifest;
}

const ORG_TYPES: Record<string, RosterOrg['type']> = {
  district: 'district',
  school: 'school',
  department: 'department',
  local: 'department',
  state: 'department',
  national: 'department',
};

/**
 * Reads orgs.csv. A parent that is not in a bulk file is dropped with `orphan_parent_org` (the
 * reference set itself does this); in a delta file it is kept, as the district may hold it.
 * Returns null when the file is unusable, so references to orgs are then left to the caller.
 */
function readOrgs(table: Table | null | undefined, mode: ParsedRoster['mode'], issues: Issues): RosterOrg[] | null {
  if (!table) return null;
  const sheet = new Sheet(table, issues);
  if (!sheet.require(['sourcedId', 'name', 'type'])) return null;
  const file = table.file;
  const orgs = new Map<string, RosterOrg>();
  for (const row of sheet.rows()) {
    const sourcedId = row.get('sourcedId');
    const name = row.get('name');
    const rawType = row.get('type');
    const blanks = Object.entries({ sourcedId, name, type: rawType }).filter(([, v]) => !v);
    blanks.forEach(([field]) => issues.missing(file, row.line, field));
    if (blanks.length > 0) continue;
    const cells: [string, string, number][] = [
      ['sourcedId', sourcedId, MAX_LENGTH.id],
      ['name', name, MAX_LENGTH.orgName],
      ['identifier', row.get('identifier'), MAX_LENGTH.identifier],
      ['parentSourcedId', row.get('parentSourcedId'), MAX_LENGTH.id],
    ];
    if (!fitsLimits(cells, file, row.line, issues)) continue;
    if (orgs.has(sourcedId)) {
      issues.error(file, row.line, 'duplicate_sourced_id', { sourcedId }, 'sourcedId');
      continue;
    }
    const type = ORG_TYPES[rawType.toLowerCase()];
    if (!type) {
      issues.error(file, row.line, 'unknown_org_type', { value: rawType }, 'type');
      continue;
    }
    // Trellis has no level above the district: a state or national body can only be a department.
    if (/^(state|national)$/i.test(rawType)) issues.warn(file, row.line, 'org_type_assumed', { value: rawType, type }, 'type');
    const status = statusCell(row.get('status'), file, row.line, issues, true);
    if (!status) continue;
    orgs.set(sourcedId, {
      sourcedId,
      status,
      name,
      type,
      identifier: optional(row.get('identifier')),
      parentSourcedId: optional(row.get('parentSourcedId')),
      file,
      line: row.line,
    });
  }
  for (const org of orgs.values()) {
    if (mode === 'bulk' && org.parentSourcedId && !orgs.has(org.parentSourcedId)) {
      issues.warn(file, org.line, 'orphan_parent_org', { org: org.sourcedId, parent: org.parentSourcedId }, 'parentSourcedId');
      org.parentSourcedId = null;
    }
  }
  reportCycles(orgs, issues);
  return [...orgs.values()];
}

/** A parent chain that loops would make the org tree unbuildable: each org on a loop is an error. */
function reportCycles(orgs: Map<string, RosterOrg>, issues: Issues) {
  for (const org of orgs.values()) {
    const seen = new Set<string>();
    let at: RosterOrg | undefined = org;
    while (at?.parentSourcedId && !seen.has(at.sourcedId)) {
      seen.add(at.sourcedId);
      at = orgs.get(at.parentSourcedId);
      if (at === org) {
        issues.error(org.file, org.line, 'org_parent_cycle', { org: org.sourcedId }, 'parentSourcedId');
        break;
      }
    }
  }
}

/**
 * Turns the tables of one OneRoster CSV set into staff, orgs and role assignments.
 * Version: the manifest's `oneroster.version`, else 1.2 when roles.csv is present. Mode: delta
 * when the manifest marks orgs, users or roles as delta. `ignoredFiles` are the set's other files.
 */
export function parseOneRosterSet(tables: OneRosterTables, ignoredFiles: string[], issues: Issues): ParsedRoster {
  const manifest = readManifest(tables.manifest, tables, issues);
  const version = manifest.version ?? ('roles' in tables ? '1.2' : '1.1');
  const mode = manifest.delta ? 'delta' : 'bulk';
  const orgs = readOrgs(tables.orgs, mode, issues);
  const people = readPeople(
    { users: tables.users, roles: tables.roles, version, mode, orgIds: orgs && new Set(orgs.map((o) => o.sourcedId)) },
    issues,
  );
  return {
    format: version === '1.1' ? 'oneroster-1.1' : 'oneroster-1.2',
    mode,
    orgs: orgs ?? [],
    people: people.people,
    roles: people.roles,
    issues: issues.list,
    ignored: { nonStaffUsers: people.nonStaffUsers, nonStaffRoles: people.nonStaffRoles, files: ignoredFiles },
  };
}
