/**
 * The initiative page at a glance, on the demo district's literacy initiative: its permission matrix
 * (signed out 401, another district 404, the vendor guest its aggregates without names, a revoked
 * guest no session) and the figures it shows, each checked against the tables they summarise.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../../common/implementation.ts';
import * as s from '../db/schema/index.ts';
import { DEMO_PASSWORD } from '../seed/seed-data.ts';
import { seedDemoDistrict } from '../seed/seed.ts';
import { buildDistrict, buildUser } from '../test/factories.ts';
import { anonymous, signIn, useTestApp, type Client } from '../test/harness.ts';

const t = useTestApp();
let initiativeId: string;
let teacher: Client;
let principal: Client;
const overview = (c: Client) => c.get(`/api/initiatives/${initiativeId}/overview`);

beforeAll(async () => {
  await seedDemoDistrict(t.database.db);
  const [row] = await t.database.db.select({ id: s.initiatives.id }).from(s.initiatives);
  initiativeId = row!.id;
  teacher = await signIn(t.app, 'teacher@sunshine.example', DEMO_PASSWORD);
  principal = await signIn(t.app, 'principal@sunshine.example', DEMO_PASSWORD);
}, 180_000);

describe('initiative overview permissions', () => {
  it('signed out 401; another district 404; an unknown id 404', async () => {
    expect((await overview(anonymous(t.app))).statusCode).toBe(401);
    const other = await buildDistrict(t.database.db, 'Elsewhere');
    const outsider = await buildUser(t.database.db, other.id, 'district_admin');
    expect((await overview(await signIn(t.app, outsider.email))).statusCode).toBe(404);
    expect((await teacher.get('/api/initiatives/00000000-0000-4000-8000-000000000000/overview')).statusCode).toBe(404);
  });

  it('everyone in the district reads it; the vendor guest reads it without the action items that name people', async () => {
    const asTeacher = await overview(teacher);
    expect(asTeacher.statusCode).toBe(200);
    expect(asTeacher.json().actionItems.length).toBeGreaterThan(0);
    const guest = await signIn(t.app, 'amara.lind@lumenreading.example', DEMO_PASSWORD);
    const asGuest = await overview(guest);
    expect(asGuest.statusCode).toBe(200);
    expect(asGuest.json().actionItems).toEqual([]);
    expect(asGuest.json().fidelity).toEqual(asTeacher.json().fidelity);
    // The revoked guest has no account that signs in.
    const revoked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'jonas.whitaker@lumenreading.example', password: DEMO_PASSWORD },
    });
    expect(revoked.statusCode).toBe(401);
  });
});

describe('initiative overview figures', () => {
  it('counts each covered school at its stage, the district row apart', async () => {
    const o = (await overview(principal)).json();
    const rows = await t.database.db
      .select({ stage: s.initiativeStages.stage, type: s.orgUnits.type })
      .from(s.initiativeStages)
      .innerJoin(s.orgUnits, eq(s.orgUnits.id, s.initiativeStages.orgUnitId))
      .where(eq(s.initiativeStages.initiativeId, initiativeId));
    const schools = rows.filter((r) => r.type === 'school');
    for (const stage of ['exploration', 'installation', 'initial_implementation', 'full_implementation']) {
      expect(o.stageCounts[stage], stage).toBe(schools.filter((r) => r.stage === stage).length);
    }
    expect(o.stageCounts.initial_implementation).toBeGreaterThan(0);
    expect(o.stages.filter((x: { district: boolean }) => x.district)).toHaveLength(1);
  });

  it('shows every driver with its health, and the fidelity of the latest checks', async () => {
    const o = (await overview(principal)).json();
    expect(o.drivers.map((d: { driver: string }) => d.driver)).toEqual([...DRIVERS]);
    const byDriver = Object.fromEntries(o.drivers.map((d: { driver: string; health: string }) => [d.driver, d.health]));
    expect(byDriver.decision_support).toBe('not_started');
    expect(byDriver.training).not.toBe('not_started');
    const [latest] = await t.database.db
      .select({ n: sql<number>`count(*)::int`, at: sql<number>`(count(*) filter (where ${s.fidelityLatest.atFidelity}))::int` })
      .from(s.fidelityLatest)
      .where(eq(s.fidelityLatest.initiativeId, initiativeId));
    expect(o.fidelity.people).toBe(latest!.n);
    expect(o.fidelity.atFidelity).toBe(latest!.at);
    expect(o.fidelity.people).toBeGreaterThan(0);
    expect(o.fidelity.components.length).toBe(5);
    // A component's month is the mean of its checks that month: checks sum to the published checks.
    const checks = o.fidelity.components[0].points.reduce((n: number, p: { checks: number }) => n + p.checks, 0);
    const [published] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.fidelityChecks)
      .where(
        and(
          eq(s.fidelityChecks.initiativeId, initiativeId),
          sql`${s.fidelityChecks.checkedOn} >= ${o.fidelity.components[0].points[0].month}`,
        ),
      );
    expect(checks).toBe(published!.n);
  });

  it('lists the open PDSA cycles and the open action items, soonest first, overdue ones marked', async () => {
    const o = (await overview(principal)).json();
    const [open] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.pdsaCycles)
      .where(and(eq(s.pdsaCycles.initiativeId, initiativeId), sql`${s.pdsaCycles.status} <> 'closed'`));
    expect(o.openPdsaCount).toBe(open!.n);
    expect(o.openPdsa).toHaveLength(open!.n);
    const [items] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.implementationActionItems)
      .where(isNull(s.implementationActionItems.doneAt));
    expect(o.openActionItemCount).toBe(items!.n);
    const due = o.actionItems.map((a: { dueOn: string }) => a.dueOn);
    expect(due).toEqual([...due].sort());
    expect(o.actionItems.some((a: { overdue: boolean }) => a.overdue)).toBe(true);
    expect(o.reach.trained).toBeGreaterThan(0);
    expect(o.reach.coached).toBe(8);
  });
});
