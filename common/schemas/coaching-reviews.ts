import { z } from 'zod';
import { COACHING_LIMITS, COACHING_REVIEW_DECISIONS, COACHING_REVIEW_FOLLOWED } from '../coaching.ts';
import { CoachingPersonRef, CoachingView } from './coaching.ts';
import { IsoDate, Uuid } from './common.ts';

/**
 * Coaching plan reviews: the API contract. The coach and the plan's members read a review in full
 * (`view` 'full'); those overseeing them (school leaders, HR, admins) read that it happened and what
 * was decided (`view` 'summary': no data notes, next steps or coachee note).
 */

const notesText = z.string().max(COACHING_LIMITS.notesChars, { error: `Keep this under ${COACHING_LIMITS.notesChars} characters` });

export const CoachingReviewFollowed = z.enum(COACHING_REVIEW_FOLLOWED);
export const CoachingReviewDecision = z.enum(COACHING_REVIEW_DECISIONS);

export const CoachingPlanReview = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  view: CoachingView,
  reviewDate: IsoDate,
  /** Planned sessions from the plan's start to the review date, as computed when recorded. */
  plannedSessions: z.number(),
  deliveredSessions: z.number().int(),
  followed: CoachingReviewFollowed,
  decision: CoachingReviewDecision,
  dataNotes: z.string().optional(),
  nextSteps: z.string().optional(),
  coacheeNote: z.string().optional(),
  recordedBy: CoachingPersonRef,
  recordedAt: z.iso.datetime(),
  acknowledgedBy: CoachingPersonRef.nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), acknowledge: z.boolean() }),
});
export type CoachingPlanReview = z.infer<typeof CoachingPlanReview>;

export const CoachingPlanReviewList = z.object({
  items: z.array(CoachingPlanReview),
  /** The plan's review dates that are past (the district's day) with no review recorded. */
  overdueDates: z.array(IsoDate),
  /** The next review date with no review yet, if any. */
  nextDue: IsoDate.nullable(),
  canRecord: z.boolean(),
});
export type CoachingPlanReviewList = z.infer<typeof CoachingPlanReviewList>;

export const CreateCoachingPlanReviewInput = z.object({
  reviewDate: IsoDate,
  followed: CoachingReviewFollowed,
  decision: CoachingReviewDecision,
  dataNotes: notesText.default(''),
  nextSteps: notesText.default(''),
});
export type CreateCoachingPlanReviewInput = z.infer<typeof CreateCoachingPlanReviewInput>;

export const UpdateCoachingPlanReviewInput = z.object({
  version: z.number().int().positive(),
  followed: CoachingReviewFollowed.optional(),
  dataNotes: notesText.optional(),
  nextSteps: notesText.optional(),
});
export type UpdateCoachingPlanReviewInput = z.infer<typeof UpdateCoachingPlanReviewInput>;

/** A plan member acknowledges the review, with their own note (agreement or not). */
export const AcknowledgeCoachingPlanReviewInput = z.object({
  version: z.number().int().positive(),
  note: notesText.default(''),
});
export type AcknowledgeCoachingPlanReviewInput = z.infer<typeof AcknowledgeCoachingPlanReviewInput>;

export const PlanReviewParams = z.object({ id: Uuid, reviewId: Uuid });

export const OverdueReview = z.object({
  planId: z.uuid(),
  planTitle: z.string(),
  reviewDate: IsoDate,
  coach: CoachingPersonRef,
  members: z.array(CoachingPersonRef),
});
export type OverdueReview = z.infer<typeof OverdueReview>;
export const OverdueReviewList = z.object({ items: z.array(OverdueReview), asOf: IsoDate });
export type OverdueReviewList = z.infer<typeof OverdueReviewList>;
