import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { IMPLEMENTATION_STAGES, PDSA_STATUSES, type ImplementationStage } from '../../../common/implementation.ts';
import type { InitiativeOverview } from '../../../common/schemas/implementation-overview.ts';
import {
  fidelityLatest,
  fidelityMonthly,
  frameworkItems,
  implementationActionItems,
  implementationTeams,
  initiativeCoaching,
  initiativeSchools,
  initiativeStages,
  orgUnits,
  pdsaCycles,
  people,
  trainingAttendance,
  trainingSessions,
} from '../../db/schema/index.ts';
import type { Ctx } from '../../lib/context.ts';
import { districtToday } from '../coaching/refs.ts';
import { driverHealth } from './drivers/health.ts';
import { loadInitiative } from './initiative.ts';
import { isGuest } from '../../policies/implementation.ts';
import { fidelityWithholding } from '../fidelity/suppress.ts';

const TREND_MONTHS = 12;
const LIST_LIMIT = 10;

/** The first day of the month `months` before `today`'s month (YYYY-MM-DD strings). */
function monthsBack(today: string, months: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The initiative page at a glance: stage by school, driver health, fidelity trend by component,
 * coaching and training reach, open PDSA cycles and action items. Every figure is read from a table
 * kept on write (stages, fidelity_latest, fidelity_monthly) or an indexed count; nothing scans checks.
 */
export async function initiativeOverview(ctx: Ctx, id: string): Promise<InitiativeOverview> {
  const initiative = await loadInitiative(ctx, id);
  const districtId = ctx.actor.districtId;
  const { today } = await districtToday(ctx.db, districtId);
  const since = monthsBack(today, TREND_MONTHS - 1);
  const pdsaOpen = PDSA_STATUSES.filter((s) => s !== 'closed');

  const [schools, stageRows, latest, monthly, coached, trained, sessions, pdsa, pdsaCount, actions, actionCount, drivers] =
    await Promise.all([
      ctx.db
        .select({ orgUnitId: initiativeSchools.orgUnitId, name: orgUnits.name })
        .from(initiativeSchools)
        .innerJoin(orgUnits, eq(orgUnits.id, initiativeSchools.orgUnitId))
        .where(and(eq(initiativeSchools.districtId, districtId), eq(initiativeSchools.initiativeId, id)))
        .orderBy(asc(orgUnits.name)),
      ctx.db
        .select({
          orgUnitId: initiativeStages.orgUnitId,
          name: orgUnits.name,
          type: orgUnits.type,
          stage: initiativeStages.stage,
          enteredAt: initiativeStages.enteredAt,
        })
        .from(initiativeStages)
        .innerJoin(orgUnits, eq(orgUnits.id, initiativeStages.orgUnitId))
        .where(and(eq(initiativeStages.districtId, districtId), eq(initiativeStages.initiativeId, id))),
      ctx.db
        .select({
          people: sql<number>`count(*)::int`,
          atFidelity: sql<number>`(count(*) filter (where ${fidelityLatest.atFidelity}))::int`,
        })
        .from(fidelityLatest)
        .where(and(eq(fidelityLatest.districtId, districtId), eq(fidelityLatest.initiativeId, id))),
      ctx.db
        .select({
          itemId: fidelityMonthly.itemId,
          title: sql<string>`coalesce(${frameworkItems.abbreviatedStatement}, ${frameworkItems.fullStatement})`,
          position: frameworkItems.position,
          month: fidelityMonthly.month,
          checks: sql<number>`sum(${fidelityMonthly.checks})::int`,
          sumPct: sql<number>`sum(${fidelityMonthly.sumPct})::float8`,
        })
        .from(fidelityMonthly)
        .innerJoin(frameworkItems, eq(frameworkItems.id, fidelityMonthly.itemId))
        .where(and(eq(fidelityMonthly.districtId, districtId), eq(fidelityMonthly.initiativeId, id), gte(fidelityMonthly.month, since)))
        .groupBy(
          fidelityMonthly.itemId,
          frameworkItems.abbreviatedStatement,
          frameworkItems.fullStatement,
          frameworkItems.position,
          fidelityMonthly.month,
        )
        .orderBy(asc(frameworkItems.position), asc(fidelityMonthly.month)),
      ctx.db
        .select({ n: sql<number>`count(distinct ${initiativeCoaching.personId})::int` })
        .from(initiativeCoaching)
        .where(
          and(
            eq(initiativeCoaching.districtId, districtId),
            eq(initiativeCoaching.initiativeId, id),
            sql`(${initiativeCoaching.endsOn} is null or ${initiativeCoaching.endsOn} > ${today})`,
          ),
        ),
      ctx.db
        .select({ n: sql<number>`count(distinct ${trainingAttendance.personId})::int` })
        .from(trainingAttendance)
        .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
        .where(
          and(eq(trainingSessions.districtId, districtId), eq(trainingSessions.initiativeId, id), eq(trainingAttendance.attended, true)),
        ),
      ctx.db
        .select({
          total: sql<number>`count(*)::int`,
          upcoming: sql<number>`(count(*) filter (where ${trainingSessions.startsAt} >= now()))::int`,
        })
        .from(trainingSessions)
        .where(and(eq(trainingSessions.districtId, districtId), eq(trainingSessions.initiativeId, id))),
      ctx.db
        .select({
          id: pdsaCycles.id,
          title: pdsaCycles.title,
          status: pdsaCycles.status,
          orgUnitName: orgUnits.name,
          component: sql<string | null>`coalesce(${frameworkItems.abbreviatedStatement}, ${frameworkItems.fullStatement})`,
        })
        .from(pdsaCycles)
        .innerJoin(orgUnits, eq(orgUnits.id, pdsaCycles.orgUnitId))
        .leftJoin(frameworkItems, eq(frameworkItems.id, pdsaCycles.itemId))
        .where(and(eq(pdsaCycles.districtId, districtId), eq(pdsaCycles.initiativeId, id), inArray(pdsaCycles.status, pdsaOpen)))
        .orderBy(asc(pdsaCycles.createdAt))
        .limit(LIST_LIMIT),
      ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(pdsaCycles)
        .where(and(eq(pdsaCycles.districtId, districtId), eq(pdsaCycles.initiativeId, id), inArray(pdsaCycles.status, pdsaOpen))),
      ctx.db
        .select({
          id: implementationActionItems.id,
          text: implementationActionItems.text,
          teamId: implementationTeams.id,
          teamName: implementationTeams.name,
          givenName: people.givenName,
          preferredName: people.preferredName,
          familyName: people.familyName,
          dueOn: implementationActionItems.dueOn,
        })
        .from(implementationActionItems)
        .innerJoin(implementationTeams, eq(implementationTeams.id, implementationActionItems.teamId))
        .innerJoin(people, eq(people.id, implementationActionItems.ownerPersonId))
        .where(
          and(
            eq(implementationActionItems.districtId, districtId),
            eq(implementationTeams.initiativeId, id),
            isNull(implementationActionItems.doneAt),
          ),
        )
        .orderBy(asc(implementationActionItems.dueOn))
        .limit(LIST_LIMIT),
      ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(implementationActionItems)
        .innerJoin(implementationTeams, eq(implementationTeams.id, implementationActionItems.teamId))
        .where(
          and(
            eq(implementationActionItems.districtId, districtId),
            eq(implementationTeams.initiativeId, id),
            isNull(implementationActionItems.doneAt),
          ),
        ),
      driverHealth(ctx, initiative),
    ]);

  // A covered school without a stage row has not moved yet: it is exploring.
  const byUnit = new Map(stageRows.map((r) => [r.orgUnitId, r]));
  const stages: InitiativeOverview['stages'] = [];
  for (const r of stageRows.filter((s) => s.type === 'district')) {
    stages.push({
      orgUnitId: r.orgUnitId,
      orgUnitName: r.name,
      district: true,
      stage: r.stage as ImplementationStage,
      enteredAt: r.enteredAt.toISOString(),
    });
  }
  for (const s of schools) {
    const r = byUnit.get(s.orgUnitId);
    stages.push({
      orgUnitId: s.orgUnitId,
      orgUnitName: s.name,
      district: false,
      stage: (r?.stage ?? 'exploration') as ImplementationStage,
      enteredAt: r ? r.enteredAt.toISOString() : null,
    });
  }
  const stageCounts = Object.fromEntries(IMPLEMENTATION_STAGES.map((stage) => [stage, 0])) as InitiativeOverview['stageCounts'];
  for (const s of stages) if (!s.district) stageCounts[s.stage] += 1;

  // District-wide figures: withheld over too few people or checks from who may not read individuals.
  const withheld = fidelityWithholding(ctx.actor, initiative);
  const components = new Map<string, InitiativeOverview['fidelity']['components'][number]>();
  for (const m of monthly) {
    const c = components.get(m.itemId) ?? { itemId: m.itemId, title: m.title, points: [] };
    const suppressed = withheld(m.checks);
    c.points.push({
      month: m.month,
      checks: m.checks,
      averagePct: m.checks && !suppressed ? Math.round((m.sumPct / m.checks) * 10) / 10 : null,
      suppressed,
    });
    components.set(m.itemId, c);
  }

  return {
    initiative: {
      id: initiative.id,
      name: initiative.name,
      purpose: initiative.purpose,
      need: initiative.need,
      status: initiative.status,
      partnerName: initiative.partnerName,
      fidelityThresholdPct: initiative.fidelityThresholdPct,
      fullImplementationPct: initiative.fullImplementationPct,
      hasProfile: initiative.profileVersionId !== null,
      hasTool: initiative.fidelityRubricId !== null,
    },
    today,
    stages,
    stageCounts,
    drivers,
    fidelity: {
      people: latest[0]?.people ?? 0,
      atFidelity: withheld(latest[0]?.people ?? 0) ? 0 : (latest[0]?.atFidelity ?? 0),
      suppressed: withheld(latest[0]?.people ?? 0),
      components: [...components.values()],
    },
    reach: {
      coached: coached[0]?.n ?? 0,
      trained: trained[0]?.n ?? 0,
      trainingSessions: sessions[0]?.total ?? 0,
      upcomingSessions: sessions[0]?.upcoming ?? 0,
    },
    openPdsa: pdsa.map((p) => ({ ...p, status: p.status as InitiativeOverview['openPdsa'][number]['status'] })),
    openPdsaCount: pdsaCount[0]?.n ?? 0,
    // A vendor guest reads aggregates only: no person's name.
    actionItems: (isGuest(ctx.actor) ? [] : actions).map((a) => ({
      id: a.id,
      text: a.text,
      teamId: a.teamId,
      teamName: a.teamName,
      ownerName: `${a.preferredName ?? a.givenName} ${a.familyName}`,
      dueOn: a.dueOn,
      overdue: a.dueOn < today,
    })),
    openActionItemCount: actionCount[0]?.n ?? 0,
  };
}
