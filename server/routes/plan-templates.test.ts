/**
 * Permission matrix: signed out -> 401; reading the templates -> anyone signed in (teacher,
 * principal, HR) in their own district; creating, saving, deleting -> HR and district admins, a
 * teacher or principal 403; a template or step of another district -> 404. Then: the built-in
 * template until the district saves a default, validation (unique section keys, goal and focus-area
 * counts, signers), 409 on a stale version or a second template for one step, and audited writes.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_TEMPLATE } from '../../common/performance.ts';
import { auditLog, careerPathways, pathwaySteps } from '../db/schema/index.ts';
import { buildDistrict, buildOrgUnit, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let districtId: string;
let stepId: string;
let otherStepId: string;
const as: Record<string, Client> = {};

const template = (over: Record<string, unknown> = {}) => ({
  title: 'Teacher plan',
  sections: [
    { key: 'strengths', title: 'Strengths', prompt: 'What went well?' },
    { key: 'growth', title: 'Growth', prompt: '' },
  ],
  minGoals: 1,
  maxGoals: 3,
  minFocusAreas: 1,
  maxFocusAreas: 2,
  signatureBlocks: [
    { signer: 'person', label: 'Teacher' },
    { signer: 'evaluator', label: 'Principal' },
  ],
  ...over,
});

async function buildStep(db: typeof t.database.db, district: string, title: string) {
  const [pathway] = await db
    .insert(careerPathways)
    .values({ districtId: district, name: 'Teaching', category: 'instructional' })
    .returning();
  const [step] = await db.insert(pathwaySteps).values({ districtId: district, pathwayId: pathway!.id, position: 0, title }).returning();
  return step!.id;
}

beforeAll(async () => {
  const db = t.database.db;
  districtId = (await buildDistrict(db)).id;
  const other = (await buildDistrict(db, 'Other')).id;
  const palm = await buildOrgUnit(db, districtId, { name: 'Palm Grove' });
  stepId = await buildStep(db, districtId, 'Apprentice teacher');
  otherStepId = await buildStep(db, other, 'Their step');
  const users = {
    teacher: await buildUser(db, districtId, 'staff', { orgUnitId: palm.id }),
    principal: await buildUser(db, districtId, 'school_leader', { orgUnitId: palm.id }),
    hr: await buildUser(db, districtId, 'hr'),
    admin: await buildUser(db, districtId, 'district_admin'),
    outsider: await buildUser(db, other, 'district_admin'),
  };
  for (const [k, u] of Object.entries(users)) as[k] = await signIn(t.app, u.email);
});

describe('plan templates permission matrix', () => {
  it('401 signed out; anyone signed in reads; only HR and admins write; another district 404', async () => {
    expect((await anonymous(t.app).get('/api/performance/templates')).statusCode).toBe(401);
    expect((await anonymous(t.app).post('/api/performance/templates', template({ stepId }))).statusCode).toBe(401);
    for (const who of ['teacher', 'principal', 'hr', 'admin']) {
      const res = await as[who]!.get('/api/performance/templates');
      expect(res.statusCode).toBe(200);
      expect(res.json().abilities.manage).toBe(who === 'hr' || who === 'admin');
    }
    expect((await as.teacher!.post('/api/performance/templates', template({ stepId }))).statusCode).toBe(403);
    expect((await as.principal!.post('/api/performance/templates', template({ stepId }))).statusCode).toBe(403);
    expect((await as.outsider!.post('/api/performance/templates', template({ stepId }))).statusCode).toBe(404);
    expect((await as.hr!.post('/api/performance/templates', template({ stepId: otherStepId }))).statusCode).toBe(404);

    const created = await as.admin!.post('/api/performance/templates', template({ stepId }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const put = (c: Client) => c.request('PUT', `/api/performance/templates/${id}`, template({ version: 1 }));
    expect((await put(as.teacher!)).statusCode).toBe(403);
    expect((await put(as.principal!)).statusCode).toBe(403);
    expect((await put(as.outsider!)).statusCode).toBe(404);
    expect((await as.teacher!.request('DELETE', `/api/performance/templates/${id}`)).statusCode).toBe(403);
    expect((await as.outsider!.request('DELETE', `/api/performance/templates/${id}`)).statusCode).toBe(404);
    // The other district sees none of this district's templates.
    const theirs = (await as.outsider!.get('/api/performance/templates')).json();
    expect(theirs.steps.map((s: { template: unknown }) => s.template)).toEqual([null]);
    expect((await as.admin!.request('DELETE', `/api/performance/templates/${id}`)).statusCode).toBe(204);
  });
});

describe('the district default starts from the built-in template', () => {
  it('shows DEFAULT_PLAN_TEMPLATE marked built-in until HR saves it, then the saved one', async () => {
    const before = (await as.teacher!.get('/api/performance/templates')).json();
    expect(before.districtDefault).toMatchObject({ id: null, builtIn: true, sections: DEFAULT_PLAN_TEMPLATE.sections });
    expect(before.steps).toEqual([expect.objectContaining({ stepId, stepTitle: 'Apprentice teacher', template: null })]);

    const saved = await as.hr!.post('/api/performance/templates', template({ stepId: null, title: 'Plan de desempeño' }));
    expect(saved.statusCode).toBe(201);
    const after = (await as.teacher!.get('/api/performance/templates')).json();
    expect(after.districtDefault).toMatchObject({ id: saved.json().id, builtIn: false, title: 'Plan de desempeño', version: 1 });
    // One default per district.
    const again = await as.hr!.post('/api/performance/templates', template({ stepId: null }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.current.id).toBe(saved.json().id);
  });
});

describe('validation', () => {
  const errorPaths = async (body: Record<string, unknown>) => {
    const res = await as.hr!.post('/api/performance/templates', template({ stepId, ...body }));
    expect(res.statusCode).toBe(400);
    return JSON.stringify(res.json());
  };

  it('refuses duplicate section keys, bad goal and focus-area counts, and unknown or repeated signers', async () => {
    const dupSections = [
      { key: 'a', title: 'A', prompt: '' },
      { key: 'a', title: 'B', prompt: '' },
    ];
    expect(await errorPaths({ sections: dupSections })).toContain('duplicate_key');
    expect(await errorPaths({ sections: [] })).toContain('sections');
    expect(await errorPaths({ minGoals: 0 })).toContain('minGoals');
    expect(await errorPaths({ maxGoals: 11 })).toContain('maxGoals');
    expect(await errorPaths({ minGoals: 4, maxGoals: 3 })).toContain('max_below_min');
    expect(await errorPaths({ maxFocusAreas: 4 })).toContain('maxFocusAreas');
    expect(await errorPaths({ minFocusAreas: 3, maxFocusAreas: 2 })).toContain('max_below_min');
    expect(await errorPaths({ signatureBlocks: [{ signer: 'coach', label: 'Coach' }] })).toContain('signer');
    expect(
      await errorPaths({
        signatureBlocks: [
          { signer: 'person', label: 'A' },
          { signer: 'person', label: 'B' },
        ],
      }),
    ).toContain('duplicate_signer');
    // 1 <= min <= max <= 10 goals and 1..3 focus areas are fine at their edges.
    const edge = await as.hr!.post(
      '/api/performance/templates',
      template({ stepId, minGoals: 10, maxGoals: 10, minFocusAreas: 3, maxFocusAreas: 3 }),
    );
    expect(edge.statusCode).toBe(201);
    expect((await as.hr!.request('DELETE', `/api/performance/templates/${edge.json().id}`)).statusCode).toBe(204);
  });
});

describe('editing', () => {
  it('saves with the version seen, answers 409 with the current template on a stale one, and audits every write', async () => {
    const created = (await as.hr!.post('/api/performance/templates', template({ stepId }))).json();
    const first = await as.hr!.request('PUT', `/api/performance/templates/${created.id}`, template({ version: 1, maxGoals: 5 }));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, maxGoals: 5 });
    const stale = await as.admin!.request('PUT', `/api/performance/templates/${created.id}`, template({ version: 1, maxGoals: 2 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ version: 2, maxGoals: 5 });

    const listed = (await as.principal!.get('/api/performance/templates')).json();
    expect(listed.steps[0].template).toMatchObject({ id: created.id, maxGoals: 5 });

    expect((await as.hr!.request('DELETE', `/api/performance/templates/${created.id}`)).statusCode).toBe(204);
    expect((await as.hr!.request('DELETE', `/api/performance/templates/${created.id}`)).statusCode).toBe(404);
    const actions = (
      await t.database.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(and(eq(auditLog.districtId, districtId), eq(auditLog.entityId, created.id)))
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(['plan_template.create', 'plan_template.delete', 'plan_template.update']);
  });
});
