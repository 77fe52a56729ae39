import { describe, expect, it } from 'vitest';
import type { ParsedRoster, RosterPerson, RosterRole } from './parse/index.ts';
import { planImport } from './plan.ts';
import type { DistrictState } from './state.ts';

const person = (sourcedId: string, extra: Partial<RosterPerson> = {}): RosterPerson => ({
  sourcedId,
  status: 'active',
  givenName: 'Ann',
  familyName: sourcedId,
  middleName: null,
  preferredName: null,
  email: null,
  phone: null,
  identifier: null,
  username: null,
  file: 'users.csv',
  line: 2,
  ...extra,
});
const role = (sourcedId: string, personSourcedId: string, orgSourcedId = 'sch-1'): RosterRole => ({
  sourcedId,
  status: 'active',
  personSourcedId,
  orgSourcedId,
  role: 'teacher',
  isPrimary: true,
  beginDate: null,
  endDate: null,
  file: 'roles.csv',
  line: 2,
});
const roster = (over: Partial<ParsedRoster>): ParsedRoster => ({
  format: 'oneroster-1.2',
  mode: 'bulk',
  orgs: [],
  people: [],
  roles: [],
  issues: [],
  ignored: { nonStaffUsers: 0, nonStaffRoles: 0, files: [] },
  ...over,
});

/** District state as loadDistrictState returns it, from plain rows. */
function state(rows: { people?: { id: string; sourcedId: string; familyName: string; active?: boolean }[] } = {}): DistrictState {
  const school = { id: 'org-uuid-1', sourcedId: 'sch-1', identifier: 'S1', active: true } as never;
  const peopleRows = (rows.people ?? []).map((p) => [
    p.sourcedId,
    {
      givenName: 'Ann',
      middleName: null,
      preferredName: null,
      email: null,
      phone: null,
      identifier: null,
      username: null,
      active: true,
      ...p,
    },
  ]);
  return {
    orgsBySourcedId: new Map([['sch-1', school]]),
    orgsByIdentifier: new Map([['s1', school]]),
    peopleBySourcedId: new Map(peopleRows as never),
    rolesBySourcedId: new Map(),
    stepsByCode: new Map(),
    openPlacements: new Map(),
  };
}

