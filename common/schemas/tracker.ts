import { z } from 'zod';
import { OBSERVED_ROLES } from '../observation.ts';

/** The school tracker, its export and the district view: the API contract. */

export const TRACKER_FLAGS = ['overdue', 'missing'] as const;
export type TrackerFlag = (typeof TRACKER_FLAGS)[number];

/** Columns a tracker can be sorted by; `item:<itemId>` sorts by the level on one competency. */
export const TRACKER_SORT_KEYS = [
  'name',
  'role',
  'team',
  'openActionSteps',
  'lastObservedOn',
  'daysSinceFeedback',
  'scoredThisTerm',
  'coachingThisTerm',
] as const;

/** At most this many rows per school (a school has a few hundred staff at most). */
export const TRACKER_ROW_CAP = 500;

export const TrackerQuery = z.object({
  role: z.enum(OBSERVED_ROLES).optional(),
  /** A team of the school or an org unit under it (a department), or `none` for people on no team. */
  team: z.union([z.uuid(), z.literal('none')]).optional(),
  /** Only people whose latest level on this competency is below proficient (or not yet scored). */
  belowProficient: z.uuid().optional(),
  /** Comma-separated flags: overdue, missing. */
  flags: z
    .string()
    .max(40)
    .optional()
    .transform((v) => (v ?? '').split(',').filter((f): f is TrackerFlag => (TRACKER_FLAGS as readonly string[]).includes(f))),
  /** A sort key, optionally prefixed with `-` for descending: `name`, `-lastObservedOn`, `item:<uuid>`. */
  sort: z
    .string()
    .max(60)
    .regex(/^-?([a-zA-Z]+|item:[0-9a-f-]{36})$/)
    .optional(),
});
export type TrackerQuery = z.infer<typeof TrackerQuery>;

export const TrackerExportQuery = TrackerQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** A competency column: one criterion of the teacher role rubric. */
export const TrackerColumn = z.object({
  itemId: z.uuid(),
  humanCode: z.string().nullable(),
  /** The competency's short name (CASE abbreviatedStatement), for column headers; null when it has none. */
  title: z.string().nullable(),
  statement: z.string(),
});
export type TrackerColumn = z.infer<typeof TrackerColumn>;

export const TrackerLevel = z.object({
  label: z.string().nullable(),
  levelScore: z.number().nullable(),
  proficient: z.boolean(),
  observedOn: z.string(),
});
export type TrackerLevel = z.infer<typeof TrackerLevel>;

export const FEEDBACK_STATES = ['none', 'pending', 'held'] as const;

export const TrackerRow = z.object({
  personId: z.uuid(),
  name: z.string(),
  role: z.string(),
  /** The org unit under the school the person's role is in (a department), if any. */
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Every team the person is on today: that unit first, then the school's teams by name. */
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** itemId -> latest level (absent when never scored). */
  levels: z.record(z.string(), TrackerLevel),
  openActionSteps: z.number().int(),
  lastObservedOn: z.string().nullable(),
  feedback: z.object({
    state: z.enum(FEEDBACK_STATES),
    /** School days since feedback was last held, or since the observation still waiting for it. */
    schoolDays: z.number().int().nullable(),
    overdue: z.boolean(),
  }),
  scoredThisTerm: z.number().int(),
  missingObservations: z.boolean(),
  coachingThisTerm: z.number().int(),
});
export type TrackerRow = z.infer<typeof TrackerRow>;

export const TrackerTerm = z.object({ id: z.uuid(), name: z.string(), startsOn: z.string(), endsOn: z.string() }).nullable();

export const SchoolTracker = z.object({
  school: z.object({ id: z.uuid(), name: z.string() }),
  term: TrackerTerm,
  /** Scored observations each teacher gets per term (the district's non-negotiable). */
  requiredPerTerm: z.number().int(),
  /** `development`: a coach's view (their caseload, development observations only). */
  view: z.enum(['full', 'development']),
  columns: z.array(TrackerColumn),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  rows: z.array(TrackerRow),
  /** Rows before filters. */
  total: z.number().int(),
  truncated: z.boolean(),
  today: z.string(),
});
export type SchoolTracker = z.infer<typeof SchoolTracker>;

export const TrackerSchoolList = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string() })),
  abilities: z.object({ viewDistrict: z.boolean() }),
});
export type TrackerSchoolList = z.infer<typeof TrackerSchoolList>;

export const DistrictSchoolRow = z.object({
  schoolId: z.uuid(),
  name: z.string(),
  teachers: z.number().int(),
  observedThisTerm: z.number().int(),
  scoredThisTerm: z.number().int(),
  scoredRequired: z.number().int(),
  missingObservations: z.number().int(),
  overdueFeedback: z.number().int(),
  openActionSteps: z.number().int(),
  coachingThisTerm: z.number().int(),
  /** itemId -> share of scored teachers at proficient, 0..1 (null when nobody is scored). */
  proficientShare: z.record(z.string(), z.number().nullable()),
  /** When the figures were computed; null until the first refresh finishes. */
  asOf: z.string().nullable(),
  stale: z.boolean(),
});
export type DistrictSchoolRow = z.infer<typeof DistrictSchoolRow>;

export const DistrictTracker = z.object({
  columns: z.array(TrackerColumn),
  term: TrackerTerm,
  requiredPerTerm: z.number().int(),
  schools: z.array(DistrictSchoolRow),
  /** Schools whose figures are being recomputed in the background right now. */
  refreshing: z.number().int(),
});
export type DistrictTracker = z.infer<typeof DistrictTracker>;
