import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { DRIVERS, type Driver } from '../../../../common/implementation.ts';
import {
  DRIVER_DATE_FIELDS,
  DRIVER_DECISIONS_SHOWN,
  DRIVER_DETAIL_FIELDS,
  type DriverPlan,
  type DriverPlanInput,
  type DriverPlanList,
} from '../../../../common/schemas/driver-plans.ts';
import { driverPlans, implementationDecisions, implementationMeetings, implementationTeams } from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { conflict, forbidden, invalidField } from '../../../lib/errors.ts';
import { canEditDriverPlan } from '../../../policies/drivers.ts';
import { canReadImplementationTeams } from '../../../policies/implementation-teams.ts';
import { recordAudit } from '../../audit.ts';
import { markDashboardStale } from '../../dashboards/freshness.ts';
import { personRefs, unknownPerson } from '../../coaching/refs.ts';
import { assertDistrictPeople, initiativeRef, loadDriverAccess, type DriverAccess } from './access.ts';
import { driverHealth } from './health.ts';

type PlanRow = typeof driverPlans.$inferSelect;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

async function planRows(ctx: Ctx, initiativeId: string) {
  const rows = await ctx.db
    .select()
    .from(driverPlans)
    .where(and(eq(driverPlans.districtId, ctx.actor.districtId), eq(driverPlans.initiativeId, initiativeId)));
  return new Map(rows.map((r) => [r.driver, r]));
}

/**
 * The decisions the initiative's teams routed to each driver, newest meeting first, a few per
 * driver. Meeting records are read by everyone in the district but a vendor guest (none for them).
 */
async function routedDecisions(ctx: Ctx, initiativeId: string): Promise<Map<string, DriverPlan['decisions']>> {
  const out = new Map<string, DriverPlan['decisions']>();
  if (!canReadImplementationTeams(ctx.actor)) return out;
  const rows = await ctx.db
    .select({
      id: implementationDecisions.id,
      text: implementationDecisions.text,
      driver: implementationDecisions.driver,
      meetingId: implementationMeetings.id,
      meetsAt: implementationMeetings.meetsAt,
      teamId: implementationTeams.id,
      teamName: implementationTeams.name,
    })
    .from(implementationDecisions)
    .innerJoin(implementationMeetings, eq(implementationMeetings.id, implementationDecisions.meetingId))
    .innerJoin(implementationTeams, eq(implementationTeams.id, implementationMeetings.teamId))
    .where(
      and(
        eq(implementationDecisions.districtId, ctx.actor.districtId),
        eq(implementationTeams.districtId, ctx.actor.districtId),
        eq(implementationTeams.initiativeId, initiativeId),
        isNotNull(implementationDecisions.driver),
      ),
    )
    .orderBy(desc(implementationMeetings.meetsAt), desc(implementationDecisions.createdAt))
    .limit(DRIVERS.length * DRIVER_DECISIONS_SHOWN * 4);
  for (const r of rows) {
    const list = out.get(r.driver!) ?? [];
    if (list.length >= DRIVER_DECISIONS_SHOWN) continue;
    list.push({
      id: r.id,
      text: r.text,
      meetingId: r.meetingId,
      meetsAt: r.meetsAt.toISOString(),
      team: { id: r.teamId, name: r.teamName },
    });
    out.set(r.driver!, list);
  }
  return out;
}

/** Every driver of the initiative, written or not (an unwritten one shows empty with version 0). */
async function presentPlans(ctx: Ctx, access: DriverAccess): Promise<DriverPlan[]> {
  const rows = await planRows(ctx, access.initiative.id);
  const decisions = await routedDecisions(ctx, access.initiative.id);
  const health = new Map((await driverHealth(ctx, access.initiative)).map((h) => [h.driver, h]));
  const owners = await personRefs(
    ctx.db,
    ctx.actor.districtId,
    [...rows.values()].flatMap((r) => (r.ownerPersonId ? [r.ownerPersonId] : [])),
  );
  return DRIVERS.map((driver) => {
    const row = rows.get(driver);
    const ownerPersonId = row?.ownerPersonId ?? null;
    return {
      driver,
      owner: ownerPersonId ? (owners.get(ownerPersonId) ?? unknownPerson(ownerPersonId)) : null,
      plan: row?.plan ?? '',
      details: row?.details ?? {},
      dataWindowWeeks: row?.dataWindowWeeks ?? 8,
      version: row?.version ?? 0,
      updatedAt: row ? row.updatedAt.toISOString() : null,
      health: health.get(driver)!,
      decisions: decisions.get(driver) ?? [],
      abilities: { edit: canEditDriverPlan(ctx.actor, access.facts, { ownerPersonId }) },
    };
  });
}

