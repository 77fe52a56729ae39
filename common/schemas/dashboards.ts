import { z } from 'zod';
import { IMPLEMENTATION_STAGES } from '../implementation.ts';
import { OverviewComponentTrend, OverviewDriver } from './implementation-overview.ts';
import { OutcomeSeries } from './outcomes.ts';
import { Uuid } from './common.ts';

/**
 * The district and school dashboards (issue 15, part 7): per initiative, side by side, driver
 * health, training reach and results, coaching dosage, fidelity by component, stage and outcomes
 * over time. Outcome figures under the district's minimum count arrive suppressed (no number).
 */
export const DashboardInitiative = z.object({
  id: Uuid,
  name: z.string(),
  status: z.string(),
  /** When the district dashboard's figures were computed (stored, or afresh for this response after a change); null on a school's. */
  asOf: z.string().nullable(),
  /** Covered schools by stage (a covered school without a stage row is exploring); on a school's dashboard, that school only. */
  stage: z.object({
    schools: z.number().int(),
    counts: z.record(z.enum(IMPLEMENTATION_STAGES), z.number().int()),
    /** The school's own stage (school dashboard only). */
    current: z.enum(IMPLEMENTATION_STAGES).nullable(),
  }),
  drivers: z.array(OverviewDriver),
  training: z.object({
    sessions: z.number().int(),
    upcomingSessions: z.number().int(),
    /** People marked on attendance (present or absent) and people present at least once. */
    marked: z.number().int(),
    trained: z.number().int(),
    /** Present marks over all marks, percent; null without marks. */
    attendancePct: z.number().nullable(),
  }),
  coaching: z.object({
    /** Teachers with a current initiative coaching assignment. */
    coached: z.number().int(),
    /** Coaching sessions held with them over the last `weeks` weeks. */
    sessions: z.number().int(),
    weeks: z.number().int(),
    /** Sessions per coached teacher over those weeks. */
    perTeacher: z.number().nullable(),
  }),
  fidelity: z.object({
    people: z.number().int(),
    atFidelity: z.number().int(),
    /** Fewer than FIDELITY_MIN_GROUP people checked, and the reader may not read individuals: the share is withheld. */
    suppressed: z.boolean(),
    components: z.array(OverviewComponentTrend),
  }),
  outcomes: z.array(OutcomeSeries),
});
export type DashboardInitiative = z.infer<typeof DashboardInitiative>;

export const DistrictDashboard = z.object({
  today: z.string(),
  minCount: z.number().int(),
  /** Initiatives whose stored figures are being refreshed in the background. */
  refreshing: z.number().int(),
  initiatives: z.array(DashboardInitiative),
});
export type DistrictDashboard = z.infer<typeof DistrictDashboard>;

export const SchoolDashboard = z.object({
  today: z.string(),
  minCount: z.number().int(),
  school: z.object({ id: Uuid, name: z.string() }),
  initiatives: z.array(DashboardInitiative),
});
export type SchoolDashboard = z.infer<typeof SchoolDashboard>;

export const SchoolDashboardParams = z.object({ orgUnitId: Uuid });
