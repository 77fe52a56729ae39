import { z } from 'zod';
import { DRIVER_HEALTH, DRIVERS, INITIATIVE_LIMITS, type Driver } from '../implementation.ts';
import { Uuid } from './common.ts';
import { PersonRef } from './teams.ts';

/**
 * The fields each driver's plan holds besides its owner and plan text (`details`). Fidelity's
 * threshold is the initiative's own `fidelityThresholdPct`, shown beside these, never copied.
 * Organisation drivers and leadership are a plan with a dated next step.
 */
export const DRIVER_DETAIL_FIELDS: Record<Driver, readonly string[]> = {
  selection: ['skills', 'jobDescriptionText', 'interviewQuestions', 'performanceAssessment'],
  training: ['overview'],
  coaching: ['systemDescription', 'serviceDeliveryPlan'],
  fidelity: ['whoChecks', 'frequency', 'raterTraining', 'agreementCheck'],
  decision_support: ['nextStep', 'nextStepOn'],
  facilitative_administration: ['nextStep', 'nextStepOn'],
  systems_intervention: ['nextStep', 'nextStepOn'],
  leadership: ['nextStep', 'nextStepOn'],
};

/** Detail fields that hold an ISO day rather than text. */
export const DRIVER_DATE_FIELDS: readonly string[] = ['nextStepOn'];

export const DriverParams = z.object({ id: Uuid, driver: z.enum(DRIVERS) });

export const DriverPlanInput = z.object({
  /** The version read; 0 for a driver whose plan was never written (it is created on first save). */
  version: z.number().int().min(0),
  ownerPersonId: Uuid.nullable(),
  plan: z.string().max(INITIATIVE_LIMITS.textChars),
  /** Only the driver's own fields (DRIVER_DETAIL_FIELDS); any other key answers 400 naming it. */
  details: z.record(z.string(), z.string().max(INITIATIVE_LIMITS.textChars)).default({}),
  /** Weeks a record counts toward "producing data". */
  dataWindowWeeks: z.number().int().min(1).max(52).default(8),
});
export type DriverPlanInput = z.infer<typeof DriverPlanInput>;

/**
 * A driver's health and why it is not higher: reason codes (i18n `driverPlans.reasons.<code>`) name
 * what is missing for the next level, or `top_is_in_place` for a driver that produces no records.
 */
export const DriverHealthResult = z.object({
  driver: z.enum(DRIVERS),
  health: z.enum(DRIVER_HEALTH),
  reasons: z.array(z.string()),
});
export type DriverHealthResult = z.infer<typeof DriverHealthResult>;

export const DriverPlan = z.object({
  driver: z.enum(DRIVERS),
  owner: PersonRef.nullable(),
  plan: z.string(),
  details: z.record(z.string(), z.string()),
  dataWindowWeeks: z.number().int(),
  /** 0 while the plan was never written. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  health: DriverHealthResult,
  /** Decisions the initiative's teams routed to this driver, newest meeting first (at most DRIVER_DECISIONS_SHOWN). */
  decisions: z.array(
    z.object({ id: Uuid, text: z.string(), meetingId: Uuid, meetsAt: z.string(), team: z.object({ id: Uuid, name: z.string() }) }),
  ),
  abilities: z.object({ edit: z.boolean() }),
});
/** How many routed decisions each driver card lists. */
export const DRIVER_DECISIONS_SHOWN = 5;
export type DriverPlan = z.infer<typeof DriverPlan>;

export const InitiativeRef = z.object({ id: Uuid, name: z.string(), fidelityThresholdPct: z.number().int() });
export type InitiativeRef = z.infer<typeof InitiativeRef>;

/** What the caller may do on the initiative's driver pages. */
export const DriverAbilities = z.object({
  /** Edit every driver plan (HR, admins, the district implementation team). */
  editPlans: z.boolean(),
  /** Create and edit training sessions. */
  manageTraining: z.boolean(),
  /** Record training attendance. */
  recordAttendance: z.boolean(),
  /** Assign initiative coaching and record coaching-system reviews. */
  manageCoaching: z.boolean(),
});
export type DriverAbilities = z.infer<typeof DriverAbilities>;

export const DriverPlanList = z.object({
  initiative: InitiativeRef,
  drivers: z.array(DriverPlan),
  abilities: DriverAbilities,
});
export type DriverPlanList = z.infer<typeof DriverPlanList>;
