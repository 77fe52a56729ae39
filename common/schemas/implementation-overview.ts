import { z } from 'zod';
import { DRIVER_HEALTH, DRIVERS, IMPLEMENTATION_STAGES, PDSA_STATUSES } from '../implementation.ts';

/** One school's (or the district's) stage on the initiative page. */
export const OverviewStage = z.object({
  orgUnitId: z.string().uuid(),
  orgUnitName: z.string(),
  district: z.boolean(),
  stage: z.enum(IMPLEMENTATION_STAGES),
  enteredAt: z.string().nullable(),
});

export const OverviewTrendPoint = z.object({
  month: z.string(),
  checks: z.number().int(),
  averagePct: z.number().nullable(),
  /** Fewer than FIDELITY_MIN_GROUP checks, and the reader may not read individuals: the average is withheld. */
  suppressed: z.boolean(),
});

export const OverviewComponentTrend = z.object({
  itemId: z.string().uuid(),
  title: z.string(),
  points: z.array(OverviewTrendPoint),
});

export const OverviewDriver = z.object({
  driver: z.enum(DRIVERS),
  health: z.enum(DRIVER_HEALTH),
  reasons: z.array(z.string()),
});

export const OverviewActionItem = z.object({
  id: z.string().uuid(),
  text: z.string(),
  teamId: z.string().uuid(),
  teamName: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
});

export const OverviewPdsa = z.object({
  id: z.string().uuid(),
  title: z.string(),
  status: z.enum(PDSA_STATUSES),
  orgUnitName: z.string(),
  component: z.string().nullable(),
});

/** The initiative page: every number comes from summaries kept on write (services/implementation/overview.ts). */
export const InitiativeOverview = z.object({
  initiative: z.object({
    id: z.string().uuid(),
    name: z.string(),
    purpose: z.string(),
    need: z.string(),
    status: z.string(),
    partnerName: z.string().nullable(),
    fidelityThresholdPct: z.number().int(),
    fullImplementationPct: z.number().int(),
    hasProfile: z.boolean(),
    hasTool: z.boolean(),
  }),
  today: z.string(),
  stages: z.array(OverviewStage),
  stageCounts: z.record(z.enum(IMPLEMENTATION_STAGES), z.number().int()),
  drivers: z.array(OverviewDriver),
  fidelity: z.object({
    people: z.number().int(),
    atFidelity: z.number().int(),
    /** Fewer than FIDELITY_MIN_GROUP people checked, and the reader may not read individuals: the share is withheld. */
    suppressed: z.boolean(),
    components: z.array(OverviewComponentTrend),
  }),
  reach: z.object({
    coached: z.number().int(),
    trained: z.number().int(),
    trainingSessions: z.number().int(),
    upcomingSessions: z.number().int(),
  }),
  openPdsa: z.array(OverviewPdsa),
  openPdsaCount: z.number().int(),
  actionItems: z.array(OverviewActionItem),
  openActionItemCount: z.number().int(),
});
export type InitiativeOverview = z.infer<typeof InitiativeOverview>;
