import { z } from 'zod';
import { GOAL_RATINGS, PROGRESS_STATUSES } from '../performance.ts';

/**
 * Check-ins on a plan (dates from the cycle) and the end-of-year review: the evaluator's ratings,
 * goal ratings and summary, the person's reflection and acknowledgment (acknowledging is not agreeing).
 */

const Note = z.string().max(20_000);

export const CheckInProgress = z
  .object({
    goalId: z.uuid().optional(),
    focusAreaId: z.uuid().optional(),
    status: z.enum(PROGRESS_STATUSES),
    note: z.string().max(5_000).default(''),
  })
  .refine((p) => Boolean(p.goalId) !== Boolean(p.focusAreaId), { message: 'goal_or_focus_area' });
export type CheckInProgress = z.infer<typeof CheckInProgress>;

export const CheckIn = z.object({
  id: z.uuid(),
  dueOn: z.iso.date(),
  heldOn: z.iso.date().nullable(),
  progress: z.array(CheckInProgress),
  personNotes: z.string(),
  evaluatorNotes: z.string(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type CheckIn = z.infer<typeof CheckIn>;

export const PlanItemRef = z.object({ id: z.uuid(), title: z.string() });

/** What a plan page header shows: whose plan, which cycle, and what the caller may do. */
export const PlanHeader = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  evaluatorName: z.string().nullable(),
  cycleTitle: z.string(),
  schoolYear: z.string(),
  status: z.string(),
  version: z.number().int(),
  viewer: z.enum(['person', 'supervisor']),
});
export type PlanHeader = z.infer<typeof PlanHeader>;

export const CheckInList = z.object({
  plan: PlanHeader,
  goals: z.array(PlanItemRef),
  focusAreas: z.array(PlanItemRef),
  items: z.array(CheckIn),
  nextCheckInOn: z.iso.date().nullable(),
  abilities: z.object({ checkIn: z.boolean(), personNotes: z.boolean(), evaluatorNotes: z.boolean() }),
});
export type CheckInList = z.infer<typeof CheckInList>;

export const CheckInParams = z.object({ id: z.uuid(), checkInId: z.uuid() });

/** Partial: only the fields sent change. `heldOn` null un-marks it held. */
export const UpdateCheckInInput = z.object({
  version: z.number().int().positive(),
  heldOn: z.iso.date().nullable().optional(),
  progress: z.array(CheckInProgress).max(50).optional(),
  personNotes: Note.optional(),
  evaluatorNotes: Note.optional(),
});
export type UpdateCheckInInput = z.infer<typeof UpdateCheckInInput>;

export const ReviewLevel = z.object({ scaleLevelId: z.uuid(), score: z.number(), label: z.string(), descriptor: z.string().nullable() });

export const EvidenceAtHand = z.object({
  observations: z.array(
    z.object({ observedAt: z.string(), levelScore: z.number().nullable(), label: z.string().nullable(), sourceId: z.uuid().nullable() }),
  ),
  walkthroughs: z.number().int(),
  selfRating: z.object({ levelScore: z.number().nullable(), label: z.string().nullable(), comment: z.string() }).nullable(),
});
export type EvidenceAtHand = z.infer<typeof EvidenceAtHand>;

export const ReviewCriterion = z.object({
  itemId: z.uuid(),
  code: z.string().nullable(),
  title: z.string(),
  weight: z.number().nullable(),
  levels: z.array(ReviewLevel),
  rating: z.object({ scaleLevelId: z.uuid().nullable(), comment: z.string() }).nullable(),
  evidence: EvidenceAtHand,
});
export type ReviewCriterion = z.infer<typeof ReviewCriterion>;

export const ReviewGoal = z.object({ id: z.uuid(), title: z.string(), rating: z.enum(GOAL_RATINGS).nullable(), comment: z.string() });

export const Review = z.object({
  plan: PlanHeader,
  /** The cycle's dates the evidence is drawn from. */
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  criteria: z.array(ReviewCriterion),
  goals: z.array(ReviewGoal),
  summary: z.string(),
  overall: z.object({ enabled: z.boolean(), score: z.number().nullable(), label: z.string().nullable() }),
  personReflection: z.string(),
  reviewedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgmentResponse: z.string().nullable(),
  abilities: z.object({ edit: z.boolean(), complete: z.boolean(), reopen: z.boolean(), reflect: z.boolean(), acknowledge: z.boolean() }),
});
export type Review = z.infer<typeof Review>;

/** Partial: only what is sent changes (autosave). A rating with a null level clears it. */
export const UpdateReviewInput = z.object({
  version: z.number().int().positive(),
  ratings: z
    .array(z.object({ itemId: z.uuid(), scaleLevelId: z.uuid().nullable(), comment: z.string().max(5_000).default('') }))
    .max(100)
    .optional(),
  goals: z
    .array(z.object({ goalId: z.uuid(), rating: z.enum(GOAL_RATINGS).nullable(), comment: z.string().max(5_000).default('') }))
    .max(50)
    .optional(),
  summary: Note.optional(),
});
export type UpdateReviewInput = z.infer<typeof UpdateReviewInput>;

export const ReflectionInput = z.object({ version: z.number().int().positive(), personReflection: Note });
export const AcknowledgeInput = z.object({ version: z.number().int().positive(), response: Note.optional() });
export const ReopenReviewInput = z.object({ version: z.number().int().positive(), reason: z.string().trim().min(1).max(2_000) });
export const VersionOnly = z.object({ version: z.number().int().positive() });
