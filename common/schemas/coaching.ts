import { z } from 'zod';
import { COACHING_ACTIVITIES, COACHING_CYCLE_PHASES, COACHING_LIMITS, COACHING_LOG_STATUSES, COACHING_PLAN_STATUSES } from '../coaching.ts';
import { IsoDate } from './common.ts';

/**
 * Coaching plans, cycles and logs: the API contract. "Coaching is not evaluation": a record is
 * presented in `view` 'full' (coach, coachees, or leaders once every attendee shared a log) or
 * 'summary' (leaders, HR, admins: that it happened - never notes, next steps, a cycle's goal or outcome).
 */

export const CoachingView = z.enum(['full', 'summary']);
export type CoachingView = z.infer<typeof CoachingView>;

export const CoachingPersonRef = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
});
export type CoachingPersonRef = z.infer<typeof CoachingPersonRef>;

/** A competency item (framework item of the district) named as a focus. */
export const FocusItemRef = z.object({ id: z.uuid(), code: z.string().nullable(), statement: z.string() });
export type FocusItemRef = z.infer<typeof FocusItemRef>;

export const CoachingAbilities = z.object({ edit: z.boolean(), rate: z.boolean(), share: z.boolean() });
export type CoachingAbilities = z.infer<typeof CoachingAbilities>;

/** Notes and next steps: a clear message naming the limit when over it. */
const notesText = z.string().max(COACHING_LIMITS.notesChars, { error: `Keep this under ${COACHING_LIMITS.notesChars} characters` });
const version = z.number().int().positive();

// ---------- Plans ----------

export const FrequencyPhaseSchema = z.object({
  startsOn: IsoDate,
  /** Planned sessions per month while this phase is in effect (fades as the skill grows). */
  sessionsPerMonth: z.number().min(0).max(40),
  /** When the coach moves on to this phase, e.g. "once 2b is at Demonstrating". */
  criterion: z.string().trim().max(500).nullable().default(null),
});
export type FrequencyPhaseSchema = z.infer<typeof FrequencyPhaseSchema>;

/** One calendar month of a plan: planned sessions (prorated, one decimal) and held sessions. */
export const PlanMonth = z.object({
  /** YYYY-MM */
  month: z.string(),
  planned: z.number(),
  delivered: z.number().int(),
});
export type PlanMonth = z.infer<typeof PlanMonth>;

export const PlanDelivery = z.object({
  months: z.array(PlanMonth),
  plannedToDate: z.number(),
  deliveredToDate: z.number().int(),
  /** Delivered is below 80% of planned to date. */
  behind: z.boolean(),
  asOf: IsoDate,
});
export type PlanDelivery = z.infer<typeof PlanDelivery>;

export const CoachingPlan = z.object({
  id: z.uuid(),
  coach: CoachingPersonRef,
  title: z.string(),
  members: z.array(CoachingPersonRef),
  focusItems: z.array(FocusItemRef),
  focusComponents: z.array(z.string()),
  activities: z.array(z.enum(COACHING_ACTIVITIES)),
  sessionMinutes: z.number().int().nullable(),
  phases: z.array(z.object({ startsOn: IsoDate, sessionsPerMonth: z.number(), criterion: z.string().nullable() })),
  reviewDates: z.array(IsoDate),
  startsOn: IsoDate,
  endsOn: IsoDate,
  status: z.enum(COACHING_PLAN_STATUSES),
  version: z.number().int(),
  delivery: PlanDelivery,
  abilities: z.object({ edit: z.boolean() }),
});
export type CoachingPlan = z.infer<typeof CoachingPlan>;

export const CoachingPlanList = z.object({ items: z.array(CoachingPlan) });

const planFields = {
  title: z.string().trim().min(1).max(200),
  memberIds: z.array(z.uuid()).min(1).max(COACHING_LIMITS.planMembers),
  focusItemIds: z.array(z.uuid()).max(20).default([]),
  focusComponents: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  activities: z.array(z.enum(COACHING_ACTIVITIES)).max(COACHING_ACTIVITIES.length).default([]),
  sessionMinutes: z.number().int().min(5).max(480).nullable().default(null),
  phases: z.array(FrequencyPhaseSchema).min(1).max(COACHING_LIMITS.phases),
  /** Default: three dates spread through the plan's span. */
  reviewDates: z.array(IsoDate).max(12).optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
};

