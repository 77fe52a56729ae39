import { randomUUID } from 'node:crypto';
import type { ImportCounts, ImportIssue, ImportReport } from '../../../common/schemas/roster.ts';
import { personSearchText } from '../../../common/search.ts';
import type { ParsedRoster, RosterOrg, RosterPerson, RosterRole } from './parse/index.ts';
import type { DistrictState } from './state.ts';

export type Op<T> =
  | { kind: 'create'; id: string; values: T }
  | { kind: 'update'; id: string; values: T; before: Record<string, unknown> }
  | { kind: 'deactivate'; id: string; before: Record<string, unknown> };

export interface OrgValues {
  sourcedId: string;
  name: string;
  type: string;
  identifier: string | null;
  parentId: string | null;
  active: boolean;
}
export interface PersonValues {
  sourcedId: string;
  givenName: string;
  familyName: string;
  middleName: string | null;
  preferredName: string | null;
  email: string | null;
  phone: string | null;
  identifier: string | null;
  username: string | null;
  /** Absent when the file has no grades column (the grades held stay). */
  grades?: string[];
  active: boolean;
  searchText: string;
}
export interface RoleValues {
  sourcedId: string;
  personId: string;
  orgUnitId: string;
  role: string;
  isPrimary: boolean;
  beginDate: string | null;
  endDate: string | null;
  active: boolean;
}

/** A person placed on the career step their spreadsheet row names (applied from the import's day). */
export interface PlacementOp {
  personId: string;
  stepId: string;
}

export interface ImportPlan {
  orgs: Op<OrgValues>[];
  people: Op<PersonValues>[];
  roles: Op<RoleValues>[];
  placements: PlacementOp[];
  report: ImportReport;
}

const zero = (): ImportCounts => ({ create: 0, update: 0, deactivate: 0, unchanged: 0, error: 0 });

/** Compares as the database holds them: arrays (grades) by their items. */
const same = (a: unknown, b: unknown) =>
  Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a ?? []) === JSON.stringify(b ?? []) : a === b;

function differs(values: Record<string, unknown>, existing: Record<string, unknown>): boolean {
  return Object.entries(values).some(([k, v]) => k !== 'searchText' && !same(existing[k] ?? null, v ?? null));
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
}

/**
 * Compares a parsed roster with what the district holds and decides, row by row, what an apply
 * would do. Pure: the dry run shows this plan and apply recomputes it inside its transaction.
 * A bulk OneRoster set also deactivates roster rows missing from the files it contains.
 */
