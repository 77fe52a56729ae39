import { z } from 'zod';
import { INITIATIVE_LIMITS } from '../implementation.ts';
import { FocusItemRef } from './coaching.ts';
import { IsoDate, Uuid, VersionInput } from './common.ts';
import { DriverAbilities, InitiativeRef } from './driver-plans.ts';
import { PersonRef } from './teams.ts';

const text = z.string().max(INITIATIVE_LIMITS.textChars).default('');

export const CoachingAssignmentParams = z.object({ id: Uuid, assignmentId: Uuid });

/** One coach, many covered staff: one assignment each, on one component, optionally under a coaching plan. */
export const AssignInitiativeCoachingInput = z.object({
  coachPersonId: Uuid,
  personIds: z.array(Uuid).min(1).max(500),
  itemId: Uuid.nullable().default(null),
  /** An existing coaching service delivery plan of this coach that includes each person. */
  coachingPlanId: Uuid.nullable().default(null),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().default(null),
});
export type AssignInitiativeCoachingInput = z.infer<typeof AssignInitiativeCoachingInput>;

/** Moves an assignment to the next component, relinks it, or ends it. */
export const UpdateInitiativeCoachingInput = VersionInput.extend({
  itemId: Uuid.nullable(),
  coachingPlanId: Uuid.nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
});
export type UpdateInitiativeCoachingInput = z.infer<typeof UpdateInitiativeCoachingInput>;

export const CoachingAssignment = z.object({
  id: Uuid,
  coach: PersonRef,
  person: PersonRef,
  item: FocusItemRef.nullable(),
  coachingPlan: z.object({ id: Uuid, title: z.string() }).nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  version: z.number().int(),
});
export type CoachingAssignment = z.infer<typeof CoachingAssignment>;

export const AssignInitiativeCoachingResult = z.object({ created: z.number().int(), unchanged: z.number().int() });

export const CoachingSystemReviewInput = z.object({
  reviewedOn: IsoDate,
  fidelityFindings: text,
  observationFindings: text,
  /** Average satisfaction of coached staff, 1-5, when surveyed. */
  satisfaction: z.number().min(1).max(5).nullable().default(null),
  decisions: text,
});
export type CoachingSystemReviewInput = z.infer<typeof CoachingSystemReviewInput>;

export const CoachingSystemReview = z.object({
  id: Uuid,
  reviewedOn: IsoDate,
  fidelityFindings: z.string(),
  observationFindings: z.string(),
  satisfaction: z.number().nullable(),
  decisions: z.string(),
});
export type CoachingSystemReview = z.infer<typeof CoachingSystemReview>;

export const InitiativeCoaching = z.object({
  initiative: InitiativeRef,
  items: z.array(CoachingAssignment),
  reviews: z.array(CoachingSystemReview),
  /** Set when no review was recorded, or the last one is older than 4 months (three reviews a year). */
  due: z.object({ lastReviewedOn: IsoDate.nullable() }).nullable(),
  /** The practice profile's components, to pick an assignment's component from. */
  components: z.array(FocusItemRef),
  abilities: DriverAbilities,
});
export type InitiativeCoaching = z.infer<typeof InitiativeCoaching>;
