import { and, count, countDistinct, eq, gte, lte } from 'drizzle-orm';
import { DRIVERS, type Driver, type DriverHealth } from '../../../../common/implementation.ts';
import type { DriverHealthResult } from '../../../../common/schemas/driver-plans.ts';
import {
  coachingLogAttendees,
  coachingLogs,
  driverPlans,
  fidelityChecks,
  initiativeCoaching,
  trainingAttendance,
  trainingSessions,
} from '../../../db/schema/index.ts';
import type { Ctx } from '../../../lib/context.ts';
import { dateIn, districtToday } from '../../coaching/refs.ts';
import type { InitiativeRow } from '../initiative.ts';

type PlanRow = typeof driverPlans.$inferSelect;

const DEFAULT_WINDOW_WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;
/** Drivers that keep no records of their own in Trellis: "in place" is their top. */
const NO_DATA: readonly Driver[] = ['selection', 'decision_support', 'facilitative_administration', 'systems_intervention', 'leadership'];

const filled = (value: string | null | undefined) => Boolean(value && value.trim());

/**
 * Health of each driver of an initiative, lowest to highest, by this rule:
 * - **not started**: the plan lacks an owner or its plan text;
 * - **planned**: an owner and the plan text are filled;
 * - **in place**: planned, and training has a session scheduled; coaching has a coaching
 *   assignment; fidelity has a fidelity check (fidelity_checks); selection has its job-description
 *   text and interview questions filled; the organisation drivers and leadership have a next step
 *   with a date (`details.nextStep`, `details.nextStepOn`);
 * - **producing data**: in place, and records within the plan's last `dataWindowWeeks` (default 8):
 *   training attendance (someone present at a session held in the window), coaching logs held by
 *   the assigned coaches with people assigned to them, fidelity checks made in the window.
 *   Selection, the organisation drivers and leadership keep no records here: in place is their top.
 * `reasons` name what is missing for the next level (i18n `driverPlans.reasons.<code>`).
 */
export async function driverHealth(ctx: Ctx, initiative: InitiativeRow): Promise<DriverHealthResult[]> {
  const plans = await ctx.db.select().from(driverPlans).where(eq(driverPlans.initiativeId, initiative.id));
  const byDriver = new Map(plans.map((p) => [p.driver, p]));
  const records = await recordCounts(ctx, initiative, byDriver);
  return DRIVERS.map((driver) => healthOf(driver, byDriver.get(driver), records));
}

/** What the health rule reads of an initiative's records (counts; the rule only asks whether each is above zero). */
export interface RecordCounts {
  sessions: number;
  assignments: number;
  checks: number;
  attendanceInWindow: number;
  logsInWindow: number;
  checksInWindow: number;
}

async function recordCounts(ctx: Ctx, initiative: InitiativeRow, byDriver: Map<string, PlanRow>): Promise<RecordCounts> {
  const now = new Date();
  const since = (driver: Driver) => new Date(now.getTime() - (byDriver.get(driver)?.dataWindowWeeks ?? DEFAULT_WINDOW_WEEKS) * WEEK_MS);
  const { timeZone, today } = await districtToday(ctx.db, ctx.actor.districtId);
  const id = initiative.id;
  const [sessions] = await ctx.db.select({ n: count() }).from(trainingSessions).where(eq(trainingSessions.initiativeId, id));
  const [attendance] = await ctx.db
    .select({ n: count() })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(
      and(
        eq(trainingSessions.initiativeId, id),
        eq(trainingAttendance.attended, true),
        gte(trainingSessions.startsAt, since('training')),
        lte(trainingSessions.startsAt, now),
      ),
    );
  const [assignments] = await ctx.db.select({ n: count() }).from(initiativeCoaching).where(eq(initiativeCoaching.initiativeId, id));
  const [logs] = await ctx.db
    .select({ n: countDistinct(coachingLogs.id) })
    .from(coachingLogs)
    .innerJoin(coachingLogAttendees, eq(coachingLogAttendees.logId, coachingLogs.id))
    .innerJoin(
      initiativeCoaching,
      and(
        eq(initiativeCoaching.initiativeId, id),
        eq(initiativeCoaching.coachPersonId, coachingLogs.coachPersonId),
        eq(initiativeCoaching.personId, coachingLogAttendees.personId),
      ),
    )
    .where(
      and(
        eq(coachingLogs.districtId, ctx.actor.districtId),
        eq(coachingLogs.status, 'held'),
        gte(coachingLogs.startsAt, since('coaching')),
        lte(coachingLogs.startsAt, now),
      ),
    );
  const [checks] = await ctx.db.select({ n: count() }).from(fidelityChecks).where(eq(fidelityChecks.initiativeId, id));
  const [recentChecks] = await ctx.db
    .select({ n: count() })
    .from(fidelityChecks)
    .where(
      and(
        eq(fidelityChecks.initiativeId, id),
        gte(fidelityChecks.checkedOn, dateIn(timeZone, since('fidelity'))),
        lte(fidelityChecks.checkedOn, today),
      ),
    );
  return {
    sessions: sessions?.n ?? 0,
    assignments: assignments?.n ?? 0,
    checks: checks?.n ?? 0,
    attendanceInWindow: attendance?.n ?? 0,
    logsInWindow: logs?.n ?? 0,
    checksInWindow: recentChecks?.n ?? 0,
  };
}

/** What is missing for "in place", per driver. */
function inPlaceGaps(driver: Driver, plan: PlanRow, r: RecordCounts): string[] {
  const d = plan.details;
  switch (driver) {
    case 'training':
      return r.sessions > 0 ? [] : ['no_session'];
    case 'coaching':
      return r.assignments > 0 ? [] : ['no_assignment'];
    case 'fidelity':
      return r.checks > 0 ? [] : ['no_fidelity_check'];
    case 'selection':
      return [
        ...(filled(d.jobDescriptionText) ? [] : ['no_job_description']),
        ...(filled(d.interviewQuestions) ? [] : ['no_interview_questions']),
      ];
    default:
      return filled(d.nextStep) && filled(d.nextStepOn) ? [] : ['no_next_step'];
  }
}

/** What is missing for "producing data", per driver. */
function dataGaps(driver: Driver, r: RecordCounts): string[] {
  if (NO_DATA.includes(driver)) return ['top_is_in_place'];
  if (driver === 'training') return r.attendanceInWindow > 0 ? [] : ['no_attendance_in_window'];
  if (driver === 'coaching') return r.logsInWindow > 0 ? [] : ['no_coaching_log_in_window'];
  return r.checksInWindow > 0 ? [] : ['no_check_in_window'];
}

/** One driver's health from its plan and the initiative's record counts (also used set-based by the dashboards). */
export function healthOf(driver: Driver, plan: PlanRow | undefined, r: RecordCounts): DriverHealthResult {
  const result = (health: DriverHealth, reasons: string[]) => ({ driver, health, reasons });
  const planGaps = [...(plan?.ownerPersonId ? [] : ['no_owner']), ...(filled(plan?.plan) ? [] : ['no_plan'])];
  if (!plan || planGaps.length > 0) return result('not_started', planGaps);
  const placeGaps = inPlaceGaps(driver, plan, r);
  if (placeGaps.length > 0) return result('planned', placeGaps);
  const gaps = dataGaps(driver, r);
  if (gaps.length > 0) return result('in_place', gaps);
  return result('producing_data', []);
}