export function planImport(parsed: ParsedRoster, state: DistrictState, protectedPersonIds: Set<string> = new Set()): ImportPlan {
  const issues: ImportIssue[] = parsed.issues.map((i) => ({ ...i, line: i.line ?? null }));
  const counts = { orgs: zero(), people: zero(), roles: zero(), placements: zero() };
  const countError = (file: string) => {
    const f = file.toLowerCase();
    const key = f.includes('org') ? 'orgs' : f.includes('role') ? 'roles' : 'people';
    counts[key].error++;
  };
  for (const i of issues) if (i.severity === 'error') countError(i.file);
  const plan: ImportPlan = {
    orgs: [],
    people: [],
    roles: [],
    placements: [],
    report: { counts, issues, issuesOmitted: 0, ignored: parsed.ignored },
  };
  const error = (file: string, line: number, code: string, params: Record<string, string>, field?: string) => {
    issues.push({ file, line, severity: 'error', code, params, field });
    countError(file);
  };
  const warn = (file: string, line: number, code: string, params: Record<string, string>, field?: string) => {
    issues.push({ file, line, severity: 'warning', code, params, field });
  };
  const fullSet = parsed.mode === 'bulk' && parsed.format.startsWith('oneroster');

  // Records the files mark tobedeleted: nothing may be created pointing at one of them.
  const deletedOrgs = new Set(parsed.orgs.filter((o) => o.status === 'tobedeleted').map((o) => o.sourcedId));
  const deletedPeople = new Set(parsed.people.filter((p) => p.status === 'tobedeleted').map((p) => p.sourcedId));

  // Org units: ids first, so parents listed after their children still resolve. Only rows that
  // exist or will be created get an id: a tobedeleted row never created has none to point at.
  const orgIds = new Map<string, string>();
  for (const o of parsed.orgs) {
    const id = state.orgsBySourcedId.get(o.sourcedId)?.id ?? (o.status === 'active' ? randomUUID() : null);
    if (id) orgIds.set(o.sourcedId, id);
  }
  for (const o of parsed.orgs) planOrg(o);
  plan.orgs = parentsFirst(plan.orgs);
  function planOrg(o: RosterOrg) {
    const existing = state.orgsBySourcedId.get(o.sourcedId);
    const id = orgIds.get(o.sourcedId) ?? '';
    const parentId = o.parentSourcedId ? (orgIds.get(o.parentSourcedId) ?? state.orgsBySourcedId.get(o.parentSourcedId)?.id ?? null) : null;
    if (o.status === 'active' && o.parentSourcedId && !parentId && deletedOrgs.has(o.parentSourcedId)) {
      warn(o.file, o.line, 'parent_org_deleted', { org: o.sourcedId, parent: o.parentSourcedId }, 'parentSourcedId');
    }
    const values: OrgValues = { sourcedId: o.sourcedId, name: o.name, type: o.type, identifier: o.identifier, parentId, active: true };
    pushOp(plan.orgs, counts.orgs, o.status, existing, id, values, ['name', 'type', 'identifier', 'parentId', 'active']);
  }

  const resolveOrg = (ref: string): string | null =>
    orgIds.get(ref) ?? state.orgsBySourcedId.get(ref)?.id ?? state.orgsByIdentifier.get(ref.toLowerCase())?.id ?? null;

  const personIds = new Map<string, string>();
  for (const p of parsed.people) {
    const existing = state.peopleBySourcedId.get(p.sourcedId);
    const id = existing?.id ?? (p.status === 'active' ? randomUUID() : '');
    if (id) personIds.set(p.sourcedId, id);
    const values = personValues(p);
    // A new person without a grades column starts with none (the column is never null).
    if (!existing) values.grades ??= [];
    pushOp(plan.people, counts.people, p.status, existing, id, values, Object.keys(values));
    if (p.stepCode && p.status === 'active') planPlacement(p, id);
  }
  function planPlacement(p: RosterPerson, personId: string) {
    const step = state.stepsByCode.get(p.stepCode!.toLowerCase());
    if (!step) {
      error(p.file, p.line, 'unknown_step', { step: p.stepCode! }, 'step_code');
      counts.placements.error++;
      return;
    }
    if (step.refusal) {
      error(p.file, p.line, 'step_closed', { step: p.stepCode! }, 'step_code');
      counts.placements.error++;
      return;
    }
    const open = state.openPlacements.get(personId);
    if (open?.stepId === step.id) return void counts.placements.unchanged++;
    plan.placements.push({ personId, stepId: step.id });
    counts.placements[open ? 'update' : 'create']++;
  }

  for (const r of parsed.roles) planRole(r);
  function planRole(r: RosterRole) {
    const existing = state.rolesBySourcedId.get(r.sourcedId);
    // Ending a role needs neither its person nor its org: only the role itself, if we hold it.
    if (r.status === 'tobedeleted') return endRole(existing);
    // An active role of a person or org the files delete goes with them (a nightly SIS export
    // often still lists such roles): deactivated if we hold it, never created, and said so.
    const gonePerson = deletedPeople.has(r.personSourcedId);
    if (gonePerson || deletedOrgs.has(r.orgSourcedId)) {
      const [record, field] = gonePerson ? [r.personSourcedId, 'userSourcedId'] : [r.orgSourcedId, 'orgSourcedId'];
      warn(r.file, r.line, gonePerson ? 'role_of_deleted_person' : 'role_of_deleted_org', { record }, field);
      return endRole(existing);
    }
    const orgUnitId = resolveOrg(r.orgSourcedId);
    const personId = personIds.get(r.personSourcedId) ?? state.peopleBySourcedId.get(r.personSourcedId)?.id ?? null;
    if (!orgUnitId) return error(r.file, r.line, 'unknown_org', { org: r.orgSourcedId }, 'orgSourcedId');
    if (!personId) return error(r.file, r.line, 'unknown_person', { person: r.personSourcedId }, 'userSourcedId');
    const values: RoleValues = {
      sourcedId: r.sourcedId,
      personId,
      orgUnitId,
      role: r.role,
      isPrimary: r.isPrimary,
      beginDate: r.beginDate,
      endDate: r.endDate,
      active: true,
    };
    pushOp(plan.roles, counts.roles, r.status, existing, existing?.id ?? randomUUID(), values, Object.keys(values));
  }
  function endRole(existing: { id: string; active: boolean } | undefined) {
    if (existing?.active) {
      plan.roles.push({ kind: 'deactivate', id: existing.id, before: pick(existing, ROLE_KEYS) });
      counts.roles.deactivate++;
    } else counts.roles.unchanged++;
  }

  if (fullSet) {
    const seenOrgs = new Set(parsed.orgs.map((o) => o.sourcedId));
    const seenPeople = new Set(parsed.people.map((p) => p.sourcedId));
    const seenRoles = new Set(parsed.roles.map((r) => r.sourcedId));
    // A kind of row absent from the upload (no users.csv, say) says nothing about what is missing.
    if (parsed.orgs.length > 0) deactivateMissing(state.orgsBySourcedId, seenOrgs, plan.orgs, counts.orgs);
    if (massDeactivation(counts.orgs.deactivate, state.orgsBySourcedId.size, 1)) {
      // A set whose orgs.csv lacks the schools would otherwise close every school without a word.
      issues.unshift({
        file: 'orgs.csv',
        line: null,
        severity: 'warning',
        code: 'mass_org_deactivation',
        params: { count: counts.orgs.deactivate, total: state.orgsBySourcedId.size },
      });
    }
    // People with admin access are never dropped by omission: an admin must not lock themselves out.
    const keepPeople = new Set([
      ...seenPeople,
      ...[...state.peopleBySourcedId].filter(([, p]) => protectedPersonIds.has(p.id)).map(([s]) => s),
    ]);
    if (parsed.people.length > 0) deactivateMissing(state.peopleBySourcedId, keepPeople, plan.people, counts.people);
    const rosterPeople = state.peopleBySourcedId.size;
    if (massDeactivation(counts.people.deactivate, rosterPeople, 10)) {
      // Most likely a partial file uploaded as a full one: say so loudly before anyone applies it.
      issues.unshift({
        file: 'users.csv',
        line: null,
        severity: 'warning',
        code: 'mass_deactivation',
        params: { count: counts.people.deactivate, total: rosterPeople },
      });
    }
    if (parsed.roles.length > 0) deactivateMissing(state.rolesBySourcedId, seenRoles, plan.roles, counts.roles);
  }
  plan.report.issuesOmitted = Math.max(0, issues.length - MAX_REPORTED_ISSUES);
  const errorsFirst = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
  plan.report.issues = errorsFirst.slice(0, MAX_REPORTED_ISSUES);
  return plan;
}