export const CreateCoachingPlanInput = z.object(planFields);
export type CreateCoachingPlanInput = z.infer<typeof CreateCoachingPlanInput>;
export const UpdateCoachingPlanInput = z
  .object({
    title: planFields.title,
    memberIds: planFields.memberIds,
    focusItemIds: z.array(z.uuid()).max(20),
    focusComponents: z.array(z.string().trim().min(1).max(200)).max(20),
    activities: z.array(z.enum(COACHING_ACTIVITIES)).max(COACHING_ACTIVITIES.length),
    sessionMinutes: z.number().int().min(5).max(480).nullable(),
    phases: planFields.phases,
    reviewDates: z.array(IsoDate).max(12),
    startsOn: IsoDate,
    endsOn: IsoDate,
    status: z.enum(COACHING_PLAN_STATUSES),
  })
  .partial()
  .extend({ version });
export type UpdateCoachingPlanInput = z.infer<typeof UpdateCoachingPlanInput>;

export const CoachingPlanQuery = z.object({
  personId: z.uuid().optional(),
  status: z.enum([...COACHING_PLAN_STATUSES, 'all']).default('all'),
});

// ---------- Logs ----------

export const CoachingLogAttendee = z.object({
  person: CoachingPersonRef,
  /** Full view only. */
  helpfulness: z.number().int().min(1).max(5).nullable().optional(),
  shared: z.boolean(),
});

export const CoachingLog = z.object({
  id: z.uuid(),
  view: CoachingView,
  coach: CoachingPersonRef,
  planId: z.uuid().nullable(),
  cycleId: z.uuid().nullable(),
  status: z.enum(COACHING_LOG_STATUSES),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  activity: z.enum(COACHING_ACTIVITIES),
  focusItem: FocusItemRef.nullable(),
  /** Full view only: absent from a summary. */
  notes: z.string().optional(),
  nextSteps: z.string().optional(),
  attendees: z.array(CoachingLogAttendee),
  sharedByAll: z.boolean(),
  version: z.number().int(),
  abilities: CoachingAbilities,
});
export type CoachingLog = z.infer<typeof CoachingLog>;

/**
 * One page of sessions, newest first (start time, then id, descending). `total` counts every session
 * of the query the reader may see; `nextCursor` asks for the next page (null on the last one).
 */