/** GET /api/initiatives/:id/drivers: each driver's plan and health, and what the caller may do. */
export async function listDriverPlans(ctx: Ctx, initiativeId: string): Promise<DriverPlanList> {
  const access = await loadDriverAccess(ctx, initiativeId);
  return { initiative: initiativeRef(access.initiative), drivers: await presentPlans(ctx, access), abilities: access.abilities };
}

async function currentPlan(ctx: Ctx, initiativeId: string, driver: Driver): Promise<DriverPlan> {
  const access = await loadDriverAccess(ctx, initiativeId);
  return (await presentPlans(ctx, access)).find((p) => p.driver === driver)!;
}

/** Only the driver's own detail fields, trimmed, empty ones left out; a 400 names an unknown or bad one. */
function cleanDetails(driver: Driver, details: Record<string, string>): Record<string, string> {
  const allowed = DRIVER_DETAIL_FIELDS[driver];
  const clean: Record<string, string> = {};
  for (const [key, raw] of Object.entries(details)) {
    if (!allowed.includes(key)) throw invalidField(`details.${key}`, `not a field of the ${driver} plan`);
    const value = raw.trim();
    if (!value) continue;
    if (DRIVER_DATE_FIELDS.includes(key) && (!ISO_DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))))
      throw invalidField(`details.${key}`, 'not a date (YYYY-MM-DD)');
    clean[key] = value;
  }
  return clean;
}

class StaleWrite extends Error {}

/**
 * PUT /api/initiatives/:id/drivers/:driver: saves a driver's plan (owner, plan text, its detail
 * fields, data window), creating it on its first save (version 0). Editors and the plan's owner;
 * others 403. A stale version answers 409 with the current plan.
 */
export async function saveDriverPlan(ctx: Ctx, initiativeId: string, driver: Driver, input: DriverPlanInput): Promise<DriverPlan> {
  const access = await loadDriverAccess(ctx, initiativeId);
  const existing: PlanRow | undefined = (await planRows(ctx, access.initiative.id)).get(driver);
  if (!canEditDriverPlan(ctx.actor, access.facts, { ownerPersonId: existing?.ownerPersonId ?? null }))
    throw forbidden('Only HR, admins, the district implementation team and the plan’s owner edit a driver plan');
  if ((existing?.version ?? 0) !== input.version) throw conflict(await currentPlan(ctx, initiativeId, driver));
  const details = cleanDetails(driver, input.details);
  if (input.ownerPersonId) await assertDistrictPeople(ctx, [input.ownerPersonId], 'ownerPersonId');
  const values = {
    ownerPersonId: input.ownerPersonId,
    plan: input.plan.trim(),
    details,
    dataWindowWeeks: input.dataWindowWeeks,
    updatedBy: ctx.actor.userId,
  };
  try {
    await ctx.db.transaction(async (tx) => {
      let id: string | undefined;
      if (!existing) {
        const [created] = await tx
          .insert(driverPlans)
          .values({ districtId: ctx.actor.districtId, initiativeId: access.initiative.id, driver, ...values })
          .onConflictDoNothing()
          .returning({ id: driverPlans.id });
        id = created?.id;
      } else {
        const [updated] = await tx
          .update(driverPlans)
          .set({ ...values, version: sql`${driverPlans.version} + 1`, updatedAt: new Date() })
          .where(and(eq(driverPlans.id, existing.id), eq(driverPlans.version, input.version)))
          .returning({ id: driverPlans.id });
        id = updated?.id;
      }
      if (!id) throw new StaleWrite();
      const before = existing && { ownerPersonId: existing.ownerPersonId, plan: existing.plan, details: existing.details };
      await recordAudit(tx, ctx, {
        entityType: 'driver_plan',
        entityId: id,
        action: existing ? 'driver_plan.update' : 'driver_plan.create',
        before,
        after: { driver, ownerPersonId: values.ownerPersonId, plan: values.plan, details, dataWindowWeeks: values.dataWindowWeeks },
      });
      await markDashboardStale(tx, ctx.actor.districtId, [access.initiative.id]);
    });
  } catch (err) {
    if (err instanceof StaleWrite) throw conflict(await currentPlan(ctx, initiativeId, driver));
    throw err;
  }
  return currentPlan(ctx, initiativeId, driver);
}