/**
 * Whether a bulk set deactivates most of what earlier imports brought (more than half, and at
 * least `minimum`): most likely a partial set uploaded as a whole one. Orgs are few, so one is
 * enough to count; people need ten, so that a small district's ordinary leavers do not alarm.
 */
function massDeactivation(deactivated: number, total: number, minimum: number): boolean {
  return deactivated >= minimum && deactivated > total / 2;
}

const ROLE_KEYS = ['sourcedId', 'personId', 'orgUnitId', 'role', 'isPrimary', 'beginDate', 'endDate', 'active'];

/** A file with an error on every row would otherwise make a report of megabytes; counts stay exact. */
export const MAX_REPORTED_ISSUES = 1000;

function personValues(p: RosterPerson): PersonValues {
  const v = {
    sourcedId: p.sourcedId,
    givenName: p.givenName,
    familyName: p.familyName,
    middleName: p.middleName,
    preferredName: p.preferredName,
    email: p.email?.toLowerCase() ?? null,
    phone: p.phone,
    identifier: p.identifier,
    username: p.username,
    ...(p.grades ? { grades: p.grades } : {}),
    active: true,
  };
  return { ...v, searchText: personSearchText(v) };
}

function pushOp<T extends object>(
  ops: Op<T>[],
  counts: ImportCounts,
  status: 'active' | 'tobedeleted',
  existing: ({ id: string; active: boolean } & object) | undefined,
  id: string,
  values: T,
  keys: string[],
) {
  const before = existing ? pick(existing as Record<string, unknown>, keys) : {};
  if (status === 'tobedeleted') {
    if (existing?.active) {
      ops.push({ kind: 'deactivate', id: existing.id, before });
      counts.deactivate++;
    } else counts.unchanged++;
    return;
  }
  if (!existing) {
    ops.push({ kind: 'create', id, values });
    counts.create++;
  } else if (differs(values as Record<string, unknown>, existing as Record<string, unknown>)) {
    ops.push({ kind: 'update', id: existing.id, values, before });
    counts.update++;
  } else counts.unchanged++;
}

function deactivateMissing<T>(
  existing: Map<string, { id: string; active: boolean }>,
  seen: Set<string>,
  ops: Op<T>[],
  counts: ImportCounts,
) {
  for (const [sourcedId, row] of existing) {
    if (seen.has(sourcedId) || !row.active) continue;
    ops.push({ kind: 'deactivate', id: row.id, before: { sourcedId, active: true } });
    counts.deactivate++;
  }
}

/** Orders org creations so a parent is inserted before its children (they may span batches). */
function parentsFirst(ops: Op<OrgValues>[]): Op<OrgValues>[] {
  const pending = new Map(ops.filter((o) => o.kind === 'create').map((o) => [o.id, o]));
  const ordered: Op<OrgValues>[] = ops.filter((o) => o.kind !== 'create');
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((o) => o.kind !== 'create' || !o.values.parentId || !pending.has(o.values.parentId));
    // A parent cycle would never become ready: insert the rest as they are rather than loop.
    const next = ready.length > 0 ? ready : [...pending.values()];
    for (const o of next) {
      ordered.push(o);
      pending.delete(o.id);
    }
  }
  return ordered;
}
