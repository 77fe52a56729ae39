import { describe, expect, it } from 'vitest';
import type { ParsedRoster, RosterPerson, RosterRole } from './parse/index.ts';
import { planImport } from './plan.ts';
import type { DistrictState } from './state.ts';

const person = (sourcedId: string, extra: Partial<RosterPerson> = {}): RosterPerson => ({
  sourcedId, status: 'active', givenName: 'Ann', familyName: sourcedId, middleName: null, preferredName: null,
  email: null, phone: null, identifier: null, username: null, file: 'users.csv', line: 2, ...extra,
});
const role = (sourcedId: string, personSourcedId: string, orgSourcedId = 'sch-1'): RosterRole => ({
  sourcedId, status: 'active', personSourcedId, orgSourcedId, role: 'teacher', isPrimary: true,
  beginDate: null, endDate: null, file: 'roles.csv', line: 2,
});
const roster = (over: Partial<ParsedRoster>): ParsedRoster => ({
  format: 'oneroster-1.2', mode: 'bulk', orgs: [], people: [], roles: [], issues: [],
  ignored: { nonStaffUsers: 0, nonStaffRoles: 0, files: [] }, ...over,
});

/** District state as loadDistrictState returns it, from plain rows. */
function state(rows: { people?: { id: string; sourcedId: string; familyName: string; active?: boolean }[] } = {}): DistrictState {
  const school = { id: 'org-uuid-1', sourcedId: 'sch-1', identifier: 'S1', active: true } as never;
  const peopleRows = (rows.people ?? []).map((p) => [p.sourcedId, {
    givenName: 'Ann', middleName: null, preferredName: null, email: null, phone: null, identifier: null, username: null,
    active: true, ...p,
  }]);
  return {
    orgsBySourcedId: new Map([['sch-1', school]]),
    orgsByIdentifier: new Map([['s1', school]]),
    peopleBySourcedId: new Map(peopleRows as never),
    rolesBySourcedId: new Map(),
  };
}

describe('planning an import', () => {
  it('creates new people, leaves identical ones unchanged and updates changed ones', () => {
    const plan = planImport(
      roster({ people: [person('a'), person('b'), person('c', { givenName: 'Changed' })] }),
      state({ people: [{ id: 'id-b', sourcedId: 'b', familyName: 'b' }, { id: 'id-c', sourcedId: 'c', familyName: 'c' }] }),
    );
    expect(plan.report.counts.people).toEqual({ create: 1, update: 1, deactivate: 0, unchanged: 1, error: 0 });
    expect(plan.people.find((o) => o.kind === 'update')).toMatchObject({ id: 'id-c', before: { givenName: 'Ann' }, values: { givenName: 'Changed' } });
  });

  it('in a bulk set, deactivates roster people missing from it, except protected ones', () => {
    const existing = [{ id: 'id-x', sourcedId: 'x', familyName: 'x' }, { id: 'id-admin', sourcedId: 'adm', familyName: 'adm' }];
    const plan = planImport(roster({ people: [person('a')] }), state({ people: existing }), new Set(['id-admin']));
    expect(plan.people.filter((o) => o.kind === 'deactivate').map((o) => o.id)).toEqual(['id-x']);
  });

  it('in a delta set, touches only the rows it lists; tobedeleted deactivates', () => {
    const existing = [{ id: 'id-x', sourcedId: 'x', familyName: 'x' }, { id: 'id-y', sourcedId: 'y', familyName: 'y' }];
    const plan = planImport(roster({ mode: 'delta', people: [person('y', { status: 'tobedeleted' })] }), state({ people: existing }));
    expect(plan.people).toEqual([{ kind: 'deactivate', id: 'id-y', before: expect.objectContaining({ familyName: 'y' }) }]);
    expect(plan.report.counts.people.deactivate).toBe(1);
  });

  it('resolves a role\'s school by sourcedId or by identifier, and reports unknown ones with file and line', () => {
    const plan = planImport(
      roster({ format: 'staff-csv', mode: 'delta', people: [person('a')], roles: [role('r1', 'a', 'sch-1'), role('r2', 'a', 's1'), role('r3', 'a', 'nowhere')] }),
      state(),
    );
    expect(plan.roles.filter((o) => o.kind === 'create')).toHaveLength(2);
    expect(plan.report.issues).toEqual([expect.objectContaining({ file: 'roles.csv', line: 2, code: 'unknown_org', params: { org: 'nowhere' } })]);
    expect(plan.report.counts.roles.error).toBe(1);
  });

  it('plans parents before children even when the file lists children first', () => {
    const org = (sourcedId: string, parentSourcedId: string | null) =>
      ({ sourcedId, status: 'active', name: sourcedId, type: 'school', identifier: null, parentSourcedId, file: 'orgs.csv', line: 2 }) as const;
    const plan = planImport(roster({ orgs: [org('child', 'parent'), org('parent', null)] }), state());
    const order = plan.orgs.map((o) => (o.kind === 'create' ? o.values.sourcedId : null));
    expect(order.indexOf('parent')).toBeLessThan(order.indexOf('child'));
  });
});

describe('planning safeguards', () => {
  it('does not deactivate people when the bulk upload has no people in it', () => {
    const plan = planImport(roster({ people: [] }), state({ people: [{ id: 'id-x', sourcedId: 'x', familyName: 'x' }] }));
    expect(plan.people).toEqual([]);
  });

  it('reports at most 1,000 issues, errors first, and says how many more there were', () => {
    const issues = Array.from({ length: 1500 }, (_, i) => ({
      file: 'users.csv', line: i + 2, severity: i % 2 ? ('error' as const) : ('warning' as const), code: 'invalid_email',
    }));
    const plan = planImport(roster({ issues }), state());
    expect(plan.report.issues).toHaveLength(1000);
    expect(plan.report.issuesOmitted).toBe(500);
    expect(plan.report.issues.slice(0, 750).every((i) => i.severity === 'error')).toBe(true);
    expect(plan.report.counts.people.error).toBe(750);
  });
});

describe('mass deactivation', () => {
  it('warns first when a bulk set would deactivate most roster people', () => {
    const existing = Array.from({ length: 20 }, (_, i) => ({ id: `id-${i}`, sourcedId: `p${i}`, familyName: `p${i}` }));
    const plan = planImport(roster({ people: [person('p0')] }), state({ people: existing }));
    expect(plan.report.issues[0]).toMatchObject({ code: 'mass_deactivation', severity: 'warning', params: { count: 19, total: 20 } });
  });
});
