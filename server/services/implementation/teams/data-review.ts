import { and, asc, eq, gte, inArray, isNotNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { FIDELITY_MIN_GROUP } from '../../../../common/implementation.ts';
import { addDays, zonedInstant } from '../../../../common/clock.ts';
import type { Executor } from '../../../db/client.ts';
import { qualified } from '../../../db/qualified.ts';
import {
  coachingLogAttendees,
  coachingLogs,
  fidelityChecks,
  fidelityLatest,
  fidelityMonthly,
  frameworkItems,
  initiatives,
  initiativeSchools,
  observations,
  trainingAttendance,
  trainingSessions,
  type MeetingDataReview,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { districtToday } from '../../coaching/refs.ts';
import type { ImplementationTeamRow } from './load.ts';

/** How far back a data review looks. */
export const DATA_REVIEW_DAYS = 90;

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

/**
 * The schools a team's data comes from: a school team's own school; a district or talent team's
 * initiative's covered schools; null (the whole district) for a district team without an initiative.
 */
async function scopeSchools(db: Executor, districtId: string, team: ImplementationTeamRow): Promise<string[] | null> {
  if (team.kind === 'school') return [team.orgUnitId];
  if (!team.initiativeId) return null;
  const rows = await db
    .select({ id: initiativeSchools.orgUnitId })
    .from(initiativeSchools)
    .where(and(eq(initiativeSchools.districtId, districtId), eq(initiativeSchools.initiativeId, team.initiativeId)));
  return rows.map((r) => r.id);
}

/** SQL condition: the person holds a current role in one of the schools (or a unit under one). */
function worksIn(personColumn: Parameters<typeof qualified>[0], districtId: string, schools: string[]): SQL {
  return sql`exists (select 1 from role_assignments ra join org_units u on u.id = ra.org_unit_id
    where ra.district_id = ${districtId} and ra.person_id = ${qualified(personColumn)} and ra.active
      and (ra.begin_date is null or ra.begin_date <= current_date) and (ra.end_date is null or ra.end_date >= current_date)
      and (u.id = any(${sql.param(schools)}::uuid[]) or u.parent_id = any(${sql.param(schools)}::uuid[])))`;
}

async function fidelityOf(db: Executor, districtId: string, initiativeId: string, schools: string[] | null, since: string) {
  const inSchools = (column: AnyPgColumn) => (schools ? inArray(column, schools) : undefined);
  const [checks] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(fidelityChecks)
    .where(
      and(
        eq(fidelityChecks.districtId, districtId),
        eq(fidelityChecks.initiativeId, initiativeId),
        gte(fidelityChecks.checkedOn, since),
        isNotNull(fidelityChecks.scorePct),
        inSchools(fidelityChecks.orgUnitId),
      ),
    );
  const [latest] = await db
    .select({ n: sql<number>`count(*)::int`, at: sql<number>`count(*) filter (where ${fidelityLatest.atFidelity})::int` })
    .from(fidelityLatest)
    .where(
      and(eq(fidelityLatest.districtId, districtId), eq(fidelityLatest.initiativeId, initiativeId), inSchools(fidelityLatest.orgUnitId)),
    );
  const [initiative] = await db
    .select({ profileVersionId: initiatives.profileVersionId })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), eq(initiatives.districtId, districtId)));
  const items = initiative?.profileVersionId
    ? await db
        .select({
          id: frameworkItems.id,
          code: frameworkItems.humanCode,
          short: frameworkItems.abbreviatedStatement,
          full: frameworkItems.fullStatement,
        })
        .from(frameworkItems)
        .where(
          and(
            eq(frameworkItems.districtId, districtId),
            eq(frameworkItems.versionId, initiative.profileVersionId),
            eq(frameworkItems.retired, false),
          ),
        )
        .orderBy(asc(frameworkItems.parentId), asc(frameworkItems.position))
    : [];
  const sums = await db
    .select({
      itemId: fidelityMonthly.itemId,
      checks: sql<number>`sum(${fidelityMonthly.checks})::int`,
      sumPct: sql<number>`sum(${fidelityMonthly.sumPct})::float8`,
    })
    .from(fidelityMonthly)
    .where(
      and(
        eq(fidelityMonthly.districtId, districtId),
        eq(fidelityMonthly.initiativeId, initiativeId),
        gte(fidelityMonthly.month, `${since.slice(0, 7)}-01`),
        inSchools(fidelityMonthly.orgUnitId),
      ),
    )
    .groupBy(fidelityMonthly.itemId);
  const byItem = new Map(sums.map((s) => [s.itemId, s]));
  // The snapshot is the team's to read: a figure over too few people or checks would show one
  // teacher's score, so it is withheld (common/implementation.ts FIDELITY_MIN_GROUP).
  const small = (n: number) => n > 0 && n < FIDELITY_MIN_GROUP;
  const suppressed = small(latest?.n ?? 0);
  return {
    checks: checks?.n ?? 0,
    atFidelityPct: suppressed ? null : pct(latest?.at ?? 0, latest?.n ?? 0),
    suppressed,
    byComponent: items.map((i) => {
      const s = byItem.get(i.id);
      const withheld = small(s?.checks ?? 0);
      return {
        itemId: i.id,
        title: [i.code, i.short || i.full].filter(Boolean).join(' '),
        averagePct: s && s.checks > 0 && !withheld ? Math.round((10 * s.sumPct) / s.checks) / 10 : null,
        suppressed: withheld,
      };
    }),
  };
}

