import { z } from 'zod';
import { GOAL_LEVELS, PROGRESS_STATUSES } from '../performance.ts';
import { IsoDate } from './common.ts';
import { SchoolYear } from './settings.ts';

/**
 * Team goals and team self-assessment (issue 13 item 7): a school's improvement priorities for a
 * year, district / school / team goals that roll up, quarterly check-ins, and a team's composition
 * reflection with its self-ratings on the district's observation scale. 1:1s live in one-on-ones.ts.
 */

export const MAX_PRIORITIES = 5;

export const YearQuery = z.object({ schoolYear: SchoolYear.optional() });

export const Priority = z.object({ id: z.uuid(), position: z.number().int(), title: z.string() });
export type Priority = z.infer<typeof Priority>;

export const PriorityList = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolYear: z.string(),
  items: z.array(Priority),
  /** The list's version (0 while it is empty and never saved); send it back with the next PUT. */
  version: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
export type PriorityList = z.infer<typeof PriorityList>;

const title = z.string().trim().min(1).max(300);

export const SetPrioritiesInput = z.object({
  schoolYear: SchoolYear,
  version: z.number().int().min(0),
  /** In order; an item with an id keeps its goals, one without is new, a missing one is removed. */
  items: z.array(z.object({ id: z.uuid().optional(), title })).max(MAX_PRIORITIES, `At most ${MAX_PRIORITIES} priorities`),
});

export const CheckIn = z.object({
  id: z.uuid(),
  checkedOn: z.string(),
  status: z.enum(PROGRESS_STATUSES),
  note: z.string(),
  recordedBy: z.string().nullable(),
});
export type CheckIn = z.infer<typeof CheckIn>;

export const TeamGoal = z.object({
  id: z.uuid(),
  level: z.enum(GOAL_LEVELS),
  schoolYear: z.string(),
  orgUnitId: z.uuid().nullable(),
  teamId: z.uuid().nullable(),
  teamName: z.string().nullable(),
  priorityId: z.uuid().nullable(),
  parentGoalId: z.uuid().nullable(),
  title: z.string(),
  metric: z.string(),
  baseline: z.string(),
  target: z.string(),
  dueOn: z.string().nullable(),
  version: z.number().int(),
  latestCheckIn: CheckIn.nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type TeamGoal = z.infer<typeof TeamGoal>;

const goalFields = {
  title,
  metric: z.string().trim().max(500).default(''),
  baseline: z.string().trim().max(500).default(''),
  target: z.string().trim().max(500).default(''),
  dueOn: IsoDate.nullable().default(null),
};

export const CreateGoalInput = z.object({
  level: z.enum(GOAL_LEVELS),
  schoolYear: SchoolYear,
  /** The school, for school and team goals. */
  orgUnitId: z.uuid().nullable().default(null),
  /** The team (of that school), for team goals. */
  teamId: z.uuid().nullable().default(null),
  /** A priority of that school and year, for school and team goals. */
  priorityId: z.uuid().nullable().default(null),
  /** A district goal (for a school goal) or a school goal of the same school (for a team goal). */
  parentGoalId: z.uuid().nullable().default(null),
  ...goalFields,
});
export type CreateGoalInput = z.infer<typeof CreateGoalInput>;

export const UpdateGoalInput = z.object({
  version: z.number().int().positive(),
  title: title.optional(),
  metric: z.string().trim().max(500).optional(),
  baseline: z.string().trim().max(500).optional(),
  target: z.string().trim().max(500).optional(),
  dueOn: IsoDate.nullable().optional(),
  priorityId: z.uuid().nullable().optional(),
  parentGoalId: z.uuid().nullable().optional(),
});
export type UpdateGoalInput = z.infer<typeof UpdateGoalInput>;

export const DeleteGoalQuery = z.object({ version: z.coerce.number().int().positive() });

export const CheckInInput = z.object({
  status: z.enum(PROGRESS_STATUSES),
  note: z.string().trim().max(4000).default(''),
  checkedOn: IsoDate,
});

export const GoalDetail = TeamGoal.extend({ checkIns: z.array(CheckIn) });

export const SchoolGoals = z.object({
  school: z.object({ id: z.uuid(), name: z.string() }),
  schoolYear: z.string(),
  priorities: z.array(Priority),
  prioritiesVersion: z.number().int(),
  goals: z.array(TeamGoal),
  /** District goals of the year, for aligning school goals. */
  districtGoals: z.array(z.object({ id: z.uuid(), title: z.string() })),
  /** The school's current teams, for team goals. */
  teams: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
  can: z.object({ editPriorities: z.boolean(), editSchoolGoals: z.boolean(), editTeamGoals: z.boolean() }),
});
export type SchoolGoals = z.infer<typeof SchoolGoals>;

export const DistrictGoals = z.object({
  schoolYear: z.string(),
  items: z.array(
    TeamGoal.extend({
      /** School goals aligned to it, and team goals aligned to those. */
      children: z.number().int(),
      /** Latest status of each rolled-up child, counted. */
      childStatuses: z.record(z.string(), z.number().int()),
    }),
  ),
  can: z.object({ edit: z.boolean() }),
});
export type DistrictGoals = z.infer<typeof DistrictGoals>;

// --- Team reflection and self-assessment --------------------------------------------------------

export const SelfRating = z.object({
  itemId: z.uuid(),
  scaleLevelId: z.uuid().nullable(),
  comment: z.string(),
});

export const TeamReflection = z.object({
  team: z.object({ id: z.uuid(), name: z.string(), schoolId: z.uuid(), schoolName: z.string() }),
  schoolYear: z.string(),
  composition: z.string(),
  /** 0 while nothing is saved for the year. */
  version: z.number().int(),
  ratings: z.array(SelfRating),
  competencies: z.array(z.object({ id: z.uuid(), label: z.string() })),
  scale: z.array(z.object({ id: z.uuid(), label: z.string(), levelScore: z.number() })),
  can: z.object({ edit: z.boolean() }),
});
export type TeamReflection = z.infer<typeof TeamReflection>;

export const SetReflectionInput = z.object({
  schoolYear: SchoolYear,
  version: z.number().int().min(0),
  composition: z.string().max(20000),
  ratings: z
    .array(z.object({ itemId: z.uuid(), scaleLevelId: z.uuid().nullable(), comment: z.string().trim().max(4000).default('') }))
    .max(500),
});
export type SetReflectionInput = z.infer<typeof SetReflectionInput>;