export const CoachingLogList = z.object({
  items: z.array(CoachingLog),
  total: z.number().int(),
  /** Of `total`: held sessions the reader attended and has not rated yet (on any page). */
  toRate: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type CoachingLogList = z.infer<typeof CoachingLogList>;

export const COACHING_LOG_PAGE = { defaultLimit: 20, maxLimit: 100 } as const;

export const CoachingLogQuery = z.object({
  planId: z.uuid().optional(),
  cycleId: z.uuid().optional(),
  /** Logs where this person is the coach or an attendee (default: the reader). */
  personId: z.uuid().optional(),
  /** Narrows `personId` to the sessions they coach, or those they attend. */
  personRole: z.enum(['coach', 'attendee']).optional(),
  status: z.enum(COACHING_LOG_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(COACHING_LOG_PAGE.maxLimit).default(COACHING_LOG_PAGE.defaultLimit),
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});
export type CoachingLogQuery = z.input<typeof CoachingLogQuery>;

export const CreateCoachingLogInput = z.object({
  attendeeIds: z.array(z.uuid()).min(1).max(COACHING_LIMITS.planMembers),
  status: z.enum(['scheduled', 'held']),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(5).max(480),
  activity: z.enum(COACHING_ACTIVITIES),
  focusItemId: z.uuid().nullable().default(null),
  planId: z.uuid().nullable().default(null),
  cycleId: z.uuid().nullable().default(null),
  notes: notesText.default(''),
  nextSteps: notesText.default(''),
});
export type CreateCoachingLogInput = z.infer<typeof CreateCoachingLogInput>;

export const UpdateCoachingLogInput = z
  .object({
    status: z.enum(COACHING_LOG_STATUSES),
    startsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(5).max(480),
    activity: z.enum(COACHING_ACTIVITIES),
    focusItemId: z.uuid().nullable(),
    planId: z.uuid().nullable(),
    cycleId: z.uuid().nullable(),
    notes: notesText,
    nextSteps: notesText,
  })
  .partial()
  .extend({ version });
export type UpdateCoachingLogInput = z.infer<typeof UpdateCoachingLogInput>;

export const RateCoachingLogInput = z.object({ helpfulness: z.number().int().min(1).max(5).nullable() });
export const ShareCoachingLogInput = z.object({ shared: z.boolean() });

// ---------- Cycles ----------

export const CoachingCycle = z.object({
  id: z.uuid(),
  view: CoachingView,
  planId: z.uuid().nullable(),
  coach: CoachingPersonRef,
  coachee: CoachingPersonRef,
  focusItem: FocusItemRef.nullable(),
  phase: z.enum(COACHING_CYCLE_PHASES),
  /** Full view only. */
  goal: z.string().optional(),
  outcome: z.string().nullable().optional(),
  startedOn: IsoDate,
  completedOn: IsoDate.nullable(),
  version: z.number().int(),
  abilities: CoachingAbilities,
});
export type CoachingCycle = z.infer<typeof CoachingCycle>;

export const CoachingCycleDetail = CoachingCycle.extend({ logs: z.array(CoachingLog) });
export type CoachingCycleDetail = z.infer<typeof CoachingCycleDetail>;

export const CoachingCycleList = z.object({ items: z.array(CoachingCycle) });
export const CoachingCycleQuery = z.object({ personId: z.uuid().optional(), planId: z.uuid().optional() });

export const CreateCoachingCycleInput = z.object({
  coacheeId: z.uuid(),
  planId: z.uuid().nullable().default(null),
  focusItemId: z.uuid().nullable().default(null),
  goal: z.string().trim().min(1).max(COACHING_LIMITS.goalChars),
  startedOn: IsoDate.optional(),
});
export type CreateCoachingCycleInput = z.infer<typeof CreateCoachingCycleInput>;

export const UpdateCoachingCycleInput = z
  .object({
    goal: z.string().trim().min(1).max(COACHING_LIMITS.goalChars),
    focusItemId: z.uuid().nullable(),
    planId: z.uuid().nullable(),
    outcome: z.string().trim().max(COACHING_LIMITS.goalChars).nullable(),
  })
  .partial()
  .extend({ version });
export type UpdateCoachingCycleInput = z.infer<typeof UpdateCoachingCycleInput>;

/** Move one step forward or back; completing needs an outcome. */
export const ChangeCyclePhaseInput = z.object({
  version,
  phase: z.enum(COACHING_CYCLE_PHASES),
  outcome: z.string().trim().max(COACHING_LIMITS.goalChars).optional(),
});

// ---------- Caseload, summaries ----------

export const CaseloadEntry = z.object({
  person: CoachingPersonRef,
  plan: z.object({ id: z.uuid(), title: z.string(), status: z.enum(COACHING_PLAN_STATUSES), behind: z.boolean() }).nullable(),
  cycle: z.object({ id: z.uuid(), phase: z.enum(COACHING_CYCLE_PHASES) }).nullable(),
  lastSessionAt: z.string().nullable(),
  nextSessionAt: z.string().nullable(),
});
export type CaseloadEntry = z.infer<typeof CaseloadEntry>;
export const Caseload = z.object({ items: z.array(CaseloadEntry) });

/** What a school leader may see of a person's coaching: counts, dates and focus, no notes. */
export const CoachingPersonSummary = z.object({
  person: CoachingPersonRef,
  sessionsThisTerm: z.number().int().nullable(),
  sessionsThisYear: z.number().int(),
  lastSessionOn: IsoDate.nullable(),
  nextSessionAt: z.string().nullable(),
  focusItems: z.array(FocusItemRef),
  focusComponents: z.array(z.string()),
  cyclePhase: z.enum(COACHING_CYCLE_PHASES).nullable(),
  activePlan: z.object({ id: z.uuid(), title: z.string(), coach: CoachingPersonRef, delivery: PlanDelivery }).nullable(),
});
export type CoachingPersonSummary = z.infer<typeof CoachingPersonSummary>;

export const SchoolCoaching = z.object({ items: z.array(CoachingPersonSummary) });

export const FocusItemList = z.object({ items: z.array(FocusItemRef) });

export const PersonIdParams = z.object({ personId: z.uuid() });