/**
 * The team's data over the last 90 days, as a meeting snapshots it: fidelity of its initiative
 * (checks published, the share of staff at fidelity on their latest check, the average per
 * component), published observations of its schools' staff (fidelity checks counted apart), coaching
 * sessions held with its schools' staff, and its initiative's training sessions and attendance.
 */
export async function takeTeamDataReview(
  ctx: Ctx,
  team: ImplementationTeamRow,
  today: string,
  workSamples: string,
): Promise<MeetingDataReview> {
  const db = ctx.db;
  const districtId = ctx.actor.districtId;
  const { timeZone } = await districtToday(db, districtId);
  const since = addDays(today, -DATA_REVIEW_DAYS);
  const sinceAt = zonedInstant(timeZone, since);
  const schools = await scopeSchools(db, districtId, team);
  const none = schools !== null && schools.length === 0;

  const fidelity =
    team.initiativeId && !none
      ? await fidelityOf(db, districtId, team.initiativeId, schools, since)
      : { checks: 0, atFidelityPct: null, byComponent: [] };

  const [observed] = none
    ? [{ n: 0 }]
    : await db
        .select({ n: sql<number>`count(*)::int` })
        .from(observations)
        .where(
          and(
            eq(observations.districtId, districtId),
            eq(observations.status, 'published'),
            ne(observations.kind, 'fidelity'),
            gte(observations.observedOn, since),
            lte(observations.observedOn, today),
            schools ? inArray(observations.orgUnitId, schools) : undefined,
          ),
        );

  const [coached] = none
    ? [{ sessions: 0, people: 0 }]
    : await db
        .select({
          sessions: sql<number>`count(distinct ${coachingLogs.id})::int`,
          people: sql<number>`count(distinct ${coachingLogAttendees.personId})::int`,
        })
        .from(coachingLogs)
        .innerJoin(coachingLogAttendees, eq(coachingLogAttendees.logId, coachingLogs.id))
        .where(
          and(
            eq(coachingLogs.districtId, districtId),
            eq(coachingLogs.status, 'held'),
            gte(coachingLogs.startsAt, sinceAt),
            lte(coachingLogs.startsAt, new Date()),
            schools ? worksIn(coachingLogAttendees.personId, districtId, schools) : undefined,
          ),
        );

  let training = { sessions: 0, attended: 0 };
  if (team.initiativeId && !none) {
    const window = and(
      eq(trainingSessions.districtId, districtId),
      eq(trainingSessions.initiativeId, team.initiativeId),
      gte(trainingSessions.startsAt, sinceAt),
      lte(trainingSessions.startsAt, new Date()),
    );
    const [held] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingSessions)
      .where(window);
    const [present] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingAttendance)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
      .where(
        and(
          window,
          eq(trainingAttendance.attended, true),
          team.kind === 'school' && schools ? worksIn(trainingAttendance.personId, districtId, schools) : undefined,
        ),
      );
    training = { sessions: held?.n ?? 0, attended: present?.n ?? 0 };
  }

  return {
    takenAt: new Date().toISOString(),
    fidelity,
    observations: { published: observed?.n ?? 0 },
    coaching: { sessions: coached?.sessions ?? 0, people: coached?.people ?? 0 },
    training,
    workSamples,
  };
}