describe('planning an import', () => {
  it('creates new people, leaves identical ones unchanged and updates changed ones', () => {
    const plan = planImport(
      roster({ people: [person('a'), person('b'), person('c', { givenName: 'Changed' })] }),
      state({
        people: [
          { id: 'id-b', sourcedId: 'b', familyName: 'b' },
          { id: 'id-c', sourcedId: 'c', familyName: 'c' },
        ],
      }),
    );
    expect(plan.report.counts.people).toEqual({ create: 1, update: 1, deactivate: 0, unchanged: 1, error: 0 });
    expect(plan.people.find((o) => o.kind === 'update')).toMatchObject({
      id: 'id-c',
      before: { givenName: 'Ann' },
      values: { givenName: 'Changed' },
    });
  });

  it('in a bulk set, deactivates roster people missing from it, except protected ones', () => {
    const existing = [
      { id: 'id-x', sourcedId: 'x', familyName: 'x' },
      { id: 'id-admin', sourcedId: 'adm', familyName: 'adm' },
    ];
    const plan = planImport(roster({ people: [person('a')] }), state({ people: existing }), new Set(['id-admin']));
    expect(plan.people.filter((o) => o.kind === 'deactivate').map((o) => o.id)).toEqual(['id-x']);
  });

  it('in a delta set, touches only the rows it lists; tobedeleted deactivates', () => {
    const existing = [
      { id: 'id-x', sourcedId: 'x', familyName: 'x' },
      { id: 'id-y', sourcedId: 'y', familyName: 'y' },
    ];
    const plan = planImport(roster({ mode: 'delta', people: [person('y', { status: 'tobedeleted' })] }), state({ people: existing }));
    expect(plan.people).toEqual([{ kind: 'deactivate', id: 'id-y', before: expect.objectContaining({ familyName: 'y' }) }]);
    expect(plan.report.counts.people.deactivate).toBe(1);
  });

  it("resolves a role's school by sourcedId or by identifier, and reports unknown ones with file and line", () => {
    const plan = planImport(
      roster({
        format: 'staff-csv',
        mode: 'delta',
        people: [person('a')],
        roles: [role('r1', 'a', 'sch-1'), role('r2', 'a', 's1'), role('r3', 'a', 'nowhere')],
      }),
      state(),
    );
    expect(plan.roles.filter((o) => o.kind === 'create')).toHaveLength(2);
    expect(plan.report.issues).toEqual([
      expect.objectContaining({ file: 'roles.csv', line: 2, code: 'unknown_org', params: { org: 'nowhere' } }),
    ]);
    expect(plan.report.counts.roles.error).toBe(1);
  });

  it('plans parents before children even when the file lists children first', () => {
    const org = (sourcedId: string, parentSourcedId: string | null) =>
      ({
        sourcedId,
        status: 'active',
        name: sourcedId,
        type: 'school',
        identifier: null,
        parentSourcedId,
        file: 'orgs.csv',
        line: 2,
      }) as const;
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
      file: 'users.csv',
      line: i + 2,
      severity: i % 2 ? ('error' as const) : ('warning' as const),
      code: 'invalid_email',
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

describe('records the files delete', () => {
  const org = (sourcedId: string, status: 'active' | 'tobedeleted', parentSourcedId: string | null = null) =>
    ({ sourcedId, status, name: sourcedId, type: 'school', identifier: null, parentSourcedId, file: 'orgs.csv', line: 3 }) as const;

  it('never creates a role (or a child org) pointing at a tobedeleted person or org never created, and says so', () => {
    const plan = planImport(
      roster({
        mode: 'delta',
        orgs: [org('gone', 'tobedeleted'), org('child', 'active', 'gone')],
        people: [person('left', { status: 'tobedeleted' }), person('a')],
        roles: [role('r-left', 'left'), role('r-gone', 'a', 'gone'), role('r-ok', 'a', 'child')],
      }),
      state(),
    );
    const created = new Set([...plan.orgs, ...plan.people].map((o) => o.id));
    expect(plan.roles.map((o) => o.kind === 'create' && o.values.sourcedId)).toEqual(['r-ok']);
    // Everything a created row points at is created in this plan or held already.
    for (const o of plan.roles) if (o.kind === 'create') expect(created).toContain(o.values.personId);
    expect(plan.orgs.find((o) => o.kind === 'create' && o.values.sourcedId === 'child')).toMatchObject({ values: { parentId: null } });
    expect(plan.report.issues.map((i) => [i.severity, i.code, i.params])).toEqual([
      ['warning', 'parent_org_deleted', { org: 'child', parent: 'gone' }],
      ['warning', 'role_of_deleted_person', { record: 'left' }],
      ['warning', 'role_of_deleted_org', { record: 'gone' }],
    ]);
    expect(plan.report.counts.roles).toMatchObject({ create: 1, error: 0, unchanged: 2 });
  });

  it('ends a held role of a person the files delete, and needs no person or org to end a tobedeleted role', () => {
    const s = state({ people: [{ id: 'id-left', sourcedId: 'left', familyName: 'left' }] });
    s.rolesBySourcedId.set('r-left', { id: 'role-1', sourcedId: 'r-left', active: true } as never);
    s.rolesBySourcedId.set('r-old', { id: 'role-2', sourcedId: 'r-old', active: true } as never);
    const plan = planImport(
      roster({
        mode: 'delta',
        people: [person('left', { status: 'tobedeleted' })],
        roles: [role('r-left', 'left'), { ...role('r-old', 'nobody', 'nowhere'), status: 'tobedeleted' }],
      }),
      s,
    );
    expect(plan.roles.map((o) => [o.kind, o.id])).toEqual([
      ['deactivate', 'role-1'],
      ['deactivate', 'role-2'],
    ]);
    expect(plan.report.counts.roles).toMatchObject({ deactivate: 2, error: 0 });
  });
});

describe('mass deactivation of schools', () => {
  it('warns first, as for people, when a bulk set without the schools would deactivate them', () => {
    const s = state();
    s.orgsBySourcedId.set('sch-2', { id: 'org-uuid-2', sourcedId: 'sch-2', identifier: 'S2', active: true } as never);
    const district = {
      sourcedId: 'dist',
      status: 'active',
      name: 'District',
      type: 'district',
      identifier: null,
      parentSourcedId: null,
      file: 'orgs.csv',
      line: 2,
    } as const;
    const plan = planImport(roster({ orgs: [district], people: [person('a')] }), s);
    expect(plan.report.counts.orgs.deactivate).toBe(2);
    expect(plan.report.issues[0]).toMatchObject({
      file: 'orgs.csv',
      code: 'mass_org_deactivation',
      severity: 'warning',
      params: { count: 2, total: 2 },
    });
  });

  it('says nothing when one school of several closes', () => {
    const s = state();
    for (const n of [2, 3]) s.orgsBySourcedId.set(`sch-${n}`, { id: `org-uuid-${n}`, sourcedId: `sch-${n}`, active: true } as never);
    const school = (sourcedId: string) =>
      ({
        sourcedId,
        status: 'active',
        name: sourcedId,
        type: 'school',
        identifier: null,
        parentSourcedId: null,
        file: 'orgs.csv',
        line: 2,
      }) as const;
    const plan = planImport(roster({ orgs: [school('sch-1'), school('sch-2')] }), s);
    expect(plan.report.counts.orgs.deactivate).toBe(1);
    expect(plan.report.issues).toEqual([]);
  });
});
