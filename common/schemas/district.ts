import { z } from 'zod';
import { CoachingPersonRef } from './coaching.ts';

/** HR's and admins' district-wide views: the home page's figures and coaching delivered against plans. */

export const PeriodQuery = z.object({
  /** Inclusive ISO dates; default: the current term, else the school year (July-June). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type PeriodQuery = z.infer<typeof PeriodQuery>;

export const Period = z.object({
  from: z.string(),
  to: z.string(),
  /** The term's name when the period is the current term. */
  termName: z.string().nullable(),
});

export const DeliveryFigures = z.object({
  plans: z.number().int(),
  /** Sessions the plans' frequencies call for from the period's start to today (or its end), prorated. */
  planned: z.number(),
  /** Held sessions counted against those plans in the same days. */
  delivered: z.number().int(),
  /** Plans whose delivery is below 80% of planned. */
  behind: z.number().int(),
});
export type DeliveryFigures = z.infer<typeof DeliveryFigures>;

export const CoachingDeliveryReport = z.object({
  period: Period,
  asOf: z.string(),
  totals: DeliveryFigures,
  coaches: z.array(DeliveryFigures.extend({ coach: CoachingPersonRef })),
  /** A plan counts for each school its coachees work in now; `school` null: none of them has one. */
  schools: z.array(DeliveryFigures.extend({ school: z.object({ id: z.uuid(), name: z.string() }).nullable() })),
});
export type CoachingDeliveryReport = z.infer<typeof CoachingDeliveryReport>;

export const DistrictSummary = z.object({
  period: Period,
  observations: z.object({
    published: z.number().int(),
    drafts: z.number().int(),
    feedbackOverdue: z.number().int(),
    awaitingAcknowledgement: z.number().int(),
  }),
  coaching: DeliveryFigures,
  imports: z.object({
    /** The latest roster import: its status and when it finished (or started). */
    latest: z.object({ id: z.uuid(), status: z.string(), at: z.string() }).nullable(),
    failedLast30Days: z.number().int(),
  }),
  outbox: z.object({ failedLast30Days: z.number().int(), pending: z.number().int() }),
});
export type DistrictSummary = z.infer<typeof DistrictSummary>;
